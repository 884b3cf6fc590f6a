"""Every page, in both languages, as a reader's browser shows it: on a phone (375 px) and a
desktop (1280 px), in light and dark mode.

Each page is loaded once (``survey``): axe-core (bundled by ``axe-playwright-python``) is
injected once, then the window is resized and the colour scheme switched, and everything
the tests below look at is measured in that one visit. The tests then each assert one
thing about what was seen.

The accessibility gate: zero critical or serious axe-core violations, for every page,
width and colour scheme, each reported with its page, rule and element.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from docbuild import page_names

PAGES = page_names()
WIDTHS = {375: {"width": 375, "height": 740}, 1280: {"width": 1280, "height": 800}}
SCHEMES = ("light", "dark")
SERIOUS = ("critical", "serious")

# Colour changes animate (tab labels fade over 250 ms): switch them off, so what is
# measured right after switching the scheme is the final colour.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def axe_source() -> str:
    try:
        import axe_playwright_python
    except ImportError:  # pragma: no cover - the 'browser' extra installs it
        pytest.fail("axe-playwright-python is not installed (it is in the 'browser' extra: make venv)")
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


# axe-core's critical and serious violations, one line each: rule, impact, element.
AXE_RUN = """async (levels) => {
  const results = await axe.run(document, { resultTypes: ["violations"] });
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


_SURVEYS: dict[tuple[str, str], Survey] = {}


def visit(page, guard, base_url: str, language: str, name: str) -> Survey:
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
            survey.axe[f"{width} px, {scheme}"] = page.evaluate(AXE_RUN, list(SERIOUS))
            if width == 1280:
                survey.readability[scheme] = page.evaluate(READABILITY)
        survey.widths[width] = tuple(
            page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        )
        survey.headings[width] = page.evaluate(HEADING_SIZES)
    survey.unmarked_russian = page.evaluate(UNMARKED_RUSSIAN) if language == "en" else []
    survey.icon = page.evaluate(ICON_STATUS)
    survey.problems, survey.foreign = list(guard.problems), list(guard.foreign)
    return survey


@pytest.fixture
def survey(page, guard, base_url, site_page) -> Survey:
    """The page of ``site_page`` as seen once this session (the first test to ask visits it)."""
    if site_page not in _SURVEYS:
        _SURVEYS[site_page] = visit(page, guard, base_url, *site_page)
    return _SURVEYS[site_page]


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
