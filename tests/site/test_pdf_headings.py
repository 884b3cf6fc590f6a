"""On paper a heading or a box's title is never the last thing on a page: what it introduces
starts under it, not overleaf (issue 24). Checked in both manuals and every handout.

The headings are read from each PDF's LaTeX source (the ``.tex`` that ``make pdf`` leaves beside
the log): parts, chapters, sections and the unnumbered headings of tabs and checklists, and the
titles of the boxes (``sphinxadmonition``). Each page's text (``pdftotext -layout``) is then read
from its foot up: a page whose last lines, above the running foot, are a heading strands it.
The PDFs are found, skipped or required as in :mod:`test_pdf`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_pdf import EVERY_PDF, build_log, layout_pages, pdf, words

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


def stranded_headings(pages: list[str], headings: list[str]) -> list[tuple[int, str]]:
    """(PDF page number, text) of each page but the last whose last lines above the foot are a heading.

    A heading may wrap, so the page's last one, two and three lines are each tried; a number
    printed before the heading ("2.6") is part of it.

    >>> stranded_headings(["Head\\nText\\n\\n2.6 Чек-лист\\n\\n  12", "Head\\n[ ] step\\n 13"], ["чеклист"])
    [(1, '2.6 Чек-лист')]
    >>> stranded_headings(["Head\\n2.6 Чек-лист\\n[ ] step\\n 12", "Head\\nmore\\n 13"], ["чеклист"])
    []
    """
    known = set(headings)
    stranded = []
    for number, page in enumerate(pages[:-1], start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if lines and _FOOT.search(lines[-1]):
            lines = lines[:-1]
        for count in (1, 2, 3):
            tail = " ".join(lines[-count:])
            if _NUMBER.sub("", words(tail)) in known or words(tail) in known:
                stranded.append((number, tail))
                break
    return stranded


def tex_source(name: str) -> Path:
    """The LaTeX source of a PDF that `make pdf` built, beside its log."""
    return build_log(name).with_suffix(".tex")


@pytest.mark.parametrize("name", EVERY_PDF)
def test_no_page_ends_with_a_heading_or_a_box_title(name):
    headings = tex_headings(tex_source(name).read_text(encoding="utf-8"))
    assert headings, f"no headings found in {tex_source(name)}"
    stranded = stranded_headings(layout_pages(pdf(name)), headings)
    assert not stranded, f"{name}: headings alone at the foot of a page: " + "; ".join(
        f"PDF page {page}: {text!r}" for page, text in stranded
    )
