"""Properties of vkdocs.deadline over every date from VK's launch to 2100 (the module's names read as
``deadline.NAME``: no second list of them beside tests/unit/test_deadline.py's)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from vkdocs import deadline

dates = st.dates(min_value=deadline.VK_LAUNCH, max_value=date(2100, 12, 31))


@st.composite
def deletion_and_today(draw):
    deleted = draw(dates)
    today = draw(st.dates(min_value=deleted, max_value=date(2101, 12, 31)))
    return deleted, today


@given(dates)
def test_deadline_is_210_days_after_deletion(deleted):
    assert (deadline.first_day_gone(deleted) - deleted).days == 210
    assert deadline.first_day_gone(deleted.isoformat()) == deadline.first_day_gone(deleted.strftime("%d.%m.%Y"))


@given(deletion_and_today())
def test_days_left_is_never_negative_and_never_above_the_window(pair):
    deleted, today = pair
    assert 0 <= deadline.days_left(deleted, today) <= deadline.RESTORE_WINDOW.days


@given(deletion_and_today())
def test_days_left_falls_by_one_a_day_until_zero(pair):
    deleted, today = pair
    now, tomorrow = deadline.days_left(deleted, today), deadline.days_left(deleted, today + timedelta(days=1))
    assert tomorrow == max(now - 1, 0)


@given(deletion_and_today())
def test_can_restore_exactly_while_days_are_left(pair):
    deleted, today = pair
    assert deadline.can_restore(deleted, today) == (deadline.days_left(deleted, today) > 0)


def russian_form(n: int) -> str:
    """The Russian grammar rule, written out independently of Babel."""
    if n % 10 == 1 and n % 100 != 11:
        return "день"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "дня"
    return "дней"


@given(st.integers(min_value=0, max_value=1000))
def test_russian_plural_forms_for_0_to_1000(n):
    assert deadline.format_days(n, "ru") == f"{n} {russian_form(n)}"


def test_russian_plural_forms_for_every_number_0_to_1000():
    wrong = [n for n in range(1001) if deadline.format_days(n, "ru") != f"{n} {russian_form(n)}"]
    assert not wrong


@given(dates)
def test_the_last_day_is_the_day_before_the_deadline(deleted):
    assert deadline.last_day(deleted) == deadline.first_day_gone(deleted) - timedelta(days=1)
    assert (deadline.last_day(deleted) - deleted).days == 209


@given(dates)
def test_restorable_on_the_last_day_and_not_the_day_after(deleted):
    assert deadline.days_left(deleted, deadline.last_day(deleted)) == 1
    assert deadline.can_restore(deleted, deadline.last_day(deleted))
    assert not deadline.can_restore(deleted, deadline.last_day(deleted) + timedelta(days=1))


@given(deletion_and_today(), st.sampled_from(["ru", "en"]))
def test_describe_names_the_last_day_in_words_whatever_the_day(pair, lang):
    deleted, today = pair
    assert deadline.format_long_date(deadline.last_day(deleted), lang) in deadline.describe(deleted, today, lang)


@given(dates)
def test_every_long_date_we_print_reads_back_in_each_language(day):
    for lang in ("ru", "en"):
        assert deadline.parse_date(deadline.format_long_date(day, lang)) == day
