"""Every surface says the last day to restore a page the same way: pages, catalogs, data, calculator markup."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from docbuild import DOCS

from vkdocs.deadline import describe, rule
from vkdocs.i18n import catalog_file

CATALOGS = DOCS / "locale" / "en" / "LC_MESSAGES"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# "until" next to a date: followed, within a few words, by a date or a word that stands for one,
# or in "the date until which", "until which day".
UNTIL_A_DATE = re.compile(
    rf"\buntil\b\W+(?:\w+\W+){{0,3}}?(?:(?:{MONTHS})\s+\d{{1,2}},\s+\d{{4}}|dates?|days?|deadline)\b"
    r"|\b(?:dates?|days?|deadline)\s+until\b|\buntil\s+(?:which|then)\b",
    re.IGNORECASE,
)

# The worked example every surface uses.
DELETED, TODAY = date(2026, 10, 1), date(2026, 11, 25)


def untils(text: str) -> list[str]:
    return [match.group(0) for match in UNTIL_A_DATE.finditer(" ".join(text.split()))]


def test_the_until_check_finds_what_it_must_and_nothing_else():
    assert untils("You can restore the page until April 29, 2027: 155 days left.")
    assert untils("the date until which it can be restored")
    assert untils("Until the deadline passes, you can get it back.")
    assert untils("VK keeps it until the restore deadline.")
    assert untils("until then you can restore it")
    assert not untils("Press and hold it until a menu appears.")
    assert not untils("Press and hold the icon until a menu appears, then choose to remove the app.")
    assert not untils("Until you do, keep the phone number and e-mail address your own.")
    assert not untils("The last day to restore the page is April 28, 2027: 155 days left, counting today.")


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in {"script", "style"}

    def handle_endtag(self, tag):
        self.skip -= tag in {"script", "style"}

    def handle_data(self, data):
        if not self.skip:
            self.chunks.append(data)


def page_text(path: Path) -> str:
    parser = Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(parser.chunks)


def test_no_english_page_says_until_next_to_a_restore_date(html_builds):
    outdir = html_builds["en"].outdir
    found = [
        f"{page.relative_to(outdir)}: {hit!r}"
        for page in sorted(outdir.rglob("*.html"))
        if "_static" not in page.parts
        for hit in untils(page_text(page))
    ]
    assert not found, "Say the last day instead of 'until <date>':\n" + "\n".join(found)


def test_no_english_catalog_says_until_next_to_a_restore_date():
    found = []
    for path in sorted(CATALOGS.rglob("*.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle)
        found += [f"{path.relative_to(CATALOGS)}: {hit!r}" for m in catalog if m.id for hit in untils(m.string)]
    assert not found, "Say the last day instead of 'until <date>':\n" + "\n".join(found)


def test_no_english_message_or_checklist_data_says_until_next_to_a_restore_date():
    with catalog_file("en").open("rb") as handle:
        strings = [m.string for m in read_po(handle) if m.id]
    texts = [text for string in strings for text in (string if isinstance(string, tuple) else (string,))]
    assert len(texts) > 200  # every message and every text of the data
    found = [f"{hit!r} in {text!r}" for text in texts for hit in untils(text)]
    assert not found, "Say the last day instead of 'until <date>' (en/LC_MESSAGES/vkdocs.po):\n" + "\n".join(found)


def english_translation(catalog: str, msgid_start: str) -> str:
    with (CATALOGS / catalog).open("rb") as handle:
        found = [m.string for m in read_po(handle) if m.id and m.id.startswith(msgid_start)]
    assert len(found) == 1, (catalog, msgid_start)
    return found[0]


def first_sentences(lang: str) -> str:
    """The last day and the days left, as describe() words them for the worked example."""
    text = describe(DELETED, TODAY, lang)
    end = "считая сегодня." if lang == "ru" else "counting today."
    return text[: text.index(end) + len(end)]


def test_the_restore_pages_worked_example_is_what_the_api_says():
    page = " ".join((DOCS / "howto" / "restore.md").read_text(encoding="utf-8").split())
    assert first_sentences("ru") in page
    assert first_sentences("en") in english_translation("howto/restore.po", "Пример. Страницу удалили")


class Calculator(HTMLParser):
    """The calculator's elements on a built page, by tag, with their attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.noscript = 0
        self.noscript_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        self.noscript += tag == "noscript"

    def handle_endtag(self, tag):
        self.noscript -= tag == "noscript"

    def handle_data(self, data):
        if self.noscript:
            self.noscript_text.append(data)

    def first(self, tag: str, **wanted: str) -> dict[str, str]:
        for name, attrs in self.elements:
            if name == tag and all(attrs.get(key.replace("_", "-")) == value for key, value in wanted.items()):
                return attrs
        raise AssertionError(f"no <{tag}> with {wanted}")


@pytest.fixture(params=["ru", "en"])
def restore_page(request, html_builds) -> tuple[str, Calculator]:
    parser = Calculator()
    parser.feed((html_builds[request.param].outdir / "howto" / "restore.html").read_text(encoding="utf-8"))
    return request.param, parser


def test_the_calculator_is_a_labelled_text_field_named_deleted_on(restore_page):
    _, page = restore_page
    field = page.first("input", name="deleted-on")
    assert field["type"] == "text"
    label = page.first("label", **{"for": field["id"]})
    assert label
    hint = page.first("p", id=field["aria-describedby"])
    assert hint


def test_the_calculators_output_is_announced(restore_page):
    _, page = restore_page
    output = page.first("output")
    assert output["aria-live"] == "polite"
    assert output["for"] == page.first("input", name="deleted-on")["id"]


def test_without_javascript_the_page_gives_the_rule_and_points_to_the_command(restore_page):
    lang, page = restore_page
    text = " ".join(" ".join(page.noscript_text).split())
    assert rule(lang) in text
    assert "vkdocs deadline" in text
    assert page.first("a", href="../reference/cli.html#cli")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_in_print_the_calculators_place_holds_the_rule_and_a_worked_example(lang):
    from vkdocs.sphinx.calculator import printed_text

    printed = printed_text(lang)
    assert printed[0] == rule(lang)
    assert printed[1].endswith(describe(DELETED, TODAY, lang))
    assert ("1 октября 2026 г." if lang == "ru" else "October 1, 2026") in printed[1]
    assert not any("browser" in text or "браузер" in text for text in printed)


def test_builders_other_than_html_show_the_printed_text_instead_of_skipping_it():
    from vkdocs.sphinx import calculator

    class App:
        def add_node(self, node, **visitors):
            self.visitors = visitors

        def add_directive(self, *args):
            pass

        def connect(self, *args, **kwargs):
            pass

    app = App()
    calculator.setup(app)
    assert set(app.visitors) >= {"html", "latex", "text"}
    node = calculator.vk_deadline_calculator()
    for builder in ("latex", "text", "man", "texinfo"):
        visit, depart = app.visitors[builder]
        visit(None, node)  # no SkipNode: the children (rule and example) are rendered
        depart(None, node)
