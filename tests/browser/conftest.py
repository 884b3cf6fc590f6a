"""Browser fixtures: Debian's Chromium driven by Playwright, the built site served on 127.0.0.1.

The site is ``$VKDOCS_SITE`` when set (``make test-browser`` builds
docs/_build/html and points here), otherwise both languages are built into a
temporary folder by the ``html_builds`` fixture.

Playwright never downloads a browser: it launches ``/usr/bin/chromium``
(``$VKDOCS_CHROMIUM`` overrides). Without Chromium or Playwright the tests
are skipped with the reason, except in CI (``$CI`` set), where they fail.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from docbuild import LANGUAGES, page_names

CHROMIUM = Path(os.environ.get("VKDOCS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HERE = Path(__file__).resolve().parent
PAGES = page_names()


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def unavailable(reason: str) -> None:
    """Skip, or fail in CI: the browser tests must never be skipped silently there."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI is set, so the browser tests must run", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def site_root(request) -> Path:
    """The folder holding ru/ and en/ side by side."""
    given = os.environ.get("VKDOCS_SITE")
    if given:
        root = Path(given).resolve()
    else:
        builds = request.getfixturevalue("html_builds")
        for build in builds.values():
            assert build.returncode == 0, f"{build.language} build failed:\n{build.output}"
        root = builds[LANGUAGES[0]].outdir.parent
    for language in LANGUAGES:
        assert (root / language / "index.html").is_file(), f"no {language}/index.html in {root}: build the HTML first"
    return root


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/favicon.ico":
            # Chromium asks the server's root for an icon; the docs have none, and a
            # 404 there is the test server's, not the site's.
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()


@pytest.fixture(scope="session")
def base_url(site_root) -> Iterator[str]:
    """``http://127.0.0.1:<free port>`` serving the site, for the whole session."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site_root)))
    thread = threading.Thread(target=server.serve_forever, name="vkdocs-site", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed (it is the 'browser' extra: make venv)")
    if not CHROMIUM.exists():
        unavailable(f"no Chromium at {CHROMIUM} (apt-get install --no-install-recommends chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@dataclass
class Guard:
    """Everything that went wrong in a browser context: console errors, failed or foreign requests."""

    origin: str
    problems: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def watch(self, context) -> None:
        context.route("**/*", self._route)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.problems.append(f"page error: {error.error}"))
        context.on("requestfailed", self._failed)
        context.on("response", self._response)

    def _route(self, route) -> None:
        url = route.request.url
        if urlsplit(url).scheme in {"http", "https", "ws", "wss"} and not url.startswith(self.origin + "/"):
            self.foreign.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    def _console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text} ({message.location.get('url')})")

    def _failed(self, request) -> None:
        if request.url not in self.foreign:
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def assert_clean(self) -> None:
        assert not self.foreign, "requests left 127.0.0.1 (a privacy guide must not leak its readers):\n" + "\n".join(
            self.foreign
        )
        assert not self.problems, "\n".join(self.problems)


@pytest.fixture
def guard(base_url) -> Guard:
    return Guard(base_url)


@pytest.fixture
def context(browser, guard):
    """A fresh browser context (its own storage), watched by ``guard``."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, timezone_id="Europe/Moscow")
    guard.watch(context)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture(params=[(language, name) for language in LANGUAGES for name in PAGES], ids=lambda p: f"{p[0]}/{p[1]}")
def site_page(request) -> tuple[str, str]:
    """Every page of both languages, as (language, page name)."""
    return request.param
