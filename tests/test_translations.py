"""The translation gate: English catalogs are complete, not fuzzy, and not stale."""

from __future__ import annotations

import catalogs
from docbuild import DOCS

LOCALE = DOCS / "locale" / "en" / "LC_MESSAGES"


def test_every_english_message_is_translated_and_not_fuzzy():
    found = catalogs.problems("en")
    assert not found, "Translate these in docs/locale/en:\n" + "\n".join(map(str, found))


def test_catalogs_match_the_russian_sources(gettext_build):
    build = gettext_build
    assert build.returncode == 0, build.output
    templates = {p.relative_to(build.outdir).with_suffix(".po"): p for p in build.outdir.rglob("*.pot")}
    catalogs_here = {p.relative_to(LOCALE) for p in LOCALE.rglob("*.po")}
    missing = sorted(str(p) for p in set(templates) - catalogs_here)
    extra = sorted(str(p) for p in catalogs_here - set(templates))
    assert not missing, f"No English catalog for: {missing}. Run `make translations`."
    assert not extra, f"Catalogs for pages that no longer exist: {extra}. Delete them."
    stale = []
    for relative, template in sorted(templates.items()):
        expected, present = catalogs.msgids(template), catalogs.msgids(LOCALE / relative)
        stale += [f"{relative}: new in the Russian source: {m[:100]!r}" for m in sorted(expected - present)]
        stale += [f"{relative}: no longer in the Russian source: {m[:100]!r}" for m in sorted(present - expected)]
    assert not stale, "Catalogs are stale; run `make translations` and translate:\n" + "\n".join(stale)


def test_the_gate_notices_an_emptied_translation(tmp_path):
    source = next(LOCALE.rglob("*.po"))
    copy = tmp_path / "en" / "LC_MESSAGES" / source.name
    copy.parent.mkdir(parents=True)
    text = source.read_text(encoding="utf-8")
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith('msgstr "') and line != 'msgstr ""')
    lines[index] = 'msgstr ""'
    copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = catalogs.problems("en", tmp_path)
    assert [p.kind for p in found] == ["untranslated"]
    assert found[0].msgid in text
