"""The manual's structure (vkdocs.sphinx.manual) comes out the same whichever builds share the doctrees:
LaTeX on its own, or after HTML with one doctree folder, as Read the Docs builds it.

A tiny project, built in-process with Sphinx's test fixtures (``make_app``; no TeX needed):
a start page with an introduction, a section and two captioned toctrees.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sphinx.util.texescape import escape

from vkdocs.dataset import build_dataset
from vkdocs.deadline import format_long_date
from vkdocs.messages import message
from vkdocs.sphinx.manual import essentials_and_colophon
from vkdocs.typography import tie

CONF = 'extensions = ["vkdocs.sphinx.manual"]\nproject = "t"\n'
START = """\
Title
=====

Opening words.

A section
---------

Text of the section.

.. toctree::
   :caption: First part

   one

.. toctree::
   :caption: Second part

   two
"""
PAGE = "{title}\n{rule}\n\nText of {title}.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    source.mkdir()
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    (source / "index.rst").write_text(START, encoding="utf-8")
    for name in ("one", "two"):
        title = f"Page {name}"
        (source / f"{name}.rst").write_text(PAGE.format(title=title, rule="=" * len(title)), encoding="utf-8")
    return source


@pytest.fixture
def build(make_app):
    """Build with Sphinx's test application (``make_app``); every builder shares ``builddir/doctrees``.
    The output folder, after a build that warned of nothing. Each application is cleaned up after its build
    (a second one in the same test would otherwise find Sphinx's nodes registered already)."""

    def run(source: Path, builder: str, builddir: Path) -> Path:
        app = make_app(builder, srcdir=source, builddir=builddir, confoverrides={"language": "en"})
        try:
            app.build()
            assert app.warning.getvalue() == ""
            return app.outdir
        finally:
            app.cleanup()

    return run


def structure(tex: str) -> list[str]:
    """The manual's sectioning commands and our two markers, in order: ``part{First part}``, ``vkmainmatter``…"""
    found = re.findall(r"\\(part|chapter|section)\{([^}]*)\}|\\(vkmainmatter|vktableofcontents)\b(?:\{([^}]*)\})?", tex)
    return [f"{a}{{{b}}}" if a else (f"{c}{{{d}}}" if d else c) for a, b, c, d in found]


EXPECTED = [
    "vktableofcontents{" + message("manual_contents", "en") + "}",
    "chapter{" + message("manual_introduction", "en") + "}",
    "section{A section}",
    "vkmainmatter",
    "part{First part}",
    "chapter{Page one}",
    "part{Second part}",
    "chapter{Page two}",
]


def manual_structure(outdir: Path) -> list[str]:
    tex = (outdir / "vkdocs-en.tex").read_text(encoding="utf-8")
    body = tex[tex.index(r"\begin{document}") :]
    return structure(body)


def test_latex_alone_gives_the_front_matter_then_a_part_per_caption(build, project, tmp_path):
    assert manual_structure(build(project, "latex", tmp_path / "alone")) == EXPECTED


def test_latex_after_html_with_the_same_doctrees_gives_the_same_manual(build, project, tmp_path):
    shared = tmp_path / "shared"
    build(project, "html", shared)
    assert manual_structure(build(project, "latex", shared)) == EXPECTED


def test_the_html_start_page_keeps_its_captions_and_sections(build, project, tmp_path):
    html = (build(project, "html", tmp_path / "html") / "index.html").read_text(encoding="utf-8")
    assert "First part" in html and "Second part" in html and "A section" in html
    assert message("manual_introduction", "en") not in html and "vk-front-matter" not in html


def test_a_page_left_out_of_the_manual_leaves_it_and_a_reference_to_it_keeps_only_its_words(build, project, tmp_path):
    """``vkdocs_print_web_only``: the page's text is not printed; a reference to it prints its words, unlinked."""
    (project / "conf.py").write_text(CONF + 'vkdocs_print_web_only = ["two"]\n', encoding="utf-8")
    one = PAGE.format(title="Page one", rule="=" * 8) + "\nSee :doc:`two` and :ref:`the-label`.\n"
    (project / "one.rst").write_text(one, encoding="utf-8")
    (project / "two.rst").write_text(
        ".. _the-label:\n\n" + PAGE.format(title="Page two", rule="=" * 8), encoding="utf-8"
    )
    tex = (build(project, "latex", tmp_path / "latex") / "vkdocs-en.tex").read_text(encoding="utf-8")
    body = tex[tex.index(r"\begin{document}") :]
    assert "Text of Page one" in body and "Text of Page two" not in body
    assert "See Page two and Page two." in re.sub(r"\\[a-zA-Z]+\{[^}]*\}|[{}]", "", body).replace("\n", " ")
    assert "two:" not in body and "two::" not in body, "a link or page reference to the page left out"


def test_a_heading_whose_text_starts_with_a_box_asks_room_for_both(build, project, tmp_path):
    """In print a box's title under a heading needs the heading's room and the box's together
    (``\\vkheadingbeforebox`` before the heading), or the heading could end a page alone."""
    page = "Page one\n========\n\nBoxed\n-----\n\n.. _boxed:\n\n.. warning:: Never pay.\n\nPlain\n-----\n\nText.\n"
    (project / "one.rst").write_text(page, encoding="utf-8")
    tex = (build(project, "latex", tmp_path / "latex") / "vkdocs-en.tex").read_text(encoding="utf-8")
    body = tex[tex.index(r"\begin{document}") :]
    assert re.search(r"\\vkheadingbeforebox\s*\\section\{Boxed\}", body), "no room asked before the boxed heading"
    assert body.count(r"\vkheadingbeforebox") == 1, "room asked before a heading with no box under it"


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_colophon_is_set_like_the_essentials_above_it(language):
    """The colophon (edition, check date, address, licence) goes through tie() as the essentials box does:
    «Сверено с руководствами: 1 октября 2026 г.» never ends a line with «с», nor splits «1 октября»."""
    address = "https://vkdocs.example/ru/"
    latex = essentials_and_colophon(language, address)
    colophon = latex[latex.index(r"\vfill") :]
    checked = min(date.fromisoformat(record["checked"]) for record in build_dataset()["situations"].values())
    for text in (
        message("page_checked", language, date=format_long_date(checked, language)),
        message("manual_site", language),
        "© " + message("site_copyright", language),
    ):
        assert escape(tie(text)) in colophon, f"the colophon does not set {text!r} through tie()"
    assert address in colophon
    if language == "ru":  # not vacuous: «Сверено с руководствами: 6 декабря 2026 г.» has ties to set
        assert re.search(r" с\xa0\w", colophon) and re.search(r"\d\xa0\w", colophon), colophon
