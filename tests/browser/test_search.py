"""The site's search puts the page that answers first, from Russian word forms and English words.

SEARCHES is the quality table: a query as a reader types it, and the page it must
put first. Each query is searched once (``searched``); the tests then check the
first result, that pages for developers never come before a page for readers, and
that result summaries show page text.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import pytest

# (language, query, the page that must come first). Each language: the pages' own
# words first, then at least as many queries worded as readers speak (their words
# come from src/vkdocs/data/search_words.json: brands in Cyrillic, «вк», feminine
# forms, misspellings, and the words a page answers without using them).
FORMAL = [
    ("ru", "восстановить", "howto/restore"),
    ("ru", "восстановление страницы", "howto/restore"),
    ("ru", "как вернуть удалённую страницу", "howto/restore"),
    ("ru", "удалить страницу", "howto/delete"),
    ("ru", "удаление страницы", "howto/delete"),
    ("ru", "пароль не подходит", "howto/lost-access"),
    ("ru", "заблокировали", "howto/lost-access"),
    ("ru", "закрыть профиль", "howto/hide"),
    ("ru", "закрытый профиль", "howto/hide"),
    ("ru", "скрыть страницу", "howto/hide"),
    ("ru", "удалить приложение", "howto/remove-app"),
    ("ru", "чужая страница", "howto/someone-else"),
    ("ru", "страница умершего человека", "howto/someone-else"),
    ("ru", "мошенники", "explanation/scams"),
    ("ru", "мошенничество", "explanation/scams"),
    ("ru", "210 дней", "explanation/deletion"),
    ("ru", "забыли пароль", "howto/lost-access"),
    ("ru", "не помню логин", "howto/lost-access"),
    ("ru", "блокировка за нарушение правил", "howto/lost-access"),
    ("ru", "обнуление страницы", "explanation/harmful-tricks"),
    ("en", "restore", "howto/restore"),
    ("en", "restoring my page", "howto/restore"),
    ("en", "restore a deleted page", "howto/restore"),
    ("en", "delete account", "howto/delete"),
    ("en", "delete page", "howto/delete"),
    ("en", "hacked", "howto/lost-access"),
    ("en", "blocked", "howto/lost-access"),
    ("en", "forgot password", "howto/lost-access"),
    ("en", "private profile", "howto/hide"),
    ("en", "hide page", "howto/hide"),
    ("en", "remove app", "howto/remove-app"),
    ("en", "fake page", "howto/someone-else"),
    ("en", "someone else's page", "howto/someone-else"),
    ("en", "page of a person who died", "howto/someone-else"),
    ("en", "scam", "explanation/scams"),
    ("en", "fraud", "explanation/scams"),
    ("en", "210 days", "explanation/deletion"),
    ("en", "banned for breaking the rules", "howto/lost-access"),
    ("en", "forgot login", "howto/lost-access"),
    ("en", "harmful tricks", "explanation/harmful-tricks"),
]
COLLOQUIAL = [
    ("ru", "удалить приложение с айфона", "howto/remove-app"),
    ("ru", "удалить прогу вк с андроида", "howto/remove-app"),
    ("ru", "снести приложение вконтакте", "howto/remove-app"),
    ("ru", "чужая страница от моего имени", "howto/someone-else"),
    ("ru", "фейк", "howto/someone-else"),
    ("ru", "кто-то создал фейк", "howto/someone-else"),
    ("ru", "просят деньги за восстановление", "explanation/scams"),
    ("ru", "развод на деньги", "explanation/scams"),
    ("ru", "вирус просит заплатить", "explanation/scams"),
    ("ru", "удалить вк", "howto/delete"),
    ("ru", "как удалить страницу в контакте", "howto/delete"),
    ("ru", "удалить акк", "howto/delete"),
    ("ru", "удалить аккаунт", "howto/delete"),
    ("ru", "забыла пароль", "howto/lost-access"),
    ("ru", "взломали", "howto/lost-access"),
    ("ru", "взломали вк", "howto/lost-access"),
    ("ru", "забанили", "howto/lost-access"),
    ("ru", "заморозили страницу", "howto/lost-access"),
    ("ru", "не могу зайти в вк", "howto/lost-access"),
    ("ru", "востановить страницу", "howto/restore"),
    ("ru", "удалила страницу как вернуть", "howto/restore"),
    ("ru", "спрятать страницу", "howto/hide"),
    ("en", "delete vk", "howto/delete"),
    ("en", "how do i delete my vk", "howto/delete"),
    ("en", "get rid of my vk account", "howto/delete"),
    ("en", "got hacked", "howto/lost-access"),
    ("en", "someone hacked my account", "howto/lost-access"),
    ("en", "forgot my password", "howto/lost-access"),
    ("en", "cant log in", "howto/lost-access"),
    ("en", "page frozen", "howto/lost-access"),
    ("en", "uninstall vk app", "howto/remove-app"),
    ("en", "delete the app from my iphone", "howto/remove-app"),
    ("en", "fake account pretending to be me", "howto/someone-else"),
    ("en", "someone is using my name", "howto/someone-else"),
    ("en", "they want money to restore my page", "explanation/scams"),
    ("en", "pay to unlock", "explanation/scams"),
    ("en", "undelete my page", "howto/restore"),
    ("en", "get my page back", "howto/restore"),
    ("en", "deleted by mistake", "howto/restore"),
    ("en", "make my page invisible", "howto/hide"),
    ("en", "my page got blocked", "howto/lost-access"),
    ("en", "scammers want money", "explanation/scams"),
]
SEARCHES = FORMAL + COLLOQUIAL
IDS = [f"{language}-{query}" for language, query, _ in SEARCHES]
DEVELOPER_PAGES = {"reference/api", "reference/cli"}

# The results, best first, once every summary has loaded; with, for each result
# page, the text of what is not page text there (the switcher, the "last reviewed"
# line), to look for in its summary.
RESULTS = """async () => {
  const found = [];
  for (const item of document.querySelectorAll("#search-results ul.search > li")) {
    const link = item.querySelector("a");
    const summary = item.querySelector("p.context");
    let notText = [];
    if (summary) {
      const html = await (await fetch(link.href)).text();
      const page = new DOMParser().parseFromString(html, "text/html");
      notText = [...page.querySelectorAll(".vk-pagemeta, .vk-lang-switch")]
        .map((element) => element.textContent.replace(/\\s+/g, " ").trim())
        .filter(Boolean);
    }
    found.push({
      href: link.href,
      kind: [...item.classList].find((c) => c.startsWith("kind-")) || "",
      summary: summary ? summary.textContent.replace(/\\s+/g, " ").trim() : null,
      notText,
    });
  }
  return found;
}"""

# Finished when the heading's "Searching…" (with its pulsing dots) is gone and every
# result that gets a summary (all but API entries, which show their description) has it.
DONE = """() => {
  const heading = document.querySelector("#search-results h2");
  if (!heading || heading.querySelector("span")) return false;
  return [...document.querySelectorAll("#search-results ul.search > li:not(.kind-object)")]
    .every((item) => item.querySelector("p.context"));
}"""


@dataclass(frozen=True)
class Result:
    page: str  # Sphinx page name: "howto/restore"
    kind: str  # Sphinx's result kind: kind-title, kind-text, kind-object, kind-index
    summary: str | None
    not_text: tuple[str, ...]


_SEARCHED: dict[tuple[str, str], list[Result]] = {}


def search(page, base_url: str, language: str, query: str) -> list[Result]:
    page.goto(f"{base_url}/{language}/search.html?q={quote(query)}")
    page.wait_for_function(DONE)
    prefix = f"/{language}/"
    return [
        Result(
            page=urlsplit(found["href"]).path.removeprefix(prefix).removesuffix(".html"),
            kind=found["kind"],
            summary=found["summary"],
            not_text=tuple(found["notText"]),
        )
        for found in page.evaluate(RESULTS)
    ]


@pytest.fixture
def searched(page, base_url, request) -> list[Result]:
    language, query, _ = request.param
    if (language, query) not in _SEARCHED:
        _SEARCHED[language, query] = search(page, base_url, language, query)
    return _SEARCHED[language, query]


@pytest.mark.parametrize(("searched", "expected"), [(s, s[2]) for s in SEARCHES], ids=IDS, indirect=["searched"])
def test_search_puts_the_answer_first(searched, expected, guard):
    pages = [result.page for result in searched]
    assert pages, "no results"
    assert pages[0] == expected, f"first {pages[0]}, not {expected}: {pages[:6]}"
    guard.assert_clean()


@pytest.mark.parametrize("searched", SEARCHES, ids=IDS, indirect=True)
def test_developer_pages_never_come_before_a_page_for_readers(searched):
    ranks = [(index, result) for index, result in enumerate(searched)]
    developer = [i for i, r in ranks if r.kind == "kind-object" or r.page in DEVELOPER_PAGES]
    howto = [i for i, r in ranks if r.page.startswith("howto/")]
    if developer and howto:
        assert max(howto) < min(developer), [f"{r.page} ({r.kind})" for r in searched]


@pytest.mark.parametrize("searched", SEARCHES, ids=IDS, indirect=True)
def test_summaries_show_page_text_not_the_switcher_or_the_review_line(searched):
    summaries = [result for result in searched if result.summary]
    assert summaries, "no result has a summary"
    for result in summaries:
        for text in result.not_text:
            # A summary is a 240-letter window: look for either end of the line.
            for piece in {text[:16], text[-16:]}:
                assert piece not in result.summary, f"{result.page}: {result.summary!r} shows {text!r}"


def test_a_developer_searching_a_function_name_still_finds_it_first(page, guard, base_url):
    results = search(page, base_url, "en", "restore_deadline")
    assert results and results[0].kind == "kind-object" and results[0].page == "reference/api", results[:3]
    guard.assert_clean()


NOTHING = {"ru": "ничегонетакогослова", "en": "nosuchwordanywhere"}


@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_search_with_no_results_offers_the_questions_and_the_situations(page, guard, base_url, language):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{base_url}/{language}/search.html?q={quote(NOTHING[language])}")
    way_on = page.locator(".vk-search-nothing")
    way_on.wait_for(state="visible")
    hrefs = [urlsplit(href) for href in way_on.locator("a").evaluate_all("links => links.map((a) => a.href)")]
    assert [(url.path, url.fragment) for url in hrefs] == [
        (f"/{language}/index.html", "path"),
        (f"/{language}/index.html", "situations"),
    ]
    summary = page.locator("#search-results .search-summary").text_content()
    assert "categories" not in summary and "категори" not in summary, summary
    for url in hrefs:  # both places exist on the start page
        assert f'id="{url.fragment}"' in page.request.get(url.geturl()).text()
    guard.assert_clean()


def test_the_results_page_has_its_own_search_box_on_a_phone(page, guard, base_url):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{base_url}/ru/search.html?q={quote('восстановить')}")
    page.wait_for_function(DONE)
    box = page.locator("article input[name=q]")
    assert box.is_visible() and box.input_value() == "восстановить"
    assert box.bounding_box()["x"] + box.bounding_box()["width"] <= 375
    box.fill("удалить страницу")
    with page.expect_navigation():
        box.press("Enter")
    page.wait_for_function(DONE)
    assert page.locator("#search-results ul.search > li").count() > 0
    guard.assert_clean()


#: A section title that prints with a non-breaking space (vkdocs.sphinx.typography: «в» keeps its word).
TIED_TITLE = ("ru", "Основатель VK в чёрном списке", "explanation/harmful-tricks")


def test_a_section_title_typed_with_plain_spaces_is_found_as_a_title(page, guard, base_url):
    """The index holds the titles as printed, «в\\u00a0чёрном»; a reader types a space, and Sphinx's
    title match (the query held whole in a title) still finds the section (search-page.js)."""
    language, query, expected = TIED_TITLE
    page.goto(f"{base_url}/{language}/search.html?q={quote(query)}")
    page.wait_for_function(DONE)
    titles = page.evaluate(
        "() => [...document.querySelectorAll('#search-results ul.search > li.kind-title a')]"
        ".map((a) => [a.textContent, a.href])"
    )
    sections = [text for text, href in titles if f"/{expected}.html#" in href]
    assert any(text.endswith(query) for text in sections), titles
    guard.assert_clean()
