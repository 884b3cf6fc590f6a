"""``vkdocs handout``: a personal handout as a one-page PDF, the restore dates filled in, in words.

The two PDFs (Russian and English, deleted on 1 October 2026, built on
25 November 2026) are built once per session by the command, side by side,
in the background while other tests run (``personal_handouts`` in
conftest.py). Without TeX these tests are skipped, with the reason, unless
``CI`` or ``VKDOCS_REQUIRE_PDF=1`` is set: then they fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docbuild import LANGUAGES
from test_pdf import checklist_texts, other, page_count, pdf_text, words

from vkdocs.deadline import RESTORE_WINDOW, format_days

#: What the filled-in handout must say, in words, per language.
FILLED_IN = {
    "ru": ["1 октября 2026", "28 апреля 2027", "25 ноября 2026"],
    "en": ["October 1, 2026", "April 28, 2027", "November 25, 2026"],
}


def built_pdf(handouts, lang: str) -> Path:
    done, output = handouts[lang]
    assert done.returncode == 0, done.stderr
    return output


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_command_says_nothing_but_where_the_pdf_is(personal_handouts, lang):
    done, output = personal_handouts[lang]
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{output}\n", "")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_restore_handout_is_one_page(personal_handouts, lang):
    assert page_count(built_pdf(personal_handouts, lang)) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_restore_handout_has_both_dates_and_its_own_in_words(personal_handouts, lang):
    text = pdf_text(built_pdf(personal_handouts, lang))
    for expected in FILLED_IN[lang]:
        assert words(expected) in text, f"the {lang} handout lacks {expected!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sentence_about_the_window_stays(personal_handouts, lang):
    assert words(format_days(RESTORE_WINDOW.days, lang)) in pdf_text(built_pdf(personal_handouts, lang))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_handout_holds_the_checklist_in_its_language_only(personal_handouts, lang):
    text = pdf_text(built_pdf(personal_handouts, lang))
    for expected in checklist_texts("restore", lang):
        assert words(expected) in text, f"the {lang} handout lacks: {expected}"
    for foreign in checklist_texts("restore", other(lang))[1:]:
        assert words(foreign) not in text, f"the {lang} handout shows the other language: {foreign}"
