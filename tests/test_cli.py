"""The vkdocs command, run as a real process, and its errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from vkdocs.checklist import build_checklist, situations
from vkdocs.deadline import describe


def run(*args: str, lang_env: str = "C.UTF-8") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"LC_ALL", "LANG"}}
    env["LANG"] = lang_env
    return subprocess.run([sys.executable, "-m", "vkdocs", *args], capture_output=True, text=True, env=env)


def test_deadline_in_russian_prints_the_date_and_the_days():
    done = run("deadline", "2026-01-31", "--today", "2026-03-01", "--lang", "ru")
    assert done.returncode == 0, done.stderr
    assert "29 августа 2026 г." in done.stdout and "181 день" in done.stdout
    assert done.stdout.strip() == describe("2026-01-31", "2026-03-01", "ru")


def test_the_console_script_is_installed_and_runs():
    script = os.path.join(os.path.dirname(sys.executable), "vkdocs")
    done = subprocess.run([script, "situations", "--lang", "en"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "restore" in done.stdout


def test_the_language_defaults_from_lang():
    assert "осталось" in run("deadline", "2026-01-31", "--today", "2026-03-01", lang_env="ru_RU.UTF-8").stdout
    assert "left" in run("deadline", "2026-01-31", "--today", "2026-03-01", lang_env="en_GB.UTF-8").stdout


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_checklist_prints_the_checklist_in_the_chosen_format(fmt):
    done = run("checklist", "close-profile", "--platform", "app", "--lang", "en", "--format", fmt)
    checklist = build_checklist("close-profile", lang="en", platform="app")
    expected = checklist.to_text() if fmt == "text" else checklist.to_markdown()
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected


def test_situations_lists_every_id_with_its_title():
    done = run("situations", "--lang", "ru")
    for key, titles in situations().items():
        assert key in done.stdout and titles["ru"] in done.stdout


@pytest.mark.parametrize(
    ("args", "lang_env", "fragment"),
    [
        (("deadline", "2026-02-30"), "C.UTF-8", "does not exist in the calendar"),
        (("deadline", "2026-02-30"), "ru_RU.UTF-8", "не существует"),
        (("deadline", "tomorrow", "--lang", "ru"), "C.UTF-8", "ГГГГ-ММ-ДД"),
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
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert fragment in lines[0]
    assert "Traceback" not in done.stderr


def test_help_is_in_the_users_language():
    assert "Сроки восстановления" in run("--help", lang_env="ru_RU.UTF-8").stdout
    assert "Restore deadlines" in run("--help").stdout


def console_sessions(markdown: str) -> list[tuple[list[str], list[str]]]:
    """The ``$ vkdocs …`` commands of ```console blocks, each with the lines shown after it."""
    import re

    sessions = []
    for block in re.findall(r"```console\n(.*?)```", markdown, flags=re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, *output = chunk.rstrip("\n").split("\n")
            sessions.append((command.split(), output))
    return sessions


def test_the_cli_reference_shows_what_the_command_prints():
    import shlex
    from pathlib import Path

    page = (Path(__file__).resolve().parent.parent / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    sessions = console_sessions(page)
    assert sessions
    last = None
    for command, output in sessions:
        if command[:1] == ["vkdocs"]:
            last = run(*shlex.split(" ".join(command[1:])))
            assert (last.stdout + last.stderr).splitlines() == output, command
        elif command == ["echo", "$?"]:
            assert last is not None and [str(last.returncode)] == output
