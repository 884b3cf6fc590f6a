"""One digit policy for every number a reader types: dates and the question path's answers take 0-9 only."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from vkdocs.deadline import parse_date
from vkdocs.digits import ascii_digits, number
from vkdocs.errors import InputError
from vkdocs.triage import AnswerError, load_tree

#: Every character Unicode counts as a decimal digit, apart from 0-9: ２, ٢, ৩, ...
OTHER_DIGITS = [
    char
    for char in map(chr, range(sys.maxunicode + 1))
    if unicodedata.category(char) == "Nd" and char not in "0123456789"
]


def test_there_are_other_scripts_digits_to_refuse():
    assert len(OTHER_DIGITS) > 500 and "２" in OTHER_DIGITS and "٢" in OTHER_DIGITS


@pytest.mark.parametrize("char", OTHER_DIGITS[::23])
def test_a_date_and_an_answer_refuse_the_same_digit(char):
    value = unicodedata.digit(char)
    assert not ascii_digits(char) and number(char) is None
    with pytest.raises(InputError):
        parse_date(f"2026-10-0{char}" if value else f"2026-1{char}-01")
    question = load_tree().questions["path-whose"]
    with pytest.raises(AnswerError):
        question.choose(char)


def test_the_ascii_digits_read_the_same_on_both_sides():
    question = load_tree().questions["path-whose"]
    assert question.choose("2") is question.answers[1]
    assert parse_date("2026-10-02").day == number("02") == 2


@pytest.mark.parametrize("text", ["9" * 5000, "0" * 5000 + "1", " " * 10_000, "\x00", "1\n2"])
def test_no_text_makes_number_fail(text):
    expected = 1 if text == "0" * 5000 + "1" else None
    assert number(text) == expected
