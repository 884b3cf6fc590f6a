"""Check and maintain the English message catalogs (docs/locale/en).

Used by ``make translations`` and by the translation gate in the tests::

    python docs/_ext/catalogs.py prefill   # copy messages that need no translation
    python docs/_ext/catalogs.py check     # list untranslated or fuzzy messages

A message without Cyrillic (code, a proper name, an English docstring shown by
autodoc) reads the same in English, so ``prefill`` copies it into its
``msgstr``. Everything else needs a human translation.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po, write_po

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


@dataclass(frozen=True)
class Problem:
    path: Path
    msgid: str
    kind: str  # "untranslated" or "fuzzy"

    def __str__(self) -> str:
        return f"{self.path}: {self.kind}: {self.msgid[:100]!r}"


def catalog_paths(language: str = "en", locale_dir: Path = LOCALE_DIR) -> list[Path]:
    return sorted((locale_dir / language / "LC_MESSAGES").rglob("*.po"))


def _read(path: Path):
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def _messages(catalog):
    return [m for m in catalog if m.id]  # skip the header


def problems(language: str = "en", locale_dir: Path = LOCALE_DIR) -> list[Problem]:
    """Every untranslated or fuzzy message of ``language``'s catalogs."""
    found = []
    for path in catalog_paths(language, locale_dir):
        for message in _messages(_read(path)):
            if message.fuzzy:
                found.append(Problem(path, message.id, "fuzzy"))
            elif not (message.string or "").strip():
                found.append(Problem(path, message.id, "untranslated"))
    return found


def msgids(path: Path) -> set[str]:
    """The message ids of a .po or .pot file, without the header or obsolete entries."""
    return {m.id for m in _messages(_read(path))}


def prefill(language: str = "en", locale_dir: Path = LOCALE_DIR) -> int:
    """Copy each message without Cyrillic into its translation and drop obsolete
    (``#~``) entries; return how many messages changed."""
    changed = 0
    for path in catalog_paths(language, locale_dir):
        if path.name == "sphinx.po":
            continue  # the theme's words: English ids, every one to translate
        catalog = _read(path)
        touched = False
        for message in _messages(catalog):
            if CYRILLIC.search(message.id):
                continue
            if message.string != message.id or message.fuzzy:
                message.string = message.id
                message.flags.discard("fuzzy")
                touched = True
                changed += 1
        if touched or catalog.obsolete:
            with path.open("wb") as handle:
                write_po(handle, catalog, width=-1, ignore_obsolete=True)
    return changed


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "prefill":
        languages = sorted(path.name for path in LOCALE_DIR.iterdir() if (path / "LC_MESSAGES").is_dir())
        copied = sum(prefill(language) for language in languages if language != "ru")
        print(f"Copied {copied} messages that need no translation.")
        return 0
    if command == "check":
        found = problems()
        for problem in found:
            print(problem)
        print(f"{len(found)} messages need translation." if found else "All messages are translated.")
        return 1 if found else 0
    print("usage: catalogs.py prefill|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
