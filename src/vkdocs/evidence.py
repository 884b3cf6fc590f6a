"""The evidence register: each guide's own words behind what vkdocs says about VK.

Every statement the pages, the checklists and the question path make about
VK cites one or more entries of ``data/evidence.json`` by id. An entry holds
the guide it comes from (``A``–``E``), a **verbatim** quote of one or two of
its sentences (typos and all: we quote, we do not correct), and optionally
what the quote does *not* say (``not_said``), so a reader and a reviewer can
hold our sentence against the guide's. Advice of our own is not in the
register: it is marked as ours where it appears.

The quotes are Russian, as the guides are; the catalogs give each one a
rendering in every other language, and :func:`entry` returns both.

>>> quote = entry("B-hide-then-delete", lang="en")
>>> quote.guide
'B'
>>> print(quote.quote)
После чего максимально ограничьте доступ к своей стрaнице, то есть поставьте значение «Только я» и «Никто» , там где это возможно. А после этого удалите ее как я показывал выше.
>>> print(quote.rendering)
Then restrict access to your page as much as you can, that is, set “Only me” and “Nobody” wherever possible. And after that, delete it as I showed above.

Citations name ids; a bare guide letter, or an id not in the register, is
refused with what is accepted:

>>> check_ids(["A-restore-210", "E-never-pay"])
['A-restore-210', 'E-never-pay']
>>> check_ids(["A"])
Traceback (most recent call last):
...
ValueError: 'A' is not an evidence id: cite the register's ids (e.g. 'A-restore-210'), not a bare guide letter; see src/vkdocs/data/evidence.json

:func:`found_in` checks a quote against the guides' text, ignoring only
whitespace and the style of quotation marks:

>>> found_in("можно  восстановить «до такого-то срока»", "… можно восстановить “до такого-то срока” …")
True
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from vkdocs.i18n import read_source, translate
from vkdocs.messages import message

#: The register's data file, in ``data/``.
EVIDENCE_FILE = "evidence.json"

#: The source guides, by letter.
GUIDES = ("A", "B", "C", "D", "E")

#: Where the guides' text is read from for checking the quotes, and its default (relative to the repository).
GUIDES_VARIABLE = "VKDOCS_GUIDES"
DEFAULT_GUIDES_PATH = Path("..") / "shared" / "sources" / "vk-guides-ru.txt"

_ID = re.compile(r"[A-E]-[a-z0-9]+(?:-[a-z0-9]+)*")
_QUOTE_MARKS = str.maketrans(dict.fromkeys('«»“”„‟″"', '"') | dict.fromkeys("‘’‚‛′'", "'"))


@dataclass(frozen=True)
class Evidence:
    """One register entry in one language: the Russian quote, its rendering in ``lang`` and what it does not say."""

    id: str
    guide: str
    quote: str
    rendering: str
    not_said: str | None
    lang: str


@cache
def register() -> dict[str, dict[str, str]]:
    """The register as written (Russian), by id, after checking each entry's shape.

    >>> register()["A-restore-210"]["guide"]
    'A'
    """
    data: dict[str, dict[str, str]] = read_source(EVIDENCE_FILE)
    for ident, record in data.items():
        if not _ID.fullmatch(ident) or record.get("guide") != ident[0]:
            raise ValueError(
                f"{EVIDENCE_FILE}: id {ident!r} must be its guide's letter, a dash and words (A-restore-210)"
            )
        if not str(record.get("quote", "")).strip():
            raise ValueError(f"{EVIDENCE_FILE}: {ident!r} has no quote")
        unknown = set(record) - {"guide", "quote", "not_said"}
        if unknown:
            raise ValueError(
                f"{EVIDENCE_FILE}: {ident!r} has unknown fields {sorted(unknown)}; accepted: guide, quote, not_said"
            )
    return data


def check_ids(ids: list[str] | tuple[str, ...]) -> list[str]:
    """``ids`` as a list, each checked to be in the register; :class:`ValueError` names the first one that is not."""
    known = register()
    checked = []
    for ident in ids:
        if ident not in known:
            if ident in GUIDES:
                hint = "cite the register's ids (e.g. 'A-restore-210'), not a bare guide letter"
            else:
                hint = "no such entry in the register"
            raise ValueError(f"{ident!r} is not an evidence id: {hint}; see src/vkdocs/data/{EVIDENCE_FILE}")
        checked.append(ident)
    return checked


def parse_ids(value: str) -> list[str]:
    """The ids of a citation written as text (``"A-restore-210, E-never-pay"``), checked.

    >>> parse_ids("A-restore-210, E-7-months")
    ['A-restore-210', 'E-7-months']
    """
    ids = [part for part in re.split(r"[,\s]+", value) if part]
    if not ids:
        raise ValueError(f"no evidence id given in {value!r}; cite ids of src/vkdocs/data/{EVIDENCE_FILE}")
    return check_ids(ids)


def entry(ident: str, *, lang: str) -> Evidence:
    """The register's entry ``ident``: its quote (always Russian) and, in ``lang``, its rendering and ``not_said``."""
    record = register()[check_ids([ident])[0]]
    not_said = record.get("not_said")
    return Evidence(
        id=ident,
        guide=record["guide"],
        quote=record["quote"],
        rendering=translate(record["quote"], lang),
        not_said=translate(not_said, lang) if not_said else None,
        lang=lang,
    )


def guides_of(ids: list[str] | tuple[str, ...]) -> list[str]:
    """The guide letters ``ids`` come from, each once, in order A–E.

    >>> guides_of(["E-never-pay", "A-restore-210", "A-restore-login"])
    ['A', 'E']
    """
    return sorted({register()[ident]["guide"] for ident in check_ids(ids)})


def attribution(ids: list[str] | tuple[str, ...], lang: str) -> str:
    """Where a text citing ``ids`` comes from, in plain text and ``lang``, as print and the command line show it:
    its guides' letters in brackets, or "our advice" (the message ``our_advice``) in brackets when it cites nothing.

    >>> attribution(("E-never-pay", "A-restore-210"), "ru")
    '(A, E)'
    >>> attribution((), "ru"), attribution((), "en")
    ('(Наш совет)', '(Our advice)')
    """
    if not ids:
        return f"({message('our_advice', lang)})"
    return message("evidence_letters_print", lang, guides=", ".join(guides_of(ids)))


def normalize(text: str) -> str:
    """``text`` with every run of whitespace one space and every quotation mark one of ``"`` or ``'``."""
    return re.sub(r"\s+", " ", text.translate(_QUOTE_MARKS)).strip()


def found_in(quote: str, guides_text: str) -> bool:
    """Whether ``quote`` occurs in ``guides_text``, up to whitespace and quotation marks."""
    return normalize(quote) in normalize(guides_text)


def guides_path(repository: Path) -> Path:
    """Where the guides' text is: ``$VKDOCS_GUIDES``, else ``../shared/sources/vk-guides-ru.txt`` from ``repository``."""
    named = os.environ.get(GUIDES_VARIABLE)
    return Path(named) if named else (repository / DEFAULT_GUIDES_PATH).resolve()


__all__ = [
    "DEFAULT_GUIDES_PATH",
    "EVIDENCE_FILE",
    "Evidence",
    "GUIDES",
    "GUIDES_VARIABLE",
    "attribution",
    "check_ids",
    "entry",
    "found_in",
    "guides_of",
    "guides_path",
    "normalize",
    "parse_ids",
    "register",
]
