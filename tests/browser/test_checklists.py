"""Checklists a reader can really use: tap the step to tick it, ticks that stay, and a way to clear them."""

from __future__ import annotations

import pytest
from docbuild import LANGUAGES

from vkdocs.messages import message

PAGE = "howto/restore"
OTHER_PAGE = "howto/delete"
PHONE = {"width": 375, "height": 740}
MIN_TARGET = 24  # px: WCAG 2.2 target size (minimum)

TICKED = "() => [...document.querySelectorAll('input.vk-checkbox')].filter((box) => box.checked).length"


def open_page(page, base_url: str, language: str, name: str = PAGE) -> None:
    page.goto(f"{base_url}/{language}/{name}.html")
    page.wait_for_selector(".vk-checklist__tools:not([hidden])")


def steps(page):
    return page.locator(".vk-checklist label.vk-step")


@pytest.mark.parametrize("language", LANGUAGES)
def test_tapping_a_step_text_ticks_its_box(page, guard, base_url, language):
    page.set_viewport_size(PHONE)
    open_page(page, base_url, language)
    step = steps(page).nth(1)
    box = step.locator("input.vk-checkbox")
    label = step.bounding_box()
    # The far end of the step's text, well away from the box.
    step.click(position={"x": label["width"] - 8, "y": label["height"] / 2})
    assert box.is_checked()
    step.click(position={"x": label["width"] - 8, "y": label["height"] / 2})
    assert not box.is_checked()
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_box_has_its_step_as_label_and_is_big_enough_to_tap(page, guard, base_url, language):
    page.set_viewport_size(PHONE)
    open_page(page, base_url, language)
    found = page.evaluate(
        """() => [...document.querySelectorAll("input.vk-checkbox")].map((box) => {
          const r = box.getBoundingClientRect();
          const item = box.closest("li");
          return {
            label: box.labels.length ? box.labels[0].textContent.trim() : "",
            width: r.width, height: r.height,
            bullet: getComputedStyle(item).listStyleType,
          };
        })"""
    )
    assert found, "no checklist boxes on the page"
    for box in found:
        assert len(box["label"]) > 10, f"a box without its step as label: {box}"
        assert box["width"] >= MIN_TARGET and box["height"] >= MIN_TARGET, f"box smaller than 24×24 px: {box}"
        assert box["bullet"] == "none", f"a bullet before the box: {box}"
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_ticks_stay_after_a_reload_for_that_page_and_language_only(page, guard, base_url, language):
    open_page(page, base_url, language)
    steps(page).nth(0).click()
    steps(page).nth(2).click()
    assert page.evaluate(TICKED) == 2

    open_page(page, base_url, language)
    assert page.evaluate(TICKED) == 2
    assert steps(page).nth(0).locator("input").is_checked()
    assert steps(page).nth(2).locator("input").is_checked()

    other_language = next(lang for lang in LANGUAGES if lang != language)
    open_page(page, base_url, other_language)
    assert page.evaluate(TICKED) == 0, "ticks leaked into the other language"
    open_page(page, base_url, language, OTHER_PAGE)
    assert page.evaluate(TICKED) == 0, "ticks leaked into another page"
    guard.assert_clean()  # and nothing was sent anywhere


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_clear_button_speaks_the_page_language_and_clears_the_ticks(page, guard, base_url, language):
    open_page(page, base_url, language)
    steps(page).nth(0).click()
    steps(page).nth(1).click()
    button = page.locator(".vk-checklist__clear").first
    assert button.is_visible()
    assert button.inner_text().strip() == message("clear_ticks", language)

    button.click()
    assert page.evaluate(TICKED) == 0
    open_page(page, base_url, language)
    assert page.evaluate(TICKED) == 0, "cleared ticks came back after a reload"
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_clearing_the_ticks_can_be_undone(page, guard, base_url, language):
    open_page(page, base_url, language)
    steps(page).nth(0).click()
    steps(page).nth(2).click()
    tools = page.locator(".vk-checklist__tools").first
    undo = tools.locator(".vk-checklist__undo")
    assert not undo.is_visible(), "undo before anything was cleared"
    tools.locator(".vk-checklist__clear").click()
    assert page.evaluate(TICKED) == 0
    assert undo.is_visible() and undo.inner_text().strip() == message("undo_clear_ticks", language)
    assert tools.locator("[role=status]").text_content() == message("ticks_cleared", language)
    box = undo.bounding_box()
    assert box["width"] >= MIN_TARGET and box["height"] >= MIN_TARGET, box

    undo.click()
    assert page.evaluate(TICKED) == 2
    assert steps(page).nth(0).locator("input").is_checked() and steps(page).nth(2).locator("input").is_checked()
    assert not undo.is_visible()
    open_page(page, base_url, language)
    assert page.evaluate(TICKED) == 2, "the ticks put back were not kept"

    # Once a box changes after clearing, there is nothing left to undo.
    page.locator(".vk-checklist__clear").first.click()
    steps(page).nth(1).click()
    assert not page.locator(".vk-checklist__undo").first.is_visible()
    guard.assert_clean()


def test_printing_the_page_keeps_the_boxes_and_leaves_out_the_button(page, guard, base_url):
    open_page(page, base_url, "ru")
    page.emulate_media(media="print")
    boxes = page.locator("input.vk-checkbox")
    assert boxes.count() > 0
    for index in range(boxes.count()):
        box = boxes.nth(index).bounding_box()
        assert box and box["width"] >= 12 and box["height"] >= 12, f"box {index} does not print: {box}"
    assert not page.locator(".vk-checklist__tools").first.is_visible()
    guard.assert_clean()
