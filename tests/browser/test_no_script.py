"""Every page, in both languages, with JavaScript off, on a phone: the site menu («Разделы сайта»)
and the page's contents («На этой странице») still open.

Without scripts the drawers' buttons would do nothing, so the page hides them
and shows links in their place (docs/_templates/page.html, ``<noscript>``);
each drawer opens as its link's target (CSS ``:target``, vkdocs.css).
"""

from __future__ import annotations

import pytest
from browsing import Guard
from docbuild import LANGUAGES, page_names

PHONE = {"width": 375, "height": 740}
PAGES = page_names()


@pytest.fixture(scope="module")
def _static_tab(browser, base_url):
    """One tab with JavaScript off for every page (its cache kept), at 375 px, with its own guard.

    Less motion, so the drawers open at once instead of sliding in.
    """
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, reduced_motion="reduce")
    guard = Guard(base_url)
    guard.watch(context)
    yield context.new_page(), guard
    context.close()


@pytest.fixture
def static_page(_static_tab):
    page, guard = _static_tab
    guard.problems.clear()
    guard.foreign.clear()
    return page


def inside_the_window(box) -> bool:
    return box is not None and box["width"] > 0 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1


def drawer_opens(page, link_selector: str, drawer_id: str) -> int:
    """Tap the visible link to ``#drawer_id`` and count the links the drawer shows.

    (Playwright's page-side waiting and evaluation need the page's scripts:
    with them off, only locators and boxes answer.)
    """
    link = page.locator(f"{link_selector}[href='#{drawer_id}']:visible")
    assert link.count() == 1, f"{link.count()} visible links to #{drawer_id}"
    link.click()
    drawer = page.locator(f"#{drawer_id}")
    assert inside_the_window(drawer.bounding_box()), f"#{drawer_id} did not open: {drawer.bounding_box()}"
    links = drawer.locator("a[href]:visible")
    assert inside_the_window(links.first.bounding_box()), f"#{drawer_id}'s first link is out of sight"
    return links.count()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_the_site_menu_and_page_contents_open_without_javascript(static_page, _static_tab, base_url, language, name):
    static_page.goto(f"{base_url}/{language}/{name}.html")
    assert static_page.locator("button.vk-drawer-button:visible").count() == 0, "buttons that do nothing show"
    assert drawer_opens(static_page, "a.nav-overlay-icon", "vk-navigation-drawer") > 5, "the site menu shows no links"
    has_contents = static_page.locator("#vk-toc-drawer:not(.no-toc) .toc-tree a").count() > 1
    if has_contents:
        assert drawer_opens(static_page, "a.toc-header-icon", "vk-toc-drawer") > 0, "the page's contents show no links"
    else:
        assert static_page.locator("a.toc-header-icon:visible").count() == 0, "a contents link to an empty drawer"
    _static_tab[1].assert_clean()
