"""The restore page's calculator agrees with vkdocs.deadline, in both languages, typed as a reader types.

"Today" is fixed with Playwright's clock, in Moscow time; the expected texts
come from the Python helpers themselves (describe, message).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docbuild import LANGUAGES

from vkdocs.deadline import (
    LAST_DAY_OFFSET,
    RESTORE_WINDOW,
    VK_LAUNCH,
    describe,
    format_days,
    format_long_date,
    last_day,
    parse_date,
    rule,
)
from vkdocs.errors import InputError
from vkdocs.messages import message, plural

PAGE = "howto/restore"
CALCULATOR = "[data-vk-deadline-calculator]"
FIELD = "input[name=deleted-on]"
RESULT = ".vk-deadline-calculator__result"
UNDERSTOOD = ".vk-deadline-calculator__understood"
PHONE = {"width": 375, "height": 740}
# The one table of dates as readers write them, which vkdocs.dates passes too (tests/test_dates.py).
DATE_CASES = json.loads((Path(__file__).parents[1] / "data" / "date_cases.json").read_text(encoding="utf-8"))["cases"]


def russian(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def expected(value: str, today: date, language: str) -> tuple[str, str]:
    """(the date understood, in words; the result) as the Python helpers word them."""
    try:
        deleted = parse_date(value)
    except InputError as error:
        return "", error.localized(language)
    understood = message("calculator_understood", language, date=deleted)
    try:
        return understood, describe(value, today=today, lang=language)
    except InputError as error:
        return understood, error.localized(language)


@pytest.fixture
def page(clock_page):
    """This module's tests fix "today": they share the page whose clock stays installed (conftest.py)."""
    return clock_page


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


def page_shows(calculator) -> tuple[str, str]:
    """What the page shows: the date it understood, and the result."""
    return calculator.locator(UNDERSTOOD).text_content(), calculator.locator(RESULT).text_content()


def typed(calculator, value: str) -> tuple[str, str]:
    """Type ``value`` into the field as a reader would, leave the field, and read what the page shows."""
    field = calculator.locator(FIELD)
    field.fill("")
    field.press_sequentially(value)
    field.blur()
    return page_shows(calculator)


def entered(calculator, value: str) -> None:
    """Put ``value`` in the field at once (as pasted) and press Enter."""
    field = calculator.locator(FIELD)
    field.fill(value)
    field.press("Enter")


# The last day, D, of a page deleted on 1 October 2026 is 28 April 2027; of one
# deleted on 4 August 2027, the leap day 29 February 2028.
AROUND_THE_LAST_DAY = [
    (deleted, last_day(deleted) + timedelta(days=shift))
    for deleted in (date(2026, 10, 1), date(2027, 8, 4))
    for shift in (-1, 0, 1)
]


def set_today(calculator, today: date) -> None:
    """Fix the calculator's "today" for the next answer (the page's own override of the clock)."""
    calculator.evaluate("(element, today) => { element.dataset.today = today; }", today.isoformat())


@pytest.mark.parametrize("language", LANGUAGES)
def test_typed_dates_around_the_last_day_match_vkdocs_deadline(open_calculator, guard, language):
    calculator = open_calculator(language, date(2026, 11, 25))
    wrong = []
    for deleted, today in AROUND_THE_LAST_DAY:
        set_today(calculator, today)
        for value in (russian(deleted), deleted.isoformat()):
            shown, want = typed(calculator, value), expected(value, today, language)
            if shown != want:
                wrong.append(f"{value} on {today}: shown {shown!r}\n{' ' * 12}expected {want!r}")
    assert not wrong, "\n".join(wrong)
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_calculator_reads_the_table_of_dates_like_vkdocs_dates(open_calculator, language):
    calculator = open_calculator(language, date(2026, 11, 25))
    wrong = []
    for case in DATE_CASES:
        read = calculator.evaluate("(element, value) => vkdocsDeadline.read(element, value)", case["text"])
        if "error" in case:
            want = {"error": case["error"]}
        else:
            day = date.fromisoformat(case["date"])
            want = {"year": day.year, "month": day.month, "day": day.day}
        if read != want:
            wrong.append(f"{case['text']!r}: read {read}, expected {want}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("value", ["01.10.2026", "1.10.2026", "1 октября 2026", "1 окт. 2026 г.", "October 1, 2026"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_1_october_2026_is_echoed_in_words_and_gives_28_april_2027(open_calculator, language, value):
    calculator = open_calculator(language, date(2026, 11, 25))
    understood, result = typed(calculator, value)
    assert understood == {"ru": "Дата удаления: 1 октября 2026 г.", "en": "Date of deletion: October 1, 2026"}[language]
    assert result.startswith(
        {
            "ru": "Последний день, когда можно восстановить страницу, — 28 апреля 2027 г. Осталось 155 дней, включая сегодняшний день.",
            "en": "The last day to restore the page is April 28, 2027: 155 days left, counting today.",
        }[language]
    )
    assert calculator.get_attribute("data-state") == "open"
    # The echo sits above the result.
    above = calculator.evaluate(
        """element => element.querySelector(".vk-deadline-calculator__understood").getBoundingClientRect().bottom
            <= element.querySelector(".vk-deadline-calculator__result").getBoundingClientRect().top"""
    )
    assert above


@pytest.mark.parametrize("language", LANGUAGES)
def test_half_typed_input_is_incomplete_never_too_late(open_calculator, language):
    calculator = open_calculator(language, date(2026, 11, 25))
    field = calculator.locator(FIELD)
    for whole in ("01.10.2026", "1.10.2026", "2026-10-01", "1 октября 2026", "October 1, 2026"):
        field.fill("")
        for char in whole[:-1]:
            field.press_sequentially(char)
            # While the reader types, nothing is said and no answer shows.
            assert calculator.get_attribute("data-state") == "typing", field.input_value()
            assert page_shows(calculator) == ("", ""), field.input_value()
        field.press_sequentially(whole[-1])
        assert calculator.get_attribute("data-state") == "open"
    # Left half-typed (two of the three parts), the field says what is missing.
    for half in ("01.10", "01.10.", "2026-10-"):
        typed(calculator, half)
        assert calculator.get_attribute("data-state") == "incomplete", half
        assert calculator.locator(RESULT).text_content() == message("calculator_incomplete", language), half


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_two_digit_year_is_not_called_incomplete(open_calculator, page, language):
    page.set_viewport_size(PHONE)
    today = date(2026, 11, 25)
    calculator = open_calculator(language, today)
    shown = typed(calculator, "01.10.26")
    assert calculator.get_attribute("data-state") == "error"
    assert shown[1] != message("calculator_incomplete", language)
    assert shown == expected("01.10.26", today, language), "the calculator and parse_date disagree"


# What the live region (the <output>) says: one entry each time its text is written anew.
COUNT_ANNOUNCEMENTS = """element => {
  const output = element.querySelector("output");
  element.vkSaid = [];
  new MutationObserver(() => {
    const text = output.textContent;
    if (text) element.vkSaid.push(text);
  }).observe(output, { childList: true, subtree: true, characterData: true });
}"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("value", ["01.10.2026", "1.10.2026", "2026-10-01"])
def test_a_typed_date_is_announced_once(open_calculator, page, language, value):
    page.set_viewport_size(PHONE)
    calculator = open_calculator(language, date(2026, 11, 25))
    calculator.evaluate(COUNT_ANNOUNCEMENTS)
    field = calculator.locator(FIELD)
    field.press_sequentially(value)
    field.press("Enter")
    field.blur()
    said = calculator.evaluate("element => element.vkSaid")
    assert len(said) == 1, f"{len(said)} announcements for {len(value)} keystrokes: {said}"
    assert said[0] == "".join(page_shows(calculator))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_answer_is_announced_as_one(open_calculator, language):
    calculator = open_calculator(language, date(2026, 11, 25))
    output = calculator.locator("output")
    assert output.get_attribute("aria-live") == "polite"
    assert output.get_attribute("aria-atomic") == "true"


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_error_is_marked_on_the_field_and_looks_like_one(open_calculator, page, language):
    page.set_viewport_size(PHONE)
    calculator = open_calculator(language, date(2026, 11, 25))
    field = calculator.locator(FIELD)
    typed(calculator, "01.10.2026")
    assert field.get_attribute("aria-invalid") is None
    plain = calculator.locator(RESULT).evaluate("element => getComputedStyle(element).color")

    typed(calculator, "31.02.2027")
    assert calculator.get_attribute("data-state") == "error"
    assert field.get_attribute("aria-invalid") == "true"
    described = field.get_attribute("aria-describedby").split()
    result_id = calculator.locator(RESULT).get_attribute("id")
    assert described[0] == result_id, "the error does not describe the field"
    assert calculator.locator(f"#{result_id}").text_content() == expected("31.02.2027", date(2026, 11, 25), language)[1]
    look = calculator.locator(RESULT).evaluate(
        "element => { const s = getComputedStyle(element); return [s.color, parseFloat(s.borderLeftWidth)]; }"
    )
    assert look[0] != plain and look[1] >= 3, f"the error looks like a result: {look}"

    typed(calculator, "01.10.2026")
    assert field.get_attribute("aria-invalid") is None
    assert result_id not in field.get_attribute("aria-describedby").split()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_last_day_is_the_most_prominent_part_of_the_answer(open_calculator, page, language):
    page.set_viewport_size(PHONE)
    calculator = open_calculator(language, date(2026, 11, 25))
    typed(calculator, "01.10.2026")
    day = calculator.locator(".vk-deadline-calculator__last-day")
    assert day.text_content() == format_long_date(date(2027, 4, 28), language)
    sizes = calculator.evaluate(
        """element => [...element.querySelectorAll("output, output *")]
            .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
            .map((e) => [e.className, parseFloat(getComputedStyle(e).fontSize), Number(getComputedStyle(e).fontWeight)])"""
    )
    largest = max(sizes, key=lambda entry: entry[1])
    assert largest[0] == "vk-deadline-calculator__last-day" and largest[2] >= 700, sizes
    assert all(size < largest[1] for name, size, _ in sizes if name != largest[0]), sizes


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_field_asks_phones_for_digits_and_turns_a_comma_into_a_dot(open_calculator, language):
    calculator = open_calculator(language, date(2026, 11, 25))
    field = calculator.locator(FIELD)
    assert field.get_attribute("inputmode") == "decimal"
    field.press_sequentially("01,10,2026")
    assert field.input_value() == "01.10.2026"
    assert calculator.get_attribute("data-state") == "open"


@pytest.mark.parametrize("language", LANGUAGES)
def test_printing_the_page_leaves_out_the_field_and_button_but_keeps_the_answer(open_calculator, page, language):
    calculator = open_calculator(language, date(2026, 11, 25))
    typed(calculator, "01.10.2026")
    page.emulate_media(media="print")
    for part in ("label", FIELD, ".vk-deadline-calculator__hint", ".vk-deadline-calculator__print"):
        assert not calculator.locator(part).is_visible(), part
    assert calculator.locator(RESULT).is_visible()


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
        today - LAST_DAY_OFFSET,  # today is the last day
        today - window + timedelta(days=2),  # two days left
        today - window + timedelta(days=21),  # 21: "день"
        today - window + timedelta(days=22),  # 22: "дня"
        today - window + timedelta(days=11),  # 11: "дней"
        today - window + timedelta(days=111),
        today - window,  # the last day was yesterday
        today - window - timedelta(days=1),
        today - timedelta(days=400),
    ]
    fixed = [
        date(2024, 2, 29),  # deleted on a leap day
        date(2025, 7, 31),  # month ends
        date(2025, 12, 31),
        date(2026, 1, 31),
        date(2026, 4, 30),
        VK_LAUNCH,  # the earliest possible date
        date(2006, 10, 9),  # the day before VK: an error naming both dates in words
        today + timedelta(days=1),  # the future: an error naming both dates in words
    ]
    return sorted({*around, *fixed})


@pytest.mark.parametrize("language", LANGUAGES)
def test_calculator_shows_what_vkdocs_deadline_says(open_calculator, guard, language):
    calculator = open_calculator(language, TODAYS[0])
    field = calculator.locator(FIELD)
    wrong = []
    for today in TODAYS:
        set_today(calculator, today)
        for deleted in deletion_dates(today):
            value = russian(deleted)
            field.fill(value)
            page_says, want = page_shows(calculator), expected(value, today, language)
            if page_says != want:
                wrong.append(f"{deleted} on {today}: shown {page_says!r}\n{' ' * 12}expected {want!r}")
    assert not wrong, "\n".join(wrong)
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_errors_name_dates_in_words(open_calculator, language):
    today = date(2026, 11, 25)
    calculator = open_calculator(language, today)
    _, future = typed(calculator, "01.12.2026")
    assert ("1 декабря 2026 г." if language == "ru" else "December 1, 2026") in future
    assert ("25 ноября 2026 г." if language == "ru" else "November 25, 2026") in future
    _, early = typed(calculator, "2005-01-01")
    assert ("10 октября 2006 г." if language == "ru" else "October 10, 2006") in early
    assert calculator.get_attribute("data-state") == "error"


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_field_asks_for_the_date(open_calculator, guard, language):
    calculator = open_calculator(language, TODAYS[0])
    assert calculator.locator(RESULT).text_content() == message("calculator_empty", language)
    field = calculator.locator(FIELD)
    field.fill("2026-01-31")
    field.fill("")
    assert calculator.locator(RESULT).text_content() == message("calculator_empty", language)
    assert calculator.locator(UNDERSTOOD).text_content() == ""
    assert calculator.get_attribute("data-state") == "empty"
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_result_is_marked_open_last_closed_or_error(open_calculator, language):
    today = date(2027, 4, 28)
    calculator = open_calculator(language, today)
    for deleted, state in [
        ("25.11.2026", "open"),
        ("01.10.2026", "last"),
        ("30.09.2026", "closed"),
        ("29.04.2027", "error"),
        ("31.02.2027", "error"),
    ]:
        entered(calculator, deleted)
        assert calculator.get_attribute("data-state") == state, deleted


TYPED = [
    "31.01.2026",
    " 2026-01-31 ",
    "29.02.2024",
    "29.02.2025",  # no such day
    "2026-02-30",
    "2026-13-01",
    "31/01/2026",
    "01/10/2026",  # an American order is not guessed at
    "вчера",
    "0000-01-01",
    "0050-01-01",
    "09.10.2006",
    "2026-03-02",
    "２０２６-01-31",  # digits of another script
    "1" * 500,  # echoed at most 40 characters
    "a\tb\x00",
    "01.10.26",  # a two-digit year: refused, saying why
    "1.10.2026 или 2.10.2026",
    "1 октября 2026 г.",
    "Oct 1 2026",
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_complete_text_is_read_like_parse_date(open_calculator, language):
    today = TODAYS[0]
    calculator = open_calculator(language, today)
    for value in TYPED:
        shown = calculator.evaluate("(element, value) => vkdocsDeadline.result(element, value)", value)
        assert (shown["understood"], shown["text"]) == expected(value, today, language), repr(value)


@pytest.mark.parametrize("language", LANGUAGES)
def test_calculator_works_from_a_local_file(page, site_root, language):
    page.goto((site_root / language / f"{PAGE}.html").as_uri())
    calculator = page.locator(CALCULATOR)
    calculator.evaluate("element => { element.dataset.today = '2026-11-25'; }")
    calculator.locator(FIELD).fill("01.10.2026")
    assert calculator.locator(RESULT).text_content() == describe("2026-10-01", today=date(2026, 11, 25), lang=language)


# Accessibility and small screens


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_field_has_its_label_a_visible_focus_and_an_announced_output(open_calculator, page, language):
    calculator = open_calculator(language, TODAYS[0])
    field = page.get_by_label(message("calculator_label", language))
    assert field.get_attribute("name") == "deleted-on"
    described = page.locator(f"#{field.get_attribute('aria-describedby')}").text_content()
    assert described == message("calculator_hint", language)
    output = calculator.locator("output")
    assert output.get_attribute("aria-live") == "polite"
    assert output.get_attribute("for") == field.get_attribute("id")
    calculator.locator("label").click()  # the label focuses its field
    assert field.evaluate("element => element === document.activeElement")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus from the keyboard: :focus-visible
    assert field.evaluate("element => element === document.activeElement")
    outline = field.evaluate(
        "element => { const s = getComputedStyle(element); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )
    assert outline[0] != "none" and outline[1] >= 2, outline


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_works_at_375_px(open_calculator, page, language):
    page.set_viewport_size({"width": 375, "height": 740})
    calculator = open_calculator(language, date(2026, 11, 25))
    typed(calculator, "01.10.2026")
    for part in ("label", FIELD, UNDERSTOOD, RESULT):
        box = calculator.locator(part).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375, (part, box)
    assert calculator.locator(FIELD).bounding_box()["height"] >= 24
    assert calculator.evaluate("element => element.scrollWidth <= element.clientWidth")


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_rule_a_worked_example_and_a_calendar_count_are_shown(browser, base_url, language):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 740})
    try:
        page = context.new_page()
        page.goto(f"{base_url}/{language}/{PAGE}.html#restore-calculator")
        assert not page.locator(CALCULATOR).is_visible()
        notice = page.locator(".vk-deadline-calculator__noscript")
        assert notice.is_visible()
        paragraphs = [" ".join(text.split()) for text in notice.locator("p").all_text_contents()]
        deleted, today = date(2026, 10, 1), date(2026, 11, 25)
        example = f"{message('calculator_example', language, deleted=deleted, today=today)} {describe(deleted, today, language)}"
        weeks = plural("weeks", RESTORE_WINDOW.days // 7, language)
        calendar = message(
            "calculator_by_calendar",
            language,
            window=format_days(RESTORE_WINDOW.days, language),
            weeks=weeks,
            deleted=deleted,
            too_late=deleted + RESTORE_WINDOW,
            last_day=last_day(deleted),  # the calendar count lands on the rule's last day
        )
        assert paragraphs[:3] == [rule(language), example, calendar]
        assert "vkdocs deadline" in paragraphs[3]
    finally:
        context.close()
