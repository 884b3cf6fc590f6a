"""The survey's split of axe-core's work (page_survey.py) hides nothing: a fault anywhere is found by one of its runs."""

from __future__ import annotations

import pytest
from page_survey import AXE_RUN, CHROME, CHROME_HTML, NOT_THE_PAGE, SERIOUS, axe_source

# An image without a text alternative: a critical fault (axe-core's image-alt).
FAULT = 'const image = document.createElement("img"); image.src = "data:,"; image.className = "planted";'


@pytest.mark.parametrize(
    ("where", "width", "found_by"),
    [
        (".sidebar-drawer .sidebar-brand", 1280, "chrome"),
        (".sidebar-drawer li:not(.current-page)", 1280, "chrome"),
        (".mobile-header", 375, "chrome"),  # shown on a phone only: axe-core skips what is hidden
        (".content-icon-container", 1280, "chrome"),
        ("footer .bottom-of-page", 1280, "chrome"),
        (".sidebar-drawer li.current-page", 1280, "page"),
        ("article", 375, "page"),
        ("footer .related-pages", 1280, "page"),
        (".toc-drawer", 1600, "page"),  # Furo shows the page's contents beside it on wide screens only
    ],
)
def test_a_fault_planted_anywhere_is_found_by_the_page_run_or_the_chrome_run(page, base_url, where, width, found_by):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{base_url}/ru/howto/restore.html")
    page.evaluate(f"(selector) => {{ {FAULT} document.querySelector(selector).append(image); }}", where)
    page.evaluate(axe_source())
    runs = {
        "page": page.evaluate(AXE_RUN, [{"exclude": NOT_THE_PAGE}, list(SERIOUS)]),
        "chrome": page.evaluate(AXE_RUN, [{"include": CHROME}, list(SERIOUS)]),
    }
    assert [fault for fault in runs[found_by] if "planted" in fault], runs


def test_the_chrome_hashes_alike_on_pages_that_differ_only_in_their_current_entry(page, base_url):
    seen = []
    for name in ("howto/restore", "howto/delete"):
        page.goto(f"{base_url}/ru/{name}.html")
        seen.append(page.evaluate(CHROME_HTML, CHROME))
    assert seen[0] == seen[1]
    assert "current" not in seen[0]
