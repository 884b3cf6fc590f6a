"""``vkdocs handout``: a personal handout as a one-page PDF, the restore dates filled in, in words.

The two PDFs (Russian and English, deleted on 1 October 2026, built on
25 November 2026) are built once per session by the command, side by side,
in the background while other tests run (``personal_handouts`` in
conftest.py). Without TeX these tests are skipped, with the reason, unless
``CI`` or ``VKDOCS_REQUIRE_PDF=1`` is set: then they fail.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from docbuild import HANDOUT_DELETED_ON, HANDOUT_TODAY, LANGUAGES, ROOT
from test_pdf import checklist_texts, other, page_count, pdf_text, words
from texlog import missing_characters, read_log

from vkdocs.cli import main
from vkdocs.deadline import RESTORE_WINDOW, format_days
from vkdocs.handout import project_files
from vkdocs.latex import LATEXMKOPTS, TEX_PACKAGES

DELETED, TODAY = HANDOUT_DELETED_ON, HANDOUT_TODAY

#: What the filled-in handout must say, in words, per language.
FILLED_IN = {
    "ru": ["1 октября 2026", "28 апреля 2027", "25 ноября 2026"],
    "en": ["October 1, 2026", "April 28, 2027", "November 25, 2026"],
}


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "vkdocs", "handout", *args]


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


def test_the_page_holds_the_directive_with_the_dates_as_options():
    files = project_files("restore", "ru", deleted_on=None, today=None)
    assert files["restore.rst"] == ".. vk-handout:: restore\n"
    assert "sphinx_settings('restore', 'ru')" in files["conf.py"]


def test_without_tex_it_says_what_to_install_in_one_line_and_exits_2(tmp_path):
    output = tmp_path / "x.pdf"
    env = {**os.environ, "PATH": str(tmp_path / "nothing-here"), "LANG": "ru_RU.UTF-8"}
    env.pop("LC_ALL", None)
    done = subprocess.run(
        command("restore", "--deleted-on", DELETED, "--output", str(output)), capture_output=True, text=True, env=env
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("vkdocs: Для памятки в PDF нужен TeX (не найдено: xelatex")
    assert "sudo apt-get install --no-install-recommends " + " ".join(TEX_PACKAGES) in done.stderr
    assert not output.exists()


def test_without_sphinx_it_says_what_to_install_in_one_line_and_exits_2(tmp_path):
    script = (
        "import sys\n"
        "sys.modules['sphinx'] = None  # as if the docs extra were not installed\n"
        "from vkdocs.cli import main\n"
        f"sys.exit(main(['handout', 'restore', '--lang', 'en', '--output', {str(tmp_path / 'x.pdf')!r}]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "vkdocs: A PDF handout needs Sphinx. Install it: pip install 'vkdocs[docs]'\n"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["unfriend"], "Unknown situation 'unfriend'"),
        (["hide", "--deleted-on", DELETED], "A deletion date applies only to the 'restore' situation, not 'hide'"),
        (["restore", "--deleted-on", "2026-02-30"], "The date '2026-02-30' does not exist"),
        (["restore", "--deleted-on", "01/10/2026"], "Cannot read the date '01/10/2026'"),
        (["restore", "--deleted-on", "2026-12-01", "--today", TODAY], "is after today"),
        (["restore", "--today", "yesterday"], "Cannot read the date 'yesterday'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2_before_anything_is_built(args, fragment, tmp_path, capsys):
    output = tmp_path / "x.pdf"
    assert main(["handout", *args, "--lang", "en", "--output", str(output)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("vkdocs: ") and captured.err.count("\n") == 1
    assert fragment in captured.err
    assert not output.exists()


def test_the_output_is_required(capsys):
    assert main(["handout", "restore", "--lang", "en"]) == 2
    assert "--output" in capsys.readouterr().err


def test_the_makefile_installs_what_the_command_names():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    packages = set(re.search(r"^TEX_PACKAGES := (.*)$", makefile, re.MULTILINE).group(1).split())
    assert set(TEX_PACKAGES) - {"make"} <= packages


def test_a_character_the_fonts_lack_stops_the_build_instead_of_printing_a_blank(tex, tmp_path):
    """Every PDF is set with ``\\tracinglostchars=3`` (vkdocs.latex): shown on a personal handout's project
    with one character no DejaVu font has."""
    source, out = tmp_path / "source", tmp_path / "out"
    source.mkdir()
    for name, text in project_files("restore", "en", deleted_on=None, today=None).items():
        (source / name).write_text(text + ("\n一\n" if name.endswith(".rst") else ""), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(source), str(out), "-q", "-D", "language=en"],
        capture_output=True,
        text=True,
        env={**os.environ, "LATEXMKOPTS": LATEXMKOPTS},
    )
    assert done.returncode != 0
    log = read_log(out / "latex" / "handout-restore-en.log")
    assert missing_characters(log) == ["一 (U+4E00) in DejaVu Serif"]
    assert not (out / "latex" / "handout-restore-en.pdf").exists()
