"""Errors about bad input, each with a message in Russian and English.

The library raises these; ``str(error)`` is the English message, and
``error.localized(lang)`` gives it in the reader's language, which is
what the command line prints.

>>> error = InputError("unknown_language", value="de", choices="ru, en")
>>> print(error)
Unknown language 'de'. Use one of: ru, en.
>>> print(error.localized("ru"))
Неизвестный язык 'de'. Допустимые значения: ru, en.
>>> isinstance(error, ValueError)
True

The reader's own input, the ``value`` parameter, is echoed at most
:data:`ECHO_LIMIT` characters long, so a pasted page of text gives a
one-line message:

>>> print(InputError("bad_date_format", value="1" * 500))  # doctest: +ELLIPSIS
Cannot read the date '111111111111111111111111111111111111111…'. Write it as ...
"""

from __future__ import annotations

from vkdocs.messages import message

#: How many characters of the reader's input a message echoes.
ECHO_LIMIT = 40


class _Echo(str):
    """A shortened ``repr`` of a value that is not a string: ``{value!r}`` shows it as is."""

    def __repr__(self) -> str:
        return str(self)


def echo(value: object) -> object:
    """``value`` as a message may quote it: at most :data:`ECHO_LIMIT` characters, then ``…``.

    >>> from vkdocs.errors import echo
    >>> echo("2026-01-31")
    '2026-01-31'
    >>> len(echo("x" * 1000))
    40
    >>> print(repr(echo(list(range(100)))))
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …
    """
    if isinstance(value, str):
        return value if len(value) <= ECHO_LIMIT else value[: ECHO_LIMIT - 1] + "…"
    shown = repr(value)
    return value if len(shown) <= ECHO_LIMIT else _Echo(shown[: ECHO_LIMIT - 1] + "…")


class _Localized(Exception):
    """An error whose message is looked up by ``key`` in :mod:`vkdocs.messages`."""

    def __init__(self, key: str, **params: object) -> None:
        if "value" in params:
            params["value"] = echo(params["value"])
        self.key = key
        self.params = params
        super().__init__(message(key, "en", **params))

    def localized(self, lang: str) -> str:
        """The message in ``lang`` (``"ru"`` or ``"en"``)."""
        return message(self.key, lang, **self.params)


class InputError(_Localized, ValueError):
    """A value of the right type that is not acceptable (a malformed date, an unknown choice)."""


class InputTypeError(_Localized, TypeError):
    """A value of the wrong type (a number where a date is expected)."""
