"""The site's search finds the right page from Russian word forms and English words.

SEARCHES is the table to extend: a query as a reader types it, and the page it
must bring up among the first results. A row whose page is not written yet is
skipped with that reason.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest
from docbuild import DOCS

#: How many results count as "found": what a phone shows without scrolling.
FIRST_RESULTS = 5

SEARCHES = [
    # (language, query, page that must come up)
    ("ru", "удалить", "howto/delete"),
    ("ru", "удаление страницы", "howto/delete"),
    ("ru", "восстановление", "howto/restore"),
    ("ru", "восстановить", "howto/restore"),
    ("ru", "взломали", "howto/lost-access"),
    ("ru", "пароль", "howto/lost-access"),
    ("ru", "приложение", "howto/remove-app"),
    ("ru", "заблокировали", "howto/lost-access"),
    ("ru", "скрыть страницу", "howto/hide"),
    ("ru", "закрыть профиль", "howto/hide"),
    ("ru", "чужую страницу", "howto/someone-else"),
    ("ru", "мошенники", "explanation/scams"),
    ("en", "delete", "howto/delete"),
    ("en", "restore", "howto/restore"),
    ("en", "restoring", "howto/restore"),
    ("en", "hacked", "howto/lost-access"),
    ("en", "password", "howto/lost-access"),
    ("en", "app", "howto/remove-app"),
    ("en", "private profile", "howto/hide"),
    ("en", "blocked", "howto/lost-access"),
    ("en", "someone else", "howto/someone-else"),
]


def results(page, base_url: str, language: str, query: str) -> list[str]:
    """Page names of the search results, best first."""
    page.goto(f"{base_url}/{language}/search.html?q={quote(query)}")
    # Finished when the heading's "Searching…" (with its pulsing dots) becomes "Search Results".
    # (The summary line would be simpler, but Sphinx's Russian catalog leaves it empty.)
    page.wait_for_function(
        "() => { const h = document.querySelector('#search-results h2'); return h && !h.querySelector('span'); }"
    )
    hrefs = page.eval_on_selector_all("#search-results ul.search > li > a", "links => links.map(a => a.href)")
    prefix = f"/{language}/"
    return [urlsplit(href).path.removeprefix(prefix).removesuffix(".html") for href in hrefs]


@pytest.mark.parametrize(("language", "query", "expected"), SEARCHES, ids=[f"{lang}-{q}" for lang, q, _ in SEARCHES])
def test_search_finds_the_page(page, guard, base_url, language, query, expected):
    if not (DOCS / f"{expected}.md").exists():
        pytest.skip(f"docs/{expected}.md is not written yet")
    found = results(page, base_url, language, query)
    assert expected in found[:FIRST_RESULTS], f"{query!r} ({language}) gave {found}"
    guard.assert_clean()
