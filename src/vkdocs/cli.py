"""The ``vkdocs`` command: the last day to restore a page, checklists and handouts, from the terminal.

>>> main(["deadline", "2026-10-01", "--today", "2026-11-25", "--lang", "en"])
The last day to restore the page is April 28, 2027: 155 days left, counting today. Do not wait for the last day. If VK's dialog on the deleted page gives a date to restore it by, restore the page before that date, and no later than the last day, whichever comes first.
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
from vkdocs.i18n import FALLBACK_LANGUAGE, languages
from vkdocs.messages import message, or_list
from vkdocs.triage import add_triage_parser, run_triage

FORMATS = ("text", "markdown")


def default_language(environ: dict[str, str] | None = None) -> str:
    """The language ``LC_ALL`` (or else ``LANG``) names, if vkdocs speaks it; English otherwise. Raises nothing.

    A setting names a language by its code, alone or with a region:
    ``ru_RU.UTF-8`` is Russian.

    >>> default_language({"LANG": "ru_RU.UTF-8"})
    'ru'
    >>> default_language({"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"})
    'en'
    >>> default_language({})
    'en'
    """
    settings: Mapping[str, str] = os.environ if environ is None else environ
    setting = (settings.get("LC_ALL") or settings.get("LANG") or "").split(".")[0].split("@")[0].lower()
    spoken = {lang.lower(): lang for lang in languages()}
    for candidate in (setting, setting.split("_")[0]):
        if candidate in spoken:
            return spoken[candidate]
    return FALLBACK_LANGUAGE


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
    def text(key: str, **params: object) -> str:
        return message(f"cli_{key}", lang, **params)

    parser = _Parser(prog="vkdocs", description=text("description"))
    parser.add_argument("--version", action=_Version, help=text("version"))
    commands = parser.add_subparsers(dest="command", required=True, metavar=text("command"))

    def lang_option(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--lang", metavar=text("lang_metavar"), help=text("lang", choices=or_list(languages(), lang))
        )

    deadline = commands.add_parser("deadline", help=text("deadline"), description=text("deadline"))
    deadline.add_argument("date", metavar=text("date_metavar"), help=text("date"))
    deadline.add_argument("--today", metavar=text("date_metavar"), help=text("today"))
    lang_option(deadline)

    checklist = commands.add_parser("checklist", help=text("checklist"), description=text("checklist"))
    checklist.add_argument("situation", metavar=text("situation_metavar"), help=text("situation"))
    checklist.add_argument("--platform", metavar=text("platform_metavar"), help=text("platform"))
    lang_option(checklist)
    checklist.add_argument("--format", default="text", metavar=text("format_metavar"), help=text("format"))

    listing = commands.add_parser("situations", help=text("situations"), description=text("situations"))
    lang_option(listing)
    add_triage_parser(commands, lang)
    add_handout_parser(commands, lang)
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
        if value in languages():
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
