"""The open dataset: one JSON file with every language, valid against its documented JSON Schema."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from datetime import date

import pytest
from docbuild import LANGUAGES, ROOT
from jsonschema import Draft202012Validator

from vkdocs.checklist import build_checklist, situations
from vkdocs.dataset import DATA_FILE, DATASET_VERSION, SCHEMA_FILE, build_dataset, schema, to_json
from vkdocs.deadline import RESTORE_WINDOW
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
    assert [warning[lang] for warning in record["warnings"]] == list(checklist.warnings)


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


# The built site ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_site_publishes_the_dataset_and_its_schema(html_builds, lang):
    build = html_builds[lang]
    assert build.returncode == 0, build.output
    folder = build.outdir / "data"
    published = (folder / DATA_FILE).read_text(encoding="utf-8")
    assert published == to_json(DATA)
    assert errors(json.loads(published)) == []
    assert json.loads((folder / SCHEMA_FILE).read_text(encoding="utf-8")) == schema()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sources_page_links_both_files(html_builds, lang):
    page = html_builds[lang].outdir / "reference" / "sources.html"
    links = re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8"))
    for name in (DATA_FILE, SCHEMA_FILE):
        targets = [link for link in links if link.endswith("/" + name)]
        assert targets, f"no link to {name} on {page}"
        assert all((page.parent / link).resolve().is_file() for link in targets)
