"""Every page, in both languages, as a reader's browser shows it: on a phone (375 px) and a
desktop (1280 px), in light and dark mode.

Each page is loaded once (``survey``, tests/browser/page_survey.py: the chrome checked once per view, and
what was seen remembered under docs/_build/page-survey/ for the next run): axe-core is injected once,
then the window is resized and the colour scheme switched, and everything the tests below
look at is measured in that one visit. The visits run in a thread of their own while the
other tests run; these tests run last and each assert one thing about what was seen.

The accessibility gate: zero critical or serious axe-core violations, for every page,
width and colour scheme, each reported with its page, rule and element.
"""

from __future__ import annotations

import pytest
from browsing import unavailable
from docbuild import page_names
from page_survey import SCHEMES, WIDTHS, Survey, Unavailable

PAGES = page_names()


@pytest.fixture
def survey(page_surveyor, site_root, site_page) -> Survey:
    """The page of ``site_page`` as seen once this session, by the survey's thread.

    ``site_root`` is asked for too: a failed build then fails here, and these
    tests sort with the others that wait for the site (tests/conftest.py).
    """
    seen = page_surveyor.result(site_page)
    if isinstance(seen, Unavailable):
        unavailable(seen.reason)
    return seen


def test_page_loads_with_no_console_error_no_failed_request_and_nothing_from_elsewhere(survey, site_page):
    language, _ = site_page
    assert survey.status == 200
    assert survey.lang == language
    assert not survey.foreign, "requests left 127.0.0.1 (a privacy guide must not leak its readers):\n" + "\n".join(
        survey.foreign
    )
    assert not survey.problems, "\n".join(survey.problems)


def test_no_critical_or_serious_accessibility_fault_at_any_width_in_either_theme(survey, site_page):
    language, name = site_page
    faults = [f"{language}/{name}.html at {where}: {fault}" for where, found in survey.axe.items() for fault in found]
    assert len(survey.axe) == len(WIDTHS) * len(SCHEMES)
    assert not faults, f"{len(faults)} axe-core violations:\n" + "\n".join(faults)


def test_page_does_not_scroll_sideways_on_a_phone(survey, site_page):
    language, name = site_page
    scroll_width, client_width = survey.widths[375]
    assert scroll_width <= client_width, f"{language}/{name} is {scroll_width} px wide on a {client_width} px screen"


def test_headings_shrink_by_rank_at_every_width(survey):
    for width, sizes in survey.headings.items():
        ranked = [(int(rank), size) for rank, size in sorted(sizes.items(), key=lambda item: int(item[0]))]
        for (rank, size), (lower, smaller) in zip(ranked, ranked[1:], strict=False):
            assert size > smaller, f"at {width} px, h{lower} ({smaller} px) is not smaller than h{rank} ({size} px)"


def test_dark_mode_is_dark_and_readable(survey):
    found = survey.readability["dark"]
    assert found["body"] < 0.1, f"the page background is not dark (relative luminance {found['body']:.2f})"
    assert not found["worst"], "text below 4.5:1 contrast in dark mode:\n" + "\n".join(found["worst"])


def test_light_mode_is_readable(survey):
    found = survey.readability["light"]
    assert found["body"] > 0.5
    assert not found["worst"], "text below 4.5:1 contrast:\n" + "\n".join(found["worst"])


@pytest.mark.parametrize("site_page", [("en", name) for name in PAGES], ids=lambda p: f"{p[0]}/{p[1]}")
def test_russian_words_on_english_pages_are_marked_as_russian(survey, site_page):
    _, name = site_page
    assert not survey.unmarked_russian, f"en/{name}: Russian text without lang=ru:\n" + "\n".join(
        survey.unmarked_russian
    )


def test_page_has_its_own_icon_in_the_page(survey):
    # In the page itself: no request for it, so nothing to fail or leak, and the
    # browser does not ask the server's root for /favicon.ico.
    assert survey.icon is not None, "no <link rel=icon>"
    assert survey.icon["href"].startswith("data:image/svg+xml,"), survey.icon["href"][:60]
    assert survey.icon["status"] == 200 and survey.icon["type"] == "image/svg+xml", survey.icon
    assert survey.icon["width"] > 0, "the icon does not render"


def test_safety_boxes_text_is_at_least_the_body_size_in_every_view_and_in_print(survey, site_page):
    language, name = site_page
    assert len(survey.safety_text) == len(WIDTHS) * len(SCHEMES) + 1
    small = [f"{where}: {line}" for where, seen in survey.safety_text.items() for line in seen["small"]]
    assert not small, f"{language}/{name}.html: safety text smaller than the body's:\n" + "\n".join(small)


def test_every_control_is_at_least_24_by_24_px_at_every_width(survey, site_page):
    language, name = site_page
    assert set(survey.small_controls) == set(WIDTHS)
    small = [f"{width} px: {line}" for width, found in survey.small_controls.items() for line in found]
    assert not small, f"{language}/{name}.html: controls smaller than 24×24 px:\n" + "\n".join(small)
