"""A reader on a phone with a keyboard (or a switch device) can reach and see everything on the start page."""

from __future__ import annotations

import pytest
from docbuild import LANGUAGES

PHONE = {"width": 375, "height": 740}
MAX_TABS = 250

# Transitions off and no smooth scrolling: what is measured right after a key
# press is where the page ends up, not a frame of an animation.
STILL = """
*, *::before, *::after { transition: none !important; animation: none !important; }
html { scroll-behavior: auto !important; }
"""

# Where the focus is, whether it is on screen and whether it shows (an outline,
# on the element or, for a card's stretched link, on the card it covers).
FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const card = element.matches(".sd-stretched-link") ? element.closest(".sd-card") : null;
  const box = (card || element).getBoundingClientRect();
  // (Less than a pixel over the edge is rounding, not hiding.)
  const onScreen = box.width > 0 && box.height > 0 && box.top > -1 && box.left > -1
    && box.bottom < innerHeight + 1 && box.right < innerWidth + 1;
  let hidden = false;
  for (let e = element; e; e = e.parentElement) {
    const style = getComputedStyle(e);
    if (style.visibility !== "visible" || Number(style.opacity) === 0 || style.display === "none") hidden = true;
  }
  // Not covered by something else (the sticky header over a link, for one): the middle of each of its
  // boxes (a link that wraps has one per line; the middle of the whole may fall between its lines).
  const seenAt = (rect) => {
    const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    return Boolean(top && ((card || element).contains(top) || top.contains(element)));
  };
  const boxes = [...(card || element).getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
  const covered = !(boxes.length ? boxes : [box]).every(seenAt);
  const ring = (style) => style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shows = ring(getComputedStyle(element)) || ring(getComputedStyle(element, "::after"));
  const name = element.getAttribute("aria-label") || element.textContent.trim().slice(0, 40);
  return { what: `<${element.tagName.toLowerCase()} class="${element.className}"> ${name}`, onScreen, hidden, covered, shows };
}"""


def start(page, base_url: str, language: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}/{language}/index.html")
    page.add_style_tag(content=STILL)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_focused_element_on_the_start_page_is_on_screen_and_shows_its_focus(page, guard, base_url, language):
    start(page, base_url, language)
    seen: list[str] = []
    faults: list[str] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (seen and focused["what"] == seen[0]):
            break  # back to the start: every stop visited
        seen.append(focused["what"])
        problems = [
            what
            for what, bad in (
                ("off screen", not focused["onScreen"]),
                ("hidden", focused["hidden"]),
                ("covered", focused["covered"]),
                ("no visible focus", not focused["shows"]),
            )
            if bad
        ]
        if problems:
            faults.append(f"Tab {len(seen)}: {focused['what']}: {', '.join(problems)}")
    assert len(seen) > 20, f"only {len(seen)} stops: {seen}"
    assert not faults, f"{len(faults)} of {len(seen)} focus stops are not seen:\n" + "\n".join(faults)
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_menu_opens_and_closes_from_the_keyboard(page, guard, base_url, language):
    start(page, base_url, language)
    menu = page.locator("button[data-vk-drawer='__navigation']")
    for _ in range(10):
        page.keyboard.press("Tab")
        if menu.evaluate("button => button === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reaches the menu button")
    drawer = page.locator("#vk-navigation-drawer")
    assert not drawer.is_visible(), "the closed menu is visible"
    assert menu.get_attribute("aria-expanded") == "false"

    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    box = drawer.bounding_box()
    assert drawer.is_visible() and box["x"] >= 0, f"the menu did not open: {box}"
    page.wait_for_function("() => document.activeElement.closest('#vk-navigation-drawer') !== null")
    page.keyboard.press("Tab")
    inside = page.evaluate(FOCUSED)
    assert inside["onScreen"] and not inside["hidden"], inside

    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert not drawer.is_visible()
    assert menu.evaluate("button => button === document.activeElement"), (
        "the focus did not come back to the menu button"
    )
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("drawer", "button"), [("vk-toc-drawer", "__toc"), ("vk-navigation-drawer", "__navigation")])
def test_an_open_panel_takes_the_focus_keeps_it_and_gives_it_back_on_escape(
    page, guard, base_url, language, drawer, button
):
    start(page, base_url, language)
    opener = page.locator(f"button[data-vk-drawer='{button}']:visible")
    opener.focus()
    page.keyboard.press("Enter")
    inside = f"() => document.activeElement.closest('#{drawer}') !== null"
    page.wait_for_function(inside)
    focused = page.evaluate(FOCUSED)
    assert focused["onScreen"] and not focused["hidden"], focused
    links = page.locator(f"#{drawer} a[href]:visible").count()
    for presses in range(links + 2):  # round the panel and past its end
        page.keyboard.press("Tab")
        assert page.evaluate(inside), f"Tab {presses + 1} left the open panel: {page.evaluate(FOCUSED)}"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(inside), "Shift+Tab left the open panel"
    page.keyboard.press("Escape")
    assert opener.evaluate("button => button === document.activeElement"), "the focus did not come back"
    assert opener.get_attribute("aria-expanded") == "false"
    guard.assert_clean()
