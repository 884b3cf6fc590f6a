"""The language switcher lands on the same page, at the same section, in the other language."""

from __future__ import annotations

import pytest
from docbuild import LANGUAGES, page_names

OTHER = dict(zip(LANGUAGES, reversed(LANGUAGES), strict=True))
CONTENT_PAGES = [name for name in page_names() if name not in {"genindex", "search"}]
PHONE = {"width": 375, "height": 740}


@pytest.fixture(
    params=[(language, name) for language in LANGUAGES for name in CONTENT_PAGES], ids=lambda p: f"{p[0]}/{p[1]}"
)
def content_page(request) -> tuple[str, str]:
    return request.param


def test_switcher_opens_the_same_page_in_the_other_language(page, guard, base_url, content_page):
    language, name = content_page
    page.goto(f"{base_url}/{language}/{name}.html")
    with page.expect_navigation():
        page.locator("a[data-vk-lang-switch]").click()
    assert page.url == f"{base_url}/{OTHER[language]}/{name}.html"
    assert page.locator("html").get_attribute("lang") == OTHER[language]
    guard.assert_clean()


def test_switcher_keeps_the_section_on_a_phone(page, guard, base_url, content_page):
    language, name = content_page
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/{language}/{name}.html")
    # The page's last section (or the page itself when it has none): its label-made anchor.
    section = page.evaluate("() => [...document.querySelectorAll('article section[id]')].pop().id")
    page.goto(f"{base_url}/{language}/{name}.html#{section}")
    with page.expect_navigation():
        page.locator("a[data-vk-lang-switch]").click()
    assert page.url == f"{base_url}/{OTHER[language]}/{name}.html#{section}"
    assert page.evaluate("() => document.querySelector(':target')?.id") == section, (
        f"no #{section} in the {OTHER[language]} page"
    )
    guard.assert_clean()
