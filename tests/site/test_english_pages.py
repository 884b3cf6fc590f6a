"""English pages read as English: Cyrillic only where a reader needs it.

Every run of Cyrillic text in the article of an English page must be one of:
* a quoted interface label, «…», exactly as VK shows it (the English gloss sits beside it);
* a glossary term (the English glossary keeps the Russian label as its term);
* a proper name from PROPER_NAMES;
* verbatim text: code and literal blocks (commands, sample output, the Russian
  letters to support), or an element marked ``lang="ru"`` (the language switcher).
Anything else is an untranslated leftover, reported with its page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

PROPER_NAMES = {"ВКонтакте", "Русский"}
CYRILLIC_RUN = re.compile(r"[\u0400-\u04FF]+(?:[\s\-–][\u0400-\u04FF]+)*")
QUOTED_LABEL = re.compile(r"«[^«»]*»")
VERBATIM = {"pre", "code", "script", "style", "kbd", "samp"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class ArticleText(HTMLParser):
    """Collect the article's readable text, leaving out verbatim and lang="ru" parts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.in_article = 0
        self.chunks: list[str] = []
        self.dt_chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attributes = dict(attrs)
        skipped = tag in VERBATIM or attributes.get("lang") == "ru"
        self.stack.append((tag, skipped))
        if tag == "article":
            self.in_article += 1

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == "article":
                self.in_article -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self.in_article or any(skipped for _, skipped in self.stack):
            return
        self.chunks.append(data)
        if any(tag == "dt" for tag, _ in self.stack):
            self.dt_chunks.append(data)


def article(path: Path) -> ArticleText:
    parser = ArticleText()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def cyrillic_leftovers(text: str, allowed: set[str]) -> list[str]:
    """Cyrillic runs in ``text`` that are neither quoted labels nor ``allowed`` words."""
    unquoted = QUOTED_LABEL.sub(" ", text)
    return [run for run in CYRILLIC_RUN.findall(unquoted) if run not in allowed]


def test_the_checker_accepts_labels_terms_and_names_and_rejects_the_rest():
    allowed = {"Настройки", "ВКонтакте"}
    assert cyrillic_leftovers("Open «Настройки» (Settings) on ВКонтакте.", allowed) == []
    assert cyrillic_leftovers("See Настройки.", allowed) == []
    assert cyrillic_leftovers("Нажмите кнопку, then «Выйти».", allowed) == ["Нажмите кнопку"]


def test_english_pages_have_no_untranslated_russian(html_builds):
    outdir = html_builds["en"].outdir
    glossary = outdir / "reference" / "glossary.html"
    terms = {chunk.strip() for chunk in article(glossary).dt_chunks if chunk.strip()} if glossary.exists() else set()
    allowed = PROPER_NAMES | {run for term in terms for run in CYRILLIC_RUN.findall(term)}
    problems = []
    for page in sorted(outdir.rglob("*.html")):
        if "_static" in page.parts or page.name in {"search.html", "genindex.html"}:
            continue
        text = " ".join(article(page).chunks)
        problems += [f"{page.relative_to(outdir)}: {run!r}" for run in cyrillic_leftovers(text, allowed)]
    assert not problems, "Russian text left on English pages:\n" + "\n".join(problems)
