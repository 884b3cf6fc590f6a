"""The printed manual and handouts say what the checklist data says, in the right language.

They check the PDFs that ``make pdf`` leaves in ``docs/_build/pdf`` (or
``VKDOCS_PDF_DIR``). Without them these tests are skipped, with the reason,
unless ``VKDOCS_REQUIRE_PDF=1``: then a missing PDF fails. ``make test-pdf``
and ``.ci/run`` set it, after installing TeX and running ``make pdf``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docbuild import DOCS, LANGUAGES, ROOT

from vkdocs.checklist import build_checklist, situations
from vkdocs.deadline import RESTORE_WINDOW, format_days
from vkdocs.messages import message
from vkdocs.sphinxext_print import handout_file, manual_file

PDF_DIR = Path(os.environ.get("VKDOCS_PDF_DIR", ROOT / "docs" / "_build" / "pdf"))
REQUIRED = os.environ.get("VKDOCS_REQUIRE_PDF") == "1"
MAX_HANDOUT_PAGES = 2


def pdf(name: str) -> Path:
    path = PDF_DIR / name
    if not path.is_file():
        if REQUIRED:
            pytest.fail(f"{path} is missing: `make pdf` should have built it")
        pytest.skip(f"{path} not built: run `make pdf` (needs TeX; see README 'PDF and handouts')")
    for tool in ("pdftotext", "pdfinfo"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: install poppler-utils to check {path}")
    return path


def words(text: str) -> str:
    """Only letters and digits, lower-cased: line breaks, hyphenation, quotes and spacing differ in print."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def pdf_text(path: Path) -> str:
    # -raw: the order the text was typeset in (the layout order can split a justified line).
    done = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True)
    return words(done.stdout)


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def other(language: str) -> str:
    return next(lang for lang in LANGUAGES if lang != language)


def checklist_texts(situation: str, language: str) -> list[str]:
    checklist = build_checklist(situation, lang=language)
    texts = [checklist.title, *checklist.warnings]
    for step in checklist.steps:
        texts.append(step.text)
        if step.warning:
            texts.append(step.warning)
    return texts


def situations_on_pages() -> list[str]:
    """The situations whose checklist a page of the manual shows."""
    shown = set()
    for page in DOCS.rglob("*.md"):
        if "_build" in page.parts or "_handouts" in page.parts:
            continue
        shown.update(re.findall(r"\{vk-checklist\}\s+([\w-]+)", page.read_text(encoding="utf-8")))
    return [situation for situation in situations() if situation in shown]


HANDOUTS = [(situation, language) for situation in situations() for language in LANGUAGES]


@pytest.mark.parametrize(("situation", "language"), HANDOUTS)
def test_handout_shows_the_checklist_in_its_language(situation, language):
    text = pdf_text(pdf(handout_file(situation, language)))
    for expected in checklist_texts(situation, language):
        assert words(expected) in text, f"{handout_file(situation, language)} lacks: {expected}"
    for foreign in checklist_texts(situation, other(language))[1:]:
        assert words(foreign) not in text, f"{handout_file(situation, language)} shows the other language: {foreign}"


@pytest.mark.parametrize(("situation", "language"), HANDOUTS)
def test_handout_fits_on_two_pages(situation, language):
    assert page_count(pdf(handout_file(situation, language))) <= MAX_HANDOUT_PAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_restore_handout_has_the_fill_in_line_and_the_window(language):
    text = pdf_text(pdf(handout_file("restore", language)))
    for key in ("handout_deleted_on", "handout_restore_before"):
        assert words(message(key, language)) in text
    assert words(format_days(RESTORE_WINDOW.days, language)) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_shows_the_pages_checklists_in_its_language(language):
    shown = situations_on_pages()
    assert shown, "no page shows a {vk-checklist}: nothing to look for in the manual"
    text = pdf_text(pdf(manual_file(language)))
    for situation in shown:
        # (No check for the other language here: the API pages quote both in their examples.)
        for expected in checklist_texts(situation, language):
            assert words(expected) in text, f"{manual_file(language)} lacks: {expected}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_page_count_is_reported(language, capsys):
    path = pdf(manual_file(language))
    pages = page_count(path)
    with capsys.disabled():
        print(f"\n{path.name}: {pages} pages")
    assert pages > 1
