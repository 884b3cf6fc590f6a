"""The procedures and the question path as one open dataset, ``vkdocs.json``, with its JSON Schema.

Built from the package's own data (``data/procedures.json``,
``data/triage.json``, ``data/guides.json``), so the dataset says exactly what
the pages, the command line and the handouts say, in every language at once.
Each step carries the guides' own words it follows (``evidence``: quotes of
the register, :mod:`vkdocs.evidence`, verbatim in Russian with their
translations), the guides they come from (``sources``, letters ``A``–``E``;
an empty list is vkdocs' own advice) and the date its situation was last
checked against them (``checked``). Warnings cite the guides the same way
(``warning_citation`` of a step, ``warning_citations`` of a situation: one
per warning, in order; empty lists are vkdocs' own advice). The whole register is ``evidence``, by
id; the question path's answers name the quotes behind them by id. The schema
(``data/vkdocs.schema.json``, JSON Schema draft 2020-12) documents every field.

>>> data = build_dataset()
>>> data["version"], data["license"]["id"], data["languages"]
('1.2.0', 'CC-BY-SA-4.0', ['ru', 'en'])
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
(``<language>/data/``); ``vkdocs dataset FOLDER`` (or ``python -m
vkdocs.dataset FOLDER``) writes them anywhere (:func:`write`).

The schema names itself (``$id``: where the site publishes it) and the data
names its schema (``$schema``). Page paths are relative to a language's
site, whose address is given under ``site`` when the package knows it
(:mod:`vkdocs.site`). Each guide's title, author and address are under
``guide_origins`` as far as the copy the guides were compiled from keeps
them: every title and address was lost in copying, so they are ``null``.
"""

from __future__ import annotations

import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

from vkdocs import console, evidence, files
from vkdocs.deadline import RESTORE_WINDOW
from vkdocs.errors import CommandError, as_os_error, system_reason
from vkdocs.i18n import SOURCE_LANGUAGE, in_every_language, languages, texts_in_every_language
from vkdocs.messages import message, source_messages
from vkdocs.site import SITE_URL, language_root
from vkdocs.triage import MAX_ANSWERS, load_tree

#: The dataset's version, semantic versioning (https://semver.org): MAJOR when a
#: field is removed or changes meaning, MINOR when fields or situations are
#: added, PATCH when texts are corrected.
DATASET_VERSION = "1.2.0"

DATA_FILE = "vkdocs.json"
SCHEMA_FILE = "vkdocs.schema.json"

#: Where the schema is published: the Russian site's copy (the source language's), when the site is known.
SCHEMA_ID = f"{language_root('ru')}data/{SCHEMA_FILE}" if SITE_URL else None

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
    if SCHEMA_ID is not None:
        found = {"$schema": found["$schema"], "$id": SCHEMA_ID, **{k: v for k, v in found.items() if k != "$schema"}}
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


def citation(ids: list[str]) -> dict[str, Any]:
    """Where a warning comes from, as a step's ``sources`` and ``evidence`` say it: its guides and their quotes.

    >>> citation(["E-never-pay"])["sources"], citation([])
    (['E'], {'sources': [], 'evidence': []})
    """
    return {"sources": evidence.guides_of(ids), "evidence": [quote(ident) for ident in ids]}


def _step(record: dict[str, Any], checked: str) -> dict[str, Any]:
    step: dict[str, Any] = {key: record[key] for key in ("platforms", "text") if key in record}
    if "warning" in record:
        step["warning"] = record["warning"]["text"]
        step["warning_citation"] = citation(record["warning"]["sources"])
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
            "warnings": [warning["text"] for warning in record.get("warnings", [])],
            "warning_citations": [citation(warning["sources"]) for warning in record.get("warnings", [])],
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


def _guide_origins() -> dict[str, Any]:
    """Each guide's title, author and address as the copy of the guides keeps them, with a note on what is lost."""
    note = in_every_language(str(source_messages()["dataset_origin_lost"]), context="dataset_origin_lost")
    return {key: {**origin, "note": note} for key, origin in _read("guide_origins.json").items()}


def _site() -> dict[str, str]:
    """Each language's site address, for the page paths (empty when the package does not know the site)."""
    return {lang: root for lang in languages() if (root := language_root(lang)) is not None}


def build_dataset() -> dict[str, Any]:
    """The whole dataset as a JSON-ready dict: procedures and question path in every language."""
    data: dict[str, Any] = {"$schema": SCHEMA_ID} if SCHEMA_ID is not None else {}
    site = _site()
    return data | {
        "name": "vkdocs",
        "description": description(),
        "version": DATASET_VERSION,
        "license": LICENSE,
        "languages": list(languages()),
        "restore_window_days": RESTORE_WINDOW.days,
        "guides": _read("guides.json"),
        "guide_origins": _guide_origins(),
        **({"site": site} if site else {}),
        "evidence": {ident: quote(ident) for ident in evidence.register()},
        "platforms": _procedures()["platforms"],
        "situations": _situations(),
        "triage": _triage(),
    }


def to_json(data: dict[str, Any]) -> str:
    """``data`` as the published files spell it: UTF-8 text, two-space indents, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class DatasetError(CommandError):
    """The files could not be written: a folder that cannot be used (status 2), or the writing failed (1)."""

    def __init__(self, key: str, *, status: int, path: str, error: OSError | None = None) -> None:
        self.error = error
        reason = system_reason(error, "en") if error is not None else ""
        super().__init__(key, status=status, path=path, reason=reason)

    def localized(self, lang: str) -> str:
        """The message in ``lang``, the system's reason in ``lang`` too."""
        reason = system_reason(self.error, lang) if self.error is not None else ""
        return message(self.key, lang, **{**self.params, "reason": reason})


def target_folder(directory: str | os.PathLike[str]) -> Path:
    """The folder to write into: ``directory`` if it is one, or made if only its last part is missing.

    Raises :class:`DatasetError` with status 2, naming the folder, for an
    empty name, a file, a folder whose parent does not exist (no folders are
    made on the way: a mistyped path is an error, not a new tree), or one
    that cannot be made.

    >>> target_folder("")
    Traceback (most recent call last):
    ...
    vkdocs.dataset.DatasetError: Give a folder to write the dataset into, for example data.
    >>> target_folder("/dev/null")
    Traceback (most recent call last):
    ...
    vkdocs.dataset.DatasetError: Cannot write the dataset into '/dev/null': it is not a folder.
    """
    text = os.fspath(directory)
    if not text.strip():
        raise DatasetError("dataset_folder_empty", status=2, path=text)
    folder = Path(text)
    try:
        if folder.is_dir():
            return folder
        if folder.exists():
            raise DatasetError("dataset_not_folder", status=2, path=text)
        folder.mkdir()
    except DatasetError:
        raise
    except (OSError, ValueError) as error:
        raise DatasetError("dataset_folder_unusable", status=2, path=text, error=as_os_error(error)) from None
    return folder


def write(directory: str | os.PathLike[str]) -> list[Path]:
    """Write ``vkdocs.json`` and ``vkdocs.schema.json`` into ``directory``; return their paths.

    The folder is checked first (:func:`target_folder`). Each file is
    written atomically: into a temporary file beside it, then renamed over
    it. Raises :class:`DatasetError` with status 1, naming the file, when
    writing fails (no permission, a full disk); no temporary file is left.
    """
    folder = target_folder(directory)
    written = []
    for name, data in ((DATA_FILE, build_dataset()), (SCHEMA_FILE, schema())):
        path = folder / name
        try:
            files.write_text(path, to_json(data))
        except (OSError, ValueError) as error:
            raise DatasetError("dataset_write_failed", status=1, path=str(path), error=as_os_error(error)) from None
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m vkdocs.dataset FOLDER``: the same as ``vkdocs dataset FOLDER`` (:func:`vkdocs.cli.main`)."""
    from vkdocs.cli import main as command

    if argv is None:
        console.keep_descriptors()
    return command(["dataset", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = [
    "DATASET_VERSION",
    "DATA_FILE",
    "LICENSE",
    "SCHEMA_FILE",
    "SCHEMA_ID",
    "DatasetError",
    "build_dataset",
    "citation",
    "main",
    "schema",
    "target_folder",
    "to_json",
    "write",
]
