"""vkdocs.messages: every text the package says, in every language, with dates in words."""

from __future__ import annotations

from datetime import date

import pytest

from vkdocs.i18n import languages
from vkdocs.messages import long_date, message, or_list, plain_spaces, plural, source_messages, template

PLURAL_KEYS = [key for key, text in source_messages().items() if isinstance(text, list)]
SINGLE_KEYS = [key for key, text in source_messages().items() if isinstance(text, str)]


def test_a_plural_key_asked_for_one_text_is_a_programming_error_and_the_reverse_too():
    with pytest.raises(KeyError, match="plural"):
        template(PLURAL_KEYS[0], "en")
    with pytest.raises(KeyError, match="no plural forms"):
        plural(SINGLE_KEYS[0], 2, "en")


def test_an_unknown_key_is_a_key_error():
    with pytest.raises(KeyError):
        message("no-such-message", "en")


@pytest.mark.parametrize("lang", languages())
def test_a_date_parameter_is_written_in_words(lang):
    filled = message("calculator_understood", lang, date=date(2027, 4, 28))
    assert long_date(date(2027, 4, 28), lang) in filled
    assert "2027-04-28" not in filled


def test_the_long_date_has_no_narrow_no_break_space():
    assert "\u202f" not in long_date(date(2027, 4, 28), "ru")
    assert plain_spaces("a\u202fb") == "a b"


@pytest.mark.parametrize(("count", "expected"), [(1, "1 день"), (2, "2 дня"), (5, "5 дней"), (21, "21 день")])
def test_russian_days_take_all_three_plural_forms(count, expected):
    assert plural("days", count, "ru") == expected


def test_alternatives_are_joined_as_each_language_says_or():
    assert or_list(["a", "b", "c"], "en") == "a, b, or c"
    assert or_list(("a", "b"), "ru") == "a или b"
