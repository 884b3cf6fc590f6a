"""vkdocs.deadline: the rule (the last day is the date of deletion + 209 days), its sentences and bad input."""

from __future__ import annotations

import inspect
import re
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import vkdocs.deadline
from vkdocs.deadline import (
    LAST_DAY_OFFSET,
    RESTORE_WINDOW,
    can_restore,
    days_left,
    describe,
    first_day_gone,
    format_days,
    format_long_date,
    last_day,
    parse_date,
    restore_deadline,
    rule,
    state,
    window_note,
)
from vkdocs.errors import InputError, InputTypeError
from vkdocs.i18n import languages
from vkdocs.messages import message, source_messages

# The example every surface uses: deleted on 1 October 2026, read on 25 November 2026.
DELETED = date(2026, 10, 1)
LAST = date(2027, 4, 28)
TODAY = date(2026, 11, 25)


def test_the_window_is_210_days_and_the_last_day_comes_209_days_after_deletion():
    assert timedelta(days=210) == RESTORE_WINDOW
    assert timedelta(days=209) == LAST_DAY_OFFSET


def test_the_last_day_of_the_example_is_28_april_2027():
    assert last_day("2026-10-01") == LAST
    assert last_day("01.10.2026") == LAST


def test_first_day_gone_is_the_day_after_the_last_day():
    assert first_day_gone("2026-10-01") == LAST + timedelta(days=1)


def test_the_old_name_restore_deadline_still_works_and_warns_that_it_is_deprecated():
    with pytest.warns(DeprecationWarning, match=r"first_day_gone\(\)"):
        assert restore_deadline("2026-10-01") == first_day_gone("2026-10-01")


def test_the_exact_sentences_of_the_rule_in_both_languages():
    assert describe(DELETED, TODAY, "ru").startswith(
        "Последний день, когда можно восстановить страницу, — 28 апреля 2027 г. Осталось 155 дней, включая сегодняшний день."
    )
    assert describe(DELETED, TODAY, "en").startswith(
        "The last day to restore the page is April 28, 2027: 155 days left, counting today."
    )


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_while_the_page_can_be_restored_the_answer_ends_with_the_rule_of_vks_dialog(lang):
    for today in (TODAY, LAST):
        assert describe(DELETED, today, lang).endswith(message("deadline_trust_dialog", lang))


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_after_the_last_day_the_answer_says_to_restore_at_once_if_vk_still_offers_it(lang):
    assert describe(DELETED, LAST + timedelta(days=1), lang).endswith(message("deadline_closed_dialog", lang))


def test_the_rule_of_vks_dialog_says_before_its_date_and_no_later_than_the_last_day_whichever_is_earlier():
    # Russian «до <даты>» often means "before that date": restore before it, and never after our last day.
    ru = message("deadline_trust_dialog", "ru")
    assert "раньше этой даты" in ru and "не позже последнего дня" in ru and "смотря что наступит раньше" in ru
    en = message("deadline_trust_dialog", "en")
    assert "before that date" in en and "no later than the last day" in en and "whichever comes first" in en


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_before_the_last_day_it_says_do_not_wait(lang):
    assert message("deadline_dont_wait", lang) in describe(DELETED, LAST - timedelta(days=1), lang)


@pytest.mark.parametrize(("lang", "phrase"), [("ru", "Сегодня последний день"), ("en", "Today is the last day")])
def test_on_the_last_day_it_says_today_is_the_last_day_restore_now(lang, phrase):
    text = describe(DELETED, LAST, lang)
    assert text.startswith(phrase)
    assert ("Восстановите её сейчас" if lang == "ru" else "Restore it now") in text
    assert ("28 апреля 2027 г." if lang == "ru" else "April 28, 2027") in text


@pytest.mark.parametrize(("lang", "phrase"), [("ru", "уже прошёл"), ("en", "has passed")])
def test_after_the_last_day_it_says_it_has_passed_and_names_it(lang, phrase):
    text = describe(DELETED, LAST + timedelta(days=1), lang)
    assert phrase in text
    assert ("28 апреля 2027 г." if lang == "ru" else "April 28, 2027") in text


@pytest.mark.parametrize(
    ("today", "left", "now", "restorable"),
    [
        (LAST - timedelta(days=1), 2, "open", True),  # D-1
        (LAST, 1, "last", True),  # D: the last day
        (LAST + timedelta(days=1), 0, "closed", False),  # D+1
    ],
)
def test_around_the_last_day(today, left, now, restorable):
    assert days_left(DELETED, today) == left
    assert state(DELETED, today) == now
    assert can_restore(DELETED, today) is restorable


def test_a_leap_year_last_day():
    # Deleted 4 August 2027: 209 days later is 29 February 2028.
    assert last_day("04.08.2027") == date(2028, 2, 29)
    assert days_left("2027-08-04", "2028-02-29") == 1
    assert "February 29, 2028" in describe("2027-08-04", "2028-02-28", "en")
    assert "29 февраля 2028 г." in describe("2027-08-04", "2028-03-01", "ru")


def test_deleted_on_a_leap_day():
    assert last_day("29.02.2024") == date(2024, 9, 25)


@pytest.mark.parametrize(
    "value",
    [
        date(2026, 10, 1),
        datetime(2026, 10, 1, 23, 59),
        "2026-10-01",
        "01.10.2026",
        " 2026-10-01\n",
        "1.10.2026",
        "1 октября 2026",
        "October 1, 2026",
    ],
)
def test_every_accepted_form_gives_the_same_last_day(value):
    assert last_day(value) == LAST


def test_a_timezone_aware_datetime_counts_by_its_own_local_date():
    # 1:00 on 1 October in Moscow is still 30 September in UTC: the page's own date is 1 October.
    moscow = datetime(2026, 10, 1, 1, 0, tzinfo=ZoneInfo("Europe/Moscow"))
    assert moscow.astimezone(UTC).date() == date(2026, 9, 30)
    assert parse_date(moscow) == DELETED
    assert last_day(moscow) == LAST
    late = datetime(2027, 4, 28, 23, 30, tzinfo=timezone(timedelta(hours=-10)))
    assert days_left(moscow, late) == 1


def test_days_left_counts_today():
    assert days_left(DELETED, today=TODAY) == 155
    assert days_left(DELETED, today=DELETED) == 210  # deleted today: the whole window


def test_days_left_is_never_negative():
    assert days_left("2020-01-01", today="2026-01-01") == 0


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


def test_the_rule_sentence_quotes_the_window():
    assert "210 days" in rule("en") and "209 days" in rule("en")
    assert "210 дней" in rule("ru") and "209 дней" in rule("ru")


@pytest.mark.parametrize("lang", languages())
def test_the_note_under_printed_dates_is_the_rule_then_vks_dialog_then_do_not_wait(lang):
    """One definition: the handouts, the manual's first page and the calculator's print all show window_note,
    built from rule() (a second copy of its words or numbers would make these differ)."""
    from vkdocs.sphinx.calculator import calculator_data

    parts = [rule(lang), message("deadline_trust_dialog", lang), message("deadline_dont_wait", lang)]
    assert window_note(lang) == " ".join(parts)
    assert calculator_data(lang)["windowNote"] == window_note(lang)


# Bad input


@pytest.mark.parametrize("value", ["2026-02-30", "31.04.2026", "2026-13-01"])
def test_an_impossible_date_is_a_value_error_quoting_it(value):
    with pytest.raises(InputError) as caught:
        last_day(value)
    assert isinstance(caught.value, ValueError)
    assert repr(value) in str(caught.value)
    assert "calendar" in str(caught.value)


@pytest.mark.parametrize("value", ["yesterday", "31-01-2026", "", "20261001", "1 октября"])
def test_a_malformed_date_says_which_forms_are_accepted(value):
    with pytest.raises(ValueError) as caught:
        parse_date(value)
    assert repr(value) in str(caught.value)
    assert all(form in str(caught.value) for form in ("1.10.2026", "2026-10-01", "October 1, 2026"))


@pytest.mark.parametrize("value", ["２０２６-01-31", "٢٠٢٦-01-31", "01.10.२०२६", "2026-1０-01"])
def test_digits_of_other_scripts_are_refused(value):
    # int() and \d accept them; a date typed with them is almost surely not what the reader meant.
    assert int("２０２６") == 2026 and re.fullmatch(r"\d{4}", "２０２６")
    with pytest.raises(InputError, match="Cannot read the date"):
        parse_date(value)


@pytest.mark.parametrize("value", [20260131, None, 3.5, ["2026-01-31"], True])
def test_a_wrong_type_is_a_type_error_naming_the_type(value):
    with pytest.raises(InputTypeError) as caught:
        last_day(value)
    assert isinstance(caught.value, TypeError)
    assert type(value).__name__ in str(caught.value)


def test_a_deletion_after_today_is_refused_naming_both_dates_in_words():
    with pytest.raises(InputError) as caught:
        days_left("2026-05-01", today="2026-03-01")
    assert "May 1, 2026" in str(caught.value) and "March 1, 2026" in str(caught.value)
    assert "1 мая 2026 г." in caught.value.localized("ru") and "1 марта 2026 г." in caught.value.localized("ru")


def test_a_deletion_before_vk_existed_is_refused_in_words():
    with pytest.raises(InputError, match="October 10, 2006"):
        last_day("2005-01-01")


@pytest.mark.parametrize("value", ["9999-12-31", date(9999, 6, 20), "31.12.9999"])
def test_a_date_whose_deadline_passes_the_year_9999_is_an_input_error_not_an_overflow(value):
    with pytest.raises(InputError, match="9999"):
        first_day_gone(value)
    with pytest.raises(InputError, match="9999"):
        describe(value, today=date(9999, 12, 31), lang="ru")


def test_the_latest_countable_deletion_still_works():
    assert first_day_gone(date.max - RESTORE_WINDOW) == date.max


def test_long_input_is_echoed_at_most_40_characters():
    with pytest.raises(InputError) as caught:
        parse_date("1" * 10_000)
    echoed = re.search(r"'(.*?)'", str(caught.value)).group(1)
    assert len(echoed) <= 40 and echoed.endswith("…")
    assert len(str(caught.value)) < 200


@pytest.mark.parametrize("lang", ["de", "RU", "", "english"])
def test_an_unknown_language_lists_the_valid_ones(lang):
    with pytest.raises(ValueError) as caught:
        describe("2026-01-31", today="2026-03-01", lang=lang)
    assert repr(lang) in str(caught.value)
    assert "ru, en" in str(caught.value)


def test_a_language_that_is_not_a_string_is_a_type_error():
    with pytest.raises(InputTypeError, match="list"):
        describe("2026-01-31", today="2026-03-01", lang=["ru"])


@pytest.mark.parametrize("count", [1.5, 2.0, "5", None, True])
def test_format_days_refuses_anything_but_a_whole_number(count):
    with pytest.raises(InputTypeError) as caught:
        format_days(count, "ru")
    assert type(count).__name__ in str(caught.value)


def test_format_days_refuses_a_negative_count():
    with pytest.raises(InputError, match="negative"):
        format_days(-3, "en")


def test_format_long_date_has_no_silent_today():
    with pytest.raises(InputTypeError, match="NoneType"):
        format_long_date(None, "en")


@pytest.mark.parametrize("value", [20260131, "tomorrow"])
def test_format_long_date_validates_like_the_rest(value):
    with pytest.raises((InputError, InputTypeError)):
        format_long_date(value, "ru")


def test_format_long_date_reads_every_date_form():
    assert format_long_date("01.10.2026", "ru") == "1 октября 2026 г."
    assert format_long_date(datetime(2026, 10, 1, 12), "en") == "October 1, 2026"


def test_errors_have_a_russian_message_too():
    with pytest.raises(InputError) as caught:
        parse_date("2026-02-30")
    assert "не существует" in caught.value.localized("ru")


def test_no_russian_message_puts_a_second_full_stop_after_a_date():
    # A Russian long date ends with "г.", which ends its sentence too.
    for key, text in source_messages().items():
        filled = re.sub(r"\{(deleted|today|launch|last_day|date|value)\}", "28 апреля 2027 г.", str(text))
        assert "г.." not in filled, key


def test_every_public_function_says_what_it_raises():
    for name in vkdocs.deadline.__all__:
        member = getattr(vkdocs.deadline, name)
        if inspect.isfunction(member):
            assert "Raises" in (member.__doc__ or ""), name
