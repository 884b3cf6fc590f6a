"""The procedures and the question path as one open dataset, ``vkdocs.json``, with its JSON Schema.

Built from the package's own data (``data/procedures.json``,
``data/triage.json``, ``data/guides.json``), so the dataset says exactly what
the pages, the command line and the handouts say, in every language at once.
Each step carries the guides' own words it follows (``evidence``: quotes of
the register, :mod:`vkdocs.evidence`, verbatim in Russian with their
translations), the guides they come from (``sources``, letters ``A``–``E``;
an empty list is vkdocs' own advice) and the date its situation was last
checked against them (``checked``). The whole register is ``evidence``, by
id; the question path's answers name the quotes behind them by id. The schema
(``data/vkdocs.schema.json``, JSON Schema draft 2020-12) documents every field.

>>> data = build_dataset()
>>> data["version"], data["license"]["id"], data["languages"]
('1.1.0', 'CC-BY-SA-4.0', ['ru', 'en'])
>>> step = data["situations"]["restore"]["steps"][0]
>>> sorted(step)
['checked', 'evidence', 'sources', 'text']
>>> step["sources"], [quote["id"] for quote in step["evidence"]]
(['A', 'C'], ['A-restore-login', 'C-restore-link'])
>>> data["evidence"]["A-restore-login"]["translations"]["en"]
'1) To do this, we go to our VK page, entering our login and password.'
>>> step["checked"] == data["situations"]["restore"]["checked"]
True
>>> data["triage"]["destinations"]["restore-steps"]["path"]
'howto/restore.html#restore-steps'

The documentation build publishes both files beside the HTML pages
(``<language>/data/``); ``python -m vkdocs.dataset DIRECTORY`` writes them anywhere.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

from vkdocs import evidence
from vkdocs.deadline import RESTORE_WINDOW
from vkdocs.i18n import SOURCE_LANGUAGE, in_every_language, languages, texts_in_every_language
from vkdocs.messages import source_messages
from vkdocs.triage import MAX_ANSWERS, load_tree

#: The dataset's version, semantic versioning (https://semver.org): MAJOR when a
#: field is removed or changes meaning, MINOR when fields or situations are
#: added, PATCH when texts are corrected.
DATASET_VERSION = "1.1.0"

DATA_FILE = "vkdocs.json"
SCHEMA_FILE = "vkdocs.schema.json"

LICENSE = {
    "id": "CC-BY-SA-4.0",
    "name": "Creative Commons Attribution-ShareAlike 4.0 International",
    "url": "https://creativecommons.org/licenses/by-sa/4.0/",
}


def _read(name: str) -> Any:
    """The data file ``name`` with each text in every language: ``{"ru": …, "en": …}`` where the source has one text."""
    return texts_in_every_language(name)


def description() -> dict[str, str]:
    """What the dataset holds, in every language (the message ``dataset_description``)."""
    return in_every_language(str(source_messages()["dataset_description"]), context="dataset_description")


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`build_dataset`'s result.

    >>> schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    found: dict[str, Any] = _read(SCHEMA_FILE)
    return found


@cache
def _procedures() -> dict[str, Any]:
    found: dict[str, Any] = _read("procedures.json")
    return found


def quote(ident: str) -> dict[str, Any]:
    """The register's entry ``ident`` as the dataset gives it: the Russian quote and its translations.

    >>> sorted(quote("D-2019"))
    ['guide', 'id', 'not_said', 'quote', 'translations']
    """
    record = evidence.register()[ident]
    entry: dict[str, Any] = {
        "id": ident,
        "guide": record["guide"],
        "quote": record["quote"],
        "translations": {
            lang: evidence.entry(ident, lang=lang).rendering for lang in languages() if lang != SOURCE_LANGUAGE
        },
    }
    if "not_said" in record:
        entry["not_said"] = in_every_language(record["not_said"])
    return entry


def _step(record: dict[str, Any], checked: str) -> dict[str, Any]:
    step: dict[str, Any] = {key: record[key] for key in ("platforms", "text", "warning") if key in record}
    step["evidence"] = [quote(ident) for ident in record["sources"]]
    step["sources"] = evidence.guides_of(record["sources"])
    step["checked"] = checked
    return step


def _situations() -> dict[str, Any]:
    result = {}
    for key, record in _procedures()["situations"].items():
        result[key] = {
            "title": record["title"],
            "page": record["page"],
            "checked": record["checked"],
            "steps": [_step(step, record["checked"]) for step in record["steps"]],
            "warnings": list(record.get("warnings", [])),
        }
    return result


def _triage() -> dict[str, Any]:
    tree = load_tree()
    raw = _read("triage.json")
    destinations = {}
    for anchor, destination in tree.destinations.items():
        entry = {"page": destination.page, "path": destination.path, "title": destination.title}
        if destination.situation is not None:
            entry["situation"] = destination.situation
        destinations[anchor] = entry
    return {
        "start": tree.start,
        "max_answers": MAX_ANSWERS,
        "questions": raw["questions"],
        "destinations": destinations,
        "pages": raw["pages"],
    }


def build_dataset() -> dict[str, Any]:
    """The whole dataset as a JSON-ready dict: procedures and question path in every language."""
    return {
        "name": "vkdocs",
        "description": description(),
        "version": DATASET_VERSION,
        "license": LICENSE,
        "languages": list(languages()),
        "restore_window_days": RESTORE_WINDOW.days,
        "guides": _read("guides.json"),
        "evidence": {ident: quote(ident) for ident in evidence.register()},
        "platforms": _procedures()["platforms"],
        "situations": _situations(),
        "triage": _triage(),
    }


def to_json(data: dict[str, Any]) -> str:
    """``data`` as the published files spell it: UTF-8 text, two-space indents, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write(directory: str | Path) -> list[Path]:
    """Write ``vkdocs.json`` and ``vkdocs.schema.json`` into ``directory`` (made if missing); return their paths."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in ((DATA_FILE, build_dataset()), (SCHEMA_FILE, schema())):
        path = directory / name
        path.write_text(to_json(data), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m vkdocs.dataset DIRECTORY``: write both files there."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m vkdocs.dataset DIRECTORY", file=sys.stderr)
        return 2
    for path in write(argv[0]):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = [
    "DATASET_VERSION",
    "DATA_FILE",
    "LICENSE",
    "SCHEMA_FILE",
    "build_dataset",
    "main",
    "schema",
    "to_json",
    "write",
]
