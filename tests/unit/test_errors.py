"""vkdocs.errors: bad input, said in the reader's language, echoing at most ECHO_LIMIT characters of it."""

from __future__ import annotations

import pytest

from vkdocs.errors import ECHO_LIMIT, InputError, InputTypeError, echo
from vkdocs.i18n import languages


def test_input_errors_are_value_errors_and_type_errors_are_type_errors():
    assert isinstance(InputError("unknown_language", value="de", choices="ru, en"), ValueError)
    assert isinstance(InputTypeError("unknown_language", value=1, choices="ru, en"), TypeError)


def test_the_english_message_is_the_exceptions_text():
    error = InputError("unknown_language", value="de", choices="ru, en")
    assert str(error) == error.localized("en")


@pytest.mark.parametrize("lang", languages())
def test_every_language_says_it_with_the_readers_input(lang):
    error = InputError("unknown_language", value="de", choices="ru, en")
    assert "'de'" in error.localized(lang)


@pytest.mark.parametrize("value", ["x" * 1000, "д" * (ECHO_LIMIT + 1)])
def test_long_input_is_echoed_shortened_with_an_ellipsis(value):
    shown = echo(value)
    assert len(shown) == ECHO_LIMIT and shown.endswith("…") and value.startswith(shown[:-1])


def test_input_of_exactly_the_limit_is_echoed_whole():
    assert echo("x" * ECHO_LIMIT) == "x" * ECHO_LIMIT


def test_a_long_value_that_is_not_a_string_is_echoed_by_its_repr_shortened():
    shown = repr(echo(list(range(100))))
    assert shown.startswith("[0, 1, 2") and len(shown) == ECHO_LIMIT and shown.endswith("…")


def test_only_the_value_parameter_is_shortened():
    choices = ", ".join(f"choice{number}" for number in range(20))
    error = InputError("unknown_language", value="v" * 100, choices=choices)
    assert choices in str(error)
    assert "v" * ECHO_LIMIT not in str(error)
