"""Every page, in both languages, as a reader's browser shows it."""

from __future__ import annotations

import pytest

PHONE = {"width": 375, "height": 740}

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


def test_page_loads_with_no_console_error_no_failed_request_and_nothing_from_elsewhere(
    page, guard, base_url, site_page
):
    language, name = site_page
    response = page.goto(f"{base_url}/{language}/{name}.html", wait_until="load")
    assert response.ok
    assert page.locator("html").get_attribute("lang") == language
    guard.assert_clean()


def test_page_does_not_scroll_sideways_on_a_phone(page, guard, base_url, site_page):
    language, name = site_page
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/{language}/{name}.html", wait_until="load")
    width = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"{language}/{name} is {width[0]} px wide on a {width[1]} px screen"
    guard.assert_clean()


@pytest.fixture
def dark_page(context, page):
    page.emulate_media(color_scheme="dark")
    return page


def test_dark_mode_is_dark_and_readable(dark_page, guard, base_url, site_page):
    language, name = site_page
    dark_page.goto(f"{base_url}/{language}/{name}.html", wait_until="load")
    found = dark_page.evaluate(READABILITY)
    assert found["body"] < 0.1, f"the page background is not dark (relative luminance {found['body']:.2f})"
    assert not found["worst"], "text below 4.5:1 contrast in dark mode:\n" + "\n".join(found["worst"])
    guard.assert_clean()


def test_light_mode_is_readable(page, guard, base_url, site_page):
    language, name = site_page
    page.emulate_media(color_scheme="light")
    page.goto(f"{base_url}/{language}/{name}.html", wait_until="load")
    found = page.evaluate(READABILITY)
    assert found["body"] > 0.5
    assert not found["worst"], "text below 4.5:1 contrast:\n" + "\n".join(found["worst"])
