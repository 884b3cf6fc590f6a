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
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docbuild import DOCS, LANGUAGES, ROOT
from texlog import missing_characters, read_log, undefined_references

from vkdocs.checklist import build_checklist, situations
from vkdocs.deadline import RESTORE_WINDOW, format_days
from vkdocs.latex import handout_file, manual_file
from vkdocs.messages import message

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
    checklist = build_checklist(situation, lang=language)
    texts = [checklist.title, *checklist.warnings]
    for step in checklist.steps:
        texts.append(step.text)
        if step.warning:
            texts.append(step.warning)
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


class _Toctrees(HTMLParser):
    """The start page's toctrees: [(caption, [page title, …]), …], in order."""

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

    def handle_endtag(self, tag) -> None:
        if tag == "article":
            self._in_article = False
        elif self._capturing == "caption" and tag == "span":
            self.parts.append((self._text.strip(), []))
            self._capturing = None
        elif self._capturing == "page" and tag == "a":
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


def contents_entries(page: str) -> list[tuple[str, str]]:
    """The contents page's entries as printed: (text, page number), a title that wraps joined to its number.

    >>> contents_entries("Contents\\n\\nI  Part  1\\n1  A very long\\n   title  3\\n\\n   i")
    [('I  Part', '1'), ('1  A very long title', '3')]
    """
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    entries, pending = [], ""
    for line in lines[1:]:  # after the title
        match = CONTENTS_LINE.match(line)
        if match is None:
            pending = f"{pending} {line}".strip()
            continue
        entries.append((f"{pending} {match.group(1)}".strip(), match.group(2)))
        pending = ""
    return entries


def assert_contents_lists(path: Path, expected: list[tuple[str, list[str]]], language: str) -> None:
    """The contents page: titled "Contents", listing in order the introduction (a roman page number), each
    part and its numbered chapters, each with an arabic page number, never going back."""
    pages = layout_pages(path)
    title = words(message("manual_contents", language))
    contents = next((page for page in pages[:4] if title in words(page)), None)
    assert contents is not None, f"no page titled {message('manual_contents', language)!r} among the first four"
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
