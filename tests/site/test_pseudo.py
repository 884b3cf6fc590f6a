"""Proof that nothing a reader sees is written into the code: a pseudo-language, built from the catalogs.

``tools/translations.py pseudo`` makes every catalog of a language no one
speaks, ``en_XA``, whose every translated text is the English one between
``⟦`` and ``⟧`` (texts that are the same in every language, such as code and
names, stay as they are). The site, the ``vkdocs`` command and a handout are
then made in it. Whatever still shows outside the marks did not come from a
catalog: it is a string written into the code, and the test names it.

It also proves that adding a language is adding files: the pseudo-language
is nothing but catalogs in a folder, found through ``VKDOCS_LOCALE_PATH`` and
Sphinx's ``locale_dirs``.
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
import translations
from bs4 import BeautifulSoup

from vkdocs import i18n
from vkdocs.checklist import PLATFORMS, situations
from vkdocs.cli import FORMATS, main

PSEUDO = translations.PSEUDO_LANGUAGE
WRAPPED = re.compile(r"⟦[^⟦⟧]*⟧")
WORD = re.compile(r"[^\W\d_]+(?:['’.\-/][^\W\d_]+)*")

#: Words that are the same in every language and may show unwrapped: the project's name.
NAMES = {"vkdocs"}


def leftovers(text: str, allowed: set[str] = frozenset()) -> list[str]:
    """The words of ``text`` outside ``⟦…⟧`` (marks may nest), but the ``allowed`` ones."""
    previous = None
    while previous != text:
        previous, text = text, WRAPPED.sub(" ", text)
    return [word for word in WORD.findall(text) if word not in allowed | NAMES]


def test_the_check_finds_words_outside_the_marks_only():
    assert leftovers("⟦Read: ⟦Restore⟧ now⟧ 28 · ⟦p.⟧ 3") == []
    assert leftovers("⟦Back⟧ Start over") == ["Start", "over"]
    assert leftovers("vkdocs deadline ⟦DATE⟧", {"deadline"}) == []


@pytest.fixture(scope="session")
def pseudo(tmp_path_factory) -> Path:
    """Every catalog of the pseudo-language, in a temporary folder."""
    folder = tmp_path_factory.mktemp("pseudo")
    translations.write_pseudo(folder)
    return folder


@pytest.fixture(scope="session")
def unchanged_words() -> set[str]:
    """Names and labels the catalogs keep as they are in every language (Android, m.vk.com): short texts only."""
    words = set()
    for path in translations.all_catalogs("en"):
        for entry in translations.read(path):
            if entry.id and entry.string == entry.id and len(str(entry.id).split()) <= 2:
                words.update(WORD.findall(str(entry.id)))
    return words


def test_every_translation_of_the_pseudo_language_is_wrapped_or_the_same_in_every_language(pseudo):
    catalogs = sorted(pseudo.rglob("*.po"))
    assert {path.name for path in catalogs} >= {"vkdocs.po", "argparse.po", "sphinx.po", "index.po", "restore.po"}
    for path in catalogs:
        for entry in translations.read(path):
            if not entry.id:
                continue  # the header
            strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
            ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
            for string in strings:
                assert string in ids or (string.startswith("⟦") and string.endswith("⟧")), (path, entry.id)


def test_the_pseudo_language_is_a_language_while_its_catalogs_are_found(pseudo, monkeypatch):
    assert PSEUDO not in i18n.languages()
    monkeypatch.setenv(i18n.LOCALE_PATH_VARIABLE, str(pseudo / "package"))
    assert i18n.languages() == ("ru", "en", PSEUDO)


# The site --------------------------------------------------------------------------------------------------

#: Pages not checked: the API reference documents code in English (docstrings are the same in every
#: language), and Sphinx makes the index from it.
DEVELOPER_PAGES = {"reference/api.html", "genindex.html", "py-modindex.html"}
CODE = "pre, code, kbd, samp, .sig, script, style, template"
ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")


@pytest.fixture(scope="session")
def pseudo_pages(pseudo_site) -> Path:
    """The site in the pseudo-language (built in the background by conftest.py, like the other sites)."""
    assert pseudo_site.returncode == 0, pseudo_site.output
    return pseudo_site.outdir


def page_leftovers(path: Path, allowed: set[str]) -> list[str]:
    """Words of a page that a reader sees or hears outside the marks: its text, its title, its description (what
    search results show), the names and titles of its elements. Code, and text marked as another language
    (lang="ru"), are left out."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for element in soup.select(CODE):
        element.decompose()
    for element in soup.find_all(lang=True):
        if element.name != "html" and element["lang"] != PSEUDO:
            element.decompose()
    for element in soup.select('svg[style*="display: none"], [hidden]'):
        element.decompose()
    texts = [soup.title.get_text() if soup.title else "", soup.body.get_text("")]
    texts += [str(meta["content"]) for meta in soup.select('meta[name="description"]')]
    texts += [str(element[name]) for element in soup.body.find_all(True) for name in ATTRIBUTES if element.get(name)]
    return sorted({word for text in texts for word in leftovers(text, allowed)})


def test_every_page_of_the_site_is_in_the_pseudo_language(pseudo_pages, unchanged_words):
    pages = [
        p for p in sorted(pseudo_pages.rglob("*.html")) if p.relative_to(pseudo_pages).as_posix() not in DEVELOPER_PAGES
    ]
    assert len(pages) >= 16
    found = {p.relative_to(pseudo_pages).as_posix(): page_leftovers(p, unchanged_words) for p in pages}
    found = {page: words for page, words in found.items() if words}
    assert not found, "Text written into the code, not taken from a catalog:\n" + "\n".join(
        f"{page}: {', '.join(words)}" for page, words in found.items()
    )


def script_data(path: Path, css_class: str) -> dict:
    text = path.read_text(encoding="utf-8")
    found = re.search(rf'<script type="application/json" class="{css_class}">(.*?)</script>', text)
    assert found, (path, css_class)
    return json.loads(found.group(1))


def strings(data, keys: tuple[str, ...]) -> list[str]:
    """Every string under ``keys`` (at any depth) of ``data``."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in keys:
                found += [value] if isinstance(value, str) else strings(value, ("*",))
            else:
                found += strings(value, keys)
    elif isinstance(data, list):
        for value in data:
            found += [value] if isinstance(value, str) and "*" in keys else strings(value, keys)
    return found


def test_the_calculators_script_speaks_the_pseudo_language(pseudo_pages):
    data = script_data(pseudo_pages / "howto" / "restore.html", "vk-deadline-calculator__data")
    texts = list(data["messages"].values()) + data["days"]
    assert len(texts) > 200
    assert not [text for text in texts if leftovers(text)]


def test_the_question_paths_script_speaks_the_pseudo_language(pseudo_pages):
    data = script_data(pseudo_pages / "index.html", "vk-triage__data")
    texts = strings(data, ("text", "title", "page", "note", "messages"))
    assert len(texts) > 40
    assert not [text for text in texts if text and leftovers(text)]


# The command ------------------------------------------------------------------------------------------------

COMMANDS = ("deadline", "checklist", "situations", "triage", "handout", "dataset")


#: Where the question path sends a reader, as the terminal prints it: the section's full address on the site
#: (https://…/howto/restore.html#restore-steps), or its path there when the site is not known.
PATH = re.compile(r"https://\S+|[\w/-]+\.html#[\w-]+")


def command_leftovers(output: str) -> list[str]:
    """Words of the command's output outside the marks, but its own: its name, commands, options, values, paths."""
    words = {*COMMANDS, *PLATFORMS, *FORMATS}
    words |= {word for name in situations() for word in WORD.findall(name)}
    options = ("-h", "--help", "--version", "--lang", "--today", "--platform", "--format", "--output", "--deleted-on")
    words |= {word for option in options for word in WORD.findall(option)}
    return leftovers(PATH.sub(" ", output), words)


RUNS = [
    ["--help"],
    *[[command, "--help"] for command in COMMANDS],
    ["deadline", "01.10.2026", "--today", "25.11.2026"],
    ["deadline", "01.10.2026", "--today", "28.04.2027"],
    ["deadline", "01.10.2026", "--today", "29.04.2027"],
    ["deadline", "1.10.2026"],
    ["deadline", "30.02.2026"],
    ["deadline", "01.10.2005"],
    ["deadline", "01.10.2026", "--today", "01.01.2026"],
    ["situations"],
    ["checklist", "nowhere"],
    ["checklist", "restore", "--platform", "tv"],
    ["checklist", "restore", "--format", "pdf"],
    ["deadline"],
    ["nothing"],
    ["handout", "hide", "--deleted-on", "2026-10-01", "--output", "hide.pdf"],
    ["handout", "nowhere", "--output", "nowhere.pdf"],
    ["handout", "restore", "--output", ""],
    ["dataset", ""],
    *[["checklist", situation] for situation in situations()],
    *[["checklist", situation, "--format", "markdown"] for situation in situations()],
]


@pytest.mark.parametrize("argv", RUNS, ids=" ".join)
def test_every_command_speaks_the_pseudo_language(argv, pseudo, monkeypatch, capsys):
    monkeypatch.setenv(i18n.LOCALE_PATH_VARIABLE, str(pseudo / "package"))
    main([*argv, "--lang", PSEUDO])
    out, err = capsys.readouterr()
    assert (out + err).strip()
    assert not command_leftovers(out + err), out + err


@pytest.mark.parametrize("answers", ["1\n3\n6\n", "1\n9\n", "1\n"], ids=["to-a-page", "not-offered", "ran-out"])
def test_the_question_path_in_the_terminal_speaks_the_pseudo_language(answers, pseudo, monkeypatch, capsys):
    monkeypatch.setenv(i18n.LOCALE_PATH_VARIABLE, str(pseudo / "package"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(answers))
    main(["triage", "--lang", PSEUDO])
    out, err = capsys.readouterr()
    assert not command_leftovers(out + err), out + err


# A handout ------------------------------------------------------------------------------------------------


def test_every_handout_speaks_the_pseudo_language(pseudo_handouts):
    assert pseudo_handouts.returncode == 0, pseudo_handouts.output
    handouts = sorted(pseudo_handouts.outdir.glob("*.txt"))
    assert {path.stem for path in handouts} == set(situations())
    found = {path.name: leftovers(path.read_text(encoding="utf-8")) for path in handouts}
    assert not any(found.values()), found
