"""Browser fixtures: Debian's Chromium driven by Playwright, the built site served on 127.0.0.1 (browsing.py).

The site is ``$VKDOCS_SITE`` when set (``make test-browser`` builds
docs/_build/html and points here), otherwise the session's ``html_builds``
(both languages, built once for every test that needs them).

Without Chromium or Playwright the tests are skipped with the reason,
except in CI (``$CI`` set), where they fail.

Speed: one browser and one context serve the whole session, with a fresh
page for each test. A page load then costs one HTML request (the theme's
CSS, JS and fonts come from the context's cache), not a new context and
every file again. After each test its pages are closed, the context's
routes, cookies and storage cleared (browsing.SharedTab, Playwright's public
API only); a test that failed gets a fresh context next time. Tests that fix
"today" with Playwright's clock, which cannot be uninstalled, share a second
context of their own (``clock_page``).

The survey of every page (test_pages.py) runs beside all this, in a
thread with a Chromium of its own, from the moment the site is built
(page_survey.py); its tests run last and read what it saw.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import Guard, SharedTab, launch, serve, unavailable, unavailable_reason
from docbuild import LANGUAGES, built_site, page_names
from page_survey import Surveyor

HERE = Path(__file__).resolve().parent
PAGES = page_names()
FAILED = pytest.StashKey[bool]()


_SURVEYOR = pytest.StashKey[Surveyor]()


def _surveyed(item: pytest.Item) -> tuple[str, str] | None:
    """The page a test reads from the survey (test_pages.py), or None."""
    if "survey" not in getattr(item, "fixturenames", ()):
        return None
    return item.callspec.params["site_page"]


@pytest.hookimpl(tryfirst=True)  # before -m selects by marker
def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


class _SurveyLast:
    """The survey's tests go last: its thread then has the whole session to visit the pages.

    After -k/-m have deselected, and before the root conftest.py's stable sort
    (both trylast; the plugin registered last runs first), which keeps this order
    but for the tests of Read the Docs' replay, the session's longest work: they go after these.
    """

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items) -> None:
        items.sort(key=lambda item: _surveyed(item) is not None)


def pytest_configure(config) -> None:
    config.pluginmanager.register(_SurveyLast(), "vkdocs-survey-last")


def pytest_collection_finish(session) -> None:
    """Start the survey of the selected tests' pages: it waits for the site, then visits them."""
    if session.config.option.collectonly:
        return
    pages = [page for page in map(_surveyed, session.items) if page is not None]
    if pages:
        session.config.stash[_SURVEYOR] = Surveyor(pages).start()


def pytest_unconfigure(config) -> None:
    surveyor = config.stash.get(_SURVEYOR, None)
    if surveyor is not None:
        surveyor.stop()


@pytest.fixture(scope="session")
def page_surveyor(request) -> Surveyor:
    """The survey of every page the selected tests read (page_survey.py), started after collection."""
    surveyor = request.config.stash.get(_SURVEYOR, None)
    assert surveyor is not None, "no survey was started: pytest_collection_finish saw no test that reads one"
    return surveyor


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Remember a failed test, so the shared page it leaves behind is not trusted."""
    report = yield
    if report.failed:
        item.stash[FAILED] = True
    return report


@pytest.fixture(scope="session")
def site_root() -> Path:
    """The folder holding ru/ and en/ side by side."""
    return built_site()


@pytest.fixture(scope="session")
def base_url(site_root) -> Iterator[str]:
    """``http://127.0.0.1:<free port>`` serving the site, for the whole session."""
    with serve(site_root) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    reason = unavailable_reason()
    if reason:
        unavailable(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def _shared_tab(browser) -> Iterator[SharedTab]:
    tab = SharedTab(browser)
    yield tab
    tab.discard()


@pytest.fixture
def guard(base_url) -> Guard:
    return Guard(base_url)


@pytest.fixture(scope="session")
def _clock_tab(browser) -> Iterator[SharedTab]:
    tab = SharedTab(browser, clock=True)
    yield tab
    tab.discard()


@contextlib.contextmanager
def _lent(tab: SharedTab, guard: Guard, request) -> Iterator[SharedTab]:
    """``tab`` opened and watched by ``guard`` for one test, then put back."""
    tab.open()
    tab.guard = guard
    yield tab
    tab.reset(trusted=not request.node.stash.get(FAILED, False))


@pytest.fixture
def context(_shared_tab, guard, request):
    """The session's browser context (cache kept, storage cleared between tests), watched by ``guard``.

    It is put back after each test (pages closed; routes, cookies, storage cleared).
    A test that needs anything else of its own (permissions, offline mode,
    extra headers, geolocation) opens its own: ``browser.new_context()``.
    """
    with _lent(_shared_tab, guard, request) as tab:
        yield tab.context


@pytest.fixture
def page(context, _shared_tab):
    """A fresh page of the session's context for each test, at 1280×800 in light mode."""
    return _shared_tab.page


@pytest.fixture
def clock_page(_clock_tab, guard, request):
    """Like ``page``, for a test that fixes "today": ``clock_page.clock.set_fixed_time(...)`` first.

    Its context is shared only by such tests: the clock stays installed
    between them, so its cache is kept instead of a new context per test.
    """
    with _lent(_clock_tab, guard, request) as tab:
        yield tab.page


@pytest.fixture(params=[(language, name) for language in LANGUAGES for name in PAGES], ids=lambda p: f"{p[0]}/{p[1]}")
def site_page(request) -> tuple[str, str]:
    """Every page of both languages, as (language, page name)."""
    return request.param
