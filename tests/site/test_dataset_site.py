"""The open dataset as the site publishes it (vkdocs.dataset)."""

from __future__ import annotations

import json
import re

import pytest
from docbuild import LANGUAGES
from jsonschema import Draft202012Validator

from vkdocs.dataset import DATA_FILE, SCHEMA_FILE, build_dataset, schema, to_json

DATA = build_dataset()


def errors(data: dict) -> list[str]:
    validator = Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [error.message for error in validator.iter_errors(data)]


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
