"""What the ``vkdocs`` catalogs translate: every reader-facing text of the package's source data.

A Babel extractor for the data files (``data/*.json``), and the message
template built with it. ``make translations`` writes the template and updates
every language's catalog from it; ``pybabel extract -F babel.cfg`` gives the
same template (the extractor is registered as ``vkdocs_json``).

* ``data/messages.json`` maps a key to its Russian text; the key is the
  message's context (``msgctxt``), so the same words used twice can be
  translated twice. A value may be a list, the Russian plural forms, or an
  object with the ``text`` and a ``note`` for translators.
* ``procedures.json``, ``triage.json``, ``guides.json`` and ``guide_origins.json`` hold their texts
  where :data:`vkdocs.i18n.DATA_TEXTS` says; each message names its place in
  the data for translators (``#. situations.restore.steps.1.text``).

>>> template = source_template()
>>> template.get("Внимание", context="warning").locations
[('vkdocs/data/messages.json', 0)]
>>> template.get("{count} день", context="days").id
('{count} день', '{count} дня')
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.pofile import read_po

from vkdocs.i18n import DATA_TEXTS, DOMAIN, SOURCE_LANGUAGE, catalog_file, data_texts

#: The data file of the words around the data: a key, its Russian text.
MESSAGES_FILE = "messages.json"

#: Where the source data lives, and how message locations name it.
DATA_DIR = Path(__file__).resolve().parent / "data"
LOCATION_PREFIX = "vkdocs/data/"

#: The files that hold texts, in the order the template lists them.
SOURCE_FILES = (MESSAGES_FILE, *DATA_TEXTS)

Extracted = tuple[int, str, str | tuple[str, ...], list[str]]


def _line_of(text: str, value: str, start: int = 0) -> int:
    """The line (from 1) where the JSON string ``value`` first appears in ``text``."""
    position = text.find(json.dumps(value, ensure_ascii=False), start)
    return text.count("\n", 0, position) + 1 if position >= 0 else 0


def extract_json(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Any, options: Mapping[str, Any]
) -> Iterator[Extracted]:
    """Babel's extraction method for the package's data files (``vkdocs_json`` in ``babel.cfg``).

    Yields ``(line, function, message, comments)`` as Babel expects: a plain
    text as ``gettext`` would take it, one with a context as ``pgettext``,
    plural forms as ``npgettext``.
    """
    name = Path(getattr(fileobj, "name", "")).name
    text = fileobj.read().decode("utf-8")
    data = json.loads(text)
    if name == MESSAGES_FILE:
        yield from _messages(text, data)
    elif name in DATA_TEXTS:
        for path, value, context in data_texts(data, name):
            where = ".".join(map(str, path))
            if context is None:
                yield _line_of(text, value), "gettext", value, [where]
            else:
                yield _line_of(text, value), "pgettext", (context, value), [where]


def _messages(text: str, data: dict[str, Any]) -> Iterator[Extracted]:
    for key, entry in data.items():
        value = entry["text"] if isinstance(entry, dict) else entry
        comments = [entry["note"]] if isinstance(entry, dict) and "note" in entry else []
        line = _line_of(text, key)
        if isinstance(value, list):
            comments.append(f"{SOURCE_LANGUAGE} plural forms: " + " | ".join(value))
            yield line, "npgettext", (key, value[0], value[1]), comments
        else:
            yield line, "pgettext", (key, value), comments


def source_template() -> Catalog:
    """Every text of the package's source data, as a message template (the ``vkdocs.pot`` to be)."""
    template = Catalog(project="vkdocs", domain=DOMAIN, fuzzy=False)
    for name in SOURCE_FILES:
        method: Any = extract_json  # Babel's type for a method is narrower than what it accepts
        for _line, message, comments, context in extract_from_file(method, DATA_DIR / name, keywords=DEFAULT_KEYWORDS):
            template.add(
                message,
                locations=[(LOCATION_PREFIX + name, 0)],
                auto_comments=comments,
                context=context,
                flags=("python-brace-format",) if "{" in "".join(_texts(message)) else (),
            )
    return template


def _texts(message: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (message,) if isinstance(message, str) else tuple(message)


def source_messages() -> dict[tuple[str | None, str], tuple[str, ...]]:
    """Each message of the template by (context, id), with its texts (one, or the plural forms' ids).

    >>> source_messages()[("warning", "Внимание")]
    ('Внимание',)
    """
    found = {}
    for message in source_template():
        if message.id:
            texts = _texts(message.id)
            found[(message.context, texts[0])] = texts
    return found


def translation_state(entry: Message | None) -> str:
    """How a catalog holds a message: ``"translated"``, ``"fuzzy"`` (there, but gettext and Sphinx do not use
    it) or ``"missing"`` (absent, or a text left empty). The build's gate, the tests and ``make translations``
    all ask this.

    >>> [translation_state(entry) for entry in (Message("да", "yes"), Message("да", "yes", flags=["fuzzy"]))]
    ['translated', 'fuzzy']
    >>> translation_state(Message("да", "")), translation_state(None)
    ('missing', 'missing')
    """
    if entry is not None and entry.fuzzy:
        return "fuzzy"
    if entry is None or not all(text.strip() for text in _texts(entry.string or "")):
        return "missing"
    return "translated"


def catalog_problems(lang: str) -> list[tuple[str, str | None, str]]:
    """Each source message that ``lang``'s ``vkdocs`` catalog leaves ``"missing"`` or ``"fuzzy"``:
    ``(kind, context, id)``. A compiled catalog (``.mo``, in a wheel) is not checked.

    >>> catalog_problems("en")
    []
    """
    path = catalog_file(lang)
    if path is None or path.suffix != ".po":
        return [("missing", context, msgid) for context, msgid in source_messages()]
    with path.open("rb") as handle:
        catalog = read_po(handle)
    found: list[tuple[str, str | None, str]] = []
    for context, msgid in source_messages():
        state = translation_state(catalog.get(msgid, context=context))
        if state != "translated":
            found.append((state, context, msgid))
    return found


__all__ = [
    "MESSAGES_FILE",
    "SOURCE_FILES",
    "catalog_problems",
    "extract_json",
    "source_messages",
    "source_template",
    "translation_state",
]
