"""Search for how people ask: readers' words, from data, in the search index and on the search page.

People search as they speak: «удалить прогу с айфона», «вк», «забыла
пароль», «востановить». The pages say «приложение», «iPhone», «VK». The
table of readers' words is data, ``data/search_words.json``, one part per
language (the words are not translations of each other: each language's
readers have their own):

* ``searched_as``: a word as readers type it (a brand in Cyrillic, a
  colloquial word, a frequent misspelling) and the pages' words it is
  searched as. The search page (``_static/search-page.js``) replaces it in
  the query, comparing stems, so «айфона» and «айфоне» are both «iPhone».
* ``also_means``: a word searched as typed whose pages' word also counts
  when the scorer (``_static/search-scorer.js``) ranks titles.
* ``page_words``: words for which a page is the answer although it does not
  use them («от моего имени» for the page on someone else's page). The build
  adds them to that page's index terms as a ``keywords`` meta node, which
  Sphinx's indexer reads like the page's own words (:mod:`sphinx.search`),
  and the scorer ranks a page higher when the query uses its keywords.

>>> sorted(search_words("ru"))
['also_means', 'page_words', 'searched_as']
>>> search_words("ru")["searched_as"]["айфона"]
'iphone'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from vkdocs.i18n import read_source
from vkdocs.sphinx._nodes import json_for_script

#: The file of readers' words, in the package's data.
DATA_FILE = "search_words.json"

#: The template variable that holds the search page's part of the table, as JSON.
CONTEXT_NAME = "vk_search_words"


def data_path() -> Path:
    """Where the table is: ``src/vkdocs/data/search_words.json``."""
    return Path(__file__).resolve().parent.parent / "data" / DATA_FILE


def search_words(lang: str) -> dict[str, Any]:
    """The readers' words of ``lang``: ``searched_as``, ``also_means`` and ``page_words``; empty for another language."""
    table: dict[str, Any] = read_source(DATA_FILE)
    part = table.get(lang, {})  # "about" says what the table is
    return {key: part.get(key, {}) for key in ("searched_as", "also_means", "page_words")}


def note_data_file(app: Sphinx, doctree: nodes.document) -> None:
    """Every page depends on the table: when it changes, an incremental build reads and writes them again."""
    app.env.note_dependency(str(data_path()))


def add_page_words(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Give a page its ``page_words`` as a ``keywords`` meta node, which the search index reads."""
    if app.builder.format != "html":
        return
    words = search_words(app.config.language)["page_words"].get(docname)
    if words:
        doctree += nodes.meta(name="keywords", content=", ".join(words))


def add_search_page_words(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Give the search page (templates/search.html) the words it searches as the pages' words."""
    if pagename == "search":
        words = search_words(app.config.language)
        context[CONTEXT_NAME] = json_for_script(words)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("doctree-read", note_data_file)
    app.connect("doctree-resolved", add_page_words)
    app.connect("html-page-context", add_search_page_words)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["add_page_words", "add_search_page_words", "search_words", "setup"]
