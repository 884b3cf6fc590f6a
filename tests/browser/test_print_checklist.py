"""The restore page prints its checklist alone, with the date of deletion and the last day filled in.

The calculator's "Print this checklist" button appears once it has a date
the page can still be restored from; it marks the checklist for the print
styles and calls ``window.print()`` (stubbed here: headless Chromium has no
print dialog). Print media is then emulated to see what would be printed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docbuild import LANGUAGES

from vkdocs.checklist import build_checklist
from vkdocs.deadline import format_long_date, last_day, window_note
from vkdocs.messages import message
from vkdocs.typography import untie

PAGE = "howto/restore"
CALCULATOR = "[data-vk-deadline-calculator]"
PRINT = ".vk-deadline-calculator__print button"
CHECKLIST = ".vk-checklist--restore"
DELETED, TODAY = date(2026, 10, 1), date(2026, 11, 25)

# axe-core's critical and serious violations, as tests/browser/test_pages.py gates every page.
AXE_SERIOUS = """async () => {
  const results = await axe.run(document, { resultTypes: ["violations"] });
  return results.violations
    .filter((rule) => rule.impact === "critical" || rule.impact === "serious")
    .map((rule) => `${rule.id} (${rule.impact}) at ${rule.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}"""


def axe_violations(page) -> list[str]:
    try:
        import axe_playwright_python
    except ImportError:  # the 'browser' extra installs it
        pytest.fail("axe-playwright-python is not installed (it is in the 'browser' extra: make venv)")
    page.evaluate((Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8"))
    return page.evaluate(AXE_SERIOUS)


@pytest.fixture
def restore_page(page, base_url):
    def open_in(language: str):
        page.goto(f"{base_url}/{language}/{PAGE}.html#restore-calculator")
        calculator = page.locator(CALCULATOR)
        calculator.evaluate("(element, today) => { element.dataset.today = today; }", TODAY.isoformat())
        # Headless Chromium has no print dialog: count the calls instead.
        page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
        return calculator

    return open_in


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_button_appears_once_the_calculator_has_a_date(restore_page, page, language):
    calculator = restore_page(language)
    button = calculator.locator(PRINT)
    assert not button.is_visible()
    calculator.locator("input[name=deleted-on]").fill("01.10")
    assert not button.is_visible(), "a half-typed date has nothing to print"
    calculator.locator("input[name=deleted-on]").fill("01.10.2026")
    assert button.is_visible()
    assert button.text_content() == message("calculator_print", language)
    calculator.locator("input[name=deleted-on]").fill("01.10.2020")
    assert not button.is_visible(), "the last day has passed: no restore checklist to print"


@pytest.mark.parametrize("language", LANGUAGES)
def test_printing_shows_the_checklist_alone_with_both_dates(restore_page, page, guard, language):
    calculator = restore_page(language)
    calculator.locator("input[name=deleted-on]").fill(DELETED.strftime("%d.%m.%Y"))
    calculator.locator(PRINT).click()
    assert page.evaluate("window.printed") == 1

    page.emulate_media(media="print")
    checklist = page.locator(CHECKLIST)
    assert checklist.is_visible()
    printed = untie(checklist.inner_text())
    for line in (
        f"{message('handout_deleted_on', language)} {format_long_date(DELETED, language)}",
        f"{message('handout_restore_before', language)} {format_long_date(last_day(DELETED), language)}",
    ):
        assert line in printed
    assert window_note(language) in printed  # the handout's note, from vkdocs.deadline's rule
    restore = build_checklist("restore", lang=language)
    assert restore.title in printed
    for step in restore.steps:
        assert step.text in printed
    for hidden in ("h1", CALCULATOR, "#restore-steps", ".vk-print-link"):
        assert not page.locator(hidden).first.is_visible(), f"{hidden} is printed too"

    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("h1").first.is_visible(), "after printing, the page prints whole again"
    page.emulate_media(media="screen")
    assert not page.locator(".vk-print-dates").is_visible(), "the filled-in dates are for print only"
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_calculator_with_its_print_button_has_no_serious_accessibility_fault(restore_page, page, language):
    calculator = restore_page(language)
    calculator.locator("input[name=deleted-on]").fill(DELETED.strftime("%d.%m.%Y"))
    assert calculator.locator(PRINT).is_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_step_reads_as_one_paragraph_beside_its_box(restore_page, page, language):
    """The Russian labels on English pages sit in <span lang="ru">: they must not break the step into columns."""
    restore_page(language)
    shown = untie(page.locator(CHECKLIST).inner_text())
    for step in build_checklist("restore", lang=language).steps:
        assert step.text in shown
