"""vkdocs.triage on the built site: the question path's page, its script, and the printed manual."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docbuild import LANGUAGES, ROOT

from vkdocs import evidence
from vkdocs.triage import load_tree
from vkdocs.typography import untie

TREE = load_tree()

# The built site ------------------------------------------------------------------------------------------


class _Headings(HTMLParser):
    """Every section's id with the text of its first heading (without the ¶ link); every id on the page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.titles: dict[str, str] = {}
        self._waiting: list[str] = []
        self._heading: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
            if tag == "section":
                self._waiting.append(attrs["id"])
        if re.fullmatch(r"h[1-6]", tag) and self._waiting:
            self._heading = []
        elif tag == "a" and "headerlink" in (attrs.get("class") or "") and self._heading is not None:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "a" and self._skip:
            self._skip -= 1
        elif re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            text = " ".join("".join(self._heading).split())
            self.titles.update(dict.fromkeys(self._waiting, text))
            self._waiting, self._heading = [], None

    def handle_data(self, data):
        if self._heading is not None and not self._skip:
            self._heading.append(data)


def headings(path: Path) -> _Headings:
    parser = _Headings()
    parser.feed(untie(path.read_text(encoding="utf-8")))
    return parser


@pytest.fixture(scope="module")
def built(html_builds):
    for build in html_builds.values():
        assert build.returncode == 0, build.output
    return html_builds


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_answer_leads_to_a_section_that_exists_under_its_title(built, lang):
    outdir = built[lang].outdir
    for destination in TREE.destinations.values():
        page = outdir / f"{destination.page}.html"
        assert page.is_file(), f"{destination.path}: no such page in the {lang} site"
        found = headings(page)
        assert found.titles.get(destination.anchor) == destination.title[lang], destination.path
        top = next(iter(found.titles.values()))
        assert top == destination.page_title[lang], f"{destination.page}: page title"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_start_page_shows_the_whole_path_without_javascript(built, lang):
    start = built[lang].outdir / "index.html"
    found = headings(start)
    text = untie(html.unescape(start.read_text(encoding="utf-8")))
    # The answers' labels as text (English pages wrap Russian words in <span lang="ru">).
    labels = {
        re.sub(r"<[^>]+>", "", label) for label in re.findall(r'<strong class="vk-triage__label">(.*?)</strong>', text)
    }
    for anchor, question in TREE.questions.items():
        assert found.titles.get(anchor) == question.text[lang], anchor
        for answer in question.answers:
            assert answer.text[lang] in labels, answer.text[lang]
            if answer.note:
                assert answer.note[lang] in text
    for destination in TREE.destinations.values():
        # A section of the start page itself is linked by its anchor alone.
        here = destination.page == "index"
        assert f'href="{"#" + destination.anchor if here else destination.path}"' in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_start_page_loads_the_script_with_its_data(built, lang):
    text = (built[lang].outdir / "index.html").read_text(encoding="utf-8")
    data = json.loads(
        re.search(r'<script type="application/json" class="vk-triage__data">(.*?)</script>', text).group(1)
    )
    assert data["lang"] == lang and data["start"] == TREE.start
    assert set(data["questions"]) == set(TREE.questions)
    assert re.search(r'<script defer="defer" src="_static/triage\.js[?"]', text)
    assert re.search(r'<link rel="stylesheet" type="text/css" href="_static/triage\.css[?"]', text)
    assert (built[lang].outdir / "_static" / "triage.js").is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_script_gets_each_cited_answer_quotes_as_the_page_writes_them(built, lang):
    text = (built[lang].outdir / "index.html").read_text(encoding="utf-8")
    data = json.loads(
        re.search(r'<script type="application/json" class="vk-triage__data">(.*?)</script>', text).group(1)
    )
    popover = re.compile(
        r'<button type="button" class="vk-src" popovertarget="([^"]+)">.*?'
        r'<span class="vk-src__quotes" id="\1" popover="auto" data-evidence="([^"]+)">',
        re.S,
    )
    ids_on_page = re.findall(r'\bid="([^"]+)"', text)
    cited = 0
    for anchor, question in TREE.questions.items():
        for answer, entry in zip(question.answers, data["questions"][anchor]["answers"], strict=True):
            if answer.read is None:
                continue
            quotes = entry["read"]["quotes"]
            if not answer.sources:
                assert quotes is None, answer.text[lang]
                continue
            cited += 1
            found = popover.match(quotes)
            assert found, quotes[:200]
            assert found.group(2).split() == list(answer.sources)
            assert found.group(1) not in ids_on_page, f"the script's popover id {found.group(1)} is taken on the page"
            for ident in answer.sources:
                assert html.escape(evidence.entry(ident, lang=lang).quote, quote=False) in quotes, ident
    assert cited, "no answer cites a guide: nothing is tested"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_only_the_start_page_loads_the_script(built, lang):
    assert "triage.js" not in (built[lang].outdir / "howto" / "restore.html").read_text(encoding="utf-8")


def test_the_path_is_not_in_the_translation_catalogs():
    catalog = (ROOT / "docs" / "locale" / "en" / "LC_MESSAGES" / "index.po").read_text(encoding="utf-8")
    for question in TREE.questions.values():
        assert f'msgid "{question.text["ru"]}"' not in catalog


# Print -----------------------------------------------------------------------------------------------------

PDF_DIR = Path(os.environ.get("VKDOCS_PDF_DIR", ROOT / "docs" / "_build" / "pdf"))


def words(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_manual_prints_the_whole_path_on_one_page(lang):
    path = PDF_DIR / f"vkdocs-{lang}.pdf"
    if not path.is_file():
        if os.environ.get("VKDOCS_REQUIRE_PDF") == "1":
            pytest.fail(f"{path} is missing: `make pdf` should have built it")
        pytest.skip(f"{path} not built: run `make pdf` (needs TeX)")
    assert shutil.which("pdftotext"), "install poppler-utils to check the PDF"
    done = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True)
    pages = [words(page) for page in done.stdout.split("\f")]
    wanted = [TREE.questions[TREE.start].text[lang]]
    for question in TREE.questions.values():
        wanted += [answer.text[lang] for answer in question.answers]
    wanted += [destination.title[lang] for destination in TREE.destinations.values()]
    holding = [number for number, page in enumerate(pages, 1) if all(words(text) in page for text in wanted)]
    assert holding, f"no page of {path.name} holds the whole question path"
    # The answers that cite guides show their letters there, and no quote (the register's chapter has them).
    page = " ".join(done.stdout.split("\f")[holding[0] - 1].split())
    cited = [answer.sources for question in TREE.questions.values() for answer in question.answers if answer.sources]
    shown = Counter(" ".join(evidence.attribution(sources, lang).split()) for sources in cited)
    for letters, count in shown.items():
        assert page.count(letters) >= count, letters
    assert not any(evidence.entry(ident, lang=lang).quote[:40] in page for sources in cited for ident in sources)
