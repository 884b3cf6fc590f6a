"""One catalog path: every reader-facing text of the package is in the source data or a catalog, never in code.

The package's catalogs (``src/vkdocs/locale/<lang>/LC_MESSAGES/vkdocs.po``)
hold every text of the source data, translated, with the same placeholders;
every catalog (pages and package) has a real header; the translators'
glossary is the glossary page's, and every English «label» (gloss) uses it.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
from pathlib import Path
from string import Formatter

import pytest
import translations
from babel.messages.plurals import get_plural
from docbuild import DOCS, ROOT

from vkdocs import i18n
from vkdocs.extract import SOURCE_FILES, catalog_problems, source_messages, source_template
from vkdocs.i18n import SOURCE_LANGUAGE, languages, translate
from vkdocs.messages import message
from vkdocs.messages import source_messages as message_texts

TRANSLATIONS = [lang for lang in languages() if lang != SOURCE_LANGUAGE]
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def catalog(lang: str):
    return translations.read(translations.package_catalog(lang), lang)


def entries(lang: str):
    return [m for m in catalog(lang) if m.id]


# The language list ----------------------------------------------------------------------------------------


def test_the_languages_are_russian_and_every_language_with_a_catalog():
    assert languages() == ("ru", "en")
    assert languages()[0] == SOURCE_LANGUAGE


def test_a_catalog_in_another_folder_adds_its_language(tmp_path, monkeypatch):
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "vkdocs.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: xx\\n"\n\nmsgctxt "warning"\nmsgid "Внимание"\nmsgstr "Achtung"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv(i18n.LOCALE_PATH_VARIABLE, str(tmp_path))
    assert languages() == ("ru", "en", "xx")
    assert message("warning", "xx") == "Achtung"
    monkeypatch.delenv(i18n.LOCALE_PATH_VARIABLE)
    assert languages() == ("ru", "en")


# The package's catalogs ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_text_of_the_package_is_translated_and_not_fuzzy(lang):
    problems = catalog_problems(lang)
    assert not problems, f"src/vkdocs/locale/{lang}/LC_MESSAGES/vkdocs.po:\n" + "\n".join(map(str, problems))


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_the_package_catalog_holds_exactly_the_texts_of_the_source_data(lang):
    expected = set(source_messages())
    present = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id) for m in entries(lang)}
    assert not expected - present, f"New in the source data (run make translations): {sorted(expected - present)}"
    assert not present - expected, f"No longer in the source data (run make translations): {sorted(present - expected)}"


def test_the_template_has_every_message_and_every_text_of_the_data():
    template = source_template()
    assert {
        m.context for m in template if m.id and m.context and m.context not in ("section title", "page title")
    } == set(message_texts())
    data_texts = {text for name in SOURCE_FILES[1:] for _, text, _ in i18n.data_texts(i18n.read_source(name), name)}
    assert data_texts <= {m.id for m in template if isinstance(m.id, str)}
    assert len(data_texts) > 100


def placeholders(text: str) -> list[str]:
    return sorted(
        f"{{{name}{'!' + conversion if conversion else ''}}}"
        for _, name, _, conversion in Formatter().parse(text)
        if name is not None
    )


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_translation_keeps_its_placeholders(lang):
    wrong = []
    for entry in entries(lang):
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for string in strings:
            if placeholders(string) != placeholders(ids[0]):
                wrong.append(f"[{entry.context}] {ids[0]!r} -> {string!r}")
    assert not wrong, "Keep every {placeholder} of the Russian text:\n" + "\n".join(wrong)


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_plural_messages_have_every_form_of_the_language(lang):
    count = get_plural(lang).num_plurals
    for entry in entries(lang):
        if isinstance(entry.id, tuple):
            assert len(entry.string) == count and all(entry.string), entry.id


def test_the_source_language_gives_all_its_plural_forms():
    forms = message_texts()["days"]
    assert isinstance(forms, list) and len(forms) == get_plural(SOURCE_LANGUAGE).num_plurals == 3


def test_a_missing_translation_shows_the_source_text_and_is_reported(tmp_path, monkeypatch):
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    text = translations.package_catalog("en").read_text(encoding="utf-8")
    # The warning's translation fuzzy, the "back" button's translation gone.
    text = text.replace('msgctxt "warning"', '#, fuzzy\nmsgctxt "warning"')
    text = re.sub(r'(msgctxt "triage_back"\nmsgid "Назад"\nmsgstr )"Back"', r'\1""', text)
    (folder / "vkdocs.po").write_text(text, encoding="utf-8")
    monkeypatch.setenv(i18n.LOCALE_PATH_VARIABLE, str(tmp_path))
    assert message("warning", "en") == "Внимание"
    assert ("fuzzy", "warning", "Внимание") in catalog_problems("en")
    assert ("missing", "triage_back", "Назад") in catalog_problems("en")


# Headers, glossary, progress ------------------------------------------------------------------------------


def every_catalog() -> list[Path]:
    return sorted([*(DOCS / "locale").rglob("*.po"), *i18n.PACKAGE_LOCALE.rglob("*.po")])


def test_every_catalog_has_its_header_filled_in():
    problems = [problem for path in every_catalog() for problem in translations.header_problems(path)]
    assert len(every_catalog()) > 18
    assert not problems, "Run make translations (it fills the headers in):\n" + "\n".join(problems)


def test_the_header_check_notices_placeholders_and_a_fuzzy_header(tmp_path):
    path = tmp_path / "x.po"
    path.write_text('# FIRST AUTHOR <EMAIL@ADDRESS>, 2026.\n#, fuzzy\nmsgid ""\nmsgstr ""\n', encoding="utf-8")
    found = translations.header_problems(path)
    assert any("EMAIL@ADDRESS" in p for p in found) and any("fuzzy" in p for p in found)


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_the_translators_glossary_is_the_glossary_pages(lang):
    path = translations.glossary_file(lang)
    assert path.read_text(encoding="utf-8") == translations.glossary_csv(lang), "Run make translations"
    glossary = translations.read_glossary(lang)
    assert glossary["Настройки"] == "Settings" if lang == "en" else glossary["Настройки"]
    assert len(glossary) == len(translations.glossary_terms()) > 20


LABEL_WITH_GLOSS = re.compile(r"«([^«»]+)»\s*\(([^()]+)\)")


def typographic(text: str) -> str:
    """The same words whatever the quotes: smart quotes in pages, straight ones in data."""
    return text.replace("’", "'").replace("‘", "'").strip()


def glosses_that_differ(text: str, glossary: dict[str, str]) -> list[str]:
    """Each «label» (gloss) of ``text`` whose label is in ``glossary`` with another gloss."""
    return [
        f"«{label}» ({gloss})"
        for label, gloss in LABEL_WITH_GLOSS.findall(text)
        if label in glossary and typographic(gloss.split(";")[0]) != typographic(glossary[label])
    ]


def test_the_gloss_check_accepts_the_glossarys_gloss_and_rejects_another():
    glossary = {"Настройки": "Settings", "Не показывать": "Don't show"}
    assert glosses_that_differ("Open «Настройки» (Settings), then «Не показывать» (Don’t show).", glossary) == []
    assert glosses_that_differ("Open «Настройки» (Options).", glossary) == ["«Настройки» (Options)"]
    assert glosses_that_differ("Tap «Забыли пароль?» (Forgot it?; label not confirmed).", glossary) == []


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_label_in_the_catalogs_has_the_glossarys_gloss(lang):
    glossary = translations.read_glossary(lang)
    found = []
    for path in translations.all_catalogs(lang):
        for entry in translations.read(path, lang):
            for string in entry.string if isinstance(entry.string, tuple) else (entry.string or "",):
                found += [f"{path.relative_to(ROOT)}: {pair}" for pair in glosses_that_differ(string, glossary)]
    assert not found, f"Use the gloss of docs/locale/{lang}/glossary.csv:\n" + "\n".join(found)


def test_progress_is_shown_per_catalog_with_a_total(capsys):
    left = translations.stat(TRANSLATIONS)
    out = capsys.readouterr().out
    assert left == 0
    assert "src/vkdocs/locale/en/LC_MESSAGES/vkdocs.po: " in out and " 0 fuzzy, 0 untranslated." in out
    assert re.search(r"^en: 100 % of \d+ messages in \d+ catalogs", out, flags=re.MULTILINE)


# No text in code -----------------------------------------------------------------------------------------


def python_files() -> list[Path]:
    tracked = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / name for name in tracked.stdout.split() if not name.startswith("tests/")]


def cyrillic_literals(source: str) -> list[tuple[int, str]]:
    """String literals of Python ``source`` with Cyrillic in them, docstrings left out (they document, with
    examples of what the code prints)."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and CYRILLIC.search(node.value)
    ]


def test_the_literal_scan_finds_russian_in_code_but_not_in_docstrings():
    source = '"""Пример: «Настройки»."""\nLABEL = "Настройки"\nf = f"{x} дней"\n'
    assert [line for line, _ in cyrillic_literals(source)] == [2, 3]


def test_no_python_file_holds_russian_text():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text[:80]!r}"
        for path in python_files()
        for line, text in cyrillic_literals(path.read_text(encoding="utf-8"))
    ]
    assert len(python_files()) > 20
    assert not found, "Texts for readers belong in src/vkdocs/data (Russian) and the catalogs:\n" + "\n".join(found)


def test_no_json_file_but_the_source_data_holds_russian_text():
    tracked = subprocess.run(["git", "ls-files", "*.json"], cwd=ROOT, capture_output=True, text=True, check=True)
    source = {f"src/vkdocs/data/{name}" for name in SOURCE_FILES}
    found = [
        name
        for name in tracked.stdout.split()
        if name not in source
        and not name.startswith("tests/data/")  # test inputs as readers type them, not texts for readers
        and name != "src/vkdocs/data/search_words.json"  # words readers search with, per language, never shown
        and CYRILLIC.search(json.dumps(json.loads((ROOT / name).read_text("utf-8")), ensure_ascii=False))
    ]
    assert not found, found


def test_english_comes_only_from_the_catalogs():
    # The data holds no English: each text is one Russian string, translated through the catalog.
    english = i18n.localized("procedures.json", "en")
    title = english["situations"]["restore"]["title"]
    assert title == translate(i18n.read_source("procedures.json")["situations"]["restore"]["title"], "en")
    assert not CYRILLIC.search(title)


def test_babel_cfg_extracts_the_same_template_with_pybabels_own_machinery():
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = {
        (context, message if isinstance(message, str) else tuple(message))
        for _, _, message, _, context in extract_from_dir(ROOT, method_map, options_map)
    }
    expected = {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)) for m in source_template() if m.id}
    assert found == expected


def test_the_front_page_links_every_language_by_its_own_name_and_start_page_title():
    import root_index

    page = root_index.render()
    for lang in languages():
        title = root_index.start_title(lang)
        assert f'<a href="{lang}/index.html" hreflang="{lang}" lang="{lang}">{i18n.language_name(lang)}: ' in page
        assert title in page
    assert "Your VK page" in root_index.start_title("en")
    assert f"var spoken = {json.dumps(list(languages()))}" in page
