"""What this project adds to sphinx-intl for the English catalogs (docs/locale/en).

``make translations`` runs ``sphinx-intl update``, then::

    python tools/catalogs.py prefill   # copy messages that need no translation

then ``sphinx-intl stat`` for what is left to translate. A message without
Cyrillic (code, a proper name, an English docstring shown by autodoc) reads the
same in English, so ``prefill`` copies it into its ``msgstr``; everything else
needs a human translation. The translation gate (tests/site/test_translations.py)
counts untranslated and fuzzy messages with sphinx-intl's own catalog
functions, and compares the catalogs' messages with the Russian sources'
(``msgids``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LOCALE_DIR = Path(__file__).resolve().parent.parent / "docs" / "locale"


def catalog_paths(language: str = "en", locale_dir: Path = LOCALE_DIR) -> list[Path]:
    return sorted((locale_dir / language / "LC_MESSAGES").rglob("*.po"))


def _read(path: Path):
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def _messages(catalog):
    return [m for m in catalog if m.id]  # skip the header


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
    command = argv[0] if argv else ""
    if command == "prefill":
        languages = sorted(path.name for path in LOCALE_DIR.iterdir() if (path / "LC_MESSAGES").is_dir())
        copied = sum(prefill(language) for language in languages if language != "ru")
        print(f"Copied {copied} messages that need no translation.")
        return 0
    print("usage: catalogs.py prefill (to check: sphinx-intl stat -d docs/locale -l en)", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
