"""The last day to restore a deleted VK page: the one rule, and the sentences that say it.

**The rule.** A deleted page can be restored while fewer than 210 days
(:data:`RESTORE_WINDOW`) have passed since the day it was deleted. So the
**last day** to restore it is the date of deletion plus 209 days
(:func:`last_day`); the next day, the date of deletion plus 210 days
(:func:`first_day_gone`), the page is gone. Guide A gives the figure ("210
days", and a restored page "because fewer than 210 days had passed since the
day it was deleted"). VK's own dialog on the deleted page shows a date too
(guide A: it "can be restored by such-and-such a time"): restore the page
before that date, and no later than the last day, whichever comes first. Do not wait for the last day.

This module is the one place the rule lives: the pages, the in-page
calculator, the ``vkdocs`` command, the checklists and the handouts all
quote it.

>>> from datetime import date
>>> last_day("2026-10-01")
datetime.date(2027, 4, 28)
>>> days_left("01.10.2026", today=date(2026, 11, 25))
155
>>> print(describe("2026-10-01", today=date(2026, 11, 25), lang="en"))
The last day to restore the page is April 28, 2027: 155 days left, counting today. Do not wait for the last day. If VK's dialog on the deleted page gives a date to restore it by, restore the page before that date, and no later than the last day, whichever comes first.

**Dates** may be given as a :class:`~datetime.date`, a
:class:`~datetime.datetime` or a string in any form :mod:`vkdocs.dates`
reads (``1.10.2026``, ``2026-10-01``, «1 октября 2026 г.», "October 1,
2026", even within a pasted line). A datetime counts by its own calendar
date: a timezone-aware one by the date on its own clock, never converted to
UTC or to this computer's zone (``23:30`` in Moscow on 1 October is 1
October).

**Errors.** Bad input raises :class:`~vkdocs.errors.InputError` (a
:class:`ValueError`: a malformed or impossible date, one before VK existed or
too close to the year 9999, a deletion after today, an unknown language) or
:class:`~vkdocs.errors.InputTypeError` (a :class:`TypeError`: a value of the
wrong type), each saying what was wrong and what is accepted.
"""

from __future__ import annotations

import warnings
from datetime import date, datetime, timedelta
from typing import Literal

from vkdocs.dates import read_date
from vkdocs.errors import InputError, InputTypeError
from vkdocs.i18n import check_language
from vkdocs.messages import long_date, message, plural

#: How long a deleted page stays restorable: it can be restored while fewer
#: than these 210 days have passed since the day it was deleted.
RESTORE_WINDOW = timedelta(days=210)

#: The last day to restore comes this long after the day of deletion (209 days).
LAST_DAY_OFFSET = RESTORE_WINDOW - timedelta(days=1)

#: VK's launch: no page can have been deleted before it.
VK_LAUNCH = date(2006, 10, 10)

#: The latest deletion date whose restore deadline a :class:`~datetime.date` can hold.
LATEST_DELETION = date.max - RESTORE_WINDOW

DateLike = date | datetime | str

#: Where a page stands on a given day: restorable, on its last day, or gone.
State = Literal["open", "last", "closed"]

#: The sentences :func:`describe` joins in each state (``open``, ``last``, ``closed``), by key in ``vkdocs.messages``.
SENTENCES: dict[State, tuple[str, ...]] = {
    "open": ("deadline_open", "deadline_dont_wait", "deadline_trust_dialog"),
    "last": ("deadline_last_day", "deadline_trust_dialog"),
    "closed": ("deadline_closed", "deadline_closed_dialog"),
}


def parse_date(value: DateLike, *, name: str = "date") -> date:
    """Read a date given as a :class:`~datetime.date`, a :class:`~datetime.datetime` or a string.

    Strings are read by :func:`vkdocs.dates.read_date`: day, month and year
    with dots or in ISO order, with or without leading zeros, or the long
    form in Russian or English, with any text around the date. A datetime
    gives its own calendar date (for a timezone-aware one, the date on its
    own clock).

    Raises :class:`~vkdocs.errors.InputError` for a string with no date we
    read, a two-digit year, slashes, or a date that does not exist, and
    :class:`~vkdocs.errors.InputTypeError` for anything that is not a date,
    a datetime or a string (``name`` says which argument it was).

    >>> parse_date("2026-10-01"), parse_date("1.10.2026"), parse_date("1 октября 2026 г.")
    (datetime.date(2026, 10, 1), datetime.date(2026, 10, 1), datetime.date(2026, 10, 1))
    >>> parse_date("2026-02-30")
    Traceback (most recent call last):
    ...
    vkdocs.errors.InputError: The date '2026-02-30' does not exist in the calendar. Check the day and the month.
    >>> parse_date("01.10.26")
    Traceback (most recent call last):
    ...
    vkdocs.errors.InputError: The year in '01.10.26' has two digits: it could be 1926 or 2026. Write the year in full: 01.10.2026.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputTypeError("bad_date_type", name=name, type=type(value).__name__, value=value)
    return read_date(value)


def _deletion_date(deleted_on: DateLike) -> date:
    deleted = parse_date(deleted_on, name="deleted_on")
    if deleted < VK_LAUNCH:
        raise InputError("before_vk", value=deleted, launch=VK_LAUNCH)
    if deleted > LATEST_DELETION:
        raise InputError("too_far_ahead", value=deleted)
    return deleted


def _checked_dates(deleted_on: DateLike, today: DateLike) -> tuple[date, date]:
    deleted = _deletion_date(deleted_on)
    now = parse_date(today, name="today")
    if deleted > now:
        raise InputError("deleted_after_today", deleted=deleted, today=now)
    return deleted, now


def last_day(deleted_on: DateLike) -> date:
    """The last day to restore a page deleted on ``deleted_on``: the date of deletion plus 209 days.

    On this day fewer than 210 days have passed since the deletion, so the
    page can still be restored; the day after, it cannot.

    Raises :class:`~vkdocs.errors.InputError` for a malformed or impossible
    date, one before VK launched (:data:`VK_LAUNCH`) or after
    :data:`LATEST_DELETION`, and :class:`~vkdocs.errors.InputTypeError` for a
    value that is not a date.

    >>> last_day("01.10.2026")
    datetime.date(2027, 4, 28)
    >>> last_day(date(2027, 8, 4))  # 2028 is a leap year
    datetime.date(2028, 2, 29)
    """
    return _deletion_date(deleted_on) + LAST_DAY_OFFSET


def first_day_gone(deleted_on: DateLike) -> date:
    """The first day a page deleted on ``deleted_on`` can no longer be restored: the date of deletion plus 210 days.

    It is the day after :func:`last_day`. Tell readers the last day, not
    this one: a date given as a limit reads as a day still included.

    Raises the same errors as :func:`last_day`.

    >>> first_day_gone(date(2026, 10, 1))
    datetime.date(2027, 4, 29)
    >>> first_day_gone("29.02.2028")
    datetime.date(2028, 9, 26)
    """
    return _deletion_date(deleted_on) + RESTORE_WINDOW


def restore_deadline(deleted_on: DateLike) -> date:
    """Deprecated: the old name of :func:`first_day_gone` (it read as the last day allowed, which it is not).

    Kept for one release; it warns with :class:`DeprecationWarning`. Raises the same errors as :func:`last_day`.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     restore_deadline("2026-10-01")
    datetime.date(2027, 4, 29)
    >>> print(caught[0].category.__name__ + ":", caught[0].message)
    DeprecationWarning: restore_deadline() is renamed first_day_gone(): it is the first day the page is gone, not the last day to restore it (last_day()). The old name goes in the next release.
    """
    warnings.warn(
        "restore_deadline() is renamed first_day_gone(): it is the first day the page is gone, "
        "not the last day to restore it (last_day()). The old name goes in the next release.",
        DeprecationWarning,
        stacklevel=2,
    )
    return first_day_gone(deleted_on)


def days_left(deleted_on: DateLike, today: DateLike) -> int:
    """Days left to restore the page, counting ``today``: 1 on the last day, 0 once it has passed.

    Raises :class:`~vkdocs.errors.InputError` for a bad date (see
    :func:`last_day`) or a deletion after ``today``, and
    :class:`~vkdocs.errors.InputTypeError` for a value that is not a date.

    >>> days_left("2026-10-01", today="2026-11-25")
    155
    >>> days_left("2026-10-01", today="2027-04-28")
    1
    >>> days_left("2026-10-01", today="2027-04-29")
    0
    """
    deleted, now = _checked_dates(deleted_on, today)
    return max((deleted + RESTORE_WINDOW - now).days, 0)


def can_restore(deleted_on: DateLike, today: DateLike) -> bool:
    """Whether the page can still be restored ``today``: on the last day, yes; the day after, no.

    Raises the same errors as :func:`days_left`.

    >>> can_restore("2026-10-01", today="2027-04-28")
    True
    >>> can_restore("2026-10-01", today="2027-04-29")
    False
    """
    return days_left(deleted_on, today) > 0


def state(deleted_on: DateLike, today: DateLike) -> State:
    """``"open"`` on every day before the last day, ``"last"`` on the last day, ``"closed"`` from the day after.

    Raises the same errors as :func:`days_left`.

    >>> [state("2026-10-01", today) for today in ("2027-04-27", "2027-04-28", "2027-04-29")]
    ['open', 'last', 'closed']
    """
    return _state(days_left(deleted_on, today))


def _state(left: int) -> State:
    return "open" if left > 1 else "last" if left == 1 else "closed"


def format_days(count: int, lang: str) -> str:
    """``count`` days with the plural form ``lang`` needs.

    Raises :class:`~vkdocs.errors.InputTypeError` when ``count`` is not a
    whole number (an :class:`int`; not a float, not a bool),
    :class:`~vkdocs.errors.InputError` when it is negative, and the errors of
    :func:`~vkdocs.i18n.check_language`.

    >>> [format_days(n, "ru") for n in (1, 2, 5, 11, 21, 22, 111)]
    ['1 день', '2 дня', '5 дней', '11 дней', '21 день', '22 дня', '111 дней']
    >>> [format_days(n, "en") for n in (0, 1, 2)]
    ['0 days', '1 day', '2 days']
    >>> format_days(1.5, "en")
    Traceback (most recent call last):
    ...
    vkdocs.errors.InputTypeError: count: expected a whole number of days (int), got float 1.5.
    """
    check_language(lang)
    if not isinstance(count, int) or isinstance(count, bool):
        raise InputTypeError("bad_count_type", name="count", type=type(count).__name__, value=count)
    if count < 0:
        raise InputError("negative_count", name="count", value=count)
    return plural("days", count, lang)


def format_long_date(day: DateLike, lang: str) -> str:
    """``day`` as a long date in words in ``lang``, through Babel.

    ``day`` is read like every date here (:func:`parse_date`); there is no
    default: ``None`` is an error, never "today". Babel's narrow no-break
    space before the Russian ``г.`` becomes a plain space, so the text reads
    and searches the same in a terminal, a message or a PDF.

    Raises the errors of :func:`parse_date` and :func:`~vkdocs.i18n.check_language`.

    >>> format_long_date(date(2027, 4, 28), "ru")
    '28 апреля 2027 г.'
    >>> format_long_date("2027-04-28", "en")
    'April 28, 2027'
    >>> format_long_date(None, "en")
    Traceback (most recent call last):
    ...
    vkdocs.errors.InputTypeError: day: expected a date (date, datetime, or a string with a date such as 1.10.2026), got NoneType None.
    """
    lang = check_language(lang)
    return long_date(parse_date(day, name="day"), lang)


def rule(lang: str) -> str:
    """The rule in one or two sentences of ``lang``, with its numbers from :data:`RESTORE_WINDOW`.

    Raises the errors of :func:`~vkdocs.i18n.check_language`.

    >>> print(rule("en"))
    A page can be restored while fewer than 210 days have passed since the day it was deleted. The last day to restore it is the date of deletion plus 209 days.
    """
    lang = check_language(lang)
    return message(
        "deadline_rule",
        lang,
        window=format_days(RESTORE_WINDOW.days, lang),
        last_offset=format_days(LAST_DAY_OFFSET.days, lang),
    )


def window_note(lang: str) -> str:
    """The note under the dates of a printed restore checklist (handouts, the manual's first page, the
    calculator's print): :func:`rule`, then what VK's dialog changes and "do not wait", as :func:`describe`
    words them.

    Raises the errors of :func:`~vkdocs.i18n.check_language`.

    >>> print(window_note("en"))
    A page can be restored while fewer than 210 days have passed since the day it was deleted. The last day to restore it is the date of deletion plus 209 days. If VK's dialog on the deleted page gives a date to restore it by, restore the page before that date, and no later than the last day, whichever comes first. Do not wait for the last day.
    """
    return " ".join((rule(lang), message("deadline_trust_dialog", lang), message("deadline_dont_wait", lang)))


def describe(deleted_on: DateLike, today: DateLike, lang: str) -> str:
    """What to tell the reader ``today``: the last day in words, the days left, and VK's dialog.

    On every day before the last day, the days left, today included, and
    "do not wait"; on the last day, "today is the last day"; after it, that
    it has passed. Every answer ends with the reminder that VK's own dialog
    is what counts.

    Raises the errors of :func:`days_left` and :func:`~vkdocs.i18n.check_language`.

    >>> print(describe("2026-10-01", today="2026-11-25", lang="ru"))
    Последний день, когда можно восстановить страницу, — 28 апреля 2027 г. Осталось 155 дней, включая сегодняшний день. Не ждите последнего дня. Если в окне VK на удалённой странице написано «до» и дата, восстановите страницу раньше этой даты и не позже последнего дня — смотря что наступит раньше.
    >>> print(describe("2026-10-01", today="2027-04-28", lang="en"))
    Today is the last day to restore the page: April 28, 2027. Restore it now. If VK's dialog on the deleted page gives a date to restore it by, restore the page before that date, and no later than the last day, whichever comes first.
    >>> print(describe("2026-10-01", today="2027-04-29", lang="en"))
    The last day to restore the page has passed: it was April 28, 2027. If VK still offers to restore the page when you log in, restore it at once.
    """
    lang = check_language(lang)
    left = days_left(deleted_on, today)
    params = {"last_day": last_day(deleted_on), "days": format_days(left, lang)}
    return " ".join(message(key, lang, **params) for key in SENTENCES[_state(left)])


__all__ = [
    "LAST_DAY_OFFSET",
    "LATEST_DELETION",
    "RESTORE_WINDOW",
    "SENTENCES",
    "VK_LAUNCH",
    "DateLike",
    "State",
    "can_restore",
    "days_left",
    "describe",
    "format_days",
    "format_long_date",
    "last_day",
    "parse_date",
    "first_day_gone",
    "restore_deadline",
    "rule",
    "window_note",
    "state",
]
