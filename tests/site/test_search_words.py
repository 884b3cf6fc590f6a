"""The readers' words table (src/vkdocs/data/search_words.json) reaches the search index and the search page.

Whether each word then puts the right page first is the search table of
tests/browser/test_search.py.
"""

from __future__ import annotations

import json
import re

import pytest
import snowballstemmer
from docbuild import LANGUAGES

from vkdocs.sphinx.search import search_words

STEMMERS = {"ru": "russian", "en": "english"}


def search_index(build) -> dict:
    text = (build.outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)\s*", text, re.DOTALL).group(1))


def pages_with(index: dict, term: str) -> set[str]:
    found: list[int] = []
    for table in (index["terms"], index["titleterms"]):
        entry = table.get(term, [])
        found += [entry] if isinstance(entry, int) else entry
    return {index["docnames"][number] for number in found}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_part_of_the_table_is_there_for_each_language(lang):
    words = search_words(lang)
    assert set(words) == {"searched_as", "also_means", "page_words"}
    assert words["searched_as"] and words["page_words"]
    for word, pages in words["searched_as"].items():
        assert word == word.lower().strip() and " " not in word, word
        assert pages.strip(), word


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_pages_keywords_are_in_its_index_terms(html_builds, lang):
    index = search_index(html_builds[lang])
    stem = snowballstemmer.stemmer(STEMMERS[lang]).stemWord
    for page, words in search_words(lang)["page_words"].items():
        assert page in index["docnames"], page
        for word in words:
            term = stem(word.lower())
            assert page in pages_with(index, term), f"{page}: {word!r} ({term}) is not in its index terms"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_search_page_carries_the_readers_words(html_builds, lang):
    html = (html_builds[lang].outdir / "search.html").read_text(encoding="utf-8")
    data = re.search(r'<script type="application/json" id="vk-search-words">(.*?)</script>', html, re.DOTALL)
    assert data, "no readers' words on the search page"
    assert json.loads(data.group(1)) == search_words(lang)
