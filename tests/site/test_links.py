"""Every internal link of the built site resolves: the file exists and so does its #anchor.

The PDFs the pages link to (``pdf/…``) come from ``make pdf``, which needs
TeX: when they have been built they are put beside the HTML and checked like
any other file; without them those links alone are let through, unless
``VKDOCS_REQUIRE_PDF=1`` (CI), where a missing PDF is a broken link.
"""

from __future__ import annotations

import os
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from docbuild import LANGUAGES, ROOT

PDF_DIR = Path(os.environ.get("VKDOCS_PDF_DIR", ROOT / "docs" / "_build" / "pdf"))
REQUIRE_PDF = os.environ.get("VKDOCS_REQUIRE_PDF") == "1"


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and "name" in attributes:
            self.ids.add(attributes["name"])
        for key in ("href", "src"):
            if attributes.get(key) and tag in {"a", "link", "script", "img", "source", "iframe"}:
                self.hrefs.append(attributes[key])


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(outdir: Path, *, allow_missing_pdf: bool = False) -> list[str]:
    parsed: dict[Path, Links] = {}

    def links_of(page: Path) -> Links:
        # Each page is parsed once, however many links point into it.
        if page not in parsed:
            parsed[page] = parse(page)
        return parsed[page]

    broken = []
    for page in sorted(outdir.rglob("*.html")):
        links = links_of(page)
        for href in links.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                if allow_missing_pdf and target.parent == outdir / "pdf" and target.suffix == ".pdf":
                    continue
                broken.append(f"{page.relative_to(outdir)} -> {href} (no such file)")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = links_of(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(outdir)} -> {href} (no such anchor)")
    return broken


def test_the_checker_finds_missing_files_and_anchors(tmp_path):
    (tmp_path / "a.html").write_text(
        '<p id="here"></p><a href="b.html">x</a><a href="a.html#here">y</a><a href="#gone">z</a>'
    )
    assert broken_links(tmp_path) == ["a.html -> b.html (no such file)", "a.html -> #gone (no such anchor)"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_internal_link_resolves(html_builds, language):
    outdir = html_builds[language].outdir
    for built in PDF_DIR.glob(f"*-{language}.pdf"):
        (outdir / "pdf").mkdir(exist_ok=True)
        shutil.copy2(built, outdir / "pdf" / built.name)
    broken = broken_links(outdir, allow_missing_pdf=not REQUIRE_PDF)
    assert not broken, "Broken links:\n" + "\n".join(broken)
