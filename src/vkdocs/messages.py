"""User-facing messages of the library, the command line and the docs extensions, in every language.

Each message is written once, in Russian, in ``data/messages.json`` under a
key, and translated in the ``vkdocs`` catalogs (:mod:`vkdocs.i18n`), where the
key is its context. A message names its parameters in braces; ``{value!r}``
quotes the reader's input. A :class:`~datetime.date` parameter is written as a
long date in words, in the message's language. A Russian long date ends with
``г.``, which also ends its sentence: Russian templates put no full stop
after a date.

>>> message("unknown_language", "en", value="de", choices="ru, en")
"Unknown language 'de'. Use one of: ru, en."
>>> from datetime import date
>>> message("calculator_understood", "ru", date=date(2026, 10, 1))
'Дата удаления: 1 октября 2026 г.'
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from babel.dates import format_date
from babel.lists import format_list

from vkdocs.i18n import babel_locale, read_source, translate, translate_plural


@cache
def source_messages() -> dict[str, str | list[str]]:
    """Every message in the source language, by key: a text, or a list of plural forms (``data/messages.json``).

    >>> source_messages()["warning"]
    'Внимание'
    """
    data: dict[str, Any] = read_source("messages.json")
    return {key: entry["text"] if isinstance(entry, dict) else entry for key, entry in data.items()}


def template(key: str, lang: str) -> str:
    """The message ``key`` in ``lang`` with its placeholders unfilled, as a script or a caller fills them.

    Raises :class:`KeyError` for a ``key`` that has no message.

    >>> template("calculator_understood", "en")
    'Date of deletion: {date}'
    """
    text = source_messages()[key]
    if not isinstance(text, str):
        raise KeyError(f"{key!r} has plural forms: use vkdocs.messages.plural")
    return translate(text, lang, context=key)


def plural(key: str, count: int, lang: str) -> str:
    """The plural message ``key`` for ``count``, in ``lang``, with ``{count}`` filled in.

    >>> plural("days", 21, "ru"), plural("days", 1, "en")
    ('21 день', '1 day')
    """
    forms = source_messages()[key]
    if not isinstance(forms, list):
        raise KeyError(f"{key!r} has no plural forms: use vkdocs.messages.message")
    return translate_plural(forms, count, lang, context=key).format(count=count)


def or_list(items: list[str] | tuple[str, ...], lang: str) -> str:
    """``items`` as ``lang`` lists alternatives (CLDR's pattern, through Babel).

    >>> or_list(["ru", "en"], "ru"), or_list(["ru", "en"], "en")
    ('ru или en', 'ru or en')
    """
    return format_list(list(items), style="or", locale=babel_locale(lang))


def long_date(day: date, lang: str) -> str:
    """``day`` as a long date in ``lang``, through Babel's CLDR patterns.

    Babel puts a narrow no-break space before the Russian ``г.``; it becomes a
    plain space here, so the text reads and searches the same in a terminal,
    a message or a PDF. Callers check ``day`` and ``lang`` first
    (:func:`vkdocs.deadline.format_long_date` does).

    >>> long_date(date(2027, 4, 28), "ru"), long_date(date(2027, 4, 28), "en")
    ('28 апреля 2027 г.', 'April 28, 2027')
    """
    return plain_spaces(format_date(day, format="long", locale=babel_locale(lang)))


def plain_spaces(text: str) -> str:
    """``text`` with CLDR's narrow no-break spaces made plain spaces (see :func:`long_date`).

    >>> plain_spaces("28 апреля 2027\u202fг.")
    '28 апреля 2027 г.'
    """
    return text.replace("\u202f", " ")


def message(key: str, lang: str, /, **params: object) -> str:
    """The message ``key`` in ``lang``, with ``params`` filled in; dates are written in words.

    Raises :class:`KeyError` for a ``key`` that has no message: that is a
    programming error, not the reader's. Callers check ``lang`` first
    (:func:`vkdocs.i18n.check_language`).
    """
    words = {name: long_date(value, lang) if isinstance(value, date) else value for name, value in params.items()}
    return template(key, lang).format(**words)
