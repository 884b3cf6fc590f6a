"""Truth labels and page freshness, in one consistent style.

Directives (each an admonition whose title the build's language supplies, so
authors never retype it and every page looks the same):

* ``{vk-says}``: what VK's own interface shows (e.g. the restore date in its dialog).
* ``{vk-claim}``: what a source guide claims and nobody here could verify;
  ``:source: B`` names the guide(s).
* ``{vk-harmful}``: a harmful or rule-breaking "method", shown only as a warning.
* ``{vk-fraud}``: a scam to recognise (paying to restore, "pay to unblock" screens).

Front matter on how-to pages::

    ---
    reviewed: 2026-11-25
    sources: A, D
    ---

is shown under the page title as "Reviewed … · Sources: guides A, D", with a
link to the sources page. A how-to page without it fails the build.
"""

from __future__ import annotations

import re
from datetime import date

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from vkdocs.deadline import format_long_date

logger = logging.getLogger(__name__)

GUIDES = ("A", "B", "C", "D", "E")

LABELS = {
    "vk-says": ("tip", {"ru": "Так показывает VK", "en": "What VK itself shows"}),
    "vk-claim": ("caution", {"ru": "Утверждение источника, не проверено", "en": "A source guide's claim, unverified"}),
    "vk-harmful": ("danger", {"ru": "Вредный способ: не делайте так", "en": "Harmful method: do not do this"}),
    "vk-fraud": ("danger", {"ru": "Осторожно: мошенничество", "en": "Beware: fraud"}),
}

TEXTS = {
    "source": {"ru": "Источник: руководство {}", "en": "Source: guide {}"},
    "sources": {"ru": "Источники: руководства {}", "en": "Sources: guides {}"},
    "reviewed": {"ru": "Шаги проверены: {}", "en": "Steps last reviewed: {}"},
    "method": {"ru": "как мы работаем с источниками", "en": "how we use the sources"},
}


def _guides(value: str) -> list[str]:
    guides = [part.strip() for part in re.split(r"[,\s]+", value) if part.strip()]
    unknown = [g for g in guides if g not in GUIDES]
    if not guides or unknown:
        raise ValueError(f"guides are named {', '.join(GUIDES)}; got {value!r}")
    return guides


def _sources_text(guides: list[str], language: str) -> str:
    key = "source" if len(guides) == 1 else "sources"
    return TEXTS[key][language].format(", ".join(guides))


class LabelDirective(SphinxDirective):
    """An admonition with a fixed, localized title and the label's class."""

    has_content = True
    option_spec = {"source": directives.unchanged, "class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        style, titles = LABELS[self.name]
        language = self.config.language
        admonition = nodes.admonition(classes=[style, self.name, "vk-label", *self.options.get("class", [])])
        self.set_source_info(admonition)
        title = titles[language]
        if "source" in self.options:
            try:
                title += " · " + _sources_text(_guides(self.options["source"]), language)
            except ValueError as error:
                raise self.error(str(error)) from None
        # Supplied per language, so not extracted for translation.
        admonition += nodes.title(title, title, translatable=False)
        admonition.extend(self.parse_content_to_nodes())
        return [admonition]


def _page_meta(app: Sphinx, doctree: nodes.document) -> None:
    docname = app.env.current_document.docname if hasattr(app.env, "current_document") else app.env.docname
    metadata = app.env.metadata.get(docname, {})
    language = app.config.language
    if docname.startswith("howto/") and not {"reviewed", "sources"} <= set(metadata):
        logger.warning("how-to page needs front matter 'reviewed' and 'sources'", location=docname)
        return
    if "reviewed" not in metadata:
        return
    try:
        reviewed = date.fromisoformat(str(metadata["reviewed"]))
        guides = _guides(str(metadata.get("sources", "")))
    except ValueError as error:
        logger.warning("bad page front matter: %s", error, location=docname)
        return
    paragraph = nodes.paragraph(classes=["vk-pagemeta"], translatable=False)
    text = TEXTS["reviewed"][language].format(format_long_date(reviewed, language))
    paragraph += nodes.Text(f"{text} · {_sources_text(guides, language)} (")
    link = addnodes.pending_xref(
        "", refdomain="std", reftype="ref", reftarget="sources", refexplicit=True, refwarn=True
    )
    link += nodes.inline(TEXTS["method"][language], TEXTS["method"][language])
    paragraph += link
    paragraph += nodes.Text(")")
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    title_index = section.first_child_matching_class(nodes.title)
    section.insert((title_index or 0) + 1, paragraph)


def setup(app: Sphinx) -> dict:
    for name in LABELS:
        app.add_directive(name, LabelDirective)
    app.connect("doctree-read", _page_meta)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
