"""vkdocs.latex: the PDFs' LaTeX settings and file names (the PDFs themselves: tests/site/test_pdf.py)."""

from __future__ import annotations

import latex_facts
import pytest

from vkdocs.checklist import build_checklist, situations
from vkdocs.errors import InputError
from vkdocs.latex import (
    HANDOUT_ELEMENTS,
    LATEX_ELEMENTS,
    LATEXMKOPTS,
    PREAMBLE,
    TEX_PACKAGES,
    TEX_TOOLS,
    handout_document,
    handout_file,
    manual_file,
)


def test_file_names():
    assert handout_file("restore", "en") == "handout-restore-en.pdf"
    assert manual_file("ru") == "vkdocs-ru.pdf"


@pytest.mark.parametrize("situation", list(situations()))
def test_each_handout_is_a_howto_of_its_page_titled_as_its_checklist(situation):
    page, tex, title, author, kind = handout_document(situation, "ru", "someone")
    assert (page, tex, author, kind) == (situation, f"handout-{situation}-ru.tex", "someone", "howto")
    assert title == build_checklist(situation, lang="ru").title


def test_an_unknown_situation_is_bad_input():
    with pytest.raises(InputError):
        handout_document("unfriend", "ru", "someone")


def test_the_handouts_start_from_the_manuals_settings_and_keep_its_preamble():
    assert HANDOUT_ELEMENTS["papersize"] == LATEX_ELEMENTS["papersize"] == "a4paper"
    assert HANDOUT_ELEMENTS["preamble"].startswith(PREAMBLE)
    assert HANDOUT_ELEMENTS["tableofcontents"] == ""


def test_the_preamble_draws_the_ballot_box_dejavu_lacks():
    assert r"\newunicodechar{☐}" in PREAMBLE


def test_latexmk_stops_at_the_first_error_and_never_waits_for_input():
    assert "-halt-on-error" in LATEXMKOPTS.split() and "-interaction=nonstopmode" in LATEXMKOPTS.split()


@pytest.mark.parametrize("name", ["TEX_PACKAGES", "TEX_TOOLS", "LATEXMKOPTS"])
def test_the_makefiles_reading_without_importing_gives_the_same_values(name):
    value = {"TEX_PACKAGES": TEX_PACKAGES, "TEX_TOOLS": TEX_TOOLS, "LATEXMKOPTS": LATEXMKOPTS}[name]
    assert latex_facts.fact(name) == (value if isinstance(value, str) else " ".join(value))
