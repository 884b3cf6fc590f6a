"""The open dataset: one JSON file with every language, valid against its documented JSON Schema."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from datetime import date

import pytest
from docbuild import LANGUAGES, ROOT
from jsonschema import Draft202012Validator

from vkdocs.checklist import build_checklist, situations
from vkdocs.dataset import DATA_FILE, DATASET_VERSION, SCHEMA_FILE, SCHEMA_ID, build_dataset, schema
from vkdocs.deadline import RESTORE_WINDOW
from vkdocs.site import language_root, page_url
from vkdocs.triage import load_tree

DATA = build_dataset()
# The SemVer 2.0.0 grammar (semver.org), without build metadata subtleties.
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")


def validator() -> Draft202012Validator:
    return Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(data: dict) -> list[str]:
    return sorted(f"{error.json_path}: {error.message}" for error in validator().iter_errors(data))


def test_the_schema_is_a_draft_2020_12_schema():
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema())


def test_the_dataset_validates_against_its_schema():
    assert errors(DATA) == []


def _subschemas(node: dict, where: str):
    """Every schema inside ``node``: properties, $defs, items, additionalProperties, propertyNames, oneOf…"""
    yield where, node
    for key in ("properties", "$defs"):
        for name, sub in node.get(key, {}).items():
            yield from _subschemas(sub, f"{where}/{key}/{name}")
    for key in ("items", "additionalProperties", "propertyNames"):
        if isinstance(node.get(key), dict):
            yield from _subschemas(node[key], f"{where}/{key}")
    for key in ("oneOf", "anyOf", "allOf", "prefixItems"):
        for index, sub in enumerate(node.get(key, [])):
            yield from _subschemas(sub, f"{where}/{key}/{index}")


def test_every_field_of_the_schema_is_documented():
    found = list(_subschemas(schema(), "#"))
    assert len(found) > 50
    undocumented = [where for where, sub in found if not str(sub.get("description", "")).strip()]
    assert not undocumented


def test_the_version_follows_semantic_versioning():
    assert DATA["version"] == DATASET_VERSION
    assert SEMVER.match(DATASET_VERSION)
    pattern = re.compile(schema()["properties"]["version"]["pattern"])
    assert all(pattern.match(v) for v in ["1.0.0", "0.1.0", "2.10.3-rc.1", "1.0.0+build.5"])
    assert not any(pattern.match(v) for v in ["1.0", "v1.0.0", "01.0.0", "1.0.0.0"])


def test_the_license_is_stated_inside_data_and_schema():
    assert DATA["license"] == {
        "id": "CC-BY-SA-4.0",
        "name": "Creative Commons Attribution-ShareAlike 4.0 International",
        "url": "https://creativecommons.org/licenses/by-sa/4.0/",
    }
    assert "CC BY-SA 4.0" in schema()["description"]


def test_every_step_names_its_guides_and_when_it_was_last_checked():
    guides = set(DATA["guides"])
    assert guides == set("ABCDE")
    for key, situation in DATA["situations"].items():
        checked = date.fromisoformat(situation["checked"])
        for step in situation["steps"]:
            assert set(step["sources"]) <= guides, (key, step["sources"])
            assert step["checked"] == situation["checked"]
        assert checked <= date(2100, 1, 1)


def test_every_step_carries_the_quotes_it_follows_and_their_guides():
    register = DATA["evidence"]
    cited = 0
    for key, situation in DATA["situations"].items():
        for step in situation["steps"]:
            for quote in step["evidence"]:
                assert quote == register[quote["id"]], (key, quote["id"])
                assert set(quote["translations"]) == set(DATA["languages"]) - {"ru"}
                cited += 1
            assert step["sources"] == sorted({quote["guide"] for quote in step["evidence"]}), key
    assert cited > 50


def warning_citations():
    """Every warning's citation in the dataset: the situations' warnings, then the steps'."""
    for key, situation in DATA["situations"].items():
        assert len(situation["warning_citations"]) == len(situation["warnings"]), key
        yield from ((key, citation) for citation in situation["warning_citations"])
        yield from ((key, step["warning_citation"]) for step in situation["steps"] if "warning" in step)


def test_every_warning_carries_the_register_quotes_it_follows_or_is_our_advice():
    register = DATA["evidence"]
    found = list(warning_citations())
    for key, citation in found:
        for quote in citation["evidence"]:
            assert quote == register[quote["id"]], (key, quote["id"])
        assert citation["sources"] == sorted({quote["guide"] for quote in citation["evidence"]}), key
    # Both kinds are there: warnings from the guides, and our own advice (empty lists).
    assert any(citation["evidence"] for _, citation in found)
    assert any(not citation["evidence"] for _, citation in found)


def test_the_register_in_the_dataset_is_the_packages_word_for_word():
    from vkdocs.evidence import register

    assert {ident: entry["quote"] for ident, entry in DATA["evidence"].items()} == {
        ident: record["quote"] for ident, record in register().items()
    }


def test_every_answer_of_the_question_path_cites_quotes_of_the_register():
    answers = [a for q in DATA["triage"]["questions"].values() for a in q["answers"]]
    cited = [ident for answer in answers for ident in answer.get("sources", [])]
    assert cited and set(cited) <= set(DATA["evidence"])


def test_every_text_is_in_every_language():
    def texts(node):
        if isinstance(node, dict):
            if set(node) & set(LANGUAGES):
                yield node
            else:
                # A quote is Russian in "quote", in every other language in "translations" (checked above).
                for key, value in node.items():
                    if key != "translations":
                        yield from texts(value)
        elif isinstance(node, list):
            for value in node:
                yield from texts(value)

    found = list(texts({k: v for k, v in DATA.items() if k != "languages"}))
    assert len(found) > 100
    assert all(set(text) == set(LANGUAGES) and all(text.values()) for text in found)
    assert DATA["languages"] == list(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("situation", list(situations()))
def test_the_dataset_says_what_the_checklists_say(situation, lang):
    record = DATA["situations"][situation]
    checklist = build_checklist(situation, lang=lang)
    assert record["title"][lang] == checklist.title
    # A step for two platforms shows once under each of them in the checklist.
    assert {step["text"][lang] for step in record["steps"]} == {step.text for step in checklist.steps}
    assert [warning[lang] for warning in record["warnings"]] == [caution.text for caution in checklist.warnings]
    cited = [[quote["id"] for quote in citation["evidence"]] for citation in record["warning_citations"]]
    assert cited == [list(caution.sources) for caution in checklist.warnings]
    step_warnings = {
        step["warning"][lang]: [quote["id"] for quote in step["warning_citation"]["evidence"]]
        for step in record["steps"]
        if "warning" in step
    }
    assert step_warnings == {s.warning.text: list(s.warning.sources) for s in checklist.steps if s.warning}


def test_the_dataset_holds_the_question_path_of_the_package():
    tree = load_tree()
    triage = DATA["triage"]
    assert triage["start"] == tree.start
    assert {key: d["path"] for key, d in triage["destinations"].items()} == {
        key: d.path for key, d in tree.destinations.items()
    }
    assert DATA["restore_window_days"] == RESTORE_WINDOW.days


def _mutations() -> dict[str, tuple]:
    def edit(change):
        data = copy.deepcopy(DATA)
        change(data)
        return data

    return {
        "a step without sources": (
            edit(lambda d: d["situations"]["restore"]["steps"][0].pop("sources")),
            "'sources' is a required property",
        ),
        "a guide that does not exist": (
            edit(lambda d: d["situations"]["restore"]["steps"][0].update(sources=["F"])),
            "'F' is not one of",
        ),
        "a date in another format": (
            edit(lambda d: d["situations"]["restore"].update(checked="26.11.2026")),
            "does not match",
        ),
        "a text without English": (
            edit(lambda d: d["situations"]["restore"]["title"].pop("en")),
            "'en' is a required property",
        ),
        "a key that is no language code": (
            edit(lambda d: d["triage"]["questions"]["path-whose"]["text"].update(French="?")),
            "'French' does not match any of the regexes",
        ),
        "a version that is not semantic": (edit(lambda d: d.update(version="1.0")), "does not match"),
        "another license": (edit(lambda d: d["license"].update(id="MIT")), "'CC-BY-SA-4.0' was expected"),
        "a step's warning without its citation": (
            edit(lambda d: d["situations"]["delete"]["steps"][6].pop("warning_citation")),
            "'warning_citation' is a dependency of 'warning'",
        ),
        "a warning citing a guide that does not exist": (
            edit(lambda d: d["situations"]["restore"]["warning_citations"][0].update(sources=["F"])),
            "'F' is not one of",
        ),
        "a situation without its warnings' citations": (
            edit(lambda d: d["situations"]["restore"].pop("warning_citations")),
            "'warning_citations' is a required property",
        ),
        "an answer with both next and read": (
            edit(lambda d: d["triage"]["questions"]["path-whose"]["answers"][0].update(read="delete")),
            "is valid under each of",
        ),
    }


MUTATIONS = _mutations()


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_the_schema_catches(name):
    data, expected = MUTATIONS[name]
    found = errors(data)
    assert any(expected in error for error in found), found


def test_python_m_vkdocs_dataset_writes_both_files(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "vkdocs.dataset", str(tmp_path)], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / DATA_FILE).read_text(encoding="utf-8")) == DATA
    assert json.loads((tmp_path / SCHEMA_FILE).read_text(encoding="utf-8")) == schema()


def run_dataset(*args: str, module: bool = False, lang_env: str = "C.UTF-8", **kwargs) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "vkdocs.dataset"] if module else [sys.executable, "-m", "vkdocs", "dataset"]
    env = {**os.environ, "LANG": lang_env}
    env.pop("LC_ALL", None)
    kwargs.setdefault("capture_output", True)
    return subprocess.run([*command, *args], text=True, env=env, **kwargs)


def test_vkdocs_dataset_writes_both_files_and_names_them(tmp_path):
    done = run_dataset(str(tmp_path / "data"))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [str(tmp_path / "data" / DATA_FILE), str(tmp_path / "data" / SCHEMA_FILE)]
    assert sorted(path.name for path in (tmp_path / "data").iterdir()) == sorted([DATA_FILE, SCHEMA_FILE])


@pytest.mark.parametrize("module", [False, True], ids=["vkdocs dataset", "python -m vkdocs.dataset"])
@pytest.mark.parametrize(
    ("folder", "fragment"),
    [
        ("a-file", "it is not a folder"),
        ("/dev/null", "it is not a folder"),
        ("", "Give a folder"),
        ("missing/deeper", "no such file or folder"),
        ("/proc/vkdocs-data", "Cannot write the dataset into '/proc/vkdocs-data'"),
        ("bad\x00name", "the name or path is not valid"),
    ],
)
def test_a_folder_that_cannot_be_used_is_one_line_and_exit_2(tmp_path, folder, fragment, module):
    (tmp_path / "a-file").write_text("keep me", encoding="utf-8")
    if "\x00" in folder:  # a NUL cannot be passed on a command line: call the command in-process
        from vkdocs.cli import main

        status = main(["dataset", folder, "--lang", "en"])
        assert status == 2
        return
    done = run_dataset(folder, module=module, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stdout == "" and done.stderr.count("\n") == 1 and done.stderr.startswith("vkdocs: ")
    assert fragment in done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "keep me"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a-file"]  # nothing made on the way


def test_help_makes_no_folder_and_speaks_russian(tmp_path):
    done = run_dataset("--help", module=True, cwd=tmp_path, lang_env="ru_RU.UTF-8")
    assert done.returncode == 0
    assert "использование: vkdocs dataset" in done.stdout and "ПАПКА" in done.stdout
    assert list(tmp_path.iterdir()) == []


def test_errors_speak_russian_with_the_systems_reason_translated(tmp_path):
    (tmp_path / "a-file").touch()
    done = run_dataset(str(tmp_path / "a-file" / "x"), "--lang", "ru")
    assert done.returncode == 2
    assert "часть пути — не папка" in done.stderr, done.stderr
    assert not re.search("[A-Za-z]{4,}", done.stderr.replace("vkdocs", "").replace(str(tmp_path / "a-file" / "x"), ""))


def test_a_folder_that_cannot_be_written_is_an_output_error_naming_the_file(tmp_path, monkeypatch, capsys):
    import errno

    from vkdocs import files
    from vkdocs.cli import main

    def full(path, text):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "write_text", full)
    assert main(["dataset", str(tmp_path), "--lang", "ru"]) == 1
    err = capsys.readouterr().err
    assert err == f"vkdocs: Не удалось записать '{tmp_path / DATA_FILE}': на устройстве нет места.\n"


def test_no_temporary_file_is_left_when_the_rename_fails(tmp_path, monkeypatch):
    from vkdocs import files

    def refuse(temporary, path):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(files, "commit", refuse)
    with pytest.raises(OSError):
        files.write_text(tmp_path / "x.json", "{}")
    assert list(tmp_path.iterdir()) == []


def test_standard_output_closed_after_writing_is_exit_1(tmp_path):
    done = run_dataset(
        str(tmp_path), stdout=None, stderr=subprocess.PIPE, capture_output=False, preexec_fn=lambda: os.close(1)
    )
    assert done.returncode == 1
    assert done.stderr.startswith("vkdocs: Could not write the output") and done.stderr.count("\n") == 1
    assert (tmp_path / DATA_FILE).is_file()


def test_the_data_names_its_schema_and_the_schema_its_address():
    assert SCHEMA_ID == "https://vkdocs.readthedocs.io/ru/latest/data/vkdocs.schema.json"
    assert schema()["$id"] == SCHEMA_ID and DATA["$schema"] == SCHEMA_ID
    assert list(schema())[:2] == ["$schema", "$id"]


def test_page_paths_have_a_base_address_per_language():
    for lang in LANGUAGES:
        assert DATA["site"][lang] == language_root(lang)
        path = DATA["triage"]["destinations"]["restore-steps"]["path"]
        assert DATA["site"][lang] + path == page_url(path, lang)


def test_every_guide_says_what_the_copy_lost():
    origins = DATA["guide_origins"]
    assert set(origins) == set(DATA["guides"])
    # The pasted guides keep no title and no address (shared/sources/README.md: "links ... did not survive copying");
    # only guide B names its author, in its last line: "С уважением, Дмитрий Костин."
    assert all(origin["title"] is None and origin["address"] is None for origin in origins.values())
    assert {key: origin["author"] for key, origin in origins.items() if origin["author"]} == {
        "B": {"ru": "Дмитрий Костин", "en": "Dmitry Kostin"}
    }
    assert all(set(origin["note"]) == set(LANGUAGES) for origin in origins.values())
