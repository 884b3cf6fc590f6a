"""The ``vkdocs`` command: the last day to restore a page, checklists and handouts, from the terminal.

>>> main(["deadline", "2026-10-01", "--today", "2026-11-25", "--lang", "en"])
The last day to restore the page is April 28, 2027: 155 days left, counting today. Do not wait for the last day. What counts is the date in VK's own dialog on the deleted page: if it differs, trust VK.
0

It never shows a traceback. Whatever goes wrong gives one line on standard
error, in the reader's language, and an exit status:

* **2, bad input:** a date it cannot read (other scripts' digits such as
  ``２０２６`` included), one whose result would pass the year 9999, an unknown
  situation, an answer the question path does not offer (from a pipe), a
  folder or a file name that cannot be used, a command line argparse cannot
  read. The reader's input is echoed at most 40 characters long.
* **1, the output failed:** the pipe was closed early (``vkdocs situations |
  head -0``), the disk is full (``> /dev/full``), standard output was closed
  (``>&-``), a file could not be written.

Closed or missing standard streams (``<&-``, ``>&-``, ``2>&-``) change
nothing else: without standard error the status still tells.
``vkdocs handout`` (module ``vkdocs.handout``) also exits 2 when Sphinx or TeX
is missing, naming everything to install in one line, and 1 when the PDF
build fails, naming its log.

``--lang`` goes before or after the command, and may be shortened as far as
it stays clear (``--la ru``), as argparse allows: errors speak the language
it names, whatever else is wrong with the command line.

Output that the terminal's encoding cannot carry (cp1251, ASCII) falls back
to ``[ ]`` boxes and plain quotes (:mod:`vkdocs.console`). Help and argparse's
own messages speak the reader's language too (:mod:`vkdocs.argparse_locale`).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, NoReturn, TextIO, cast

from vkdocs import __version__, console
from vkdocs.argparse_locale import speaking
from vkdocs.checklist import build_checklist, situations
from vkdocs.deadline import describe
from vkdocs.errors import ECHO_LIMIT, CommandError, InputError, InputTypeError, echo, system_reason
from vkdocs.i18n import FALLBACK_LANGUAGE, check_language, languages
from vkdocs.messages import message, or_list
from vkdocs.triage import run_triage

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
    """The package's version, ``vkdocs.__version__`` (pyproject.toml takes it from there). Raises nothing.

    ``--version`` prints it without reading the installed metadata, so no
    start-up pays for ``importlib.metadata``.

    >>> from importlib.metadata import version
    >>> from vkdocs.cli import package_version
    >>> package_version() == version("vkdocs")
    True
    """
    return __version__


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
    """Every command and option, with help in ``lang``. Build it inside ``speaking(lang)``."""

    def text(key: str, **params: object) -> str:
        return message(f"cli_{key}", lang, **params)

    def lang_option(parser: argparse.ArgumentParser, default: object) -> None:
        parser.add_argument(
            "--lang",
            default=default,
            metavar=text("lang_metavar"),
            help=text("lang", choices=or_list(languages(), lang)),
        )

    parser = _Parser(prog="vkdocs", description=text("description"))
    parser.add_argument("--version", action=_Version, help=text("version"))
    lang_option(parser, None)
    commands = parser.add_subparsers(dest="command", required=True, metavar=text("command"))

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        found: argparse.ArgumentParser = commands.add_parser(name, help=help_text, description=help_text)
        return found

    # Each command takes --lang too; SUPPRESS keeps a --lang given before the command when it has none.
    deadline = command("deadline", text("deadline"))
    deadline.add_argument("date", metavar=text("date_metavar"), help=text("date"))
    deadline.add_argument("--today", metavar=text("date_metavar"), help=text("today"))
    lang_option(deadline, argparse.SUPPRESS)

    checklist = command("checklist", text("checklist"))
    checklist.add_argument("situation", metavar=text("situation_metavar"), help=text("situation"))
    checklist.add_argument("--platform", metavar=text("platform_metavar"), help=text("platform"))
    lang_option(checklist, argparse.SUPPRESS)
    checklist.add_argument("--format", default="text", metavar=text("format_metavar"), help=text("format"))

    lang_option(command("situations", text("situations")), argparse.SUPPRESS)
    lang_option(command("triage", message("triage_help", lang)), argparse.SUPPRESS)

    handout = command("handout", message("handout_help", lang))
    handout.add_argument("situation", metavar=text("situation_metavar"), help=text("situation"))
    handout.add_argument(
        "--output",
        required=True,
        metavar=message("handout_output_metavar", lang),
        help=message("handout_output_help", lang),
    )
    handout.add_argument("--deleted-on", metavar=text("date_metavar"), help=message("handout_deleted_on_help", lang))
    handout.add_argument("--today", metavar=text("date_metavar"), help=message("handout_today_help", lang))
    lang_option(handout, argparse.SUPPRESS)

    dataset = command("dataset", text("dataset"))
    dataset.add_argument("folder", metavar=text("folder_metavar"), help=text("dataset_folder"))
    lang_option(dataset, argparse.SUPPRESS)
    return parser


def _language(argv: Sequence[str]) -> str:
    """``--lang`` read ahead of the whole command line, before or after the command, shortened as argparse
    allows (``--la ru``), so even errors in other arguments speak that language. Raises nothing.

    >>> _language(["--la", "ru", "deadline"]), _language(["deadline", "x", "--lang=ru"]), _language(["--lang", "xx"])
    ('ru', 'ru', 'en')
    """
    lang = default_language()
    ahead = _Parser(prog="vkdocs", add_help=False)
    ahead.add_argument("--lang", action="append", default=[])
    try:
        found, _ = ahead.parse_known_args(list(argv))
    except UsageError:  # --lang without a value: argparse itself will say so
        return lang
    for value in found.lang:
        if value in languages():
            lang = value
    return lang


def _run(args: argparse.Namespace, lang: str) -> str:
    """What the command asked for, as the text to print. Raises the errors :func:`main` reports."""
    if args.command == "deadline":
        today = args.today if args.today is not None else date.today()
        return describe(args.date, today=today, lang=lang) + "\n"
    if args.command == "handout":
        from vkdocs.handout import build_handout

        today_given = args.today if args.today is not None else date.today()
        return f"{build_handout(args.situation, lang, args.output, deleted_on=args.deleted_on, today=today_given)}\n"
    if args.command == "dataset":
        from vkdocs.dataset import write

        return "".join(f"{path}\n" for path in write(args.folder))
    if args.command == "checklist":
        if args.format not in FORMATS:
            raise InputError("unknown_format", value=args.format, choices=", ".join(FORMATS))
        checklist = build_checklist(args.situation, lang=lang, platform=args.platform)
        return (checklist.to_markdown() if args.format == "markdown" else checklist.to_text()).rstrip("\n") + "\n"
    width = max(len(key) for key in situations())
    return "".join(f"{key:<{width}}  {titles[lang]}\n" for key, titles in situations().items())


def _shortened(text: str, argv: Sequence[str]) -> str:
    """argparse's message with every long argument it quotes cut to the echo limit."""
    for arg in sorted(argv, key=len, reverse=True):
        if len(arg) > ECHO_LIMIT:
            text = text.replace(repr(arg), repr(echo(arg))).replace(arg, str(echo(arg)))
    return text


def _output_error(error: OSError, lang: str) -> str:
    """What went wrong with standard output, in ``lang``."""
    if isinstance(error, BrokenPipeError):
        return message("output_closed", lang)
    return message("output_failed", lang, reason=system_reason(error, lang))


def _fail(text: str, status: int) -> int:
    """Say what went wrong on standard error, in one line, and give the exit status."""
    with contextlib.suppress(OSError):  # if standard error is gone too (closed, None), the status still tells
        console.write(sys.stderr, f"vkdocs: {console.one_line(text)}\n")
    return status


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    Raises nothing: bad input returns 2 and a failed output returns 1, each
    after one line on standard error (see the module's description).
    """
    if argv is None:
        console.keep_descriptors()
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang = _language(arguments)
    try:
        with speaking(lang):
            args = _parser(lang).parse_args(arguments)
        if args.lang is not None:
            lang = check_language(args.lang)
        if args.command == "triage":
            stdin = console.text_input(sys.stdin)
            stdout, stderr = (cast(TextIO, console.Fitted(stream)) for stream in (sys.stdout, sys.stderr))
            return run_triage(lang, stdin, stdout, stderr)
        answer = _run(args, lang)
    except _Printed as printed:
        answer = printed.text
    except UsageError as error:
        return _fail(message("cli_usage", lang, detail=_shortened(str(error), arguments)), 2)
    except (InputError, InputTypeError) as error:
        return _fail(error.localized(lang), 2)
    except CommandError as error:
        return _fail(error.localized(lang), error.status)
    except OSError as error:  # triage's output
        console.discard_stdout()
        return _fail(_output_error(error, lang), 1)
    try:
        console.write(sys.stdout, answer)
    except OSError as error:
        console.discard_stdout()
        return _fail(_output_error(error, lang), 1)
    return 0
