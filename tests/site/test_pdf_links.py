"""The HTML pages link to the printable handouts in the reader's language (no TeX needed)."""

from __future__ import annotations

import re

import pytest
from docbuild import LANGUAGES

from vkdocs.checklist import situations
from vkdocs.latex import handout_file, manual_file

LINK = re.compile(r'<a class="vk-handout-link[^"]*" href="([^"]+)"')


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_checklist_links_to_its_handout_in_the_page_language(html_builds, language):
    outdir = html_builds[language].outdir
    checked = 0
    for page in outdir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for match in re.finditer(r'<p class="vk-print-link">.*?href="([^"]+)"', html):
            target = (page.parent / match.group(1)).resolve()
            assert target.parent == (outdir / "pdf").resolve(), f"{page}: {match.group(1)}"
            assert target.name.endswith(f"-{language}.pdf"), f"{page} links to another language: {target.name}"
            checked += 1
    assert checked > 0, "no page shows a checklist with a print link"


@pytest.mark.parametrize("language", LANGUAGES)
def test_handouts_page_lists_the_manual_and_every_handout(html_builds, language):
    outdir = html_builds[language].outdir
    page = outdir / "reference" / "handouts.html"
    links = [(page.parent / href).resolve() for href in LINK.findall(page.read_text(encoding="utf-8"))]
    expected = [manual_file(language)] + [handout_file(situation, language) for situation in situations()]
    assert [link.name for link in links] == expected
    assert {link.parent for link in links} == {(outdir / "pdf").resolve()}
