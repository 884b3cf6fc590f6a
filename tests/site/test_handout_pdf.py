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
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
import segno
from cli_reference import builds_a_pdf, console_sessions
from docbuild import HANDOUT_DELETED_ON, HANDOUT_TODAY, LANGUAGES, ROOT
from test_pdf import checklist_texts, other, page_count, pdf_text, words
from texlog import missing_characters, read_log

from vkdocs.deadline import RESTORE_WINDOW, format_days
from vkdocs.handout import missing_tools, project_files, sphinx_settings
from vkdocs.latex import LATEXMKOPTS, handout_heading, page_address, qr_modules, qr_picture

DELETED, TODAY = HANDOUT_DELETED_ON, HANDOUT_TODAY

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


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "vkdocs", "handout", *args]


# Building and writing the PDF: the command's own checks of its output and its failures.


needs_tex = pytest.mark.skipif(
    bool(missing_tools()) and not os.environ.get("CI"), reason="the output is checked after the tools: needs TeX"
)


def handout_in(tmp_path: Path, output: str, lang: str = "en", cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``vkdocs handout restore --output OUTPUT``, with its temporary folder under ``tmp_path/tmp``."""
    (tmp_path / "tmp").mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp"), "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    return subprocess.run(
        command("restore", "--lang", lang, "--output", output), capture_output=True, text=True, env=env, cwd=cwd
    )


@needs_tex
@pytest.mark.parametrize(
    ("output", "fragment"),
    [
        ("", "Give a file name for the PDF"),
        ("{tmp}", "it is a folder, not a file"),
        ("/dev/full", "Cannot write the PDF to '/dev/full': it is not a regular file"),
        ("/proc/x.pdf", "Cannot write the PDF to '/proc/x.pdf': "),
        ("{tmp}/missing/x.pdf", "/missing/x.pdf': no such file or folder"),
        ("{tmp}/a-file/x.pdf", "/a-file/x.pdf': part of the path is not a folder"),
    ],
)
def test_an_output_that_cannot_be_written_is_refused_before_the_build(tmp_path, output, fragment):
    (tmp_path / "a-file").touch()
    output = output.format(tmp=tmp_path)
    done = handout_in(tmp_path, output)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("vkdocs: ") and done.stderr.count("\n") == 1
    assert fragment in done.stderr
    if output:
        assert repr(output) in done.stderr  # every error names the path
    assert list((tmp_path / "tmp").iterdir()) == []  # nothing was built, nothing is left
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a-file", "tmp"]


@needs_tex
def test_the_cli_references_handout_example_prints_what_the_page_shows(tmp_path):
    """``$ vkdocs handout …`` of docs/reference/cli.md, run in a folder of its own: the line it prints, a
    one-page PDF where it says (the unit tier runs the page's other examples: tests/unit/test_cli.py)."""
    examples = [(command, output) for command, output in console_sessions() if builds_a_pdf(command)]
    assert examples
    env = {**os.environ, "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    for command, output in examples:
        done = subprocess.run(
            [sys.executable, "-m", "vkdocs", *command[1:]], capture_output=True, text=True, env=env, cwd=tmp_path
        )
        assert (done.stdout + done.stderr).splitlines() == output, command
        assert done.returncode == 0, command
        assert page_count(tmp_path / output[-1]) == 1, command


@needs_tex
def test_in_russian_the_systems_reason_is_russian_too(tmp_path):
    done = handout_in(tmp_path, str(tmp_path / "missing" / "x.pdf"), lang="ru")
    assert done.returncode == 2
    assert (
        done.stderr
        == f"vkdocs: Не удалось записать PDF в '{tmp_path / 'missing' / 'x.pdf'}': такого файла или папки нет.\n"
    )


@needs_tex
def test_standard_output_closed_after_the_pdf_is_written_is_exit_1(tmp_path):
    output = tmp_path / "x.pdf"
    done = subprocess.run(
        command("restore", "--lang", "en", "--output", str(output)),
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 1
    assert done.stderr == "vkdocs: Could not write the output: the output is closed.\n"
    assert output.is_file() and page_count(output) == 1  # the PDF was written; only saying where failed


def test_a_failed_build_leaves_only_its_log(tmp_path, monkeypatch):
    import tempfile

    from vkdocs import handout

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(handout, "check_tools", lambda: None)
    monkeypatch.setattr(handout.subprocess, "run", lambda *args, **kwargs: subprocess.CompletedProcess(args, 1))
    output = tmp_path / "out" / "x.pdf"
    output.parent.mkdir()
    with pytest.raises(handout.HandoutError) as raised:
        handout.build_handout("restore", "en", output)
    assert raised.value.status == 1
    logs = [path for path in tmp_path.iterdir() if path.name != "out"]
    assert [path.suffix for path in logs] == [".log"] and str(logs[0]) in str(raised.value)
    assert list(output.parent.iterdir()) == []  # no PDF, no temporary file beside it


def test_a_failed_copy_leaves_the_old_file_whole_and_nothing_else(tmp_path, monkeypatch):
    import errno

    from vkdocs import handout

    target = tmp_path / "x.pdf"
    target.write_bytes(b"old")
    _, temporary = handout.open_output(target)
    pdf = tmp_path / "built.pdf"
    pdf.write_bytes(b"new")

    def full(source, destination):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(handout.shutil, "copyfile", full)
    with pytest.raises(handout.HandoutError) as raised:
        handout.replace_output(pdf, temporary, target)
    assert raised.value.status == 1
    assert raised.value.localized("ru") == f"Не удалось записать PDF в '{target}': на устройстве нет места."
    assert target.read_bytes() == b"old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["built.pdf", "x.pdf"]


def test_the_pdf_replaces_the_output_whole(tmp_path):
    from vkdocs import handout

    target = tmp_path / "x.pdf"
    target.write_bytes(b"old")
    _, temporary = handout.open_output(target)
    pdf = tmp_path / "built.pdf"
    pdf.write_bytes(b"new")
    handout.replace_output(pdf, temporary, target)
    assert target.read_bytes() == b"new"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["built.pdf", "x.pdf"]


# A page whose last day has passed: deleted on 1 January 2026, the handout made on 6 December 2026

PASSED_DELETED, PASSED_TODAY = "2026-01-01", "2026-12-06"

#: The passed-window handout says first that the last day has passed, in the words `vkdocs deadline` uses.
PASSED_FIRST = {
    "ru": "Последний день, когда можно было восстановить страницу, уже прошёл: это было 29 июля 2026 г.",
    "en": "The last day to restore the page has passed: it was July 29, 2026.",
}


def deleted_for_good_items(lang: str) -> tuple[str, list[str]]:
    """The page's section "When the deadline has passed" in ``lang``: its title and each item, markup left out."""
    from babel.messages.pofile import read_po

    page = (ROOT / "docs" / "explanation" / "deletion.md").read_text(encoding="utf-8")
    section = page.split("(deleted-for-good)=\n", 1)[1].split("\n(", 1)[0]
    title, body = section.split("\n", 1)
    items = [" ".join(item.split()) for item in body.strip().split("- ")[1:]]
    if lang != "ru":
        catalog_path = ROOT / "docs" / "locale" / lang / "LC_MESSAGES" / "explanation" / "deletion.po"
        with catalog_path.open("rb") as handle:
            catalog = read_po(handle)
        title = "# " + catalog.get(title.removeprefix("## ")).string
        items = [catalog.get(item).string for item in items]

    def plain(text: str) -> str:
        text = re.sub(r" \{vk-src\}`[^`]+`", "", text)
        return re.sub(r": \{ref\}`[^`]+`", "", text).replace("**", "")

    return title.lstrip("# "), [plain(item) for item in items]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_passed_handout_says_what_the_page_says(lang):
    from vkdocs.messages import message
    from vkdocs.sphinx.handouts import GONE

    title, items = deleted_for_good_items(lang)
    assert message("handout_gone_title", lang) == title
    assert [message(key, lang) for key in GONE] == items


@needs_tex
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_handout_past_the_window_says_so_first_and_what_still_holds(tmp_path, lang):
    output = tmp_path / f"passed-{lang}.pdf"
    done = subprocess.run(
        command(
            "restore", "--lang", lang, "--deleted-on", PASSED_DELETED, "--today", PASSED_TODAY, "--output", str(output)
        ),
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert page_count(output) == 1
    text = pdf_text(output)
    title, items = deleted_for_good_items(lang)
    built = text.index(words(PASSED_FIRST[lang]))
    assert built < text.index(words(title)) < text.index(words(items[0]))
    for item in items:
        assert words(item) in text
    assert words("Не ждите" if lang == "ru" else "Do not wait") not in text


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


def test_no_pdf_shades_table_rows_with_colorrows():
    """Sphinx's "colorrows" stops XeLaTeX on TeX Live 2026 (sphinx-doc/sphinx#14465): the manual,
    the handouts and ``vkdocs handout`` all set plain booktabs tables."""
    docs_conf = runpy.run_path(str(ROOT / "docs" / "conf.py"))
    for name, settings in (("docs/conf.py", docs_conf), ("vkdocs handout", sphinx_settings("restore", "en"))):
        style = settings.get("latex_table_style")
        assert style is not None and "colorrows" not in style, f"{name}: latex_table_style = {style!r}"


ADDRESS = "https://vkdocs.readthedocs.io/ru/latest/howto/restore.html"


def test_the_printed_qr_code_draws_exactly_segnos_modules_for_the_address():
    """The rules of the picture, put back on a grid, are the QR code segno makes for the address:
    a phone reading the printed code opens the handout's page."""
    picture = qr_picture(ADDRESS)
    size = int(re.search(r"\\begin\{picture\}\((\d+),", picture).group(1))
    grid = [[False] * size for _ in range(size)]
    for x, y, width in re.findall(r"\\put\((\d+),(\d+)\)\{\\rule\{(\d+)\\unitlength\}", picture):
        for column in range(int(x), int(x) + int(width)):
            grid[size - 1 - int(y)][column] = True
    assert grid == qr_modules(ADDRESS)
    assert qr_modules(ADDRESS) == [
        [bool(m) for m in row] for row in segno.make(ADDRESS, error="m").matrix_iter(border=4)
    ]


def test_a_handout_shows_its_address_and_qr_code_only_when_the_site_has_one():
    assert page_address("https://vkdocs.readthedocs.io/ru/latest/", "howto/restore") == ADDRESS
    with_address = handout_heading("built", ADDRESS, "Online:")
    assert rf"\url{{{ADDRESS}}}" in with_address and qr_picture(ADDRESS, "2.3cm") in with_address
    without = handout_heading("built", page_address("", "howto/restore"), "Online:")
    assert "picture" not in without and "url" not in without and "Online" not in without
