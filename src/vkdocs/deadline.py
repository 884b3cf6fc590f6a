"""Until when a deleted VK page can be restored.

When you delete your page, VK's own dialog says until which date you can
restore it: 210 days after the deletion. This module is the one place that
number lives; the pages, the command line and the handouts all quote it.

>>> from datetime import date
>>> restore_deadline("2026-01-31")
datetime.date(2026, 8, 29)
>>> days_left("31.01.2026", today=date(2026, 3, 1))
181
>>> print(describe("2026-01-31", today=date(2026, 3, 1), lang="en"))
You can restore the page until August 29, 2026: 181 days left. VK shows the exact date in the dialog on the deleted page: if the dates differ, trust VK.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from babel import Locale
from babel.dates import format_date

from vkdocs.errors import InputError, InputTypeError
from vkdocs.messages import LANGUAGES, message

#: How long VK keeps a deleted page restorable, as its own dialog states.
RESTORE_WINDOW = timedelta(days=210)

#: VK's launch: no page can have been deleted before it.
VK_LAUNCH = date(2006, 10, 10)

DateLike = date | datetime | str

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_RUSSIAN = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")

_DAY_FORMS = {
    "ru": {"one": "день", "few": "дня", "many": "дней", "other": "дня"},
    "en": {"one": "day", "other": "days"},
}
_PLURAL = {lang: Locale.parse(lang).plural_form for lang in LANGUAGES}  # CLDR rules, through Babel


def parse_date(value: DateLike, *, name: str = "date") -> date:
    """Read a date given as a :class:`~datetime.date`, a :class:`~datetime.datetime` or a string.

    Strings may be ISO ``YYYY-MM-DD`` or Russian ``DD.MM.YYYY``; spaces
    around them are ignored.

    >>> parse_date("2026-01-31")
    datetime.date(2026, 1, 31)
    >>> parse_date(" 31.01.2026 ")
    datetime.date(2026, 1, 31)
    >>> parse_date("2026-02-30")
    Traceback (most recent call last):
    ...
    vkdocs.errors.InputError: The date '2026-02-30' does not exist in the calendar. Check the day and the month.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputTypeError("bad_date_type", name=name, type=type(value).__name__, value=value)
    text = value.strip()
    if match := _ISO.fullmatch(text):
        year, month, day = match.groups()
    elif match := _RUSSIAN.fullmatch(text):
        day, month, year = match.groups()
    else:
        raise InputError("bad_date_format", value=value)
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise InputError("impossible_date", value=value) from None


def _deletion_date(deleted_on: DateLike) -> date:
    deleted = parse_date(deleted_on, name="deleted_on")
    if deleted < VK_LAUNCH:
        raise InputError("before_vk", value=deleted.isoformat(), launch=VK_LAUNCH.isoformat())
    return deleted


def _checked_dates(deleted_on: DateLike, today: DateLike) -> tuple[date, date]:
    deleted = _deletion_date(deleted_on)
    now = parse_date(today, name="today")
    if deleted > now:
        raise InputError("deleted_after_today", deleted=deleted.isoformat(), today=now.isoformat())
    return deleted, now


def restore_deadline(deleted_on: DateLike) -> date:
    """The date by which a page deleted on ``deleted_on`` must be restored.

    It is ``deleted_on`` plus :data:`RESTORE_WINDOW` (210 days): restore the
    page *before* this date.

    >>> restore_deadline(date(2026, 1, 31))
    datetime.date(2026, 8, 29)
    >>> restore_deadline("29.02.2028")
    datetime.date(2028, 9, 26)
    """
    return _deletion_date(deleted_on) + RESTORE_WINDOW


def days_left(deleted_on: DateLike, today: DateLike) -> int:
    """Days from ``today`` to the deadline; 0 once the deadline has come.

    >>> days_left("2026-01-31", today="2026-03-01")
    181
    >>> days_left("2026-01-31", today="2026-08-28")
    1
    >>> days_left("2026-01-31", today="2026-08-29")
    0
    >>> days_left("2025-01-31", today="2026-03-01")
    0
    """
    deleted, now = _checked_dates(deleted_on, today)
    return max((deleted + RESTORE_WINDOW - now).days, 0)


def can_restore(deleted_on: DateLike, today: DateLike) -> bool:
    """Whether the page can still be restored ``today`` (the deadline is still ahead).

    >>> can_restore("2026-01-31", today="2026-08-28")
    True
    >>> can_restore("2026-01-31", today="2026-08-29")
    False
    """
    return days_left(deleted_on, today) > 0


def check_language(lang: str) -> str:
    """Return ``lang`` if vkdocs speaks it, else raise :class:`~vkdocs.errors.InputError`.

    >>> check_language("ru")
    'ru'
    """
    if lang not in LANGUAGES:
        raise InputError("unknown_language", value=lang, choices=", ".join(LANGUAGES))
    return lang


def format_days(count: int, lang: str) -> str:
    """``count`` days with the plural form ``lang`` needs.

    >>> [format_days(n, "ru") for n in (1, 2, 5, 11, 21, 22, 111)]
    ['1 день', '2 дня', '5 дней', '11 дней', '21 день', '22 дня', '111 дней']
    >>> [format_days(n, "en") for n in (0, 1, 2)]
    ['0 days', '1 day', '2 days']
    """
    check_language(lang)
    return f"{count} {_DAY_FORMS[lang][_PLURAL[lang](count)]}"


def format_long_date(day: date, lang: str) -> str:
    """``day`` as a long date in ``lang``, through Babel.

    Babel puts a narrow no-break space before the Russian ``г.``; it becomes a
    plain space here, so the text reads and searches the same in a terminal,
    a message or a PDF.

    >>> format_long_date(date(2026, 8, 29), "ru")
    '29 августа 2026 г.'
    >>> format_long_date(date(2026, 8, 29), "en")
    'August 29, 2026'
    """
    return format_date(day, format="long", locale=check_language(lang)).replace("\u202f", " ")


def describe(deleted_on: DateLike, today: DateLike, lang: str) -> str:
    """One or two sentences: the deadline, the days left, and a reminder to trust VK's dialog.

    >>> print(describe("2026-01-31", today="2026-03-01", lang="ru"))
    Страницу можно восстановить до 29 августа 2026 г.: осталось 181 день. Точный срок показывает сам VK в окне на удалённой странице: если даты расходятся, верьте VK.
    >>> print(describe("2025-01-31", today="2026-03-01", lang="en"))
    The restore window closed on August 29, 2025: VK no longer offers to bring this page back. VK shows the exact date in the dialog on the deleted page: if the dates differ, trust VK.
    """
    check_language(lang)
    left = days_left(deleted_on, today)
    deadline = format_long_date(restore_deadline(deleted_on), lang)
    if left > 0:
        first = message("deadline_open", lang, deadline=deadline, days=format_days(left, lang))
    else:
        first = message("deadline_closed", lang, deadline=deadline)
    return f"{first} {message('deadline_trust_dialog', lang)}"


__all__ = [
    "RESTORE_WINDOW",
    "VK_LAUNCH",
    "can_restore",
    "check_language",
    "days_left",
    "describe",
    "format_days",
    "format_long_date",
    "parse_date",
    "restore_deadline",
]
