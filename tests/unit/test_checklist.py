"""vkdocs.checklist: the procedures as data, and their rendering."""

from __future__ import annotations

import pytest
from docbuild import ROOT

from vkdocs import evidence
from vkdocs.checklist import PLATFORMS, build_checklist, platforms, situation_page, situations
from vkdocs.deadline import days_left, describe, format_days, format_long_date, last_day
from vkdocs.errors import InputTypeError
from vkdocs.i18n import localized, read_source
from vkdocs.messages import message

SITUATIONS = [
    "delete",
    "restore",
    "close-profile",
    "hide",
    "remove-app",
    "blocked",
    "lost-login",
    "hacked",
    "someone-else",
]
# The procedures as written (Russian), and in English through the catalog.
DATA = read_source("procedures.json")
ENGLISH = localized("procedures.json", "en")


def test_the_situations_are_the_agreed_ids_in_order():
    assert list(situations()) == SITUATIONS


def test_every_situation_has_a_title_in_both_languages():
    for titles in situations().values():
        assert set(titles) == {"ru", "en"} and all(titles.values())


def test_every_step_and_warning_is_written_in_russian_and_translated_into_english():
    for name, situation in DATA["situations"].items():
        english = ENGLISH["situations"][name]
        for step, translated in zip(situation["steps"], english["steps"], strict=True):
            assert step["text"] and translated["text"] != step["text"], name
            if "warning" in step:
                assert step["warning"]["text"] and translated["warning"]["text"] != step["warning"]["text"], name
            assert set(step.get("platforms", PLATFORMS)) <= set(PLATFORMS), name
        for warning, translated in zip(situation.get("warnings", []), english.get("warnings", []), strict=True):
            assert warning["text"] and translated["text"] != warning["text"], name


def test_the_platforms_are_the_agreed_ids():
    assert tuple(platforms()) == PLATFORMS


@pytest.mark.parametrize("situation", SITUATIONS)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_checklist_renders_as_a_task_list_and_as_boxes(situation, lang):
    checklist = build_checklist(situation, lang=lang)
    markdown, text = checklist.to_markdown(), checklist.to_text()
    assert markdown.count("- [ ] ") == len(checklist.steps) > 0
    assert text.count("☐ ") == len(checklist.steps)
    for step in checklist.steps:
        assert step.text in markdown and step.text in text


def test_russian_checklists_speak_russian_and_english_ones_english():
    ru, en = build_checklist("delete", lang="ru"), build_checklist("delete", lang="en")
    assert ru.title == "Удалить свою страницу" and en.title == "Delete your page"
    assert ru.steps[-1].text == DATA["situations"]["delete"]["steps"][-1]["text"]
    assert en.steps[-1].text == ENGLISH["situations"]["delete"]["steps"][-1]["text"]


def test_a_platform_keeps_only_its_own_and_the_shared_steps():
    steps = ENGLISH["situations"]["delete"]["steps"]
    for platform in PLATFORMS:
        expected = [s["text"] for s in steps if platform in s.get("platforms", PLATFORMS)]
        checklist = build_checklist("delete", lang="en", platform=platform)
        assert [s.text for s in checklist.steps] == expected
        assert all(section.heading is None for section in checklist.sections)


def test_without_a_platform_differing_steps_are_grouped_under_platform_headings():
    checklist = build_checklist("delete", lang="ru")
    headings = [s.heading for s in checklist.sections]
    assert headings == [None, *(platforms()[p]["ru"] for p in PLATFORMS), "Дальше — на любом устройстве"]
    assert len(checklist.steps) == len(DATA["situations"]["delete"]["steps"])


def test_situations_without_platform_steps_have_one_plain_section():
    assert [s.heading for s in build_checklist("restore", lang="en").sections] == [None]


def test_step_warnings_are_rendered_beside_their_step():
    checklist = build_checklist("delete", lang="en", platform="app")
    warned = [s for s in checklist.steps if s.warning]
    assert warned
    for step in warned:
        assert f"☐ {step.text} (A, D)\n  ⚠ Warning: {step.warning.text} (A)" in checklist.to_text()


def every_caution(data):
    """Each warning of the checklist data, the situations' and the steps': ``(situation, record)``."""
    for name, situation in data["situations"].items():
        yield from ((name, warning) for warning in situation.get("warnings", []))
        yield from ((name, step["warning"]) for step in situation["steps"] if "warning" in step)


def test_every_warning_cites_the_guides_words_or_is_our_advice():
    # As for steps: "sources" names quotes of the evidence register, and an empty list is our advice.
    found = list(every_caution(DATA))
    for name, warning in found:
        sources = warning["sources"]
        assert isinstance(sources, list) and evidence.check_ids(sources) == sources, (name, warning["text"])
    assert any(w["sources"] for _, w in found) and any(not w["sources"] for _, w in found)


@pytest.mark.parametrize("data", [DATA, ENGLISH], ids=["ru", "en"])
def test_no_warning_says_our_advice_in_its_text_the_empty_sources_do(data):
    advice = {message("our_advice", lang).casefold() for lang in ("ru", "en")}
    said = [(n, w["text"]) for n, w in every_caution(data) if any(a in w["text"].casefold() for a in advice)]
    assert not said


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("situation", SITUATIONS)
def test_every_step_and_warning_in_text_and_markdown_ends_with_its_guides_or_our_advice(situation, lang):
    checklist = build_checklist(situation, lang=lang)
    advice = f"({message('our_advice', lang)})"
    cautions = [*checklist.warnings, *(s.warning for s in checklist.steps if s.warning)]
    for item in (*checklist.steps, *cautions):
        expected = advice if not item.sources else "(" + ", ".join(evidence.guides_of(item.sources)) + ")"
        assert item.attribution == expected
        for rendered in (checklist.to_text(), checklist.to_markdown()):
            assert f"{item.text} {expected}\n" in rendered, (situation, item.text)


def test_a_warning_from_a_guide_shows_its_letter_and_our_advice_says_so():
    restore = build_checklist("restore", lang="ru").to_text()
    assert (
        "⚠ Внимание: Восстановление бесплатное. Кто просит деньги за восстановление страницы, тот мошенник. (E)\n"
        in restore
    )
    assert "⚠ Внимание: Никому не сообщайте пароль и коды из SMS, даже «сотрудникам VK». (Наш совет)\n" in restore
    english = build_checklist("restore", lang="en").to_text()
    assert "(Our advice)\n" in english and "(Наш совет)" not in english


def test_restore_checklist_carries_the_deadline_sentence():
    checklist = build_checklist("restore", lang="ru", deleted_on="2026-01-31", today="2026-03-01")
    assert checklist.note == describe("2026-01-31", "2026-03-01", "ru")
    assert checklist.note in checklist.to_text() and checklist.note in checklist.to_markdown()


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize(
    ("deleted", "today", "left"),
    [
        ("2026-10-01", "2027-04-27", 2),  # D-1
        ("2026-10-01", "2027-04-28", 1),  # D, the last day
        ("2026-10-01", "2027-04-29", 0),  # D+1
        ("2027-08-04", "2028-02-29", 1),  # a leap day as the last day
    ],
)
def test_restore_checklist_names_the_same_last_day_and_day_count_as_the_api(lang, deleted, today, left):
    note = build_checklist("restore", lang=lang, deleted_on=deleted, today=today).note
    assert note == describe(deleted, today, lang)
    assert format_long_date(last_day(deleted), lang) in note
    assert days_left(deleted, today) == left
    if left > 1:
        assert format_days(left, lang) in note


def test_consecutive_warnings_stay_separate_paragraphs_in_markdown():
    from markdown_it import MarkdownIt

    checklist = build_checklist("restore", lang="en")
    assert len(checklist.warnings) >= 2
    html = MarkdownIt("commonmark").render(checklist.to_markdown())
    for caution in checklist.warnings:
        assert f"<p><strong>Warning:</strong> {caution.text} {caution.attribution}</p>" in html.replace("&quot;", '"')


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"situation": ["restore"], "lang": "en"}, "situation"),
        ({"situation": "restore", "lang": ["en"]}, "lang"),
        ({"situation": "delete", "lang": "en", "platform": ["app"]}, "platform"),
    ],
)
def test_a_list_instead_of_a_string_is_a_clear_type_error(kwargs, name):
    situation = kwargs.pop("situation")
    with pytest.raises(InputTypeError) as caught:
        build_checklist(situation, **kwargs)
    assert isinstance(caught.value, TypeError)
    assert str(caught.value).startswith(f"{name}: expected a string (str), got list")


def test_a_deletion_date_needs_today():
    with pytest.raises(ValueError, match="today"):
        build_checklist("restore", lang="en", deleted_on="2026-01-31")


def test_a_deletion_date_belongs_only_to_restore():
    with pytest.raises(ValueError, match="'delete'"):
        build_checklist("delete", lang="en", deleted_on="2026-01-31", today="2026-03-01")


@pytest.mark.parametrize(
    ("kwargs", "bad", "choices"),
    [
        ({"situation": "unfriend", "lang": "en"}, "'unfriend'", "delete, restore, close-profile"),
        ({"situation": "delete", "lang": "de"}, "'de'", "ru, en"),
        ({"situation": "delete", "lang": "en", "platform": "tablet"}, "'tablet'", "computer, phone-browser, app"),
    ],
)
def test_unknown_choices_are_value_errors_listing_the_valid_ones(kwargs, bad, choices):
    situation = kwargs.pop("situation")
    with pytest.raises(ValueError) as caught:
        build_checklist(situation, **kwargs)
    assert bad in str(caught.value) and choices in str(caught.value)


def test_every_situation_names_a_docs_page_that_exists():
    docs = ROOT / "docs"
    for situation in SITUATIONS:
        assert (docs / f"{situation_page(situation)}.md").exists(), situation
