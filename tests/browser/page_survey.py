"""Every page, in both languages, as a reader's browser shows it, seen once and remembered.

``visit`` loads a page once: axe-core (bundled by ``axe-playwright-python``)
is injected once, then the window is resized (375 and 1280 px) and the
colour scheme switched (light, dark), and everything tests/browser/test_pages.py
looks at is measured in that one visit: axe-core's critical and serious
violations in each of the four views, contrast, heading sizes, sideways
scrolling, unmarked Russian, the icon, the size of the safety boxes' text
(on screen and in print), controls too small to tap, and what went wrong on
the way.

No work twice:

* **The chrome once per view.** The page chrome (header, sidebar, footer:
  ``CHROME``) is the same on every page but for its links and which sidebar
  entry is the current page. axe-core checks each page without the chrome
  (``{exclude: ...}``: the page's own content, the page-level rules, and its
  current sidebar entry, which stays in), and checks the chrome on its own
  (``{include: CHROME}``) once per view and per distinct chrome: the chrome's
  HTML is hashed on every page in every view (``CHROME_HTML``: link targets and
  the current-page marks left out, since the current entry is checked on its
  own page), and a page whose chrome hashes differently gets its chrome
  checked too. A page's axe result is its own plus its chrome's.
* **Remembered across runs.** What a visit saw is kept in
  ``docs/_build/page-survey/`` under a key made of everything that decides it
  (``page_key``): the page's HTML, every stylesheet and script it loads, the
  views, axe-core's and Chromium's versions, and this file. A re-run after
  editing one page visits that page only; ``make clean`` or a fresh clone (CI)
  surveys everything.

``Surveyor`` visits the pages in a thread of its own, with a Chromium of its
own, from the moment the site is built, while the other tests run in the main
thread (tests/browser/conftest.py starts it and runs those tests last). A
browser is CPU-bound here: two side by side finish sooner than one after the
other, on a machine with two cores or more.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
import subprocess
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from browsing import Guard, SharedTab, launch, serve, unavailable_reason
from chromium import CHROMIUM
from docbuild import ROOT, built_site

Key = tuple[str, str]  # (language, page name)

WIDTHS = {375: {"width": 375, "height": 740}, 1280: {"width": 1280, "height": 800}}
SCHEMES = ("light", "dark")
SERIOUS = ("critical", "serious")

# Colour changes animate (tab labels fade over 250 ms): switch them off, so what is
# measured right after switching the scheme is the final colour.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


@functools.cache
def axe_source() -> str:
    try:
        import axe_playwright_python
    except ImportError:  # pragma: no cover - the 'browser' extra installs it
        raise RuntimeError("axe-playwright-python is not installed (it is in the 'browser' extra: make venv)") from None
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


#: Where the survey keeps what it saw, one JSON file per page and per chrome (``page_key``, ``chrome_key``).
CACHE = ROOT / "docs" / "_build" / "page-survey"

#: The page chrome (Furo's): the header, the sidebar, the icons above the content, the footer's bottom line.
CHROME = [".mobile-header", ".sidebar-drawer", ".content-icon-container", "footer .bottom-of-page"]
#: What a page's own axe run leaves out: the chrome, but for the sidebar's current entry (checked on every page).
#: A wrapper left in (the sidebar's lists) is checked on every page too: more work, nothing hidden.
NOT_THE_PAGE = [
    ".mobile-header",
    ".content-icon-container",
    "footer .bottom-of-page",
    ".sidebar-drawer .sidebar-brand",
    ".sidebar-drawer .sidebar-search-container",
    ".sidebar-drawer .caption",
    ".sidebar-drawer li:not(.current-page)",
]

# The chrome's HTML as it is now (after the page's scripts ran, in this view), link
# targets and the current-page marks taken out: the same on pages that share a chrome.
CHROME_HTML = """(selectors) => selectors.map((selector) => [...document.querySelectorAll(selector)].map((element) => {
  const copy = element.cloneNode(true);
  for (const e of [copy, ...copy.querySelectorAll("*")]) {
    for (const name of ["href", "src", "action"]) if (e.hasAttribute(name)) e.setAttribute(name, "");
    if (e.classList.contains("current-page")) e.classList.remove("current-page");
    if (e.classList.contains("current")) e.classList.remove("current");
    if (e.getAttribute("class") === "") e.removeAttribute("class");
  }
  return copy.outerHTML;
}).join("\\n")).join("\\n")"""

# axe-core's critical and serious violations in ``context``, one line each: rule, impact, element.
AXE_RUN = """async ([context, levels]) => {
  const results = await axe.run(context, { resultTypes: ["violations"] });
  const found = [];
  for (const rule of results.violations) {
    if (!levels.includes(rule.impact)) continue;
    for (const node of rule.nodes) {
      found.push(`${rule.id} (${rule.impact}: ${rule.help}) at ${node.target.join(" ")}: ${node.html.slice(0, 160)}`);
    }
  }
  return found;
}"""

# WCAG 2.x contrast of every visible piece of text in the article, and the
# page background's luminance, computed in the page.
READABILITY = """
() => {
  const rgba = (css) => {
    const parts = css.match(/[\\d.]+/g) || ["0", "0", "0", "0"];
    const [r, g, b, a = 1] = parts.map(Number);
    return [r, g, b, css.startsWith("rgba") || parts.length > 3 ? a : 1];
  };
  const over = (top, below) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1);
  };
  const background = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const colour = rgba(getComputedStyle(e).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    let result = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const luminance = ([r, g, b]) => {
    const [R, G, B] = [r, g, b].map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const article = document.querySelector("article") || document.body;
  const worst = [];
  for (const element of article.querySelectorAll("*")) {
    const ownText = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!ownText || !element.getClientRects().length) continue;
    const style = getComputedStyle(element);
    if (style.visibility !== "visible" || Number(style.opacity) === 0) continue;
    const back = background(element);
    const ratio = contrast(over(rgba(style.color), back), back);
    if (ratio < 4.5) worst.push(`${ratio.toFixed(2)}: <${element.tagName.toLowerCase()} class="${element.className}"> ${element.textContent.trim().slice(0, 60)}`);
  }
  return { body: luminance(background(document.body)), worst };
}
"""

# The largest font size of each heading rank in the article (rank -> px).
HEADING_SIZES = """() => {
  const sizes = {};
  for (const h of document.querySelectorAll("article h1, article h2, article h3, article h4, article h5, article h6")) {
    if (!h.getClientRects().length) continue;
    const rank = Number(h.tagName[1]);
    sizes[rank] = Math.max(sizes[rank] || 0, parseFloat(getComputedStyle(h).fontSize));
  }
  return sizes;
}"""

# Text with Cyrillic letters outside code whose language is not Russian.
UNMARKED_RUSSIAN = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/[\\u0400-\\u04FF]/.test(node.textContent)) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest("pre, script, style, [hidden]") || !parent.getClientRects().length) continue;
    if (parent.closest("[lang]").getAttribute("lang") !== "ru") found.push(node.textContent.trim().slice(0, 80));
  }
  return found;
}"""

# Text in the safety boxes (every admonition: VK says, claim, harmful, myth,
# fraud, warning) smaller than the body's: one line per piece of text.
SMALL_SAFETY_TEXT = """() => {
  const body = parseFloat(getComputedStyle(document.body).fontSize);
  const small = [];
  for (const box of document.querySelectorAll("article .admonition")) {
    for (const element of [box, ...box.querySelectorAll("*")]) {
      const ownText = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!ownText || !element.getClientRects().length || element.closest("code, pre, sup, sub")) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < body) small.push(`${size} px < ${body} px: <${element.tagName.toLowerCase()}> ${element.textContent.trim().slice(0, 50)}`);
    }
  }
  return { boxes: document.querySelectorAll("article .admonition").length, small };
}"""

# Controls smaller than 24 by 24 px (WCAG 2.2 target size, minimum): buttons
# (the theme button too), fields, summaries, tabs and the links that work as
# controls (not links in text).
SMALL_CONTROLS = """() => {
  const controls = document.querySelectorAll(
    "button, input:not([type=hidden]), select, summary, label.sd-tab-label, a.vk-lang-switch__link, a.vk-drawer-link");
  const small = [];
  for (const control of controls) {
    const box = control.getBoundingClientRect(), style = getComputedStyle(control);
    // A tab's radio button is invisible (opacity 0): its label is the target.
    if (!control.getClientRects().length || style.visibility !== "visible" || Number(style.opacity) === 0) continue;
    if (box.width < 24 || box.height < 24) {
      small.push(`${Math.round(box.width)}×${Math.round(box.height)} px: ${control.outerHTML.slice(0, 100)}`);
    }
  }
  return small;
}"""

ICON_STATUS = """async () => {
  const icon = document.querySelector('link[rel~="icon"]');
  if (!icon) return null;
  const response = await fetch(icon.href);
  const image = new Image();
  image.src = icon.href;
  await image.decode().catch(() => {});
  return { href: icon.getAttribute("href"), status: response.status, type: response.headers.get("content-type"),
           width: image.naturalWidth };
}"""


@dataclass
class Survey:
    """What one visit to a page saw."""

    status: int
    lang: str | None
    problems: list[str]
    foreign: list[str]
    axe: dict[str, list[str]] = field(default_factory=dict)  # "375 px, dark" -> violations
    widths: dict[int, tuple[int, int]] = field(default_factory=dict)  # width -> (scroll width, client width)
    headings: dict[int, dict[str, float]] = field(default_factory=dict)  # width -> rank -> px
    readability: dict[str, dict] = field(default_factory=dict)  # scheme -> READABILITY
    unmarked_russian: list[str] = field(default_factory=list)
    icon: dict | None = None
    chrome: dict[str, str] = field(default_factory=dict)  # "375 px, dark" -> the hash of the chrome's HTML
    safety_text: dict[str, dict] = field(default_factory=dict)  # "375 px, dark" / "print" -> SMALL_SAFETY_TEXT
    small_controls: dict[int, list[str]] = field(default_factory=dict)  # width -> SMALL_CONTROLS


def digest(*parts: str | bytes) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part.encode("utf-8") if isinstance(part, str) else part)
        hashed.update(b"\0")
    return hashed.hexdigest()


@functools.cache
def chromium_version() -> str:
    done = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or f"unknown ({CHROMIUM})"


@functools.cache
def tools_key() -> str:
    """What decides every result beside the page: the views, axe-core, Chromium, and this file (the checks)."""
    views = json.dumps([sorted(WIDTHS), SCHEMES, SERIOUS])
    return digest(views, axe_source(), chromium_version(), Path(__file__).read_bytes())


_LOADED = re.compile(r'<(?:link[^>]*\brel="stylesheet"[^>]*\bhref|script[^>]*\bsrc)="([^"]+)"')


def assets_key(site: Path, page: Path) -> str:
    """The stylesheets and scripts ``page`` loads (its own site's files), each by its content."""
    parts = []
    for url in _LOADED.findall(page.read_text(encoding="utf-8")):
        path = url.split("?", 1)[0].split("#", 1)[0]
        local = (page.parent / path).resolve()
        if local.is_file() and site in local.parents:  # by where it is in the site, not how this page links it
            parts.append(f"{local.relative_to(site).as_posix()} {digest(local.read_bytes())}")
        else:
            parts.append(f"{url} elsewhere")
    return digest(*sorted(parts))


def page_key(site: Path, language: str, name: str) -> str:
    page = site / language / f"{name}.html"
    return digest(language, name, page.read_bytes(), assets_key(site, page), tools_key())


def chrome_key(chrome_html: str, view: str, assets: str) -> str:
    return digest(chrome_html, view, assets, tools_key())


def visit(page, guard, base_url: str, language: str, name: str, chrome) -> Survey:
    """Load ``language/name`` in ``page`` and measure everything in its four views; ``guard`` watches the page.

    ``chrome(view, html, survey_it)``: the chrome's violations in ``view``,
    from memory, or from ``survey_it()`` (axe-core on the chrome of this page).
    """
    response = page.goto(f"{base_url}/{language}/{name}.html", wait_until="load")
    survey = Survey(
        status=response.status,
        lang=page.locator("html").get_attribute("lang"),
        problems=[],
        foreign=[],
    )
    page.add_style_tag(content=NO_TRANSITIONS)
    page.evaluate(axe_source())
    for width, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)
            view = f"{width} px, {scheme}"
            own = page.evaluate(AXE_RUN, [{"exclude": NOT_THE_PAGE}, list(SERIOUS)])
            html = page.evaluate(CHROME_HTML, CHROME)
            chrome_faults = chrome(view, html, lambda: page.evaluate(AXE_RUN, [{"include": CHROME}, list(SERIOUS)]))
            survey.axe[view] = own + chrome_faults
            survey.chrome[view] = digest(html)
            survey.safety_text[view] = page.evaluate(SMALL_SAFETY_TEXT)
            if width == 1280:
                survey.readability[scheme] = page.evaluate(READABILITY)
        survey.widths[width] = tuple(
            page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        )
        survey.headings[width] = page.evaluate(HEADING_SIZES)
        survey.small_controls[width] = page.evaluate(SMALL_CONTROLS)
    page.emulate_media(media="print")
    survey.safety_text["print"] = page.evaluate(SMALL_SAFETY_TEXT)
    page.emulate_media(media="screen")
    survey.unmarked_russian = page.evaluate(UNMARKED_RUSSIAN) if language == "en" else []
    survey.icon = page.evaluate(ICON_STATUS)
    survey.problems, survey.foreign = list(guard.problems), list(guard.foreign)
    return survey


def _load(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _save(path: Path, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)


def survey_from_json(data: dict) -> Survey:
    """A remembered ``Survey``: JSON's string keys made numbers again, lists tuples."""
    data = dict(data)
    data["widths"] = {int(width): tuple(pair) for width, pair in data["widths"].items()}
    data["headings"] = {int(width): sizes for width, sizes in data["headings"].items()}
    data["small_controls"] = {int(width): found for width, found in data.get("small_controls", {}).items()}
    return Survey(**data)


@dataclass(frozen=True)
class Unavailable:
    """No browser here (no Playwright or no Chromium): the reason, for the tests to skip or fail with."""

    reason: str


class Surveyor:
    """Visits ``pages`` one after the other in a thread of its own; ``result`` waits for one of them."""

    def __init__(self, pages: Iterable[Key]) -> None:
        self.pages = list(dict.fromkeys(pages))
        self._seen: dict[Key, Survey | Unavailable | BaseException] = {}
        self._ready = {key: threading.Event() for key in self.pages}
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="vkdocs-page-survey", daemon=True)
        self.visited = 0  # pages loaded in a browser this run (the others were remembered)
        self.chromes_surveyed = 0  # chromes axe-core checked this run

    def start(self) -> Surveyor:
        self._thread.start()
        return self

    def result(self, key: Key, timeout: float = 900) -> Survey | Unavailable:
        """What the visit to ``key`` saw; the visit's own error is raised here, in the test that asks."""
        if key not in self._ready:
            raise LookupError(f"{key} was not collected for the survey: only the pages of selected tests are visited")
        if not self._ready[key].wait(timeout):
            raise TimeoutError(f"the survey did not reach {key[0]}/{key[1]} in {timeout:.0f} s")
        seen = self._seen[key]
        if isinstance(seen, BaseException):
            raise seen
        return seen

    def stop(self) -> None:
        """Finish the page being visited, skip the rest, and close the browser."""
        self._stopping.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def _record(self, key: Key, seen: Survey | Unavailable | BaseException) -> None:
        self._seen[key] = seen
        self._ready[key].set()

    def _record_the_rest(self, seen: Unavailable | BaseException) -> None:
        for key in self.pages:
            if not self._ready[key].is_set():
                self._record(key, seen)

    def _run(self) -> None:
        try:
            site = built_site().resolve()
            keys = {key: page_key(site, *key) for key in self.pages}
        except BaseException as error:  # reported by every test still waiting, never lost in the thread
            self._record_the_rest(error)
            return
        for key in self.pages:  # what an earlier run saw of the same page, with the same tools
            remembered = _load(CACHE / f"{keys[key]}.json")
            if remembered is not None:
                self._record(key, survey_from_json(remembered))
        to_visit = [key for key in self.pages if not self._ready[key].is_set()]
        self.visited = len(to_visit)
        if not to_visit:
            return
        reason = unavailable_reason()
        if reason:
            self._record_the_rest(Unavailable(reason))
            return
        try:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                browser = launch(playwright)
                try:
                    with serve(site) as base_url:
                        self._visit_all(browser, base_url, site, to_visit, keys)
                finally:
                    browser.close()
        except BaseException as error:  # reported by every test still waiting, never lost in the thread
            self._record_the_rest(error)
        self._record_the_rest(RuntimeError("the survey was stopped before this page"))

    def _visit_all(self, browser, base_url: str, site: Path, pages: list[Key], keys: dict[Key, str]) -> None:
        tab = SharedTab(browser)
        try:
            for key in pages:
                if self._stopping.is_set():
                    return
                tab.open()
                tab.guard = Guard(base_url)
                assets = assets_key(site, site / key[0] / f"{key[1]}.html")

                def chrome(view: str, html: str, survey_it, assets: str = assets) -> list[str]:
                    where = CACHE / "chrome" / f"{chrome_key(html, view, assets)}.json"
                    found = _load(where)
                    if found is None:
                        found = survey_it()
                        _save(where, found)
                        self.chromes_surveyed += 1
                    return found

                try:
                    seen: Survey | BaseException = visit(tab.page, tab.guard, base_url, *key, chrome)
                except Exception as error:
                    seen = error
                tab.reset(trusted=not isinstance(seen, BaseException))
                if isinstance(seen, Survey) and not seen.problems and seen.status == 200:
                    _save(CACHE / f"{keys[key]}.json", dataclasses.asdict(seen))
                self._record(key, seen)
        finally:
            tab.discard()
