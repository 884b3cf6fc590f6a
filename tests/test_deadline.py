"""vkdocs.deadline: the restore window, days left, sentences and bad input."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from vkdocs.deadline import (
    RESTORE_WINDOW,
    can_restore,
    days_left,
    describe,
    format_days,
    parse_date,
    restore_deadline,
)
from vkdocs.errors import InputError, InputTypeError


def test_the_window_is_the_210_days_vk_dialog_states():
    assert timedelta(days=210) == RESTORE_WINDOW


@pytest.mark.parametrize(
    "value", [date(2026, 1, 31), datetime(2026, 1, 31, 23, 59), "2026-01-31", "31.01.2026", " 2026-01-31\n"]
)
def test_every_accepted_form_gives_the_same_deadline(value):
    assert restore_deadline(value) == date(2026, 8, 29)


def test_days_left_counts_from_today_to_the_deadline():
    assert days_left("2026-01-31", today="2026-03-01") == 181


def test_days_left_is_one_on_the_last_day_and_zero_on_the_deadline():
    assert days_left("2026-01-31", today="2026-08-28") == 1
    assert days_left("2026-01-31", today="2026-08-29") == 0


def test_days_left_is_never_negative():
    assert days_left("2020-01-01", today="2026-01-01") == 0


def test_deletion_today_leaves_the_whole_window():
    assert days_left("2026-03-01", today="2026-03-01") == 210
    assert can_restore("2026-03-01", today="2026-03-01")


def test_can_restore_until_the_day_before_the_deadline():
    assert can_restore("2026-01-31", today="2026-08-28") is True
    assert can_restore("2026-01-31", today="2026-08-29") is False


def test_describe_in_russian_names_the_long_date_and_the_plural_days():
    text = describe("2026-01-31", today="2026-03-01", lang="ru")
    assert "29 августа 2026 г." in text
    assert "181 день" in text
    assert "VK" in text  # the reminder that VK's own dialog counts


def test_describe_in_english():
    text = describe("2026-01-31", today="2026-08-28", lang="en")
    assert "August 29, 2026" in text
    assert "1 day left" in text
    assert "dialog" in text


@pytest.mark.parametrize(("lang", "phrase"), [("ru", "Срок восстановления закончился"), ("en", "window closed")])
def test_describe_after_the_deadline_says_the_window_closed_and_names_the_date(lang, phrase):
    text = describe("2025-01-31", today="2026-03-01", lang=lang)
    assert phrase in text
    assert ("29 августа 2025 г." if lang == "ru" else "August 29, 2025") in text


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 день"),
        (2, "2 дня"),
        (4, "4 дня"),
        (5, "5 дней"),
        (11, "11 дней"),
        (12, "12 дней"),
        (14, "14 дней"),
        (21, "21 день"),
        (22, "22 дня"),
        (25, "25 дней"),
        (111, "111 дней"),
        (0, "0 дней"),
    ],
)
def test_russian_plural_forms(count, expected):
    assert format_days(count, "ru") == expected


@pytest.mark.parametrize(("count", "expected"), [(0, "0 days"), (1, "1 day"), (2, "2 days"), (21, "21 days")])
def test_english_plural_forms(count, expected):
    assert format_days(count, "en") == expected


@pytest.mark.parametrize("value", ["2026-02-30", "31.04.2026", "2026-13-01"])
def test_an_impossible_date_is_a_value_error_quoting_it(value):
    with pytest.raises(InputError) as caught:
        restore_deadline(value)
    assert isinstance(caught.value, ValueError)
    assert repr(value) in str(caught.value)
    assert "calendar" in str(caught.value)


@pytest.mark.parametrize("value", ["yesterday", "2026/01/31", "31-01-2026", "", "2026-1-31"])
def test_a_malformed_date_says_which_forms_are_accepted(value):
    with pytest.raises(ValueError) as caught:
        parse_date(value)
    assert repr(value) in str(caught.value)
    assert "YYYY-MM-DD" in str(caught.value) and "DD.MM.YYYY" in str(caught.value)


@pytest.mark.parametrize("value", [20260131, None, 3.5, ["2026-01-31"], True])
def test_a_wrong_type_is_a_type_error_naming_the_type(value):
    with pytest.raises(InputTypeError) as caught:
        restore_deadline(value)
    assert isinstance(caught.value, TypeError)
    assert type(value).__name__ in str(caught.value)


def test_a_deletion_after_today_is_refused_with_both_dates():
    with pytest.raises(ValueError) as caught:
        days_left("2026-05-01", today="2026-03-01")
    assert "2026-05-01" in str(caught.value) and "2026-03-01" in str(caught.value)


def test_a_deletion_before_vk_existed_is_refused():
    with pytest.raises(ValueError, match="2006-10-10"):
        restore_deadline("2005-01-01")


@pytest.mark.parametrize("lang", ["de", "RU", "", "english"])
def test_an_unknown_language_lists_the_valid_ones(lang):
    with pytest.raises(ValueError) as caught:
        describe("2026-01-31", today="2026-03-01", lang=lang)
    assert repr(lang) in str(caught.value)
    assert "ru, en" in str(caught.value)


def test_errors_have_a_russian_message_too():
    with pytest.raises(InputError) as caught:
        parse_date("2026-02-30")
    assert "не существует" in caught.value.localized("ru")
