"""The vkdocs command, run as a real process, and its errors."""

from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from cli_reference import builds_a_pdf, console_sessions
from docbuild import ROOT

from vkdocs.argparse_locale import translations
from vkdocs.checklist import build_checklist, situations
from vkdocs.deadline import describe


def run(*args: str, lang_env: str = "C.UTF-8", encoding: str | None = None, **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"LC_ALL", "LANG", "PYTHONIOENCODING"}}
    env["LANG"] = lang_env
    if encoding:
        env["PYTHONIOENCODING"] = encoding
    kwargs.setdefault("capture_output", True)
    return subprocess.run(
        [sys.executable, "-m", "vkdocs", *args], text=True, encoding=encoding or "utf-8", env=env, **kwargs
    )


def assert_one_line_error(done: subprocess.CompletedProcess, status: int) -> str:
    """The command failed with ``status``, one line on stderr, no traceback; that line."""
    assert done.returncode == status, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("vkdocs: ")
    return lines[0]


def test_deadline_in_russian_prints_the_date_and_the_days():
    done = run("deadline", "2026-10-01", "--today", "2026-11-25", "--lang", "ru")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "Последний день, когда можно восстановить страницу, — 28 апреля 2027 г. Осталось 155 дней, включая сегодняшний день."
    )
    assert done.stdout.strip() == describe("2026-10-01", "2026-11-25", "ru")


@pytest.mark.parametrize(("lang", "last"), [("ru", "28 апреля 2027 г."), ("en", "April 28, 2027")])
@pytest.mark.parametrize("deleted", ["1 октября 2026", "1.10.2026", "October 1, 2026"])
def test_deadline_reads_the_date_as_people_write_it(deleted, lang, last):
    done = run("deadline", deleted, "--today", "2026-11-25", "--lang", lang)
    assert done.returncode == 0, done.stderr
    assert last in done.stdout


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize(
    ("deleted", "today"),
    [
        ("01.10.2026", "2027-04-27"),  # D-1
        ("01.10.2026", "2027-04-28"),  # D, the last day
        ("01.10.2026", "2027-04-29"),  # D+1
        ("2027-08-04", "29.02.2028"),  # a leap day as the last day
    ],
)
def test_deadline_prints_what_the_api_says_around_the_last_day(deleted, today, lang):
    done = run("deadline", deleted, "--today", today, "--lang", lang)
    assert done.returncode == 0, done.stderr
    assert done.stdout == describe(deleted, today, lang) + "\n"


def test_the_console_script_is_installed_and_runs():
    script = os.path.join(os.path.dirname(sys.executable), "vkdocs")
    done = subprocess.run([script, "situations", "--lang", "en"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "restore" in done.stdout


def test_the_language_defaults_from_lang():
    assert "Осталось" in run("deadline", "2026-01-31", "--today", "2026-03-01", lang_env="ru_RU.UTF-8").stdout
    assert "left" in run("deadline", "2026-01-31", "--today", "2026-03-01", lang_env="en_GB.UTF-8").stdout


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_checklist_prints_the_checklist_in_the_chosen_format(fmt):
    done = run("checklist", "close-profile", "--platform", "app", "--lang", "en", "--format", fmt)
    checklist = build_checklist("close-profile", lang="en", platform="app")
    expected = checklist.to_text() if fmt == "text" else checklist.to_markdown()
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected


@pytest.mark.parametrize(("lang", "advice"), [("ru", "(Наш совет)"), ("en", "(Our advice)")])
def test_checklist_ends_every_step_and_warning_with_its_guides_or_our_advice(lang, advice):
    done = run("checklist", "restore", "--lang", lang)
    assert done.returncode == 0, done.stderr
    items = [line for line in done.stdout.splitlines() if line.startswith(("☐ ", "⚠ "))]
    assert len(items) == len(build_checklist("restore", lang=lang).steps) + 2  # the steps, then two warnings
    ends = ["(" + line.rsplit(" (", 1)[-1] for line in items]
    letters = re.compile(r"\([A-E](, [A-E])*\)")
    assert all(end == advice or letters.fullmatch(end) for end in ends), items
    # The warning about money cites guide E; the one about codes is our advice.
    assert ends[-2:] == ["(E)", advice]


def test_situations_lists_every_id_with_its_title():
    done = run("situations", "--lang", "ru")
    for key, titles in situations().items():
        assert key in done.stdout and titles["ru"] in done.stdout


@pytest.mark.parametrize(
    ("args", "lang_env", "fragment"),
    [
        (("deadline", "2026-02-30"), "C.UTF-8", "does not exist in the calendar"),
        (("deadline", "2026-02-30"), "ru_RU.UTF-8", "не существует"),
        (("deadline", "tomorrow", "--lang", "ru"), "C.UTF-8", "1 октября 2026"),
        (("deadline", "01.10.26", "--lang", "ru"), "C.UTF-8", "Укажите год полностью: 01.10.2026"),
        (("deadline", "01/10/2026", "--lang", "en"), "C.UTF-8", "Write the day first, with dots: 1.10.2026"),
        (("deadline", "2026-05-01", "--today", "2026-03-01"), "C.UTF-8", "after today"),
        (("deadline", "2026-01-31", "--lang", "de"), "C.UTF-8", "Unknown language 'de'"),
        (("checklist", "unfriend"), "ru_RU.UTF-8", "Неизвестная ситуация 'unfriend'"),
        (("checklist", "delete", "--platform", "tablet"), "C.UTF-8", "computer, phone-browser, app"),
        (("checklist", "delete", "--format", "pdf"), "C.UTF-8", "text, markdown"),
        (("frobnicate",), "C.UTF-8", "vkdocs --help"),
        ((), "ru_RU.UTF-8", "Справка: vkdocs --help"),
        (("deadline",), "C.UTF-8", "vkdocs --help"),
    ],
)
def test_bad_input_prints_one_line_in_the_users_language_and_exits_2(args, lang_env, fragment):
    done = run(*args, lang_env=lang_env)
    assert done.stdout == ""
    assert fragment in assert_one_line_error(done, 2)


def test_help_is_in_the_users_language():
    assert "Последний день, когда можно восстановить страницу ВКонтакте" in run("--help", lang_env="ru_RU.UTF-8").stdout
    assert "The last day to restore a VKontakte page" in run("--help").stdout


def test_version_prints_the_package_version():
    done = run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"vkdocs {version('vkdocs')}\n"


# argparse's own texts, through gettext


def test_argparses_own_help_headings_are_russian():
    done = run("deadline", "--help", lang_env="ru_RU.UTF-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("использование: vkdocs deadline")
    for heading in ("позиционные аргументы:", "параметры:", "показать эту справку и выйти"):
        assert heading in done.stdout
    for english in ("usage:", "positional arguments", "options:", "show this help"):
        assert english not in done.stdout


def test_argparses_own_errors_are_russian():
    line = assert_one_line_error(run("deadline", "--lang", "ru"), 2)
    assert line == "vkdocs: не указаны обязательные аргументы: ДАТА. Справка: vkdocs --help"
    line = assert_one_line_error(run("deadline", "2026-10-01", "--lang", "ru", "--frob"), 2)
    assert line.startswith("vkdocs: непонятные аргументы: --frob")


def test_argparses_texts_stay_english_in_english():
    done = run("deadline", "--help")
    assert done.stdout.startswith("usage: vkdocs deadline")
    assert "the following arguments are required: DATE" in run("deadline").stderr


def test_argparse_is_left_as_it_was_after_the_command():
    from vkdocs.cli import main

    before = argparse._, argparse.ngettext
    main(["deadline", "--lang", "ru"])
    assert (argparse._, argparse.ngettext) == before


def argparse_msgids() -> set[str]:
    """Every text the running Python's argparse passes through gettext."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"_", "ngettext"}
    ]
    return {
        call.args[0].value
        for call in calls
        if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
    }


def test_the_russian_catalog_translates_every_argparse_text_of_this_python():
    russian = translations("ru")
    msgids = argparse_msgids()
    assert len(msgids) > 25
    missing = sorted(m for m in msgids if russian.gettext(m) == m and russian.ngettext(m, m + "s", 5) == m)
    assert not missing, f"Add to src/vkdocs/locale/ru/LC_MESSAGES/argparse.po: {missing}"


def test_the_russian_catalog_has_three_plural_forms():
    russian = translations("ru")
    assert [russian.ngettext("expected %s argument", "expected %s arguments", n) % n for n in (1, 3, 5, 21)] == [
        "нужно 1 значение",
        "нужно 3 значения",
        "нужно 5 значений",
        "нужно 21 значение",
    ]


def test_the_catalog_ships_in_the_package_as_po_not_compiled():
    from importlib.resources import files

    assert files("vkdocs").joinpath("locale/ru/LC_MESSAGES/argparse.po").is_file()
    assert not list(ROOT.joinpath("src", "vkdocs", "locale").rglob("*.mo"))


# Robustness: the command never shows a traceback


def test_a_pipe_closed_before_the_output_is_an_output_error():
    reader, writer = os.pipe()
    os.close(reader)  # like `vkdocs situations | head -0`, without the race
    try:
        done = run("situations", stdout=writer, stderr=subprocess.PIPE, capture_output=False)
    finally:
        os.close(writer)
    line = assert_one_line_error(done, 1)
    assert "closed" in line


def test_head_0_in_a_shell_never_shows_a_traceback():
    done = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m vkdocs checklist delete | head -0"],
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert len(done.stderr.splitlines()) <= 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize(("lang", "fragment"), [("en", "no space left"), ("ru", "нет места")])
def test_a_full_disk_is_an_output_error(lang, fragment):
    with open("/dev/full", "w") as full:
        done = run("checklist", "delete", "--lang", lang, stdout=full, stderr=subprocess.PIPE, capture_output=False)
    assert fragment in assert_one_line_error(done, 1)


def test_cp1251_output_falls_back_to_plain_boxes_and_quotes():
    done = run("checklist", "close-profile", "--platform", "app", "--lang", "ru", encoding="cp1251")
    assert done.returncode == 0, done.stderr
    assert "☐" not in done.stdout and "«" not in done.stdout
    assert '[ ] Пролистайте вниз и включите "Закрытый профиль".' in done.stdout
    assert "! Внимание:" in done.stdout


def test_ascii_output_falls_back_to_plain_characters():
    done = run("checklist", "close-profile", "--platform", "app", "--lang", "en", encoding="ascii")
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    assert '[ ] Scroll down and switch on "' in done.stdout and "(Private profile)." in done.stdout


def test_ascii_output_of_a_russian_error_is_still_one_line():
    done = run("deadline", "2026-02-30", "--lang", "ru", encoding="ascii")
    assert assert_one_line_error(done, 2).isascii()


def test_triage_on_an_ascii_terminal_falls_back_instead_of_crashing():
    done = run("triage", "--lang", "ru", encoding="ascii", input="1\n2\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    assert done.stdout.rstrip().endswith("howto/lost-access.html#hacked")


def test_triage_with_an_answer_not_offered_on_an_ascii_terminal_is_one_line():
    done = run("triage", "--lang", "ru", encoding="ascii", input="7\n")
    assert assert_one_line_error(done, 2).isascii()


def test_triage_output_closed_early_is_an_output_error():
    read, write = os.pipe()
    os.close(read)
    with os.fdopen(write, "w") as writer:
        done = run(
            "triage", "--lang", "en", input="1\n2\n", stdout=writer, stderr=subprocess.PIPE, capture_output=False
        )
    assert_one_line_error(done, 1)


def test_utf8_output_keeps_the_boxes_and_quotes():
    done = run("checklist", "close-profile", "--platform", "app", "--lang", "ru", encoding="utf-8")
    assert "☐ Пролистайте вниз и включите «Закрытый профиль»." in done.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("deadline", "9999-12-31", "--today", "9999-12-31"),
        ("deadline", "20.06.9999", "--today", "31.12.9999"),
    ],
)
def test_a_result_past_the_year_9999_is_bad_input_not_an_overflow(args):
    assert "9999" in assert_one_line_error(run(*args), 2)


@pytest.mark.parametrize("value", ["２０２６-01-31", "٠١.١٠.٢٠٢٦", "2026-1０-01"])
def test_digits_that_are_not_ascii_are_refused(value):
    assert "Cannot read the date" in assert_one_line_error(run("deadline", value, "--today", "2026-11-25"), 2)


@pytest.mark.parametrize(
    "args",
    [
        ("deadline", "1" * 5000),
        ("checklist", "x" * 5000),
        ("checklist", "delete", "--platform", "p" * 5000),
        ("deadline", "2026-10-01", "--lang", "l" * 5000),
        ("q" * 5000,),
        ("deadline", "2026-10-01", "u" * 5000),
        ("deadline", "line\nbreak" * 500),
    ],
)
def test_very_long_input_is_echoed_at_most_40_characters(args):
    line = assert_one_line_error(run(*args), 2)
    longest = max(len(same.group(0)) for same in re.finditer(r"(.)\1*", line))
    assert longest <= 40, line
    assert len(line) < 250, line


# Closed standard streams: the descriptor really closed in the child (as `>&-`, `<&-`, `2>&-` do)


def closing(descriptor: int):
    """A ``preexec_fn`` that closes ``descriptor`` in the child before it starts, as a shell's ``>&-`` does."""
    return lambda: os.close(descriptor)


@pytest.mark.parametrize(
    "args",
    [
        ("situations",),
        ("checklist", "delete"),
        ("deadline", "2026-10-01", "--today", "2026-11-25"),
        ("--help",),
        ("deadline", "--help"),
        ("--version",),
    ],
)
def test_standard_output_closed_is_an_output_error(args):
    done = run(*args, stdout=None, stderr=subprocess.PIPE, capture_output=False, preexec_fn=closing(1))
    assert "closed" in assert_one_line_error(done, 1)


def test_standard_output_closed_says_so_in_russian_words_only():
    done = run(
        "situations", "--lang", "ru", stdout=None, stderr=subprocess.PIPE, capture_output=False, preexec_fn=closing(1)
    )
    line = assert_one_line_error(done, 1)
    assert line == "vkdocs: Не удалось вывести результат: вывод закрыт."


def test_triage_with_standard_output_closed_is_an_output_error():
    done = run(
        "triage",
        "--lang",
        "en",
        input="1\n2\n",
        stdout=None,
        stderr=subprocess.PIPE,
        capture_output=False,
        preexec_fn=closing(1),
    )
    assert_one_line_error(done, 1)


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (("deadline", "2026-02-30"), 2),
        (("checklist", "unfriend"), 2),
        (("frobnicate",), 2),
        (("situations",), 0),
    ],
)
def test_standard_error_closed_keeps_the_status(args, status):
    done = run(*args, stderr=None, stdout=subprocess.PIPE, capture_output=False, preexec_fn=closing(2))
    assert done.returncode == status


def test_every_stream_closed_still_gives_the_status():
    def close_all():
        for descriptor in (0, 1, 2):
            os.close(descriptor)

    assert run("situations", capture_output=False, preexec_fn=close_all).returncode == 1
    assert run("deadline", "x", capture_output=False, preexec_fn=close_all).returncode == 2


def test_main_with_the_streams_set_to_none_raises_nothing(monkeypatch):
    from vkdocs.cli import main

    for name in ("stdin", "stdout", "stderr"):
        monkeypatch.setattr(sys, name, None)
    assert main(["situations"]) == 1
    assert main(["deadline", "2026-02-30"]) == 2
    assert main(["triage"]) == 1  # the first question cannot be shown


# --lang before or after the command, shortened as argparse allows


@pytest.mark.parametrize(
    "args",
    [
        ("--lang", "ru", "deadline", "2026-10-01", "--today", "2026-11-25"),
        ("--lang=ru", "deadline", "2026-10-01", "--today", "2026-11-25"),
        ("--la", "ru", "deadline", "2026-10-01", "--today", "2026-11-25"),
        ("deadline", "2026-10-01", "--today", "2026-11-25", "--la", "ru"),
        ("deadline", "2026-10-01", "--today", "2026-11-25", "--l=ru"),
        ("--lang", "en", "deadline", "2026-10-01", "--today", "2026-11-25", "--lang", "ru"),
    ],
)
def test_lang_before_or_after_the_command_and_shortened(args):
    done = run(*args)
    assert (done.returncode, done.stdout) == (0, describe("2026-10-01", "2026-11-25", "ru") + "\n")


@pytest.mark.parametrize(
    "args",
    [
        ("--la", "ru", "deadline", "2026-02-30"),
        ("deadline", "2026-02-30", "--la", "ru"),
        ("--lang", "ru", "deadline"),
        ("deadline", "--la", "ru"),
        ("--la=ru", "frobnicate"),
    ],
)
def test_errors_speak_the_language_of_a_shortened_or_early_lang(args):
    line = assert_one_line_error(run(*args), 2)
    assert re.search("[а-яА-Я]", line), line


def test_version_imports_no_package_metadata():
    script = (
        "import sys\n"
        "from vkdocs.cli import main\n"
        "main(['--version'])\n"
        "print(sorted(m for m in ('importlib.metadata', 'vkdocs.handout', 'vkdocs.dataset') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.splitlines() == [f"vkdocs {version('vkdocs')}", "[]"]


def test_the_cli_reference_shows_what_the_command_prints(tmp_path):
    """Every ``$ vkdocs …`` of the page runs, in a folder of its own, but ``vkdocs handout``.

    The unit tier builds no PDF: the handout's example is run by tests/site/test_handout_pdf.py.
    """
    import shlex

    sessions = console_sessions()
    assert sessions and any(builds_a_pdf(command) for command, _ in sessions)
    last = None
    for command, output in sessions:
        if builds_a_pdf(command):
            last = None
            continue
        if command[:1] == ["vkdocs"]:
            last = run(*shlex.split(" ".join(command[1:])), cwd=tmp_path)
            assert (last.stdout + last.stderr).splitlines() == output, command
        elif command == ["echo", "$?"]:
            assert last is not None and [str(last.returncode)] == output
