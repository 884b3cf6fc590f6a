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
"""

from __future__ import annotations

from vkdocs.messages import message


class _Localized:
    key: str
    params: dict

    def localized(self, lang: str) -> str:
        """The message in ``lang`` (``"ru"`` or ``"en"``)."""
        return message(self.key, lang, **self.params)


class InputError(_Localized, ValueError):
    """A value of the right type that is not acceptable (a malformed date, an unknown choice)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(message(key, "en", **params))


class InputTypeError(_Localized, TypeError):
    """A value of the wrong type (a number where a date is expected)."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(message(key, "en", **params))
