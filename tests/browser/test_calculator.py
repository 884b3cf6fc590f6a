"""The restore page's deadline calculator agrees with vkdocs.deadline, in both languages.

"Today" is fixed with Playwright's clock, in Moscow time; the expected texts
come from the Python helpers themselves.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from docbuild import LANGUAGES

from vkdocs.deadline import RESTORE_WINDOW, VK_LAUNCH, describe
from vkdocs.errors import InputError
from vkdocs.messages import message

PAGE = "howto/restore"
CALCULATOR = "[data-vk-deadline-calculator]"

TODAYS = [
    date(2026, 3, 1),  # the day after February in a common year
    date(2028, 2, 29),  # a leap day
    date(2026, 12, 31),  # a year's last day
]


def deletion_dates(today: date) -> list[date]:
    """Dates around every edge of the rule, for one "today"."""
    window = RESTORE_WINDOW
    around = [
        today,  # deleted today: the whole window left
        today - timedelta(days=1),
        today - window + timedelta(days=1),  # one day left
        today - window + timedelta(days=2),  # two days left
        today - window + timedelta(days=21),  # 21: "день"
        today - window + timedelta(days=22),  # 22: "дня"
        today - window + timedelta(days=11),  # 11: "дней"
        today - window + timedelta(days=111),
        today - window,  # the deadline day itself: closed
        today - window - timedelta(days=1),
        today - timedelta(days=400),
    ]
    fixed = [
        date(2024, 2, 29),  # deleted on a leap day
        date(2027, 8, 3),  # deadline 2028-02-29
        date(2025, 7, 31),  # month ends
        date(2025, 12, 31),
        date(2026, 1, 31),
        date(2026, 4, 30),
        VK_LAUNCH,  # the earliest possible date
        date(2006, 10, 9),  # the day before VK: an error
        today + timedelta(days=1),  # the future: an error
    ]
    return sorted({*around, *fixed})


def expected(value: str, today: date, language: str) -> str:
    try:
        return describe(value, today=today, lang=language)
    except InputError as error:
        return error.localized(language)


@pytest.fixture
def open_calculator(page, base_url):
    def open_at(language: str, today: date):
        moment = datetime(today.year, today.month, today.day, 12, 0, tzinfo=ZoneInfo("Europe/Moscow"))
        page.clock.set_fixed_time(moment)
        page.goto(f"{base_url}/{language}/{PAGE}.html#restore-calculator")
        calculator = page.locator(CALCULATOR)
        assert calculator.is_visible(), "the calculator stays hidden: its script did not run"
        return calculator

    return open_at


@pytest.mark.parametrize("today", TODAYS, ids=str)
@pytest.mark.parametrize("language", LANGUAGES)
def test_calculator_shows_what_vkdocs_deadline_says(open_calculator, guard, language, today):
    calculator = open_calculator(language, today)
    field = calculator.locator("input[type=date]")
    output = calculator.locator("output")
    wrong = []
    for deleted in deletion_dates(today):
        field.fill(deleted.isoformat())
        shown = output.text_content()
        want = expected(deleted.isoformat(), today, language)
        if shown != want:
            wrong.append(f"{deleted}: shown {shown!r}\n{' ' * 12}expected {want!r}")
    assert not wrong, "\n".join(wrong)
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_field_asks_for_the_date(open_calculator, guard, language):
    calculator = open_calculator(language, TODAYS[0])
    assert calculator.locator("output").text_content() == message("calculator_empty", language)
    field = calculator.locator("input[type=date]")
    field.fill("2026-01-31")
    field.fill("")
    assert calculator.locator("output").text_content() == message("calculator_empty", language)
    assert calculator.get_attribute("data-state") == "empty"
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_result_is_marked_open_closed_or_error(open_calculator, language):
    today = TODAYS[0]
    calculator = open_calculator(language, today)
    field = calculator.locator("input[type=date]")
    for deleted, state in [(today, "open"), (today - RESTORE_WINDOW, "closed"), (today + timedelta(days=1), "error")]:
        field.fill(deleted.isoformat())
        assert calculator.get_attribute("data-state") == state, deleted


TYPED = [
    "31.01.2026",  # the Russian way, where a browser shows a plain text field
    " 2026-01-31 ",
    "29.02.2024",
    "29.02.2025",  # no such day
    "2026-02-30",
    "2026-13-01",
    "31/01/2026",
    "вчера",
    "",
    "0000-01-01",
    "0050-01-01",
    "09.10.2006",
    "2026-03-02",
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_typed_text_is_read_like_parse_date(open_calculator, language):
    """Browsers without a date picker show a text field: the script reads it like the helper."""
    today = TODAYS[0]
    calculator = open_calculator(language, today)
    for value in TYPED:
        shown = calculator.evaluate("(element, value) => vkdocsDeadline.result(element, value)", value)
        assert shown["text"] == expected(value, today, language), repr(value)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_can_fix_today(open_calculator, language):
    calculator = open_calculator(language, TODAYS[0])
    calculator.evaluate("element => { element.dataset.today = '2026-08-28'; }")
    calculator.locator("input[type=date]").fill("2026-01-31")
    assert calculator.locator("output").text_content() == describe("2026-01-31", today=date(2026, 8, 28), lang=language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_calculator_works_from_a_local_file(page, site_root, language):
    page.goto((site_root / language / f"{PAGE}.html").as_uri())
    calculator = page.locator(CALCULATOR)
    calculator.evaluate("element => { element.dataset.today = '2026-03-01'; }")
    calculator.locator("input[type=date]").fill("2026-01-31")
    assert calculator.locator("output").text_content() == describe("2026-01-31", today=date(2026, 3, 1), lang=language)
