"""The translation gate: English catalogs are complete, not fuzzy, and not stale.

Complete and not fuzzy is what ``sphinx-intl stat`` counts, with its own
catalog functions; not stale (the catalogs hold exactly the Russian sources'
messages) is this project's check.
"""

from __future__ import annotations

from pathlib import Path

import catalogs
from docbuild import DOCS
from sphinx_intl import catalog as intl

LOCALE = DOCS / "locale" / "en" / "LC_MESSAGES"


def problems(locale: Path) -> list[str]:
    """Every untranslated or fuzzy message of the catalogs under ``locale``, as sphinx-intl stat sees them."""
    found = []
    for path in sorted(locale.rglob("*.po")):
        messages = intl.load_po(str(path))
        found += [f"{path}: fuzzy: {m.id!r:.100}" for m in intl.fuzzy_entries(messages)]
        found += [f"{path}: untranslated: {m.id!r:.100}" for m in intl.untranslated_entries(messages)]
    return found


def test_every_english_message_is_translated_and_not_fuzzy():
    found = problems(LOCALE)
    assert not found, "Translate these in docs/locale/en (sphinx-intl stat -d docs/locale -l en):\n" + "\n".join(found)


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
    found = problems(tmp_path)
    assert len(found) == 1 and ": untranslated: " in found[0]


def test_the_gate_notices_a_fuzzy_translation(tmp_path):
    source = next(LOCALE.rglob("*.po"))
    copy = tmp_path / "en" / "LC_MESSAGES" / source.name
    copy.parent.mkdir(parents=True)
    lines = source.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith('msgid "') and line != 'msgid ""')
    lines.insert(index, "#, fuzzy")
    copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems(tmp_path)
    assert len(found) == 1 and ": fuzzy: " in found[0]
