"""`make dist`: the whole built site in one zip that works from any folder or web server."""

from __future__ import annotations

import re
import zipfile

from docbuild import LANGUAGES
from test_links import broken_links

# A link to the server's root ("/_static/…") works on one web server only, never from a folder.
ROOT_RELATIVE = re.compile(r'(?:href|src)="/(?!/)')


def test_the_zip_holds_the_start_page_and_every_file_of_both_languages(site_zip, html_builds):
    with zipfile.ZipFile(site_zip) as archive:
        names = {name for name in archive.namelist() if not name.endswith("/")}
    assert "vkdocs-site/index.html" in names
    for language in LANGUAGES:
        outdir = html_builds[language].outdir
        built = {f"vkdocs-site/{language}/{p.relative_to(outdir).as_posix()}" for p in outdir.rglob("*") if p.is_file()}
        built = {name for name in built if not name.endswith(".buildinfo")}
        assert built <= names, sorted(built - names)[:10]


def test_every_link_stays_inside_the_folder(unzipped_site):
    for language in LANGUAGES:
        # The PDFs come from `make pdf`, which `make dist` runs first; this site was built without TeX.
        broken = broken_links(unzipped_site / language, allow_missing_pdf=True)
        assert not broken, "\n".join(broken)
    for page in unzipped_site.rglob("*.html"):
        assert not ROOT_RELATIVE.search(page.read_text(encoding="utf-8")), f"{page}: a link to the server's root"
