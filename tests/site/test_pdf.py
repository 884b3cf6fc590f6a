"""The printed manual and handouts say what the checklist data says, in the right language,
and the manual is built like the site: its contents list the parts and chapters of the start
page's toctrees, in both languages, with no near-empty page and nothing past the margin.

They check the PDFs that ``make pdf`` leaves in ``docs/_build/pdf`` (or
``VKDOCS_PDF_DIR``). Without them these tests are skipped, with the reason,
unless ``VKDOCS_REQUIRE_PDF=1``: then a missing PDF fails. ``make test-pdf``
and ``.ci/run`` set it, after installing TeX and running ``make pdf``.
"""

from __future__ import annotations

import os
import re
import runpy
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
import zlib
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docbuild import DOCS, LANGUAGES, ROOT
from texlog import missing_characters, read_log, undefined_references

from vkdocs import __version__
from vkdocs.checklist import build_checklist, situations
from vkdocs.dataset import build_dataset
from vkdocs.deadline import RESTORE_WINDOW, format_days, format_long_date, window_note
from vkdocs.latex import handout_file, manual_file
from vkdocs.messages import message
from vkdocs.typography import SHORT_WORDS

PDF_DIR = Path(os.environ.get("VKDOCS_PDF_DIR", ROOT / "docs" / "_build" / "pdf"))
#: Where `make pdf` leaves each build's LaTeX and logs: manual-<lang>/latex/, handouts-<lang>/latex/.
LATEX_DIR = PDF_DIR.parent / "latex"
REQUIRED = os.environ.get("VKDOCS_REQUIRE_PDF") == "1"
MAX_HANDOUT_PAGES = 1


def pdf(name: str) -> Path:
    path = PDF_DIR / name
    if not path.is_file():
        if REQUIRED:
            pytest.fail(f"{path} is missing: `make pdf` should have built it")
        pytest.skip(f"{path} not built: run `make pdf` (needs TeX; see README 'PDF and handouts')")
    for tool in ("pdftotext", "pdfinfo", "pdftohtml"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: install poppler-utils to check {path}")
    return path


def words(text: str) -> str:
    """Only letters and digits, lower-cased: line breaks, hyphenation, quotes and spacing differ in print."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def pdf_text(path: Path) -> str:
    # -raw: the order the text was typeset in (the layout order can split a justified line).
    done = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True)
    return words(body_text(done.stdout))


def body_text(raw: str) -> str:
    """The pages' text without running heads and feet, so a step that runs onto the next page reads on.

    A running head is the line most pages begin with (only in a document of
    several pages); a foot is a page's last line when it ends in its page number.
    """
    pages = [page.strip("\n").split("\n") for page in raw.split("\f") if page.strip()]
    heads = Counter(page[0] for page in pages)
    head = heads.most_common(1)[0][0] if len(pages) > 2 else None
    kept: list[str] = []
    for lines in pages:
        if lines and lines[0] == head:
            lines = lines[1:]
        if lines and re.search(r"(^|\s)(\d+|[ivxlc]+)$", lines[-1]):
            lines = lines[:-1]
        kept += lines
    return "\n".join(kept)


def test_body_text_reads_on_across_a_page_break():
    raw = "Title\nstep runs\n1.2. Section 13\fTitle\non here.\n14\fTitle\nmore\n15\f"
    assert body_text(raw) == "step runs\non here.\nmore"


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def other(language: str) -> str:
    return next(lang for lang in LANGUAGES if lang != language)


def checklist_texts(situation: str, language: str) -> list[str]:
    """The checklist's title, then each warning and step followed by its guides' letters or our advice, as printed."""
    checklist = build_checklist(situation, lang=language)
    texts = [checklist.title, *(f"{caution.text} {caution.attribution}" for caution in checklist.warnings)]
    for step in checklist.steps:
        texts.append(f"{step.text} {step.attribution}")
        if step.warning:
            texts.append(f"{step.warning.text} {step.warning.attribution}")
    return texts


def situations_on_pages() -> list[str]:
    """The situations whose checklist a page of the manual shows."""
    shown = set()
    for page in DOCS.rglob("*.md"):
        if "_build" in page.parts or "_handouts" in page.parts:
            continue
        shown.update(re.findall(r"\{vk-checklist\}\s+([\w-]+)", page.read_text(encoding="utf-8")))
    return [situation for situation in situations() if situation in shown]


HANDOUTS = [(situation, language) for situation in situations() for language in LANGUAGES]


def build_log(name: str) -> Path:
    """The XeLaTeX log of a PDF that `make pdf` built (skipped, or failed, as the PDF itself is)."""
    pdf(name)
    language = name.removesuffix(".pdf").rsplit("-", 1)[1]
    project = "manual" if name == manual_file(language) else "handouts"
    log = LATEX_DIR / f"{project}-{language}" / "latex" / name.replace(".pdf", ".log")
    if not log.is_file():
        pytest.fail(f"{log} is missing: `make pdf` leaves each PDF's log there")
    return log


EVERY_PDF = [manual_file(language) for language in LANGUAGES] + [handout_file(*handout) for handout in HANDOUTS]


@pytest.mark.parametrize("name", EVERY_PDF)
def test_every_character_is_in_the_fonts(name):
    """XeTeX prints a blank for a character its font lacks and only says so in the log."""
    assert missing_characters(read_log(build_log(name))) == []


@pytest.mark.parametrize("name", EVERY_PDF)
def test_no_reference_is_left_unresolved(name):
    assert undefined_references(read_log(build_log(name))) == []


@pytest.mark.parametrize(("situation", "language"), HANDOUTS)
def test_handout_shows_the_checklist_in_its_language(situation, language):
    text = pdf_text(pdf(handout_file(situation, language)))
    for expected in checklist_texts(situation, language):
        assert words(expected) in text, f"{handout_file(situation, language)} lacks: {expected}"
    for foreign in checklist_texts(situation, other(language))[1:]:
        assert words(foreign) not in text, f"{handout_file(situation, language)} shows the other language: {foreign}"


@pytest.mark.parametrize(("situation", "language"), HANDOUTS)
def test_handout_fits_on_one_page(situation, language):
    assert page_count(pdf(handout_file(situation, language))) <= MAX_HANDOUT_PAGES


@pytest.mark.parametrize(("situation", "language"), HANDOUTS)
def test_handout_is_set_ragged_right(situation, language):
    """Justified, every line that wraps ends at the right margin (with wide gaps in short lines)."""
    path = pdf(handout_file(situation, language))
    done = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True, check=True)
    width = float(re.search(r'<page width="([\d.]+)"', done.stdout).group(1))
    # Only lines that reach the right half: short lines (box titles, headings) end anywhere.
    ends = Counter(
        round(float(right))
        for right in re.findall(r'<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"', done.stdout)
        if float(right) > width / 2
    )
    position, lines = ends.most_common(1)[0]
    assert lines < 4, f"{lines} lines end at {position} pt: justified, not ragged-right"


@pytest.mark.parametrize("language", LANGUAGES)
def test_restore_handout_has_the_fill_in_line_and_the_window(language):
    text = pdf_text(pdf(handout_file("restore", language)))
    for key in ("handout_deleted_on", "handout_restore_before"):
        assert words(message(key, language)) in text
    assert words(format_days(RESTORE_WINDOW.days, language)) in text


@pytest.mark.parametrize(("situation", "language"), HANDOUTS)
def test_handout_says_how_to_reach_support_safely_and_never_to_share_codes(situation, language):
    text = pdf_text(pdf(handout_file(situation, language)))
    for key in ("handout_support_how", "handout_never_share"):
        assert words(message(key, language)) in text, f"{handout_file(situation, language)} lacks {key}"


@pytest.mark.parametrize(("situation", "language"), HANDOUTS)
def test_handout_body_is_at_least_12_pt_and_has_no_page_number(situation, language):
    path = pdf(handout_file(situation, language))
    done = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True)
    heights = Counter(
        round(float(y_max) - float(y_min))
        for y_min, y_max in re.findall(
            r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', done.stdout
        )
    )
    body = heights.most_common(1)[0][0]
    assert body >= 12, f"the body's words are {body} pt high: set below 12 pt"  # poppler: a word's box is its font size
    lines = [
        line.strip()
        for line in subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout.splitlines()
        if line.strip()
    ]
    assert not re.fullmatch(r"\d+", lines[-1]), f"a lone page number at the foot: {lines[-1]!r}"


def test_delete_handout_has_a_line_for_the_date_vk_shows():
    for language in LANGUAGES:
        assert words(message("handout_vk_date", language)) in pdf_text(pdf(handout_file("delete", language)))


def pdf_metadata(path: Path) -> dict[str, str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(re.findall(r"^(\w+):\s+(.*)$", info, re.MULTILINE))


def catalog_entries(path: Path) -> bytes:
    """The PDF's objects, object streams uncompressed: where /Lang and /ViewerPreferences are."""
    data = path.read_bytes()
    found = [data]
    for stream in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            found.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            continue
    return b"\n".join(found)


@pytest.mark.parametrize(
    ("name", "language", "title"),
    [(manual_file(lang), lang, None) for lang in LANGUAGES]
    + [(handout_file(sit, lang), lang, build_checklist(sit, lang=lang).title) for sit, lang in HANDOUTS],
)
def test_pdf_metadata_has_title_author_subject_and_language(name, language, title):
    path = pdf(name)
    info = pdf_metadata(path)
    assert info.get("Title"), f"{name}: no Title"
    if title is not None:
        assert info["Title"] == title
    assert info.get("Author") == message("site_authors", language)
    assert info.get("Subject") == message("pdf_subject", language)
    entries = catalog_entries(path)
    assert f"/Lang({language})".encode() in entries, f"{name}: no /Lang({language})"
    assert re.search(rb"/DisplayDocTitle\s*true", entries), f"{name}: viewers would show the file name"


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_shows_the_pages_checklists_in_its_language(language):
    shown = situations_on_pages()
    assert shown, "no page shows a {vk-checklist}: nothing to look for in the manual"
    text = pdf_text(pdf(manual_file(language)))
    for situation in shown:
        # (No check for the other language here: the API pages quote both in their examples.)
        for expected in checklist_texts(situation, language):
            assert words(expected) in text, f"{manual_file(language)} lacks: {expected}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_page_count_is_reported(language, capsys):
    path = pdf(manual_file(language))
    pages = page_count(path)
    with capsys.disabled():
        print(f"\n{path.name}: {pages} pages")
    assert pages > 1


# The manual's structure, against the site's: the start page's toctrees, as the HTML shows them.


#: The pages the reader's manual leaves out (docs/conf.py): on the site only.
WEB_ONLY = frozenset(runpy.run_path(str(DOCS / "conf.py"))["vkdocs_print_web_only"])


class _Toctrees(HTMLParser):
    """The start page's toctrees as the manual prints them: [(caption, [page title, …]), …], in order,
    without the pages that stay on the site (``WEB_ONLY``)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[tuple[str, list[str]]] = []
        self._in_article = False
        self._capturing: str | None = None  # "caption" or "page"
        self._text = ""
        self._page_item = False

    def handle_starttag(self, tag, attrs) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article":
            self._in_article = True
        elif self._in_article and tag == "span" and "caption-text" in classes:
            self._capturing, self._text = "caption", ""
        elif self._in_article and tag == "li" and "toctree-l1" in classes:
            self._page_item = True
        elif self._page_item and tag == "a":
            self._capturing, self._text, self._page_item = "page", "", False
            self._href = dict(attrs).get("href") or ""

    def handle_endtag(self, tag) -> None:
        if tag == "article":
            self._in_article = False
        elif self._capturing == "caption" and tag == "span":
            self.parts.append((self._text.strip(), []))
            self._capturing = None
        elif self._capturing == "page" and tag == "a":
            if self._href.split("#")[0].removesuffix(".html") not in WEB_ONLY:
                self.parts[-1][1].append(self._text.strip())
            self._capturing = None

    def handle_data(self, data) -> None:
        if self._capturing:
            self._text += data


def site_toctree(html_builds, language: str) -> list[tuple[str, list[str]]]:
    build = html_builds[language]
    assert build.returncode == 0, build.output
    return start_page_toctrees(build.outdir / "index.html")


def start_page_toctrees(index: Path) -> list[tuple[str, list[str]]]:
    """The toctrees of a built start page (``index.html``): [(caption, [page title, …]), …]."""
    parser = _Toctrees()
    parser.feed(index.read_text(encoding="utf-8"))
    assert parser.parts and all(pages for _, pages in parser.parts), f"no toctrees on the start page: {parser.parts}"
    return parser.parts


def outline(path: Path) -> list[tuple[str, list]]:
    """The PDF's bookmarks as a tree: [(title, children), …] (poppler's pdftohtml -xml)."""
    done = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-stdout", "-f", "1", "-l", "1", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    start = done.stdout.index("<outline>")
    end = done.stdout.rindex("</outline>") + len("</outline>")
    root = ElementTree.fromstring(done.stdout[start:end])

    def tree(element) -> list[tuple[str, list]]:
        items: list[tuple[str, list]] = []
        for child in element:
            if child.tag == "item":
                items.append(("".join(child.itertext()).strip(), []))
            elif child.tag == "outline" and items:
                items[-1] = (items[-1][0], tree(child))
        return items

    return tree(root)


def layout_pages(path: Path) -> list[str]:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout.split("\f")[:-1]


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def assert_outline_follows(path: Path, expected: list[tuple[str, list[str]]], language: str) -> None:
    """The manual's bookmarks: the introduction, then one part per toctree caption, its pages as chapters."""
    found = outline(path)
    titles = [title for title, _ in found]
    assert titles[0] == message("manual_introduction", language), titles
    parts = found[1:]
    assert [words(title) for title, _ in parts] == [
        words(f"{ROMAN[n]} {caption}") for n, (caption, _) in enumerate(expected)
    ], f"parts {titles[1:]} are not the captions {[caption for caption, _ in expected]}"
    for (_, pages), (title, chapters) in zip(expected, parts, strict=True):
        assert [words(chapter) for chapter, _ in chapters] == [words(page) for page in pages], (
            f"part {title!r}: chapters {[chapter for chapter, _ in chapters]}, site {pages}"
        )


#: A line of the contents: its text, then its page number (arabic, or roman in the front matter).
CONTENTS_LINE = re.compile(r"^\s*(.*?)\s+(\d+|[ivxlc]+)\s*$")
#: A line that is only a page number: the foot of a contents page.
PAGE_NUMBER = re.compile(r"^(\d+|[ivxlc]+)$")


def contents_entries(page: str) -> list[tuple[str, str]]:
    """The contents' entries as printed: (text, page number), a title that wraps joined to its number; the
    pages' numbers at their foot left out (the contents may run over several pages).

    >>> contents_entries("Contents\\n\\nI  Part  1\\n1  A very long\\n   title  3\\n\\n   i\\n\\f  1.1  Section  4")
    [('I  Part', '1'), ('1  A very long title', '3'), ('1.1  Section', '4')]
    """
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    entries, pending = [], ""
    for line in lines[1:]:  # after the title
        if PAGE_NUMBER.match(line):
            continue
        match = CONTENTS_LINE.match(line)
        if match is None:
            pending = f"{pending} {line}".strip()
            continue
        entries.append((f"{pending} {match.group(1)}".strip(), match.group(2)))
        pending = ""
    return entries


def contents_pages(path: Path, language: str) -> list[str]:
    """The manual's contents pages (from the page titled "Contents", up to the introduction's own page)."""
    pages = layout_pages(path)
    title = words(message("manual_contents", language))
    first = next((n for n, page in enumerate(pages[:4]) if title in words(page)), None)
    assert first is not None, f"no page titled {message('manual_contents', language)!r} among the first four"
    introduction = words(message("manual_introduction", language))
    end = next(
        (n for n in range(first + 1, len(pages)) if any(words(line) == introduction for line in pages[n].splitlines())),
        None,
    )
    assert end is not None, f"no page opens the introduction after the contents (page {first + 1})"
    return pages[first:end]


def assert_contents_lists(path: Path, expected: list[tuple[str, list[str]]], language: str) -> None:
    """The contents: titled "Contents", listing in order the introduction (a roman page number), each
    part and its numbered chapters, each with an arabic page number, never going back. Two levels: a
    chapter's sections may stand between it and the next chapter."""
    contents = "\f".join(contents_pages(path, language))
    # Toctree captions are parts, not the contents' title.
    assert not any(words(caption) in words(contents.strip().splitlines()[0]) for caption, _ in expected)
    wanted = [(message("manual_introduction", language), "roman")]
    chapter = 0
    for n, (caption, titles) in enumerate(expected):
        wanted.append((f"{ROMAN[n]} {caption}", "arabic"))
        for chapter_title in titles:
            chapter += 1
            wanted.append((f"{chapter} {chapter_title}", "arabic"))
    printed = contents_entries(contents)
    position, last = 0, 0
    for entry, numbering in wanted:
        found = next((i for i in range(position, len(printed)) if words(printed[i][0]) == words(entry)), None)
        assert found is not None, (
            f"{entry!r} missing from the contents, out of order or without its page number:\n{contents}"
        )
        number = printed[found][1]
        if numbering == "roman":
            assert not number.isdigit(), f"{entry!r}: page {number}, not a front-matter page (i, ii, …)"
        else:
            assert number.isdigit() and int(number) >= last, f"{entry!r}: page {number} (after page {last})"
            last = int(number)
        position = found + 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_outline_has_the_introduction_then_a_part_per_caption_with_its_pages_as_chapters(html_builds, language):
    assert_outline_follows(pdf(manual_file(language)), site_toctree(html_builds, language), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_contents_page_lists_parts_and_numbered_chapters_in_order_with_page_numbers(html_builds, language):
    assert_contents_lists(pdf(manual_file(language)), site_toctree(html_builds, language), language)


def test_manual_contents_list_the_sections_a_reader_looks_for():
    """Two levels: the sections of "no access" are in the contents ("Страницу взломали", …)."""
    contents = words("\n".join(contents_pages(pdf(manual_file("ru")), "ru")))
    sections = re.findall(r"^## (.+)$", (DOCS / "howto" / "lost-access.md").read_text(encoding="utf-8"), re.M)
    assert sections
    for section in sections:
        assert words(re.sub(r"\{[^}]*\}`([^`<]*)[^`]*`", r"\1", section)) in contents, (
            f"{section!r} not in the contents"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_references_name_their_page(language):
    """On paper a link is a page to turn to: every card's "→ target" and every cross-reference
    prints "(p. 12)" / «(с. 12)», and no reference is left unresolved ("??")."""
    path = pdf(manual_file(language))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    page = re.escape(message("manual_page_ref", language))
    cards = [line for line in text.splitlines() if line.startswith("→ ")]
    assert len(cards) >= 6, "the start page's cards print their links as '→ target' lines"
    for line in cards:
        assert re.search(rf"\({page}\s[0-9ivx]+\)$", line), f"a card's link without its page: {line!r}"
    assert len(re.findall(rf"\({page}\s\d+\)", text)) >= 100
    assert not re.search(rf"\({page}\s*\?\?\)", text), "a reference to a label the manual lacks"


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_is_for_readers_without_the_python_package_or_the_command_reference(language):
    assert {"reference/api", "reference/cli"} == WEB_ONLY
    text = pdf_text(pdf(manual_file(language)))
    for page in WEB_ONLY:
        title = re.search(r"^# (.+)$", (DOCS / f"{page}.md").read_text(encoding="utf-8"), re.MULTILINE).group(1)
        if language == "ru":
            assert words(title) not in text, f"the manual prints {page}: {title!r}"
    raw = subprocess.run(["pdftotext", str(pdf(manual_file(language))), "-"], capture_output=True, text=True).stdout
    for code in ("restore_deadline", "parse_date", "$ vkdocs", "--deleted-on", "InputError"):
        assert code not in raw, f"the manual prints the programmers' {code!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_opens_with_the_essentials_and_the_colophon(language):
    """The page after the title page: never pay, never share codes, the restore rule with VK's
    date first, support only inside VK; at its foot the edition, the check date and the licence."""
    second = words(layout_pages(pdf(manual_file(language)))[1])
    for key in (
        "manual_essentials",
        "manual_never_pay",
        "handout_never_share",
        "handout_support_how",
        "site_copyright",
    ):
        assert words(message(key, language)) in second, f"page 2 lacks {key}"
    assert words(window_note(language)) in second
    checked = min(date.fromisoformat(record["checked"]) for record in build_dataset()["situations"].values())
    assert words(message("page_checked", language, date=format_long_date(checked, language))) in second
    assert words(message("manual_edition", language, version=__version__, date="")) in second


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_lines_never_start_with_a_dash_or_end_with_a_one_letter_word_and_no_doubled_stop(language):
    """Russian typography on paper (vkdocs.sphinx.typography): a dash never opens a line, «в», «и», …
    never end one, and a question mark is never followed by a full stop."""
    raw = subprocess.run(["pdftotext", str(pdf(manual_file(language))), "-"], capture_output=True, text=True).stdout
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    # (An en dash opening a line is a second-level list's bullet.)
    dashes = [line for line in lines if line.startswith("—")]
    assert not dashes, f"lines start with a dash: {dashes[:5]}"
    short = re.compile(rf"(^|\s)[{SHORT_WORDS}{SHORT_WORDS.upper()}]$")
    # (A short line is a heading or a glossary term that ends so: «Только я».)
    ending = [line for line in lines if short.search(line) and len(line.split()) > 3]
    assert not ending, f"lines end with a one-letter word: {ending[:5]}"
    doubled = re.findall(r".{0,30}[?!]\.", raw)
    assert not doubled, f"a full stop after ? or !: {doubled[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_has_no_near_empty_page(language):
    pages = layout_pages(pdf(manual_file(language)))
    # Running head and foot included; the title page and the very last page may be short.
    short = {
        number: [line.strip() for line in page.splitlines() if line.strip()]
        for number, page in enumerate(pages[1:-1], start=2)
        if len([line for line in page.splitlines() if line.strip()]) < 10
    }
    assert not short, "near-empty pages: " + "; ".join(f"p. {n}: {lines}" for n, lines in short.items())


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_text_stays_within_the_margins(language):
    path = pdf(manual_file(language))
    done = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True)
    boxes = [
        (int(page), float(right), word)
        for page, block in enumerate(done.stdout.split("<page ")[1:], start=1)
        for right, word in re.findall(r'xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', block)
    ]
    # The text block's right edge: where justified lines end, the most common right end.
    edge = Counter(round(right) for _, right, _ in boxes).most_common(1)[0][0]
    over = [f"p. {page}: {word!r} ends at {right:.1f} pt" for page, right, word in boxes if right > edge + 1.5]
    assert not over, f"text past the right margin ({edge} pt), e.g. a table too wide:\n" + "\n".join(over[:20])
