"""Dates as people write them: the one reader every surface uses, and the forms it knows.

A reader types the date of deletion the way they write dates, or pastes it
from VK's dialog or from our own pages. :func:`read_date` finds it in the
text and reads it:

* day, month and year with dots, with or without leading zeros (``1.10.2026``,
  ``01.10.2026``);
* ISO, with or without leading zeros (``2026-10-01``, ``2026-10-1``);
* the long forms, in every language vkdocs speaks, as we print them and as
  people write them: «1 октября 2026 г.», «1 окт. 2026», «01 октября 2026
  года», ``October 1, 2026``, ``1 October 2026``, ``Oct 1 2026``. The month names
  are Babel's (CLDR), full and abbreviated, in both grammatical forms;
* whatever text surrounds the date (a pasted line) is left aside.

>>> read_date("1 октября 2026 г.")
datetime.date(2026, 10, 1)
>>> read_date("Oct 1 2026"), read_date("2026-10-1")
(datetime.date(2026, 10, 1), datetime.date(2026, 10, 1))
>>> read_date("Вы удалили страницу 1.10.2026. Её можно восстановить.")
datetime.date(2026, 10, 1)

It refuses, saying what to type, a two-digit year (``01.10.26`` may be 1926
or 2026), a date with slashes (``01/10/2026`` is 1 October in Russia and
January 10 in the USA), a date that does not exist, and text with two
different dates:

>>> read_date("01.10.26")
Traceback (most recent call last):
...
vkdocs.errors.InputError: The year in '01.10.26' has two digits: it could be 1926 or 2026. Write the year in full: 01.10.2026.

**One grammar for Python and the page.** The forms are regular expressions
written so that Python's ``re`` and JavaScript's ``RegExp`` (flags ``iu``)
read them alike; :func:`grammar` hands them, with the month names, to the
in-page calculator, which reads dates with the same patterns. One table of
cases (``tests/data/date_cases.json``) is checked against both.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from vkdocs.errors import InputError
from vkdocs.i18n import babel_locale, languages

# Building blocks. [0-9], not \d: \d also matches other scripts' digits. No named
# groups and no escapes JavaScript's "u" mode refuses, so the page can use them as they are.
_DAY = "([0-9]{1,2})"
_MONTH_NUMBER = "([0-9]{1,2})"
_YEAR = "([0-9]{4})"
_NOT_AFTER_NUMBER = "(?<![0-9.\\-/])"
_NOT_BEFORE_NUMBER = "(?![0-9]|[.\\-/][0-9])"
_ORDINAL = "(?:st|nd|rd|th)?"


@cache
def month_names() -> dict[str, int]:
    """Every month name vkdocs reads, lower-case and without a final dot, with its number (Babel's CLDR data).

    The full and abbreviated names in every language vkdocs speaks, in the
    form used inside a date («октября») and the form used alone («октябрь»).

    >>> names = month_names()
    >>> names["октября"], names["октябрь"], names["окт"], names["october"], names["oct"]
    (10, 10, 10, 10, 10)
    """
    names: dict[str, int] = {}
    for lang in languages():
        months = babel_locale(lang).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    key = name.lower().rstrip(".")
                    if not key.isalpha():  # a name the patterns could not hold as it is
                        raise ValueError(f"month name {name!r} ({lang}) is not a word")
                    names[key] = number
    return names


def _letters() -> str:
    # The letters month names are written in (Latin, Cyrillic), for "no letter just before".
    return "".join(sorted({char for name in month_names() for char in name}))


def _month_pattern() -> str:
    # Longest first, so "октября" is tried before "окт"; a dot may end an abbreviation.
    names = sorted(month_names(), key=lambda name: (-len(name), name))
    return "(" + "|".join(names) + ")\\.?"


@cache
def grammar() -> dict[str, Any]:
    """The forms a date may take, as data both Python and the in-page calculator read.

    ``accept``: patterns and the order of their groups (``d``, ``m``, ``y``;
    a month may be a number or a name from ``months``); ``refuse``: patterns
    of forms we do not read, with the message that says what to type.
    Every pattern is matched ignoring case (JavaScript flags ``iu``).

    >>> [form["order"] for form in grammar()["accept"]]
    ['dmy', 'ymd', 'dmy', 'mdy']
    >>> [form["error"] for form in grammar()["refuse"]]
    ['two_digit_year', 'slashed_date']
    """
    month = _month_pattern()
    return {
        "months": month_names(),
        "accept": [
            # 1.10.2026, 01.10.2026
            {"order": "dmy", "pattern": f"{_NOT_AFTER_NUMBER}{_DAY}\\.{_MONTH_NUMBER}\\.{_YEAR}{_NOT_BEFORE_NUMBER}"},
            # 2026-10-01, 2026-10-1
            {"order": "ymd", "pattern": f"{_NOT_AFTER_NUMBER}{_YEAR}-{_MONTH_NUMBER}-{_DAY}{_NOT_BEFORE_NUMBER}"},
            # 1 октября 2026 г., 1 окт. 2026, 1 October 2026
            {"order": "dmy", "pattern": f"(?<![0-9])([0-9]{{1,2}}){_ORDINAL}\\s+{month},?\\s+{_YEAR}(?![0-9])"},
            # October 1, 2026; Oct 1 2026
            {
                "order": "mdy",
                "pattern": f"(?<![{_letters()}]){month}\\s+([0-9]{{1,2}}){_ORDINAL},?\\s+{_YEAR}(?![0-9])",
            },
        ],
        "refuse": [
            # 01.10.26
            {
                "error": "two_digit_year",
                "pattern": f"{_NOT_AFTER_NUMBER}[0-9]{{1,2}}\\.[0-9]{{1,2}}\\.[0-9]{{2}}(?![0-9])",
            },
            # 01/10/2026, 10/1/2026, 2026/10/01
            {"error": "slashed_date", "pattern": "(?<![0-9/])[0-9]{1,4}/[0-9]{1,2}/[0-9]{1,4}(?![0-9])"},
        ],
    }


@cache
def _compiled() -> tuple[list[tuple[re.Pattern[str], str]], list[tuple[re.Pattern[str], str]]]:
    forms = grammar()
    accept = [(re.compile(form["pattern"], re.IGNORECASE), form["order"]) for form in forms["accept"]]
    refuse = [(re.compile(form["pattern"], re.IGNORECASE), form["error"]) for form in forms["refuse"]]
    return accept, refuse


def _number(text: str) -> int:
    return month_names().get(text.lower()) or int(text)


def read_date(text: str) -> date:
    """The one date in ``text``, in any form vkdocs reads (see the module's description).

    Raises :class:`~vkdocs.errors.InputError` for text with no date in a
    form we read, a form we refuse (a two-digit year, slashes), two
    different dates, or a date that does not exist; the message quotes the
    text and says what to type.

    >>> read_date("01 октября 2026 года"), read_date("October 1, 2026")
    (datetime.date(2026, 10, 1), datetime.date(2026, 10, 1))
    >>> read_date("01/10/2026")
    Traceback (most recent call last):
    ...
    vkdocs.errors.InputError: A date with slashes can be read two ways: in '01/10/2026' the day may come first (as in Russia) or the month (as in the USA). Write the day first, with dots: 1.10.2026, or the year first: 2026-10-01.
    """
    accept, refuse = _compiled()
    found: list[tuple[int, int, int]] = []
    for pattern, order in accept:
        for match in pattern.finditer(text):
            parts = dict(zip(order, match.groups(), strict=True))
            found.append((int(parts["y"]), _number(parts["m"]), int(parts["d"])))
    if not found:
        for pattern, error in refuse:
            if pattern.search(text):
                raise InputError(error, value=text.strip())
        raise InputError("bad_date_format", value=text)
    if len(set(found)) > 1:
        raise InputError("several_dates", value=text.strip())
    year, month, day = found[0]
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError("impossible_date", value=text.strip()) from None


__all__ = ["grammar", "month_names", "read_date"]
