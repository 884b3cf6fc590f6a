"""The Sphinx extension of vkdocs: ``extensions = [..., "vkdocs.sphinx"]`` sets up every feature, in this order.

Each feature is a module with its own ``setup()``, registering only what it
defines, so a project can list just the ones it needs (the handouts'
``docs/_handouts/conf.py`` does):

* :mod:`vkdocs.sphinx.fingerprint`: every page read again when the package that renders it changes;
* :mod:`vkdocs.sphinx.languages`: per-language settings, the language switcher, Russian marked in translations;
* :mod:`vkdocs.sphinx.untranslated`: the catalog gate (an untranslated message is a warning);
* :mod:`vkdocs.sphinx.evidence`: the guides' words behind every statement (``{vk-src}``, quotes in boxes and checklists, the register);
* :mod:`vkdocs.sphinx.checklists`: ``{vk-checklist}`` and the boxes to tick;
* :mod:`vkdocs.sphinx.handouts`: ``{vk-handout}``, ``{vk-handouts}``, links to the PDFs, drawn boxes;
* :mod:`vkdocs.sphinx.manual`: the PDFs' LaTeX documents and the manual's structure;
* :mod:`vkdocs.sphinx.calculator`: ``{vk-deadline-calculator}`` and the deadline's numbers for pages;
* :mod:`vkdocs.sphinx.labels`: truth labels, unconfirmed interface labels, page freshness;
* :mod:`vkdocs.sphinx.triage`: the question path and the open dataset's files;
* :mod:`vkdocs.sphinx.typography`: Russian typography in the PDFs (non-breaking spaces, unbroken labels).
* :mod:`vkdocs.sphinx.seo`: descriptions, language alternates, sitemaps, link previews, how-to data;
* :mod:`vkdocs.sphinx.search`: readers' words in the search index and on the search page.

The scripts and styles of their nodes ship in ``static/``; each module loads
its own on the HTML pages that show its node.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: The feature modules, in the order :func:`setup` sets them up (languages before the features that read its settings).
FEATURES = (
    "vkdocs.sphinx.fingerprint",
    "vkdocs.sphinx.languages",
    "vkdocs.sphinx.untranslated",
    "vkdocs.sphinx.evidence",
    "vkdocs.sphinx.checklists",
    "vkdocs.sphinx.handouts",
    "vkdocs.sphinx.manual",
    "vkdocs.sphinx.calculator",
    "vkdocs.sphinx.labels",
    "vkdocs.sphinx.triage",
    "vkdocs.sphinx.typography",
    "vkdocs.sphinx.seo",
    "vkdocs.sphinx.search",
)


def setup(app: Sphinx) -> ExtensionMetadata:
    for feature in FEATURES:
        app.setup_extension(feature)
    return {"version": "2.0", "parallel_read_safe": True, "parallel_write_safe": True}
