"""vkdocs.dates reads a date as people write it, and refuses what it cannot read safely, saying what to type.

The cases are one table, ``tests/data/date_cases.json``, which the in-page
calculator passes too (``tests/browser/test_calculator.py``).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from babel import Locale

from vkdocs.dates import grammar, month_names, read_date
from vkdocs.errors import InputError
from vkdocs.messages import template

CASES = json.loads((Path(__file__).parents[1] / "data" / "date_cases.json").read_text(encoding="utf-8"))["cases"]
ACCEPTED = [case for case in CASES if "date" in case]
REFUSED = [case for case in CASES if "error" in case]


@pytest.mark.parametrize("case", ACCEPTED, ids=[case["text"] for case in ACCEPTED])
def test_a_date_written_as_people_write_it_is_read(case):
    assert read_date(case["text"]) == date.fromisoformat(case["date"])


@pytest.mark.parametrize("case", REFUSED, ids=[case["text"] or "empty" for case in REFUSED])
def test_a_refused_date_gets_the_message_for_its_form(case):
    with pytest.raises(InputError) as caught:
        read_date(case["text"])
    assert caught.value.key == case["error"]


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("key", ["bad_date_format", "two_digit_year", "slashed_date"])
def test_every_refusal_says_what_to_type_in_both_languages(key, lang):
    text = template(key, lang)
    assert "1.10.2026" in text or "01.10.2026" in text
    assert "{value!r}" in text


def test_a_two_digit_year_is_refused_because_it_is_ambiguous():
    with pytest.raises(InputError) as caught:
        read_date("01.10.26")
    assert "1926" in str(caught.value) and "2026" in str(caught.value)
    assert "1926" in caught.value.localized("ru")


def test_slashes_are_refused_naming_the_order_we_need():
    with pytest.raises(InputError) as caught:
        read_date("05/03/2026")
    assert "'05/03/2026'" in str(caught.value) and "day first" in str(caught.value)
    assert "сначала день" in caught.value.localized("ru")


def test_the_month_names_are_babels_in_both_languages_and_both_forms():
    names = month_names()
    for lang in ("ru", "en"):
        months = Locale.parse(lang).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    assert names[name.lower().rstrip(".")] == number


def test_the_grammar_has_no_syntax_only_python_reads():
    # The page compiles these with JavaScript's RegExp: no named groups, no \d.
    for form in grammar()["accept"] + grammar()["refuse"]:
        assert "(?P" not in form["pattern"] and "\\d" not in form["pattern"]
        re.compile(form["pattern"])
    assert json.loads(json.dumps(grammar())) == grammar()


def test_surrounding_text_is_trimmed_from_the_echo():
    with pytest.raises(InputError) as caught:
        read_date("  31.02.2026 \n")
    assert "'31.02.2026'" in str(caught.value)
