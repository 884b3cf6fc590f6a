"""What Read the Docs builds is what we check: its build of each language, replayed by
``tools/rtd_replay.py`` (the ``build.jobs`` of ``.readthedocs.yaml`` around Read the Docs' own
HTML, LaTeX and latexmk commands, one doctree folder shared by both Sphinx builds), passes
and outputs the site, the manual and the handouts as ``make html`` and ``make pdf`` do.

The replay runs once per session in the background (``rtd_replays`` in conftest.py), or
``make rtd`` replays it into docs/_build/rtd (with a fresh virtualenv and the ``install`` job)
and points ``VKDOCS_RTD_DIR`` there. Without TeX these tests are skipped, with the reason,
unless ``CI`` or ``VKDOCS_REQUIRE_PDF=1`` is set: then they fail.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from docbuild import LANGUAGES
from test_pdf import assert_contents_lists, assert_outline_follows, start_page_toctrees
from texlog import failed_steps, missing_characters, read_log, undefined_references

from vkdocs.checklist import situations
from vkdocs.latex import handout_file, manual_file

#: Read the Docs Community's build time limit (tools/rtd_replay.py, TIME_LIMIT).
TIME_LIMIT = 900

HREF = re.compile(r'<a\b[^>]*\bhref="([^"#?]+\.pdf)(?:[#?][^"]*)?"')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
SWITCH = re.compile(r'<a class="vk-lang-switch__link" href="([^"]+)" hreflang="([^"]+)"')
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"')


def step(replay: dict, name: str) -> dict:
    return next(s for s in replay["steps"] if s["name"] == name)


def manual_pdf(replay: dict) -> Path:
    """The manual as published: post_build copies Read the Docs' PDF into the site's pdf/ folder."""
    return Path(replay["html"]) / "pdf" / manual_file(replay["language"])


def html_pages(replay: dict) -> list[Path]:
    return sorted(Path(replay["html"]).rglob("*.html"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_read_the_docs_build_passes_and_says_how_long_it_took(rtd_replays, language, capsys):
    replay = rtd_replays[language]
    with capsys.disabled():
        times = ", ".join(f"{s['name']} {s['seconds']:.0f} s" for s in replay["steps"])
        print(f"\nRead the Docs' build ({language}): {replay['seconds']:.0f} s of its {TIME_LIMIT} s ({times})")
    assert replay["passed"], f"Read the Docs' build of {language} fails at {replay['failed_step']}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_latexmk_runs_every_step(rtd_replays, language):
    """Read the Docs calls latexmk without Sphinx's Makefile: every step (the index too) must still run."""
    replay = rtd_replays[language]
    latexmk = step(replay, "latexmk")
    failed = failed_steps(Path(latexmk["log"]).read_text(encoding="utf-8", errors="replace"))
    assert (latexmk["returncode"], failed) == (0, []), f"latexmk: {failed} (see {latexmk['log']})"


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_leaves_no_reference_unresolved_and_no_glyph_missing(rtd_replays, language):
    replay = rtd_replays[language]
    logs = sorted(Path(replay["latex"]).glob("*.log"))
    assert logs, f"no LaTeX log in {replay['latex']}"
    for log in logs:
        text = read_log(log)
        assert undefined_references(text) == [], f"{log}: references printed as ??"
        assert missing_characters(text) == [], f"{log}: glyphs the fonts lack"


@pytest.mark.parametrize("language", LANGUAGES)
def test_handouts_built_in_post_build_have_no_glyph_missing(rtd_replays, language):
    replay = rtd_replays[language]
    folder = Path(replay["checkout"]) / "docs" / "_build" / "handouts" / "latex"
    for situation in situations():
        log = folder / handout_file(situation, language).replace(".pdf", ".log")
        assert log.is_file(), f"post_build built no handout {situation} ({log})"
        assert missing_characters(read_log(log)) == [], f"{log}: glyphs the fonts lack"


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_outline_follows_the_site_toctree(rtd_replays, language):
    replay = rtd_replays[language]
    expected = start_page_toctrees(Path(replay["html"]) / "index.html")
    assert_outline_follows(manual_pdf(replay), expected, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_manual_contents_page_lists_parts_and_chapters_with_page_numbers(rtd_replays, language):
    replay = rtd_replays[language]
    expected = start_page_toctrees(Path(replay["html"]) / "index.html")
    assert_contents_lists(manual_pdf(replay), expected, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_pdf_link_of_every_page_resolves_inside_the_site(rtd_replays, language):
    replay = rtd_replays[language]
    root = Path(replay["html"]).resolve()
    linked, broken = set(), []
    for page in html_pages(replay):
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            if urlsplit(href).scheme:
                broken.append(f"{page.relative_to(root)}: {href} (another site)")
                continue
            target = (page.parent / href).resolve()
            if not target.is_relative_to(root) or not target.is_file():
                broken.append(f"{page.relative_to(root)}: {href}")
            linked.add(target.name)
    assert not broken, "PDF links that do not resolve inside the output:\n" + "\n".join(broken[:20])
    expected = {manual_file(language), *(handout_file(situation, language) for situation in situations())}
    assert expected <= linked, f"no page links to {sorted(expected - linked)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_canonical_urls_are_the_pages_own_addresses_in_read_the_docs_layout(rtd_replays, language):
    replay = rtd_replays[language]
    root = Path(replay["html"])
    wrong = []
    for page in html_pages(replay):
        found = CANONICAL.findall(page.read_text(encoding="utf-8"))
        expected = replay["canonical_url"] + page.relative_to(root).as_posix()
        if found != [expected]:
            wrong.append(f"{page.relative_to(root)}: {found}, not {expected}")
    assert replay["canonical_url"].endswith(f"/{language}/{replay['version']}/")
    assert not wrong, "\n".join(wrong[:20])


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_and_alternates_point_to_the_same_page_in_read_the_docs_layout(rtd_replays, language):
    """Resolved as a browser would from the page's address (/<lang>/<version>/<page>), every switch link and
    hreflang alternate (x-default: the source language) reaches the same page, served by Read the Docs."""
    replay = rtd_replays[language]
    root, layout, version = Path(replay["html"]), Path(replay["served"]), replay["version"]
    origin = urlsplit(replay["canonical_url"])
    assert (layout / language / version / "index.html").is_file(), f"{layout} does not serve {language}/{version}/"
    wrong, checked = [], 0
    for page in html_pages(replay):
        name = page.relative_to(root).as_posix()
        address = f"/{language}/{version}/{name}"
        html = page.read_text(encoding="utf-8")
        links = [(lang, href) for href, lang in SWITCH.findall(html)] + ALTERNATE.findall(html)
        for lang, href in links:
            target = urlsplit(href)
            if target.scheme and (target.scheme, target.netloc) != (origin.scheme, origin.netloc):
                wrong.append(f"{address}: {lang} -> {href} (another site)")
                continue
            path = (
                target.path if target.scheme else posixpath.normpath(posixpath.join(posixpath.dirname(address), href))
            )
            expected = f"/{LANGUAGES[0] if lang == 'x-default' else lang}/{version}/{name}"
            if path != expected or not (layout / path.lstrip("/")).is_file():
                wrong.append(f"{address}: {lang} -> {href} ({path}, not {expected})")
            checked += 1
    assert checked, "no language switcher on any page"
    assert not wrong, "\n".join(wrong[:20])
