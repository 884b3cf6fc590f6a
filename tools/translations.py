"""The translators' tool: the package's catalogs, catalog headers, progress, the glossary, a pseudo-language.

``make translations`` runs it after updating the pages' catalogs::

    python tools/translations.py update     # package catalogs from the source data; every header filled in
    python tools/translations.py glossary   # docs/locale/<lang>/glossary.csv from the glossary page
    python tools/translations.py stat       # progress per catalog: translated, fuzzy, untranslated

and a translator starting a language runs (CONTRIBUTING.md, "Adding a language")::

    python tools/translations.py init LANG     # the package's and the theme's catalogs for LANG
    make translations                              # ... and the pages' catalogs
    python tools/translations.py suggest LANG  # optional: English as fuzzy suggestions to check

``python tools/translations.py pseudo FOLDER`` writes the pseudo-language
of the tests (tests/site/test_pseudo.py).

Two catalog sets, one per kind of text, both gettext ``.po`` files:

* the pages: ``docs/locale/<lang>/LC_MESSAGES/<page>.po`` (Sphinx, sphinx-intl), and
  ``sphinx.po`` beside them for the theme's words Sphinx's own catalog lacks;
* the package: ``src/vkdocs/locale/<lang>/LC_MESSAGES/vkdocs.po`` (this tool, with
  Babel and the extractor in :mod:`vkdocs.extract`), and ``argparse.po`` for
  argparse's own words.

The message ids are Russian (the source language) in both, except where the
original is English: argparse's texts and Sphinx's theme.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vkdocs.extract import source_template, translation_state  # noqa: E402
from vkdocs.i18n import DOMAIN, PACKAGE_LOCALE, SOURCE_LANGUAGE, languages  # noqa: E402

DOCS = ROOT / "docs"
PAGES_LOCALE = DOCS / "locale"
# Not docs/_build/gettext: sphinx-intl would take it for a page template.
TEMPLATE_DIR = DOCS / "_build" / "gettext-package"

#: The header every catalog carries: who translates, under which license.
TEAM = "vkdocs contributors"
HEADER_COMMENT = (
    "# {language} translation of vkdocs: {what}.\n"
    "# Copyright (C) {year} vkdocs contributors\n"
    "# This file is distributed under the same license as the vkdocs documentation (CC BY-SA 4.0)."
)
PLACEHOLDERS = ("FULL NAME", "EMAIL@ADDRESS", "SOME DESCRIPTIVE TITLE", "FIRST AUTHOR", "YEAR-MO-DA", "LL@li.org")


def _now() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, abort_invalid=True)


def write(path: Path, catalog: Catalog) -> None:
    """Write ``catalog`` as every catalog here is written: no wrapping, no line numbers in locations
    for the package (they change at every edit of the data), obsolete entries dropped."""
    buffer = io.BytesIO()
    package = path.name in (f"{DOMAIN}.po", f"{DOMAIN}.pot")
    write_po(buffer, catalog, width=-1, ignore_obsolete=True, include_lineno=not package)
    if not path.is_file() or path.read_bytes() != buffer.getvalue():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(buffer.getvalue())


def translation_languages() -> list[str]:
    """Every language with catalogs, but the source language."""
    return [lang for lang in languages() if lang != SOURCE_LANGUAGE]


def package_catalog(lang: str, domain: str = DOMAIN) -> Path:
    return PACKAGE_LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"


def page_catalogs(lang: str) -> list[Path]:
    return sorted((PAGES_LOCALE / lang / "LC_MESSAGES").rglob("*.po"))


def all_catalogs(lang: str) -> list[Path]:
    """Every catalog of ``lang``: the pages', then the package's."""
    return [*page_catalogs(lang), *sorted((PACKAGE_LOCALE / lang / "LC_MESSAGES").glob("*.po"))]


def fill_header(catalog: Catalog, path: Path, lang: str) -> None:
    """The header as every catalog has it: the language, the team, no placeholders, not fuzzy."""
    from vkdocs.i18n import babel_locale

    english = babel_locale(lang).english_name or lang
    what = "the vkdocs package" if path.is_relative_to(PACKAGE_LOCALE) else "the pages"
    created = catalog.creation_date if isinstance(catalog.creation_date, datetime) else _now()
    catalog.project = "vkdocs"
    catalog.version = ""
    catalog.msgid_bugs_address = ""
    catalog.last_translator = TEAM
    catalog.language_team = f"{english} ({TEAM})"
    catalog.copyright_holder = TEAM
    catalog.fuzzy = False
    if not isinstance(catalog.revision_date, datetime):
        catalog.revision_date = created
    catalog.header_comment = HEADER_COMMENT.format(language=english, what=what, year=created.year)


def header_problems(path: Path) -> list[str]:
    """What is wrong with the header of the catalog at ``path``: placeholders left, a fuzzy header."""
    text = path.read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0]
    found = [f"{path}: header placeholder {word!r}" for word in PLACEHOLDERS if word in header]
    if re.search(r"^#,.*\bfuzzy\b", header, flags=re.MULTILINE):
        found.append(f"{path}: the header is marked fuzzy")
    return found


def update_package(langs: list[str] | None = None) -> list[Path]:
    """Write the template and update each language's package catalog from it; return the catalogs written."""
    template = source_template()
    template.creation_date = _now()
    TEMPLATE_DIR.mkdir(parents=True, exist_ok=True)
    write(TEMPLATE_DIR / f"{DOMAIN}.pot", template)
    written = []
    for lang in langs if langs is not None else translation_languages():
        path = package_catalog(lang)
        catalog = read(path, lang) if path.is_file() else Catalog(locale=lang, domain=DOMAIN)
        before = {(m.id, m.context, m.string, m.fuzzy) for m in catalog if m.id}
        catalog.update(template, update_header_comment=False, update_creation_date=False)
        after = {(m.id, m.context, m.string, m.fuzzy) for m in catalog if m.id}
        if before != after or catalog.obsolete:
            catalog.revision_date = _now()
        fill_header(catalog, path, lang)
        write(path, catalog)
        written.append(path)
    return written


def fill_headers(langs: list[str] | None = None) -> None:
    """Fill in the header of every page catalog (sphinx-intl leaves Babel's placeholders in new ones)."""
    for lang in langs if langs is not None else translation_languages():
        for path in page_catalogs(lang):
            if path.name == "sphinx.po":
                continue
            catalog = read(path, lang)
            if header_problems(path) or catalog.fuzzy:
                fill_header(catalog, path, lang)
                write(path, catalog)


def counts(path: Path) -> tuple[int, int, int]:
    """Translated, fuzzy and untranslated messages of a catalog (the figures ``sphinx-intl stat`` gives)."""
    states = [translation_state(m) for m in read(path) if m.id]
    return states.count("translated"), states.count("fuzzy"), states.count("missing")


def stat(langs: list[str] | None = None, *, out=None) -> int:
    """Print each catalog's progress and each language's total; return how many messages are left."""
    out = out or sys.stdout
    left = 0
    for lang in langs if langs is not None else translation_languages():
        totals = [0, 0, 0]
        paths = all_catalogs(lang)
        for path in paths:
            done, fuzzy, untranslated = counts(path)
            totals = [totals[0] + done, totals[1] + fuzzy, totals[2] + untranslated]
            mark = "  " if fuzzy + untranslated == 0 else "! "
            print(
                f"{mark}{path.relative_to(ROOT)}: {done} translated, {fuzzy} fuzzy, {untranslated} untranslated.",
                file=out,
            )
        done, fuzzy, untranslated = totals
        share = 100 * done // max(sum(totals), 1)
        print(
            f"{lang}: {share} % of {sum(totals)} messages in {len(paths)} catalogs: "
            f"{done} translated, {fuzzy} fuzzy, {untranslated} untranslated.",
            file=out,
        )
        left += fuzzy + untranslated
    return left


# The translators' glossary -----------------------------------------------------------------------------

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
GLOSSARY_PAGE = DOCS / "reference" / "glossary.md"
GLOSS = re.compile(r"^\(([^()]+)\)\s")


def glossary_terms() -> list[tuple[str, str]]:
    """Each term of the glossary page with its definition's first paragraph, as the Russian page has them."""
    text = GLOSSARY_PAGE.read_text(encoding="utf-8")
    block = re.search(r"```\{glossary\}\n(.*?)\n```", text, flags=re.DOTALL)
    if block is None:
        raise ValueError(f"{GLOSSARY_PAGE}: no {{glossary}} block")
    terms: list[tuple[str, str]] = []
    lines = block.group(1).splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line and not line.startswith(" "):
            paragraph = []
            index += 1
            while index < len(lines) and lines[index].strip():
                paragraph.append(lines[index].strip())
                index += 1
            terms.append((line.strip(), " ".join(paragraph)))
        index += 1
    return terms


def glossary(lang: str) -> list[tuple[str, str]]:
    """Each Russian label of the glossary with its one gloss in ``lang``: the ``(…)`` that opens its definition
    in the glossary page's catalog. Raises ``ValueError`` for a definition that does not open with one."""
    catalog = read(PAGES_LOCALE / lang / "LC_MESSAGES" / "reference" / "glossary.po", lang)
    found = []
    problems = []
    for term, definition in glossary_terms():
        message = catalog.get(definition)
        match = GLOSS.match(message.string) if message is not None and isinstance(message.string, str) else None
        if match is None:
            problems.append(f"{term!r}: its definition's translation does not open with '(gloss) '")
            continue
        found.append((term, match.group(1)))
    if problems:
        raise ValueError("reference/glossary.po: " + "; ".join(problems))
    return found


def glossary_file(lang: str) -> Path:
    return PAGES_LOCALE / lang / "glossary.csv"


def glossary_csv(lang: str) -> str:
    """The translators' glossary of ``lang`` as CSV: a header, then one Russian label and its gloss per row."""
    buffer = io.StringIO()
    rows = csv.writer(buffer, lineterminator="\n")
    rows.writerow([SOURCE_LANGUAGE, lang])
    rows.writerows(glossary(lang))
    return buffer.getvalue()


def write_glossaries(langs: list[str] | None = None) -> None:
    for lang in langs if langs is not None else translation_languages():
        path = glossary_file(lang)
        try:
            text = glossary_csv(lang)
        except ValueError as error:
            print(f"No glossary for {lang} yet: {error}")
            continue
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def read_glossary(lang: str) -> dict[str, str]:
    """The translators' glossary file of ``lang``: Russian label → gloss."""
    with glossary_file(lang).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return dict((label, gloss) for label, gloss in rows[1:])


# A new language ------------------------------------------------------------------------------------------


def init(lang: str) -> list[Path]:
    """Start ``lang``: its package catalogs (``vkdocs.po`` from the source data, ``argparse.po`` with
    argparse's words) and its theme catalog (``sphinx.po``, the theme's words ours adds), all untranslated.
    Its page catalogs come with the next ``make translations``, which now counts ``lang`` among the languages.
    """
    from vkdocs.i18n import babel_locale

    babel_locale(lang)  # raises for a code Babel does not know at all
    created = []
    if not package_catalog(lang).is_file():
        created += update_package([lang])
    for source, target in (
        (package_catalog(SOURCE_LANGUAGE, "argparse"), package_catalog(lang, "argparse")),
        (
            PAGES_LOCALE / SOURCE_LANGUAGE / "LC_MESSAGES" / "sphinx.po",
            PAGES_LOCALE / lang / "LC_MESSAGES" / "sphinx.po",
        ),
    ):
        if target.is_file():
            continue
        template = read(source)
        catalog = Catalog(locale=lang, domain=template.domain)
        for entry in template:
            if entry.id:
                catalog.add(entry.id, context=entry.context, auto_comments=entry.auto_comments)
        fill_header(catalog, target, lang)
        write(target, catalog)
        created.append(target)
    return created


def suggest(lang: str, base: str = "en") -> int:
    """Fill every untranslated message of ``lang`` with ``base``'s translation, marked fuzzy: a starting
    point to check, never a translation (the build and the tests reject fuzzy entries). Returns how many."""
    filled = 0
    for path in all_catalogs(lang):
        base_path = (
            PAGES_LOCALE / base / path.relative_to(PAGES_LOCALE / lang)
            if path.is_relative_to(PAGES_LOCALE)
            else PACKAGE_LOCALE / base / path.relative_to(PACKAGE_LOCALE / lang)
        )
        if not base_path.is_file():
            continue
        suggestions = read(base_path, base)
        catalog = read(path, lang)
        for entry in catalog:
            if not entry.id or translation_state(entry) != "missing":
                continue
            known = suggestions.get(entry.id, context=entry.context)
            if translation_state(known) == "translated":
                entry.string = known.string
                entry.flags.add("fuzzy")
                filled += 1
        write(path, catalog)
    return filled


# The pseudo-language -------------------------------------------------------------------------------------

#: A language no one speaks: every text of it is the English one between these marks.
PSEUDO_LANGUAGE = "en_XA"
OPEN, CLOSE = "⟦", "⟧"


def wrap(text: str) -> str:
    """``text`` as the pseudo-language says it: ``⟦text⟧`` (an empty text stays empty)."""
    return f"{OPEN}{text}{CLOSE}" if text else text


def _pseudo(source: Catalog, strings, lang: str) -> Catalog:
    """A catalog of ``lang`` with every message of ``source``, translated as ``strings(message)`` says."""
    catalog = Catalog(locale=None, domain=source.domain, fuzzy=False)
    catalog._set_mime_headers([("Language", lang), ("Plural-Forms", "nplurals=2; plural=(n != 1);")])
    for entry in source:
        if entry.id:
            catalog.add(entry.id, strings(entry), context=entry.context)
    return catalog


def _wrapped_translation(entry) -> str | tuple[str, ...]:
    if entry.string == entry.id:
        return entry.string  # the same in every language (code, a name, an English docstring): not translated
    if isinstance(entry.string, tuple):
        return tuple(wrap(text) for text in entry.string)
    return wrap(entry.string)


def _wrapped_id(entry) -> str | tuple[str, ...]:
    if isinstance(entry.id, tuple):
        return (wrap(entry.id[0]), wrap(entry.id[1]))
    return wrap(entry.id)


def write_pseudo(folder: Path, lang: str = PSEUDO_LANGUAGE, *, base: str = "en") -> None:
    """Every catalog of a pseudo-language ``lang`` under ``folder``, made from the catalogs of ``base``.

    * ``folder/package/<lang>/LC_MESSAGES/``: ``vkdocs.po`` (the ``base`` translations, wrapped) and
      ``argparse.po`` (argparse's own English words, wrapped): for ``VKDOCS_LOCALE_PATH``.
    * ``folder/pages/<lang>/LC_MESSAGES/``: each page's catalog (``base``, wrapped) and ``sphinx.po`` (every
      text of Sphinx's own template, and the theme's words ours adds, wrapped), each compiled to ``.mo``:
      for Sphinx's ``locale_dirs``.

    A text anywhere in the site, the command or a handout that shows without the marks came from
    somewhere else than a catalog: it is written into the code.
    """
    package = folder / "package" / lang / "LC_MESSAGES"
    pages = folder / "pages" / lang / "LC_MESSAGES"
    write(package / f"{DOMAIN}.po", _pseudo(read(package_catalog(base), base), _wrapped_translation, lang))
    argparse_words = read(package_catalog(SOURCE_LANGUAGE, "argparse"), SOURCE_LANGUAGE)
    write(package / "argparse.po", _pseudo(argparse_words, _wrapped_id, lang))
    for path in page_catalogs(base):
        target = pages / path.relative_to(PAGES_LOCALE / base / "LC_MESSAGES")
        write(target, _pseudo(read(path, base), _wrapped_translation, lang))
    import sphinx

    theme = read(Path(sphinx.__file__).parent / "locale" / "sphinx.pot")
    for path in sorted(PAGES_LOCALE.glob("*/LC_MESSAGES/sphinx.po")):
        for entry in read(path):
            if entry.id and entry.id not in theme:
                theme.add(entry.id, context=entry.context)
    write(pages / "sphinx.po", _pseudo(theme, _wrapped_id, lang))
    # Compiled here, once: Sphinx would compile each outdated .mo itself, and two
    # builds started together (the site and the handouts) would write the same file
    # while the other reads it.
    for path in sorted(pages.rglob("*.po")):
        with path.with_suffix(".mo").open("wb") as compiled:
            write_mo(compiled, read(path, lang))


def main(argv: list[str]) -> int:
    command, *args = argv or [""]
    if command == "update":
        for path in update_package():
            print(f"Updated {path.relative_to(ROOT)}")
        fill_headers()
        return 0
    if command == "glossary":
        write_glossaries()
        return 0
    if command == "pseudo" and len(args) == 1:
        write_pseudo(Path(args[0]))
        print(
            f"Pseudo-language {PSEUDO_LANGUAGE} in {args[0]}: VKDOCS_LOCALE_PATH={args[0]}/package, "
            f"sphinx-build -D language={PSEUDO_LANGUAGE} -D locale_dirs={Path(args[0]).resolve()}/pages"
        )
        return 0
    if command == "init" and len(args) == 1:
        for path in init(args[0]):
            print(f"Created {path.relative_to(ROOT)}")
        print(f"{args[0]} is now a language: run make translations to make its page catalogs.")
        return 0
    if command == "suggest" and len(args) == 1:
        print(f"{suggest(args[0])} messages filled with the English translation, marked fuzzy: check each one.")
        return 0
    if command == "stat":
        left = stat()
        print("Every message is translated." if not left else f"{left} messages left to translate (marked !).")
        return 0
    print("usage: translations.py update|glossary|stat|init LANG|suggest LANG|pseudo FOLDER", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
