"""The browser side of the tests: Debian's Chromium through Playwright, and the built site on 127.0.0.1.

Shared by the browser fixtures (tests/browser/conftest.py) and the page survey
that runs beside the other tests in a thread of its own (page_survey.py): the
one Chromium command line, the local web server, the guard that reports what
went wrong in a page, and the tab a whole session of tests shares.

Playwright never downloads a browser: it launches ``/usr/bin/chromium``
(``$VKDOCS_CHROMIUM`` overrides). Requests to any other host are refused by
Chromium itself (a proxy that does not exist; loopback never uses a proxy)
and reported by ``Guard``, without intercepting the site's own requests,
which would switch the cache off.
"""

from __future__ import annotations

import contextlib
import functools
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from chromium import CHROMIUM
from chromium import CHROMIUM_ARGS as BASE_ARGS


def _closed_port() -> int:
    """A local TCP port nothing listens on: the proxy that refuses every request leaving 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


CHROMIUM_ARGS = [
    *BASE_ARGS,
    # Every request to another host (names and bare IP addresses alike, DNS
    # included) goes to a proxy that is not there and fails; loopback is never
    # proxied. Guard reports such requests.
    f"--proxy-server=http://127.0.0.1:{_closed_port()}",
]
VIEWPORT = {"width": 1280, "height": 800}
CONTEXT_OPTIONS: dict[str, Any] = {"viewport": VIEWPORT, "timezone_id": "Europe/Moscow"}
# What a new context emulates (Playwright's defaults): put back after each test.
DEFAULT_MEDIA: dict[str, Any] = {
    "media": "null",
    "color_scheme": "light",
    "reduced_motion": "no-preference",
    "forced_colors": "none",
    "contrast": "no-preference",
}
# Furo scrolls smoothly (``html { scroll-behavior: smooth }``, whatever the
# reader's motion settings): every click on a link out of view would wait a
# second or more for the scroll to end. The tests jump instead, as Playwright's
# own ``animations="disabled"`` does for screenshots; no test checks scrolling.
NO_SMOOTH_SCROLL = """document.addEventListener("DOMContentLoaded", () => {
  document.documentElement.style.scrollBehavior = "auto";
});"""


class _QuietHandler(SimpleHTTPRequestHandler):
    # Keep-alive, and files the browser may keep for the session: the site does not change while it is served.
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def do_GET(self) -> None:
        if self.path == "/favicon.ico":
            # Chromium asks the server's root for an icon; the docs have none, and a
            # 404 there is the test server's, not the site's.
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().do_GET()


@dataclass
class Guard:
    """Everything that went wrong in a browser context: console errors, failed or foreign requests."""

    origin: str
    problems: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def watch(self, context) -> None:
        """Report what happens in ``context`` (a context of your own; the shared one is watched already)."""
        context.on("request", self.on_request)
        context.on("console", self.on_console)
        context.on("weberror", self.on_web_error)
        context.on("requestfailed", self.on_request_failed)
        context.on("response", self.on_response)
        context.on("page", lambda page: page.on("websocket", self.on_websocket))

    def _is_foreign(self, url: str) -> bool:
        return urlsplit(url).scheme in {"http", "https", "ws", "wss"} and not url.startswith(self.origin + "/")

    def on_request(self, request) -> None:
        if self._is_foreign(request.url):
            self.foreign.append(request.url)

    def on_websocket(self, websocket) -> None:
        if self._is_foreign(websocket.url):
            self.foreign.append(websocket.url)

    def on_console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text} ({message.location.get('url')})")

    def on_web_error(self, error) -> None:
        self.problems.append(f"page error: {error.error}")

    def on_request_failed(self, request) -> None:
        if request.url not in self.foreign:
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def on_response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def assert_clean(self) -> None:
        assert not self.foreign, "requests left 127.0.0.1 (a privacy guide must not leak its readers):\n" + "\n".join(
            self.foreign
        )
        assert not self.problems, "\n".join(self.problems)


# After a test, in one round trip: forget the page's storage, and say what time the page
# thinks it is (Playwright's clock, once installed in a context, cannot be uninstalled).
_LEFT_BEHIND = """() => {
  try { localStorage.clear(); sessionStorage.clear(); } catch (error) {}
  return Date.now();
}"""


class SharedTab:
    """A context shared by the session's tests (its cache kept), with a fresh page for each test.

    Between tests, with Playwright's public API only: the test's pages are
    closed (their listeners, routes, viewport and emulated media go with
    them), the context's routes and cookies are removed, and the storage
    cleared. A test that adds handlers to the context itself (``context.on``)
    or needs other context options opens a context of its own.

    ``clock``: the tab for tests that fix "today" with Playwright's clock
    (``page.clock.set_fixed_time``). The clock cannot be uninstalled, so it
    stays between those tests (each sets its own time), and the shared tab of
    the other tests is dropped when a page's time is not the real time.
    """

    def __init__(self, browser, *, clock: bool = False) -> None:
        self.browser = browser
        self.clock = clock
        self.context = None
        self.page = None
        self.guard: Guard | None = None

    def open(self) -> None:
        if self.context is None:
            context = self.browser.new_context(**CONTEXT_OPTIONS)
            context.add_init_script(NO_SMOOTH_SCROLL)
            context.on("request", lambda request: self.guard and self.guard.on_request(request))
            context.on("console", lambda message: self.guard and self.guard.on_console(message))
            context.on("weberror", lambda error: self.guard and self.guard.on_web_error(error))
            context.on("requestfailed", lambda request: self.guard and self.guard.on_request_failed(request))
            context.on("response", lambda response: self.guard and self.guard.on_response(response))
            context.on("page", lambda page: page.on("websocket", lambda ws: self.guard and self.guard.on_websocket(ws)))
            self.context = context
        if self.page is None or self.page.is_closed():
            self.page = self.context.new_page()
            self.page.set_default_timeout(15_000)

    def discard(self) -> None:
        if self.context is not None:
            with contextlib.suppress(Exception):  # already closed by the test, or the browser is gone
                self.context.close()
        self.context = self.page = None

    def reset(self, *, trusted: bool) -> None:
        """Close the test's pages and clear what the context keeps, or drop the context when that cannot be done."""
        self.guard = None
        context, page = self.context, self.page
        if context is None:
            return
        if not trusted or page is None or page.is_closed():
            self.discard()
            return
        try:
            now = page.evaluate(_LEFT_BEHIND)
            if not self.clock and abs(now - time.time() * 1000) > 60_000:  # a clock was installed here
                self.discard()
                return
            for other in context.pages:
                other.close()
            self.page = None
            context.unroute_all(behavior="ignoreErrors")
            context.clear_cookies()
        except Exception:  # e.g. the test left a navigation running: start afresh next time
            self.discard()


def unavailable(reason: str) -> None:
    """Skip, or fail in CI: the browser tests must never be skipped silently there."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI is set, so the browser tests must run", pytrace=False)
    pytest.skip(reason)


def unavailable_reason() -> str | None:
    """Why the browser tests cannot run here (no Playwright, no Chromium), or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (it is the 'browser' extra: make venv)"
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (apt-get install --no-install-recommends chromium)"
    return None


def launch(playwright):
    """Debian's Chromium, headless, with the refusing proxy."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """``http://127.0.0.1:<free port>`` serving ``root`` until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="vkdocs-site", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
