"""Sphinx configuration for the printable handouts (``make handouts``).

The main configuration (``docs/conf.py``) with these changes: the LaTeX
documents are the handouts, one per situation of
:func:`vkdocs.checklist.situations` (``vkdocs.sphinx.manual``); every page
here is one situation's ``{vk-handout}`` and nothing else, whose words come
from the package's catalogs, so there is no page text to translate; and only
the extensions those pages need.

Build: ``make handouts`` (Sphinx's options: :mod:`vkdocs.builds`), or by hand
``python -m sphinx -M latexpdf docs/_handouts OUT -W --keep-going -n -q -D language=en``.
"""

from pathlib import Path

_MAIN = Path(__file__).resolve().parent.parent / "conf.py"
_settings: dict = {"__file__": str(_MAIN)}
exec(compile(_MAIN.read_text(encoding="utf-8"), str(_MAIN), "exec"), _settings)
globals().update({key: value for key, value in _settings.items() if not key.startswith("_")})

vkdocs_print = "handouts"
# The per-language settings, the catalog gate, the handouts and their LaTeX documents.
extensions = [
    "myst_parser",
    "vkdocs.sphinx.fingerprint",
    "vkdocs.sphinx.languages",
    "vkdocs.sphinx.untranslated",
    "vkdocs.sphinx.handouts",
    "vkdocs.sphinx.manual",
    "vkdocs.sphinx.typography",
]
# Every page is a handout, read on its own: none is in a toctree.
root_doc = "delete"
exclude_patterns = ["_build"]
# The main project's locale folder, for Sphinx's own words (an admonition's
# "Warning") in languages Sphinx does not ship; the pages' catalogs are not used here.
# Print only: the web's static files and templates are not needed here.
html_static_path = []
templates_path = []
