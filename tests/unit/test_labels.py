"""The line under a how-to page's title (vkdocs.sphinx.labels): its guides come from what the page cites.

A tiny project, built in-process with Sphinx's test application: how-to pages
whose only front matter is ``reviewed``, citing the register in a box, in
running text (``{vk-src}``) and through a checklist (its steps and warnings).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from vkdocs import evidence
from vkdocs.checklist import build_checklist
from vkdocs.messages import message

CONF = "extensions = ['myst_parser', 'vkdocs.sphinx.labels', 'vkdocs.sphinx.checklists']\nproject = 't'\nmyst_enable_extensions = ['colon_fence']\n"
FRONT = "---\nreviewed: 2026-12-06\n---\n\n"
PAGES = {
    # A box citing guide B and a sentence citing guide E: the line names B, E.
    "howto/box": FRONT
    + "# Box\n\n:::{vk-claim}\n:source: B-three-months\n\nText.\n:::\n\nMore {vk-src}`E-7-months`.\n",
    # Only a checklist: its steps' and warnings' guides.
    "howto/checklist": FRONT + "# Checklist\n\n```{vk-checklist} remove-app\n```\n",
}


def build(tmp_path: Path, pages: dict[str, str]) -> tuple[Path, str]:
    """Build ``pages`` (name -> Markdown) in Russian; the output folder and the warnings."""
    source = tmp_path / "source"
    (source / "howto").mkdir(parents=True)
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    toctree = "```{toctree}\n" + "\n".join(pages) + "\n```\n"
    # The line links to where the sources page explains the date.
    (source / "index.md").write_text("# Index\n\n(sources-date)=\n## Dates\n\n" + toctree, encoding="utf-8")
    for name, body in pages.items():
        (source / f"{name}.md").write_text(body, encoding="utf-8")
    app = SphinxTestApp("html", srcdir=source, builddir=tmp_path / "build", confoverrides={"language": "ru"})
    try:
        app.build()
        return app.outdir, app._warning.getvalue()
    finally:
        app.cleanup()


def page_line(outdir: Path, name: str) -> str:
    page = BeautifulSoup((outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
    line = page.select_one("p.vk-pagemeta")
    assert line is not None, name
    return line.get_text()


def named_guides(line: str) -> list[str]:
    """The guide letters the line names, after "guides"."""
    found = re.search(r"руководств[оа] ([A-E](?:, [A-E])*)", line)
    assert found, line
    return found.group(1).split(", ")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    return build(tmp_path_factory.mktemp("labels"), PAGES)


def test_the_line_names_the_guides_of_the_boxes_and_sentences_the_page_cites(built):
    outdir, warnings = built
    assert warnings == ""
    line = page_line(outdir, "howto/box")
    assert line.startswith(message("page_checked", "ru", date="6 декабря 2026 г."))
    assert named_guides(line) == ["B", "E"]


def test_the_line_names_the_guides_of_the_checklists_steps_and_warnings(built):
    outdir, _ = built
    checklist = build_checklist("remove-app", lang="ru")
    cautions = [*checklist.warnings, *(step.warning for step in checklist.steps if step.warning)]
    ids = [i for item in (*checklist.steps, *cautions) for i in item.sources]
    assert named_guides(page_line(outdir, "howto/checklist")) == evidence.guides_of(ids)


def test_hand_written_sources_in_front_matter_fail_the_build(tmp_path):
    page = "---\nreviewed: 2026-12-06\nsources: A, B\n---\n\n# Page\n\nText {vk-src}`E-7-months`.\n"
    _, warnings = build(tmp_path, {"howto/page": page})
    assert "front matter 'sources' is not written by hand" in warnings


def test_a_checked_page_that_cites_no_guide_fails_the_build(tmp_path):
    _, warnings = build(tmp_path, {"howto/page": FRONT + "# Page\n\nNo quotes here.\n"})
    assert "cites none of their quotes" in warnings
