"""Both languages build cleanly, and the pages link to each other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docbuild import LANGUAGES, sphinx_build


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
def test_pages_declare_their_language(html_builds, language):
    html = (html_builds[language].outdir / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<html[^>]* lang="{language}"', html)


def test_the_sphinx_doctest_builder_passes(tmp_path):
    """The doctests as `make html` and Read the Docs run them (autodoc'ed docstrings included)."""
    build = sphinx_build("doctest", "ru", tmp_path / "doctest")
    assert build.returncode == 0, build.output
    summary = (tmp_path / "doctest" / "output.txt").read_text(encoding="utf-8")
    assert "0 failures in tests" in summary
    assert re.search(r"[1-9]\d* tests?", summary)
