"""Ctrl+P on any page prints the text, never the controls that only work on a screen.

Menus, the language switch, the theme button, search boxes, the calculator's
field and buttons, the question path's buttons: none prints. The question path
prints whole, every question with its answers, as it reads without scripts.
(The calculator's own "print this checklist" view is tested in
test_print_checklist.py.)
"""

from __future__ import annotations

import pytest
from docbuild import LANGUAGES

from vkdocs.triage import load_tree

# Controls that show (checkboxes stay: they are ticked by hand on paper).
SHOWN_CONTROLS = """() => [...document.querySelectorAll(
    "button, input:not([type=checkbox]):not([type=hidden]), select, textarea, a.vk-drawer-link, .vk-lang-switch")]
  .filter((element) => element.getClientRects().length)
  .map((element) => element.outerHTML.slice(0, 100))"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["index", "howto/restore", "search"])
def test_no_screen_control_prints(page, guard, base_url, language, name):
    page.goto(f"{base_url}/{language}/{name}.html")
    page.wait_for_load_state("load")
    assert page.evaluate(SHOWN_CONTROLS), "the page shows no control on screen: nothing is tested"
    page.emulate_media(media="print")
    assert page.evaluate(SHOWN_CONTROLS) == []
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_question_path_prints_every_question(page, guard, base_url, language):
    page.goto(f"{base_url}/{language}/index.html")
    page.locator(".vk-triage__choice").first.click()  # the reader was half-way through it
    page.emulate_media(media="print")
    for anchor, question in load_tree().questions.items():
        section = page.locator(f"section#{anchor}")
        assert section.is_visible(), anchor
        assert section.locator("h3").text_content().rstrip("¶") == question.text[language]
    guard.assert_clean()


def test_no_floating_back_to_top_button_covers_the_text(page, guard, base_url):
    # Furo's «Наверх» floated over headings and cards while scrolling up on a phone: it is gone.
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{base_url}/ru/explanation/scams.html")
    page.mouse.wheel(0, 2000)
    page.mouse.wheel(0, -400)
    page.wait_for_function("() => document.documentElement.classList.contains('show-back-to-top')")
    floating = page.evaluate(
        """() => [...document.querySelectorAll("body *")].filter((element) => {
             const style = getComputedStyle(element), box = element.getBoundingClientRect();
             const inView = box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
             return style.position === "fixed" && inView && style.visibility === "visible"
               && !element.closest(".mobile-header, .sidebar-drawer, .toc-drawer, .overlay");
           }).map((element) => element.outerHTML.slice(0, 80))"""
    )
    assert floating == []
    guard.assert_clean()
