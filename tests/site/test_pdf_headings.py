"""On paper a heading or a box's title is never the last thing on a page: what it introduces
starts under it, not overleaf; and a heading is never broken at a hyphen (issue 24). Checked in both
manuals and every handout.

The headings are read from each PDF's LaTeX source (the ``.tex`` that ``make pdf`` leaves beside
the log): parts, chapters, sections and the unnumbered headings of tabs and checklists, and the
titles of the boxes (``sphinxadmonition``). Each page's lines (poppler's ``pdftohtml -xml``, which
marks bold text) are then read from its foot up: a page whose last lines, above the running foot,
are bold and a heading's words strands it.
The PDFs are found, skipped or required as in :mod:`test_pdf`.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
import subprocess
from pathlib import Path

import pytest
from test_pdf import EVERY_PDF, build_log, pdf, words

#: The commands whose first argument is a heading: ``\section{…}``, ``\subsubsection*{…}``, ….
_HEADING = re.compile(r"\\(?:part|chapter|section|subsection|subsubsection|paragraph)\*?(?:\[[^\]]*\])?\{")
#: A box: ``\begin{sphinxadmonition}{<type>}{<title>}``.
_BOX = re.compile(r"\\begin\{sphinxadmonition\}\{[^}]*\}\{")
#: LaTeX commands whose arguments are not printed text (a role's class, a label).
_UNPRINTED = re.compile(r"\\(?:label|DUrole|index|hyperref\[[^\]]*\])\{[^}]*\}")
#: A foot: the page's last line, when it starts or ends with its page number (arabic, or roman in the
#: front matter): "4    Глава 1. Удалить свою страницу", "1.1. Раздел    5".
_FOOT = re.compile(r"^(\d+|[ivxlc]+)(\s|$)|\s(\d+|[ivxlc]+)$")
#: A section's number as printed before its heading: "2.6" (as words: "26").
_NUMBER = re.compile(r"^\d+")


def braced(tex: str, start: int) -> str:
    r"""The text of the brace group that opens just before ``start``, nested groups included.

    >>> braced(r"\section{A {\bfseries b} c}\label{x}", 9)
    'A {\\bfseries b} c'
    """
    depth = 1
    for end in range(start, len(tex)):
        if tex[end] == "{" and tex[end - 1] != "\\":
            depth += 1
        elif tex[end] == "}" and tex[end - 1] != "\\":
            depth -= 1
            if depth == 0:
                return tex[start:end]
    raise ValueError(f"unbalanced braces after {tex[start - 20 : start]!r}")


def printed_words(latex: str) -> str:
    r"""A heading's LaTeX as :func:`test_pdf.words` reads its print: letters and digits only.

    >>> printed_words(r"Что такое \DUrole{vk-label-text}{«Только\nobreakspace{}я»}\sphinxhyphen{}x")
    'чтотакоетолькояx'
    """
    text = _UNPRINTED.sub("", latex)
    return words(re.sub(r"\\[A-Za-z@]+\*?", " ", text))


def tex_headings(tex: str) -> list[str]:
    r"""The printed words of every heading and box title in a document's LaTeX (its body, not the
    preamble's definitions), in order.

    >>> tex_headings(r"\section{Вход}\label{a} x \begin{sphinxadmonition}{caution}{Claim · Guide D}"
    ...              r" y \subsubsection*{На компьютере (vk.com)}")
    ['вход', 'claimguided', 'накомпьютереvkcom']
    """
    body = tex.partition(r"\begin{document}")[2] or tex
    found = [(match.start(), braced(body, match.end())) for match in _HEADING.finditer(body)]
    found += [(match.start(), braced(body, match.end())) for match in _BOX.finditer(body)]
    return [printed_words(heading) for _, heading in sorted(found) if printed_words(heading)]


#: A piece of text in poppler's XML (``pdftohtml -xml -i``): its top, its left edge and its markup.
_FRAGMENT = re.compile(r'<text top="(-?\d+)" left="(-?\d+)"[^>]*>(.*?)</text>')


def page_lines(xml: str) -> list[list[tuple[str, bool]]]:
    """Each page's lines from ``pdftohtml -xml -i``, top to bottom: (text, whether all of it is bold).

    >>> xml = '<page number="1"><text top="9" left="5" width="1" height="1" font="0"><b>1.2 Title</b></text>'
    >>> xml += '<text top="30" left="5" width="1" height="1" font="1">Some <b>text</b></text>'
    >>> xml += '<text top="30" left="50" width="1" height="1" font="1">&amp; more</text></page>'
    >>> page_lines(xml)
    [[('1.2 Title', True), ('Some text & more', False)]]
    """
    pages = []
    for page in re.split(r"<page number=", xml)[1:]:
        rows: dict[int, list[tuple[int, str]]] = {}
        for top, left, markup in _FRAGMENT.findall(page):
            rows.setdefault(int(top), []).append((int(left), markup))
        lines = []
        for _, fragments in sorted(rows.items()):
            markup = " ".join(piece for _, piece in sorted(fragments))
            text = html.unescape(re.sub(r"<[^>]+>", "", markup)).strip()
            plain = re.sub(r"<b>.*?</b>|<[^>]+>", "", markup)
            if text:
                lines.append((re.sub(r"\s+", " ", text), not any(ch.isalnum() for ch in plain)))
        pages.append(lines)
    return pages


def stranded_headings(pages: list[list[tuple[str, bool]]], headings: list[str]) -> list[tuple[int, str]]:
    """(PDF page number, text) of each page but the last whose last lines above the foot are a heading:
    set in bold, and the words of a heading or a box's title.

    A heading may wrap, so the page's last one, two and three lines are each tried; a number
    printed before the heading ("2.6") is part of it. A line of text that only reads like a
    heading ("…; Someone else's page", in a list of where a source is used) is not bold.

    >>> stranded_headings([[("Head", True), ("Text", False), ("2.6 Чек-лист", True), ("12 Глава 2", True)],
    ...                    [("Head", True), ("[ ] step", False), ("13", True)]], ["чеклист"])
    [(1, '2.6 Чек-лист')]
    >>> stranded_headings([[("Head", True), ("2.6 Чек-лист", True), ("[ ] step", False), ("12", True)],
    ...                    [("Head", True), ("more", False), ("Чек-лист", False), ("13", True)]], ["чеклист"])
    []
    """
    known = set(headings)
    stranded = []
    for number, lines in enumerate(pages[:-1], start=1):
        if lines and _FOOT.search(lines[-1][0]):
            lines = lines[:-1]
        for count in (1, 2, 3):
            tail = lines[-count:]
            text = " ".join(line for line, _ in tail)
            if all(bold for _, bold in tail) and (_NUMBER.sub("", words(text)) in known or words(text) in known):
                stranded.append((number, text))
                break
    return stranded


def pdf_lines(path: Path) -> list[list[tuple[str, bool]]]:
    """The PDF's pages as :func:`page_lines` reads them."""
    done = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", str(path)], capture_output=True, text=True, check=True)
    return page_lines(done.stdout)


def tex_source(name: str) -> Path:
    """The LaTeX source of a PDF that `make pdf` built, beside its log."""
    return build_log(name).with_suffix(".tex")


@functools.cache
def printed(name: str) -> tuple[list[str], list[list[tuple[str, bool]]]]:
    """The headings of ``name``'s LaTeX source and its PDF's lines: read once for every test of this module."""
    lines = pdf_lines(pdf(name))  # skipped or failed first when the PDF was not built
    return tex_headings(tex_source(name).read_text(encoding="utf-8")), lines


@pytest.mark.parametrize("name", EVERY_PDF)
def test_no_page_ends_with_a_heading_or_a_box_title(name):
    headings, lines = printed(name)
    assert headings, f"no headings found in {tex_source(name)}"
    stranded = stranded_headings(lines, headings)
    assert not stranded, f"{name}: headings alone at the foot of a page: " + "; ".join(
        f"PDF page {page}: {text!r}" for page, text in stranded
    )


def hyphenated_headings(pages: list[list[tuple[str, bool]]], headings: list[str]) -> list[tuple[int, str]]:
    """(PDF page number, text) of each heading broken at a hyphen: a bold line ending with one, whose words
    with the next bold line's are a heading's (a number printed before it allowed).

    >>> hyphenated_headings([[("8.7 Скрыть её уда-", True), ("лили быстрее", True), ("Текст пере-", False),
    ...                       ("нос", False)]], ["скрытьеёудалилибыстрее"])
    [(1, '8.7 Скрыть её уда- лили быстрее')]
    >>> hyphenated_headings([[("8.7 Скрыть её", True), ("удалили быстрее", True)]], ["скрытьеёудалилибыстрее"])
    []
    """
    found = []
    for number, lines in enumerate(pages, start=1):
        for (text, bold), (after, bold_after) in itertools.pairwise(lines):
            if bold and bold_after and text.endswith(("-", "\N{SOFT HYPHEN}", "\N{HYPHEN}")):
                joined = _NUMBER.sub("", words(text + after))
                if len(joined) >= 8 and any(joined in heading for heading in headings):
                    found.append((number, f"{text} {after}"))
    return found


@pytest.mark.parametrize("name", EVERY_PDF)
def test_no_heading_is_hyphenated(name):
    headings, lines = printed(name)
    broken = hyphenated_headings(lines, headings)
    assert not broken, f"{name}: headings broken at a hyphen: " + "; ".join(
        f"PDF page {page}: {text!r}" for page, text in broken
    )
