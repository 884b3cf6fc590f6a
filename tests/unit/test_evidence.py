"""The evidence register: every quote is the guide's own words, every entry is cited, every citation is an entry.

The guides' text lives outside the repository (we quote, we do not
republish): ``VKDOCS_GUIDES`` names it, by default
``../shared/sources/vk-guides-ru.txt`` from the repository. Without it the
quote test is skipped, saying why, except under ``CI``, where it fails.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from vkdocs import evidence
from vkdocs.i18n import languages, read_source

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

#: ``:source: A-x, B-y`` in a box, and ``{vk-src}`A-x, B-y``` in running text.
SOURCE_OPTION = re.compile(r"^\s*:source:\s*(.+?)\s*$", re.MULTILINE)
SOURCE_ROLE = re.compile(r"\{vk-src\}`([^`]+)`")


def guides_text() -> str:
    path = evidence.guides_path(ROOT)
    if not path.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the guides' text is missing in CI: {path} (set {evidence.GUIDES_VARIABLE})")
        pytest.skip(f"the guides' text is not here: {path} (set {evidence.GUIDES_VARIABLE} to check the quotes)")
    return path.read_text(encoding="utf-8")


def page_citations() -> dict[str, list[str]]:
    """Every id the pages cite, with where: ``{id: ["howto/delete.md:12", …]}``."""
    found: dict[str, list[str]] = {}
    for page in sorted(DOCS.rglob("*.md")):
        if "_build" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        for pattern in (SOURCE_OPTION, SOURCE_ROLE):
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                for ident in re.split(r"[,\s]+", match.group(1)):
                    if ident:
                        found.setdefault(ident, []).append(f"{page.relative_to(DOCS)}:{line}")
    return found


def data_citations() -> dict[str, list[str]]:
    """Every id the checklists (steps and warnings) and the question path cite, with where."""
    found: dict[str, list[str]] = {}
    for name, record in read_source("procedures.json")["situations"].items():
        for number, step in enumerate(record["steps"]):
            for ident in step["sources"]:
                found.setdefault(ident, []).append(f"procedures.json: {name} step {number}")
            for ident in step.get("warning", {}).get("sources", []):
                found.setdefault(ident, []).append(f"procedures.json: {name} step {number}'s warning")
        for number, warning in enumerate(record.get("warnings", [])):
            for ident in warning["sources"]:
                found.setdefault(ident, []).append(f"procedures.json: {name} warning {number}")
    for name, question in read_source("triage.json")["questions"].items():
        for number, answer in enumerate(question["answers"]):
            for ident in answer.get("sources", []):
                found.setdefault(ident, []).append(f"triage.json: {name} answer {number}")
    return found


def all_citations() -> dict[str, list[str]]:
    found = page_citations()
    for ident, where in data_citations().items():
        found.setdefault(ident, []).extend(where)
    return found


def test_every_quote_is_found_word_for_word_in_the_guides():
    text = guides_text()
    missing = [ident for ident, record in evidence.register().items() if not evidence.found_in(record["quote"], text)]
    assert not missing, f"Quotes not found in {evidence.guides_path(ROOT)} (copy them, do not retype): {missing}"


def test_every_quote_is_found_in_its_own_guide():
    text = guides_text()
    # The README of the sources gives each guide's lines.
    lines = text.splitlines()
    spans = {"A": (1, 110), "B": (112, 126), "C": (128, 201), "D": (203, 361), "E": (363, 404)}
    wrong = [
        ident
        for ident, record in evidence.register().items()
        if not evidence.found_in(
            record["quote"], "\n".join(lines[spans[record["guide"]][0] - 1 : spans[record["guide"]][1]])
        )
    ]
    assert not wrong, f"Quotes found, but not in the guide their id names: {wrong}"


def test_the_quote_check_ignores_only_whitespace_and_quotation_marks():
    assert evidence.found_in("«Только я»  и\n«Никто»", 'поставьте "Только я" и "Никто"')
    assert not evidence.found_in("«Только я» или «Никто»", "поставьте «Только я» и «Никто»")
    assert not evidence.found_in("страница удалена", "страница удалёна")


def test_quotes_are_one_or_two_sentences_not_passages():
    long = [ident for ident, record in evidence.register().items() if len(record["quote"]) > 400]
    assert not long, f"Quote a sentence or two, not a passage: {long}"


def test_every_register_entry_is_cited_somewhere():
    unused = sorted(set(evidence.register()) - set(all_citations()))
    assert not unused, f"Register entries nothing cites (cite them or remove them): {unused}"


def test_every_citation_names_a_register_entry():
    unknown = {ident: where for ident, where in all_citations().items() if ident not in evidence.register()}
    assert not unknown, f"Citations of ids not in the register: {unknown}"


def test_a_bare_guide_letter_is_refused_with_what_is_accepted():
    with pytest.raises(ValueError, match="not a bare guide letter"):
        evidence.parse_ids("C, D")
    with pytest.raises(ValueError, match="no such entry"):
        evidence.parse_ids("A-no-such-quote")


@pytest.mark.parametrize("lang", languages()[1:])
def test_every_quote_has_a_rendering_in_every_language(lang):
    for ident in evidence.register():
        found = evidence.entry(ident, lang=lang)
        assert found.rendering != found.quote, (lang, ident)
        assert found.not_said is None or not re.search("[А-яЁё]", found.not_said), (lang, ident)


def test_the_register_keeps_the_guides_typos():
    # Guide B writes «стрaнице» with a Latin "a", and guide E leaves a space before a full stop: we quote as written.
    assert "стрaнице" in evidence.register()["B-hide-then-delete"]["quote"]
    assert "нельзя ." in evidence.register()["E-ban-reason-date"]["quote"]


def test_the_register_is_valid_json_in_the_package():
    raw = json.loads((ROOT / "src/vkdocs/data/evidence.json").read_text(encoding="utf-8"))
    assert raw == evidence.register()
