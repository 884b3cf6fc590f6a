"""The ``vkdocs`` command: the last day to restore a page, checklists and handouts, from the terminal.

>>> main(["deadline", "2026-10-01", "--today", "2026-11-25", "--lang", "en"])
The last day to restore the page is April 28, 2027: 155 days left, counting today. Do not wait for the last day. What counts is the date in VK's own dialog on the deleted page: if it differs, trust VK.
0

It never shows a traceback. Whatever goes wrong gives one line on standard
error, in the reader's language, and an exit status:

* **2, bad input:** a date it cannot read (other scripts' digits such as
  ``２０２６`` included), one whose result would pass the year 9999, an unknown
  situation, a command line argparse cannot read. The reader's input is
  echoed at most 40 characters long.
* **1, the output failed:** the pipe was closed early (``vkdocs situations |
  head -0``), the disk is full (``> /dev/full``).

``vkdocs handout`` (module ``vkdocs.handout``) also exits 2 when Sphinx or TeX
is missing, saying what to install, and 1 when the PDF build fails, naming
its log.

Output that the terminal's encoding cannot carry (cp1251, ASCII) falls back
to ``[ ]`` boxes and plain quotes (:mod:`vkdocs.console`). Help and argparse's
own messages speak the reader's language too (:mod:`vkdocs.argparse_locale`).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from typing import Any, NoReturn, TextIO, cast

from vkdocs import console
from vkdocs.argparse_locale import speaking
from vkdocs.checklist import build_checklist, situations
from vkdocs.deadline import check_language, describe
from vkdocs.errors import ECHO_LIMIT, InputError, InputTypeError, echo
from vkdocs.handout import HandoutError, add_handout_parser, run_handout
from vkdocs.messages import LANGUAGES, message
from vkdocs.triage import add_triage_parser, run_triage

FORMATS = ("text", "markdown")

HELP = {
    "ru": {
        "description": "Последний день, чтобы восстановить страницу ВКонтакте, и чек-листы.",
        "command": "КОМАНДА",
        "deadline": "последний день, чтобы восстановить удалённую страницу",
        "date": "дата удаления: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД",
        "date_metavar": "ДАТА",
        "today": "сегодняшняя дата (по умолчанию — дата на этом компьютере)",
        "lang": "язык: ru или en (по умолчанию из LC_ALL/LANG)",
        "lang_metavar": "ЯЗЫК",
        "checklist": "чек-лист для ситуации",
        "situation": "ситуация (список: vkdocs situations)",
        "situation_metavar": "СИТУАЦИЯ",
        "platform": "computer, phone-browser или app",
        "platform_metavar": "ПЛАТФОРМА",
        "format": "text или markdown",
        "format_metavar": "ФОРМАТ",
        "situations": "список ситуаций",
        "version": "показать версию vkdocs и выйти",
    },
    "en": {
        "description": "The last day to restore a VKontakte page, and checklists.",
        "command": "COMMAND",
        "deadline": "the last day to restore a deleted page",
        "date": "date of deletion: DD.MM.YYYY or YYYY-MM-DD",
        "date_metavar": "DATE",
        "today": "today's date (default: this computer's date)",
        "lang": "language: ru or en (default from LC_ALL/LANG)",
        "lang_metavar": "LANG",
        "checklist": "the checklist for a situation",
        "situation": "the situation (list: vkdocs situations)",
        "situation_metavar": "SITUATION",
        "platform": "computer, phone-browser or app",
        "platform_metavar": "PLATFORM",
        "format": "text or markdown",
        "format_metavar": "FORMAT",
        "situations": "list the situations",
        "version": "show vkdocs's version and exit",
    },
}


def default_language(environ: dict[str, str] | None = None) -> str:
    """Russian when ``LC_ALL`` (or else ``LANG``) starts with ``ru``, English otherwise. Raises nothing.

    >>> default_language({"LANG": "ru_RU.UTF-8"})
    'ru'
    >>> default_language({"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"})
    'en'
    >>> default_language({})
    'en'
    """
    settings: Mapping[str, str] = os.environ if environ is None else environ
    setting = settings.get("LC_ALL") or settings.get("LANG") or ""
    return "ru" if setting.lower().startswith("ru") else "en"


def package_version() -> str:
    """The installed package's version (from its metadata, which pyproject.toml sets). Raises nothing.

    >>> from importlib.metadata import version
    >>> from vkdocs.cli import package_version
    >>> package_version() == version("vkdocs")
    True
    """
    try:
        return version("vkdocs")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


class UsageError(Exception):
    """A command line argparse could not read; the message is argparse's, in the reader's language."""


class _Printed(Exception):
    """``--help`` or ``--version`` asked for this text; the command prints it and stops."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class _Parser(argparse.ArgumentParser):
    """argparse, but nothing is printed or exits from inside it: errors and help come back as exceptions."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)

    def print_help(self, file: Any = None) -> None:
        raise _Printed(self.format_help())


class _Version(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> NoReturn:
        raise _Printed(f"vkdocs {package_version()}\n")


def _parser(lang: str) -> argparse.ArgumentParser:
    texts = HELP[lang]
    parser = _Parser(prog="vkdocs", description=texts["description"])
    parser.add_argument("--version", action=_Version, help=texts["version"])
    commands = parser.add_subparsers(dest="command", required=True, metavar=texts["command"])

    def lang_option(command: argparse.ArgumentParser) -> None:
        command.add_argument("--lang", metavar=texts["lang_metavar"], help=texts["lang"])

    deadline = commands.add_parser("deadline", help=texts["deadline"], description=texts["deadline"])
    deadline.add_argument("date", metavar=texts["date_metavar"], help=texts["date"])
    deadline.add_argument("--today", metavar=texts["date_metavar"], help=texts["today"])
    lang_option(deadline)

    checklist = commands.add_parser("checklist", help=texts["checklist"], description=texts["checklist"])
    checklist.add_argument("situation", metavar=texts["situation_metavar"], help=texts["situation"])
    checklist.add_argument("--platform", metavar=texts["platform_metavar"], help=texts["platform"])
    lang_option(checklist)
    checklist.add_argument("--format", default="text", metavar=texts["format_metavar"], help=texts["format"])

    listing = commands.add_parser("situations", help=texts["situations"], description=texts["situations"])
    lang_option(listing)
    add_triage_parser(commands, lang)
    add_handout_parser(commands, texts, lang)
    return parser


def _run(args: argparse.Namespace, lang: str) -> str:
    if args.command == "deadline":
        today = args.today if args.today is not None else date.today()
        return describe(args.date, today=today, lang=lang)
    if args.command == "handout":
        return run_handout(args, lang)
    if args.command == "checklist":
        if args.format not in FORMATS:
            raise InputError("unknown_format", value=args.format, choices=", ".join(FORMATS))
        checklist = build_checklist(args.situation, lang=lang, platform=args.platform)
        return (checklist.to_markdown() if args.format == "markdown" else checklist.to_text()).rstrip("\n")
    width = max(len(key) for key in situations())
    return "\n".join(f"{key:<{width}}  {titles[lang]}" for key, titles in situations().items())


def _language(argv: Sequence[str]) -> str:
    """``--lang`` read ahead of argparse, so even errors in other arguments speak that language."""
    lang = default_language()
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            value: str | None = arg.split("=", 1)[1]
        else:
            value = argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else None
        if value in LANGUAGES:
            lang = value
    return lang


def _answer(argv: Sequence[str], lang: str) -> tuple[str | argparse.Namespace, str]:
    """The text to print (for the interactive ``triage``, its arguments) and the language it is in."""
    with speaking(lang):
        try:
            args = _parser(lang).parse_args(argv)
        except _Printed as printed:
            return printed.text, lang
    if args.lang is not None:
        lang = check_language(args.lang)
    if args.command == "triage":
        return args, lang
    return _run(args, lang) + "\n", lang


def _shortened(text: str, argv: Sequence[str]) -> str:
    """argparse's message with every long argument it quotes cut to the echo limit."""
    for arg in sorted(argv, key=len, reverse=True):
        if len(arg) > ECHO_LIMIT:
            text = text.replace(repr(arg), repr(echo(arg))).replace(arg, str(echo(arg)))
    return text


def _output_error(error: OSError, lang: str) -> str:
    if isinstance(error, BrokenPipeError):
        return message("output_closed", lang)
    if error.errno == errno.ENOSPC:
        return message("output_full", lang)
    return message("output_failed", lang, reason=error.strerror or error)


def _fail(text: str, status: int) -> int:
    """Say what went wrong on standard error, in one line, and give the exit status."""
    with contextlib.suppress(OSError, ValueError):  # if standard error is gone too, the status still tells
        console.write(sys.stderr, f"vkdocs: {console.one_line(text)}\n")
    return status


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    Raises nothing: bad input returns 2 and a failed output returns 1, each
    after one line on standard error (see the module's description).
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang = _language(arguments)
    try:
        answer, lang = _answer(arguments, lang)
    except (InputError, InputTypeError) as error:
        return _fail(error.localized(lang), 2)
    except HandoutError as error:
        return _fail(error.localized(lang), error.status)
    except UsageError as error:
        return _fail(message("cli_usage", lang, detail=_shortened(str(error), arguments)), 2)
    try:
        if isinstance(answer, argparse.Namespace):
            stdout, stderr = (cast(TextIO, console.Fitted(stream)) for stream in (sys.stdout, sys.stderr))
            return run_triage(answer, lang, stdout=stdout, stderr=stderr)
        console.write(sys.stdout, answer)
    except OSError as error:
        console.discard_stdout()
        return _fail(_output_error(error, lang), 1)
    return 0
