"""vkdocs.triage on the built site: the question path's page, its script, and the printed manual."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docbuild import LANGUAGES, ROOT

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
