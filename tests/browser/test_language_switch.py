"""The language switcher is on every page, beside the theme's icons, and lands on the same page,
at the same section (or the same search), in the other language."""

from __future__ import annotations

import re

import pytest
from docbuild import LANGUAGES, page_names

OTHER = dict(zip(LANGUAGES, reversed(LANGUAGES), strict=True))
PAGES = page_names()
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
# The switcher shown at this width (the header's on phones, the icon row's on wider screens).
SWITCH = "a[data-vk-lang-switch]:visible"


@pytest.fixture(params=[(language, name) for language in LANGUAGES for name in PAGES], ids=lambda p: f"{p[0]}/{p[1]}")
def any_page(request) -> tuple[str, str]:
    return request.param


def last_section(site_root, language: str, name: str) -> str | None:
    """The anchor of the page's last section (its label), read from the built page.

    None for the index and the search page: their sections are not labels of ours.
    """
    if name in {"genindex", "search"}:
        return None
    html = (site_root / language / f"{name}.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    sections = re.findall(r'<section id="([^"]+)"', article)
    return sections[-1] if sections else None


def test_switcher_opens_the_same_page_at_the_same_section(page, guard, base_url, site_root, any_page):
    # On a phone (the header's switcher); the icon row's is clicked in test_switcher_sits_with_the_theme_button.
    language, name = any_page
    section = last_section(site_root, language, name)
    anchor = f"#{section}" if section else ""
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/{language}/{name}.html{anchor}")
    with page.expect_navigation():
        page.locator(SWITCH).click()
    assert page.url == f"{base_url}/{OTHER[language]}/{name}.html{anchor}"
    assert page.locator("html").get_attribute("lang") == OTHER[language]
    if section:
        assert page.evaluate("() => document.querySelector(':target')?.id") == section, (
            f"no #{section} in the {OTHER[language]} page"
        )
    guard.assert_clean()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_switcher_sits_with_the_theme_button(page, guard, base_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(f"{base_url}/ru/howto/restore.html")
    switch = page.locator(SWITCH)
    assert switch.count() == 1
    theme = page.locator(".theme-toggle:visible")
    box, icon = switch.bounding_box(), theme.bounding_box()
    # On the same line as the theme button, just before it.
    assert abs((box["y"] + box["height"] / 2) - (icon["y"] + icon["height"] / 2)) < 4, (box, icon)
    assert 0 < icon["x"] - (box["x"] + box["width"]) < 40, (box, icon)
    assert box["y"] >= 8, f"the switcher touches the top edge: {box}"
    with page.expect_navigation():
        switch.click()
    assert page.url == f"{base_url}/en/howto/restore.html"
    guard.assert_clean()


def test_switcher_keeps_the_search(page, guard, base_url):
    page.goto(f"{base_url}/ru/search.html?q=%D0%B2%D0%BE%D1%81%D1%81%D1%82%D0%B0%D0%BD%D0%BE%D0%B2%D0%B8%D1%82%D1%8C")
    page.wait_for_load_state("networkidle")  # the results' summaries have loaded
    with page.expect_navigation():
        page.locator(SWITCH).click()
    assert page.url.startswith(f"{base_url}/en/search.html?q=")
    assert page.locator("input[name=q]").first.input_value() == "восстановить"
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_keeps_the_section_being_read_when_the_address_names_none(page, guard, base_url, site_root, language):
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/{language}/howto/restore.html")
    # Scroll the reader to the middle of a section, without touching the address.
    page.evaluate(
        """() => { const box = document.getElementById("restore-fraud").getBoundingClientRect();
                   window.scrollBy(0, box.top + 40); }"""
    )
    with page.expect_navigation():
        page.locator(SWITCH).click()
    assert page.url == f"{base_url}/{OTHER[language]}/howto/restore.html#restore-fraud"
    guard.assert_clean()


def test_switcher_at_the_top_of_a_page_adds_no_section(page, guard, base_url):
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/ru/howto/restore.html")
    with page.expect_navigation():
        page.locator(SWITCH).click()
    assert page.url == f"{base_url}/en/howto/restore.html"
    guard.assert_clean()
