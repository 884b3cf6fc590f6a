"""Sphinx configuration for vkdocs (Russian source, English translation).

The language comes from ``-D language=…`` or from Read the Docs'
``READTHEDOCS_LANGUAGE``. Anything that differs per language is decided in
``config-inited`` handlers (see ``vkdocs.sphinx.languages``), because
``-D language=`` is applied after this file runs.
"""

import os
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent / "src"))

project = "vkdocs"
# In the build's language: vkdocs.sphinx.languages sets both from the messages
# site_authors and site_copyright when the language is known.
author = "vkdocs contributors"
copyright = "2026, vkdocs contributors"

language = os.environ.get("READTHEDOCS_LANGUAGE", "ru")
# "locale/" beside this file: the English pages' catalogs, and theme strings
# missing from Sphinx's Russian catalog (ru/LC_MESSAGES/sphinx.po, compiled by
# Sphinx; its search messages are added by vkdocs.sphinx.languages). Absolute:
# Sphinx looks for JavaScript catalogs relative to the working directory.
locale_dirs = [str(DOCS / "locale")]
gettext_compact = False
gettext_uuid = False
gettext_location = True
# Reproducible output: dates come from SOURCE_DATE_EPOCH when it is set.
today_fmt = "%Y-%m-%d"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "vkdocs.sphinx",
]

nitpicky = True
nitpick_ignore = [
    # datetime types in the helpers' signatures: no intersphinx (no network
    # while building), so the standard library cannot be linked.
    ("py:class", "datetime.date"),
    ("py:class", "datetime.datetime"),
    ("py:class", "datetime.timedelta"),
    # vkdocs.i18n's signatures: the standard library's and Babel's types.
    ("py:class", "pathlib.Path"),
    ("py:class", "gettext.NullTranslations"),
    ("py:class", "babel.core.Locale"),
]

myst_enable_extensions = [
    "colon_fence",
    "deflist",
    "tasklist",
    "attrs_block",
    "attrs_inline",
    "substitution",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_handouts", "README.md", "conftest.py", "Thumbs.db", ".DS_Store"]
templates_path = ["_templates"]

suppress_warnings = []

# Docstrings shown by autodoc run here too: give them their modules' names.
doctest_global_setup = """
import datetime
from datetime import date
from vkdocs.checklist import *
from vkdocs.cli import default_language, main
from vkdocs.deadline import *
from vkdocs.errors import InputError, InputTypeError
from vkdocs.i18n import *
from vkdocs.messages import message
"""

autodoc_member_order = "bysource"
autodoc_typehints = "description"

html_theme = "furo"
# <link rel="canonical"> to the page's address on Read the Docs (which sets the
# variable: /<language>/<version>/); none in local builds.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
# No "Last updated" line: it would show the build date (Read the Docs re-dates
# it at every build), not when a page changed; pages show their review date.
html_last_updated_fmt = None
html_title = "vkdocs"
html_static_path = ["_static"]
html_css_files = ["vkdocs.css"]
html_js_files = ["lang-switch.js"]
html_copy_source = False
html_show_sourcelink = False
html_domain_indices = False

# PDF (make pdf): XeLaTeX with DejaVu fonts on A4; the preamble, the print
# styles and the per-language latex_documents (vkdocs-<lang>.pdf, the only
# entry, as Read the Docs requires) are set by vkdocs.sphinx.manual.
# XeLaTeX, booktabs tables (TeX Live 2026), URLs as footnotes: the settings
# every PDF shares with `vkdocs handout` (vkdocs.latex.LATEX_SETTINGS).
from vkdocs.latex import LATEX_SETTINGS  # noqa: E402

globals().update(LATEX_SETTINGS)
latex_elements = {}
# The reader's manual leaves out the pages for programmers (they stay on the site).
vkdocs_print_web_only = ["reference/api", "reference/cli"]
# Search ranking: Sphinx's scores plus title and how-to boosts (see the file).
html_search_scorer = str(DOCS / "_static" / "search-scorer.js")
