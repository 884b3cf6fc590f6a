"""Both languages build cleanly, and the pages link to each other."""

from __future__ import annotations

import re
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from docbuild import LANGUAGES, ROOT, markdown_doctests, markdown_sources


def pages(outdir: Path) -> set[str]:
    return {str(p.relative_to(outdir)) for p in outdir.rglob("*.html") if "_static" not in p.parts}


@pytest.mark.parametrize("language", LANGUAGES)
def test_build_has_no_warnings(html_builds, language):
    build = html_builds[language]
    assert build.returncode == 0, f"{language} build failed:\n{build.output}"
    assert "WARNING" not in build.output, build.output


def test_both_languages_have_the_same_pages(html_builds):
    assert pages(html_builds["ru"].outdir) == pages(html_builds["en"].outdir)


@pytest.mark.parametrize(("language", "other"), [("ru", "en"), ("en", "ru")])
def test_every_page_links_to_itself_in_the_other_language(html_builds, language, other):
    outdir = html_builds[language].outdir
    checked = 0
    for page in sorted(pages(outdir)):
        if page in {"search.html", "genindex.html"}:
            continue
        html = (outdir / page).read_text(encoding="utf-8")
        match = re.search(r'<a class="vk-lang-switch__link" href="([^"]+)"', html)
        assert match, f"{language}/{page} has no language switcher"
        target = (outdir / page).parent / match.group(1)
        assert target.resolve() == (outdir.parent / other / page).resolve(), f"{language}/{page} -> {match.group(1)}"
        checked += 1
    assert checked > 0


@pytest.mark.parametrize(("language", "stemmer"), [("ru", "RussianStemmer"), ("en", "EnglishStemmer")])
def test_search_uses_the_language_stemmer(html_builds, language, stemmer):
    script = (html_builds[language].outdir / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert stemmer in script


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_shows_the_build_date_as_an_update(html_builds, language):
    for page in pages(html_builds[language].outdir):
        html = (html_builds[language].outdir / page).read_text(encoding="utf-8")
        assert "last-updated" not in html and "Last updated" not in html, page


def test_the_russian_search_page_has_sphinx_messages_and_ours(html_builds):
    script = (html_builds["ru"].outdir / "_static" / "translations.js").read_text(encoding="utf-8")
    assert "Результаты поиска" in script  # Sphinx's own Russian catalog
    assert "Поиск завершён: найдено ${resultCount} страниц." in script  # docs/locale/ru/LC_MESSAGES/sphinx.po


@pytest.mark.parametrize("url", ["https://vkdocs.readthedocs.io/ru/latest/", None])
def test_the_canonical_url_is_read_the_docs_address(monkeypatch, url):
    if url:
        monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", url)
    else:
        monkeypatch.delenv("READTHEDOCS_CANONICAL_URL", raising=False)
    monkeypatch.setattr(sys, "path", list(sys.path))  # conf.py adds src
    conf = runpy.run_path(str(ROOT / "docs" / "conf.py"))
    assert conf["html_baseurl"] == (url or "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_declare_their_language(html_builds, language):
    html = (html_builds[language].outdir / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<html[^>]* lang="{language}"', html)


# The docs' examples run once in `make test`: ```{doctest}``` blocks of the
# pages under Sybil (docs/conftest.py), the docstrings autodoc shows under
# pytest's --doctest-modules. (`make html` and Read the Docs run Sphinx's
# doctest builder over both: that is the docs build's gate, not the tests'.)
SPHINX_ONLY_DOCTESTS = re.compile(
    r"\{(testsetup|testcleanup|testcode|testoutput|doctest)\}|\.\. (testsetup|testcleanup|testcode|testoutput|doctest)::"
)


def test_sybil_runs_every_doctest_block_of_the_pages():
    sybil = markdown_doctests()
    found, run = 0, 0
    for path in markdown_sources():
        text = path.read_text(encoding="utf-8")
        blocks = re.findall(r"^```\{doctest\}\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
        found += sum(line.startswith(">>> ") for block in blocks for line in block.splitlines())
        run += sum(1 for _ in sybil.parse(path).examples()) if sybil.should_parse(path) else 0
    assert found > 0
    # Sybil also runs ```python``` blocks, so it may find more, never fewer.
    assert run >= found, f"{found} doctest examples in the pages, Sybil runs {run}"


def test_no_page_uses_a_doctest_directive_that_only_sphinx_runs():
    for path in markdown_sources():
        text = path.read_text(encoding="utf-8").replace("```{doctest}", "")
        assert not SPHINX_ONLY_DOCTESTS.search(text), f"{path}: use ```{{doctest}}``` (Sybil runs it under pytest)"
    for path in (ROOT / "src").rglob("*.py"):
        assert not SPHINX_ONLY_DOCTESTS.search(path.read_text(encoding="utf-8")), f"{path}: write plain >>> examples"


def test_pytest_runs_the_docstrings_that_the_docs_show(pytestconfig):
    assert pytestconfig.option.doctestmodules
    assert "src" in pytestconfig.getini("testpaths")
    shown = set()
    for path in markdown_sources():
        shown |= set(re.findall(r"^\.\. auto\w+:: ([\w.]+)", path.read_text(encoding="utf-8"), re.MULTILINE))
    assert shown, "no page shows a docstring"
    for name in shown:
        module = ROOT / "src" / (name.replace(".", "/") + ".py")
        assert module.is_file(), f"{name} is not a module under src/: its examples would not run under pytest"


def test_make_html_runs_every_build_when_one_fails(tmp_path):
    """A failing doctest or Russian build never hides the English build's problems (make --keep-going)."""
    calls = tmp_path / "calls"
    sphinx = tmp_path / "sphinx"
    sphinx.write_text(f'#!/bin/sh\necho "$*" >> {calls}\necho "problem in $*" >&2\nexit 1\n', encoding="utf-8")
    sphinx.chmod(0o755)
    done = subprocess.run(
        ["make", "--no-print-directory", "html", "VENV_READY=", f"SPHINX={sphinx}", f"BUILD={tmp_path / 'build'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    builds = sorted(re.search(r"-b (\w+) -D language=(\w+)", call).groups() for call in calls.read_text().splitlines())
    assert builds == [("doctest", "ru"), ("html", "en"), ("html", "ru")]
    output = done.stdout + done.stderr
    assert "problem in -b html -D language=en" in output
    assert "make html failed" in output
