"""The {vk-checklist} and {vk-handout} directives render the same data in the build's language.

Each test builds a tiny project (``roots/test-vkdocs``: MyST, the checklists and handouts features, nitpicky)
in this process, with Sphinx's own test fixtures (``sphinx.testing.fixtures``, a plugin of every run:
pyproject.toml): the ``app`` fixture is the project's ``SphinxTestApp``.
The builds are as strict as the site's: a clean build leaves ``app.warning`` empty, and a build that must
fail says why there.
"""

from __future__ import annotations

import html

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from vkdocs.checklist import build_checklist, situations
from vkdocs.deadline import window_note

PAGE = """# Checklists

```{{vk-checklist}} {situation}
{options}```
"""


def project(builder: str, name: str, language: str) -> pytest.MarkDecorator:
    """The mark of a test that builds ``roots/test-vkdocs`` with ``builder`` in ``language``.

    ``srcdir=name``: the fixtures copy the project into the session's temporary folder under that name (a
    test that writes its pages never writes into the repository).
    """
    return pytest.mark.sphinx(builder, testroot="vkdocs", srcdir=name, confoverrides={"language": language})


def shared_project(builder: str, name: str, language: str) -> list[pytest.MarkDecorator]:
    """The marks of tests that share one build (``shared_result=name``, also the copy's folder).

    The first test builds; the others get an application on the same output, with the first one's warnings.
    """
    return [
        pytest.mark.sphinx(builder, testroot="vkdocs", confoverrides={"language": language}),
        pytest.mark.test_params(shared_result=name),
    ]


def build(app: SphinxTestApp, pages: dict[str, str]) -> SphinxTestApp:
    """Write ``pages`` (name -> Markdown; ``index`` gets a toctree of the others) into the project, then build it."""
    toctree = "```{toctree}\n" + "\n".join(name for name in pages if name != "index") + "\n```\n"
    for name, body in {"index": "# Index\n\n" + toctree, **pages}.items():
        (app.srcdir / f"{name}.md").write_text(body, encoding="utf-8")
    app.build()
    return app


def warned(app: SphinxTestApp) -> str:
    """What the build warned, colours taken out: empty for a build as strict as the site's (``-W``)."""
    return strip_escape_sequences(app.warning.getvalue())


def every_situation(app: SphinxTestApp) -> SphinxTestApp:
    """One page per situation, and one with ``:platform: app``: built once per language (``shared_result``)."""
    pages = {situation: PAGE.format(situation=situation, options="") for situation in situations()}
    pages["close-profile-app"] = PAGE.format(situation="close-profile", options=":platform: app\n")
    return build(app, pages)


def page_text(app: SphinxTestApp, page: str, suffix: str = ".html") -> str:
    return html.unescape((app.outdir / f"{page}{suffix}").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "language",
    [
        pytest.param(language, marks=shared_project("html", f"checklists-{language}", language))
        for language in ("ru", "en")
    ],
)
def test_the_directive_renders_every_step_with_a_checkbox(app, language):
    every_situation(app)
    assert warned(app) == ""
    for situation in situations():
        page = page_text(app, situation)
        checklist = build_checklist(situation, lang=language)
        assert checklist.title in page, situation
        for step in checklist.steps:
            assert step.text in page, situation
        for warning in checklist.warnings:
            assert warning.text in page, situation
        boxes = page.count('type="checkbox" class="task-list-item-checkbox vk-checkbox"')
        assert boxes == len(checklist.steps), situation


@pytest.mark.parametrize("language", [pytest.param("en", marks=shared_project("html", "checklists-en", "en"))])
def test_the_platform_option_keeps_only_that_platform(app, language):
    every_situation(app)
    assert warned(app) == ""
    page = page_text(app, "close-profile-app")
    assert "Scroll down and switch on" in page
    assert "Тип профиля» (Profile type)" not in page


@project("html", "unknown-situation", "en")
def test_an_unknown_situation_fails_the_build_listing_the_choices(app):
    build(app, {"index": PAGE.format(situation="unfriend", options="")})
    assert "Unknown situation 'unfriend'" in warned(app)
    assert ", ".join(situations()) in warned(app)


@project("gettext", "checklists-gettext", "ru")
def test_checklist_text_is_not_offered_for_translation(app):
    body = "# Checklists\n\n" + "".join(f"```{{vk-checklist}} {name}\n```\n\n" for name in situations())
    build(app, {"index": body})
    assert warned(app) == ""
    catalog = (app.outdir / "index.pot").read_text(encoding="utf-8")
    assert 'msgid "Checklists"' in catalog
    for situation in situations():
        checklist = build_checklist(situation, lang="ru")
        assert checklist.title not in catalog
        for step in checklist.steps:
            assert step.text not in catalog


@pytest.mark.parametrize(
    ("builder", "written"),
    [
        pytest.param("man", "*.1", marks=project("man", "boxes-man", "en")),
        pytest.param("texinfo", "*.texi", marks=project("texinfo", "boxes-texinfo", "en")),
    ],
)
def test_manual_pages_and_texinfo_draw_the_boxes_as_characters(app, builder, written):
    """Their writers have no ``add_text`` (the text builder's): the boxes go into the body."""
    build(app, {"index": PAGE.format(situation="restore", options="")})
    assert warned(app) == "", builder
    (output,) = app.outdir.glob(written)
    assert output.read_text(encoding="utf-8").count("☐") == len(build_checklist("restore", lang="en").steps)


HANDOUT = """# Handout

```{{vk-handout}} {situation}
{options}```
"""


def handout_text(app: SphinxTestApp, page: str = "index") -> str:
    """The text builder's output, bold marks and line breaks taken out."""
    return " ".join(page_text(app, page, ".txt").replace("**", "").split())


@project("text", "handout-dates", "en")
def test_a_handout_with_a_deletion_date_fills_in_both_dates_in_words(app):
    options = ":deleted-on: 01.10.2026\n:today: 2026-11-25\n"
    build(app, {"index": HANDOUT.format(situation="restore", options=options)})
    assert warned(app) == ""
    text = handout_text(app)
    assert "Page deleted on: October 1, 2026 Last day to restore: April 28, 2027" in text
    assert "built on November 25, 2026" in text
    assert "__________" not in text
    assert "fewer than 210 days" in text
    assert window_note("en") in text  # the rule of vkdocs.deadline, word for word


@project("text", "handout-blank", "ru")
def test_a_handout_without_dates_keeps_the_lines_to_fill_in(app):
    build(app, {"index": HANDOUT.format(situation="restore", options="")})
    assert warned(app) == ""
    # One line each, the label with its blank.
    assert "Страница удалена: __________ Последний день, когда можно восстановить: __________" in handout_text(app)
    assert window_note("ru") in handout_text(app)


@project("text", "handout-bad-dates", "en")
def test_a_handout_with_dates_it_cannot_use_fails_the_build(app):
    pages = {
        "hide": HANDOUT.format(situation="hide", options=":deleted-on: 2026-10-01\n"),
        "later": HANDOUT.format(situation="restore", options=":deleted-on: 2026-12-01\n:today: 2026-11-25\n"),
    }
    build(app, pages)
    assert "A deletion date applies only to the 'restore' situation, not 'hide'" in warned(app)
    assert "The date of deletion (December 1, 2026) is after today's date (November 25, 2026)" in warned(app)


#: The test project's extensions and the fingerprint feature (vkdocs.sphinx sets it up first for the site).
FINGERPRINTED = ["myst_parser", "vkdocs.sphinx.fingerprint", "vkdocs.sphinx.checklists", "vkdocs.sphinx.handouts"]


def pages_read(app: SphinxTestApp) -> list[str]:
    """Build ``app`` and say which pages Sphinx read (the others it kept from the last build)."""
    read: list[str] = []
    app.connect("env-before-read-docs", lambda _app, _env, docnames: read.extend(docnames))
    app.build()
    return sorted(read)


@pytest.mark.sphinx("html", testroot="vkdocs", srcdir="fingerprint", confoverrides={"extensions": FINGERPRINTED})
def test_a_change_to_the_package_makes_the_next_build_read_every_page_again(app, make_app):
    build(app, {"other": "# Other\n"})
    assert warned(app) == ""

    def again(**settings: str) -> list[str]:
        return pages_read(make_app("html", srcdir=app.srcdir, confoverrides={"extensions": FINGERPRINTED, **settings}))

    assert again() == [], "nothing changed: no page to read"
    (app.srcdir / "other.md").write_text("# Other, edited\n", encoding="utf-8")
    assert again() == ["other"], "a page edited: that page alone"
    # What a build after an edit to the package sees: another fingerprint than the last build's.
    assert again(vkdocs_package_fingerprint="0123456789abcdef") == ["index", "other"]
