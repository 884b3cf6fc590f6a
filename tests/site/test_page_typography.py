"""Russian typography on the HTML pages (vkdocs.sphinx.typography), both languages: in running text,
a one-letter Russian preposition or conjunction (в, с, и, а, к, о, у, я) is never followed by a space a
line may break at, and a dash is never preceded by one. A «label» keeps VK's words with plain spaces.

Running text is every block of the pages' articles, without what the transform does not set: code,
literal text and scripts, the toctrees (Sphinx writes their titles after every post-transform), the
labels, and the pages Sphinx writes from templates, not from a document (the index, the search page).
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from docbuild import LANGUAGES

from vkdocs.typography import NBSP, SHORT_WORDS

#: Elements whose text is a block of running text.
BLOCKS = ["p", "li", "dt", "dd", "th", "td", "caption", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6"]
#: What the transform leaves as written: code, literal text, scripts and Sphinx's own toctrees.
NOT_SET = "pre, code, kbd, samp, script, style, .toctree-wrapper, .highlight"
#: A space a line may break at (not U+00A0).
BREAKING = "[ \t\r\n]"
SHORT_WORD_THEN_BREAK = re.compile(rf"(?<![\w\-])[{SHORT_WORDS}{SHORT_WORDS.upper()}]{BREAKING}+(?=\S)")
BREAK_THEN_DASH = re.compile(rf"(?<=\S){BREAKING}+[—–](?=\s|$)")
LABEL = re.compile(r"«[^«»]+»")
#: Pages Sphinx writes from a template, with no document behind them.
TEMPLATE_PAGES = {"genindex", "search", "py-modindex"}


def running_texts(html: str) -> list[str]:
    """The text of every block of the page's article, without what the transform leaves as written."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article")
    if article is None:
        return []
    for element in article.select(NOT_SET):
        element.decompose()
    return [block.get_text() for block in article.find_all(BLOCKS)]


def untied(text: str) -> list[str]:
    """Where ``text`` breaks a line after a one-letter word or before a dash: each place with a little
    context (labels, VK's own words, left out)."""
    text = LABEL.sub(lambda match: "«" + "x" * (len(match.group()) - 2) + "»", text)
    found = [*SHORT_WORD_THEN_BREAK.finditer(text), *BREAK_THEN_DASH.finditer(text)]
    return [text[max(0, match.start() - 25) : match.end() + 15] for match in found]


def test_untied_finds_a_breaking_space_after_a_short_word_and_before_a_dash_but_not_in_labels():
    assert untied("Войдите в VK") and untied("Готово — дальше")
    assert untied("английский a cat, «Войти в VK» и" + NBSP + "всё") == []
    assert untied("Войдите в" + NBSP + "VK" + NBSP + "— сразу. Осталось 210 дней") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_never_break_a_line_after_a_one_letter_word_or_before_a_dash(html_builds, language):
    build = html_builds[language]
    assert build.returncode == 0, build.output
    problems = []
    pages = sorted(page for page in build.outdir.rglob("*.html") if page.stem not in TEMPLATE_PAGES)
    checked = 0
    for page in pages:
        for text in running_texts(page.read_text(encoding="utf-8")):
            checked += 1
            problems += [f"{page.relative_to(build.outdir)}: …{place!r}…" for place in untied(text)]
    assert checked > 500, f"only {checked} blocks of running text found in {build.outdir}"
    assert not problems, f"{len(problems)} places a line may break badly:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_tie_their_words(html_builds, language):
    """Not vacuous: the pages hold non-breaking spaces (a number and its word, a short word and the next)."""
    start = (html_builds[language].outdir / "index.html").read_text(encoding="utf-8")
    assert NBSP in "".join(running_texts(start))
