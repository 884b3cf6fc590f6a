"""The ``vkdocs`` command: deadlines and checklists in the terminal.

Bad input prints one line on stderr in the user's language and exits with
status 2; it never shows a traceback.

>>> main(["deadline", "2026-01-31", "--today", "2026-03-01", "--lang", "en"])
You can restore the page until August 29, 2026: 181 days left. VK shows the exact date in the dialog on the deleted page: if the dates differ, trust VK.
0
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date

from vkdocs.checklist import build_checklist, situations
from vkdocs.deadline import check_language, describe
from vkdocs.errors import InputError, InputTypeError
from vkdocs.messages import LANGUAGES, message
from vkdocs.triage import add_triage_parser, run_triage

FORMATS = ("text", "markdown")

HELP = {
    "ru": {
        "description": "Сроки восстановления и чек-листы для страницы ВКонтакте.",
        "deadline": "до какой даты можно восстановить удалённую страницу",
        "date": "дата удаления: ГГГГ-ММ-ДД или ДД.ММ.ГГГГ",
        "today": "сегодняшняя дата (по умолчанию — дата на этом компьютере)",
        "lang": "язык: ru или en (по умолчанию из LC_ALL/LANG)",
        "checklist": "чек-лист для ситуации",
        "situation": "ситуация (список: vkdocs situations)",
        "platform": "computer, phone-browser или app",
        "format": "text или markdown",
        "situations": "список ситуаций",
    },
    "en": {
        "description": "Restore deadlines and checklists for a VKontakte page.",
        "deadline": "until when a deleted page can be restored",
        "date": "deletion date: YYYY-MM-DD or DD.MM.YYYY",
        "today": "today's date (default: this computer's date)",
        "lang": "language: ru or en (default from LC_ALL/LANG)",
        "checklist": "the checklist for a situation",
        "situation": "the situation (list: vkdocs situations)",
        "platform": "computer, phone-browser or app",
        "format": "text or markdown",
        "situations": "list the situations",
    },
}


def default_language(environ: dict[str, str] | None = None) -> str:
    """Russian when ``LC_ALL`` (or else ``LANG``) starts with ``ru``, English otherwise.

    >>> default_language({"LANG": "ru_RU.UTF-8"})
    'ru'
    >>> default_language({"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"})
    'en'
    >>> default_language({})
    'en'
    """
    environ = os.environ if environ is None else environ
    setting = environ.get("LC_ALL") or environ.get("LANG") or ""
    return "ru" if setting.lower().startswith("ru") else "en"


class UsageError(Exception):
    """A command line argparse could not read; the message is argparse's."""


class _Parser(argparse.ArgumentParser):
    def error(self, text: str) -> None:  # type: ignore[override]
        raise UsageError(text)


def _parser(lang: str) -> argparse.ArgumentParser:
    texts = HELP[lang]
    parser = _Parser(prog="vkdocs", description=texts["description"])
    commands = parser.add_subparsers(dest="command", required=True)

    deadline = commands.add_parser("deadline", help=texts["deadline"])
    deadline.add_argument("date", help=texts["date"])
    deadline.add_argument("--today", help=texts["today"])
    deadline.add_argument("--lang", help=texts["lang"])

    checklist = commands.add_parser("checklist", help=texts["checklist"])
    checklist.add_argument("situation", help=texts["situation"])
    checklist.add_argument("--platform", help=texts["platform"])
    checklist.add_argument("--lang", help=texts["lang"])
    checklist.add_argument("--format", default="text", help=texts["format"])

    listing = commands.add_parser("situations", help=texts["situations"])
    listing.add_argument("--lang", help=texts["lang"])
    add_triage_parser(commands, lang)
    return parser


def _run(args: argparse.Namespace, lang: str) -> str:
    if args.command == "deadline":
        today = args.today if args.today is not None else date.today()
        return describe(args.date, today=today, lang=lang)
    if args.command == "checklist":
        if args.format not in FORMATS:
            raise InputError("unknown_format", value=args.format, choices=", ".join(FORMATS))
        checklist = build_checklist(args.situation, lang=lang, platform=args.platform)
        return (checklist.to_markdown() if args.format == "markdown" else checklist.to_text()).rstrip("\n")
    width = max(len(key) for key in situations())
    return "\n".join(f"{key:<{width}}  {titles[lang]}" for key, titles in situations().items())


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    lang = default_language()
    # Read --lang first, so even errors in other arguments speak that language.
    for index, arg in enumerate(argv):
        value = (
            arg.split("=", 1)[1]
            if arg.startswith("--lang=")
            else (argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else None)
        )
        if value in LANGUAGES:
            lang = value
    try:
        args = _parser(lang).parse_args(argv)
        if args.lang is not None:
            lang = check_language(args.lang)
        if args.command == "triage":
            return run_triage(args, lang)
        print(_run(args, lang))
    except (InputError, InputTypeError) as error:
        print(f"vkdocs: {error.localized(lang)}", file=sys.stderr)
        return 2
    except UsageError as error:
        print(f"vkdocs: {message('cli_usage', lang, detail=error)}", file=sys.stderr)
        return 2
    return 0
