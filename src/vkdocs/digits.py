"""Numbers as readers type them: digits 0-9 only, the same rule for dates and for answers.

``str.isdecimal`` and regular expressions' ``\\d`` also take other scripts'
digits (``２``, ``٢``), which no reader means here; and ``int`` refuses a
string of more than 4,300 digits with an error of its own. :func:`number`
reads what a person would type, and nothing else.

>>> number("2"), number(" 12 "), number("007"), number("0" * 5000 + "1")
(2, 12, 7, 1)
>>> number("２"), number("٢"), number("1.5"), number(""), number("9" * 5000)
(None, None, None, None, None)
"""

from __future__ import annotations

#: The digits vkdocs reads, in dates and in answers.
DIGITS = "0123456789"

#: Digits a number may have once leading zeros are dropped: more is never a date's part or an answer.
MAX_DIGITS = 9


def ascii_digits(text: str) -> bool:
    """Whether ``text`` is one or more of the digits 0-9 and nothing else.

    >>> ascii_digits("2026"), ascii_digits("２０２６"), ascii_digits("")
    (True, False, False)
    """
    return bool(text) and all(char in DIGITS for char in text)


def number(text: str) -> int | None:
    """The whole number ``text`` writes in digits 0-9 (spaces around it ignored); ``None`` for anything else.

    Raises nothing, whatever the text.
    """
    text = text.strip()
    significant = text.lstrip("0") or "0"
    if not ascii_digits(text) or len(significant) > MAX_DIGITS:
        return None
    return int(significant)  # leading zeros dropped first: int() refuses strings of more than 4,300 digits


__all__ = ["DIGITS", "MAX_DIGITS", "ascii_digits", "number"]
