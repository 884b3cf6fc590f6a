"""Truth labels, unconfirmed interface labels and page freshness, in one consistent style.

Directives (each an admonition whose title the build's language supplies, so
authors never retype it and every page looks the same):

* ``{vk-says}``: what VK's own interface shows (e.g. the restore date in its dialog).
* ``{vk-claim}``: what a source guide claims and nobody here could verify.
* ``{vk-harmful}``: a "method" that hurts the reader or others (breaks VK's
  rules, locks the reader out, hands the page to strangers): a warning, never steps.
* ``{vk-myth}``: a "method" that simply does not work, though it does no harm.
* ``{vk-fraud}``: a scam to recognise (paying to restore, "pay to unblock" screens).

``:source: B-hide-then-delete`` (or ``:source: B-three-months, D-empty-month``)
cites ids of the evidence register (:mod:`vkdocs.evidence`): the box's title
names their guide(s) and the box ends with their quotes, collapsed
(:func:`vkdocs.sphinx.evidence.quotes_box`). ``{vk-claim}``,
``{vk-harmful}`` and ``{vk-myth}`` must cite one: a box without ``:source:``
is a warning, one with an unknown id or a bare guide letter an error, each
with its file and line, so the strict build (``-W``) fails. ``{vk-fraud}``
and ``{vk-says}`` cite one where a guide says it.

Role:

* ``{vk-unconfirmed}`Двухэтапная проверка``` marks an interface label that
  no source guide gives: it prints as «Двухэтапная проверка» followed by a
  visible "(название не подтверждено)", linked to the sources page. In the
  English catalog the gloss goes after ``<``:
  ``{vk-unconfirmed}`Двухэтапная проверка <Two-step verification>```, shown as
  «Двухэтапная проверка» (Two-step verification; label not confirmed).

Front matter on how-to pages::

    ---
    reviewed: 2026-11-26
    ---

is shown under the page title as "Checked against the guides: November 26,
2026 · Sources: guides A, D", with a link to the sources page section that
says what the date means. The guides are not written by hand: they are the
guides of every register id the page cites (its boxes, ``{vk-src}``, its
checklists' steps and warnings: :func:`vkdocs.sphinx.evidence.cited_ids`), so
the line cannot name a guide the page does not quote, nor miss one it does.
A how-to page without ``reviewed``, or one that cites no guide, fails the
build; so does a hand-written ``sources:``. That line is not page text:
Sphinx's search index skips it (class ``no-search``), and so do the result
summaries (``docs/_static/search-page.js``).

Part of :mod:`vkdocs.sphinx`; on its own: ``extensions = [..., "vkdocs.sphinx.labels"]``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from vkdocs.deadline import format_long_date
from vkdocs.evidence import guides_of, parse_ids
from vkdocs.messages import message
from vkdocs.sphinx._nodes import docname
from vkdocs.sphinx.evidence import cited_ids, quotes_box

if TYPE_CHECKING:
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

GUIDES = ("A", "B", "C", "D", "E")

#: Directive name -> (admonition style, the message that titles it, in ``vkdocs.messages``).
LABELS = {
    "vk-says": ("tip", "label_says"),
    "vk-claim": ("caution", "label_claim"),
    "vk-harmful": ("danger", "label_harmful"),
    "vk-myth": ("note", "label_myth"),
    "vk-fraud": ("danger", "label_fraud"),
}

#: Labels that always come from a guide, so their boxes must name it.
NEEDS_SOURCE = ("vk-claim", "vk-harmful", "vk-myth")

#: Where the sources page explains the date under a how-to page's title, and unconfirmed labels.
DATE_TARGET = "sources-date"
UNCONFIRMED_TARGET = "sources-unconfirmed"


def _sources_text(guides: list[str], language: str) -> str:
    key = "label_source" if len(guides) == 1 else "label_sources"
    return message(key, language, guides=", ".join(guides))


def _ref(target: str, text: str) -> addnodes.pending_xref:
    link = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=target, refexplicit=True, refwarn=True)
    link += nodes.inline(text, text)
    return link


class LabelDirective(SphinxDirective):
    """An admonition with a fixed, localized title, the label's class and its source guide(s)."""

    has_content = True
    option_spec = {"source": directives.unchanged, "class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        style, title_key = LABELS[self.name]
        language = self.config.language
        admonition = nodes.admonition(classes=[style, self.name, "vk-label", *self.options.get("class", [])])
        self.set_source_info(admonition)
        title = message(title_key, language)
        ids: list[str] = []
        if "source" in self.options:
            try:
                ids = parse_ids(self.options["source"])
            except ValueError as error:
                raise self.error(f"{{{self.name}}} :source: {error}") from None
            title += " · " + _sources_text(guides_of(ids), language)
        elif self.name in NEEDS_SOURCE:
            logger.warning(
                "a {%s} box must name its guide(s): add ':source: ' with ids of the evidence register "
                "(src/vkdocs/data/evidence.json), e.g. ':source: A-restore-210'",
                self.name,
                location=admonition,
            )
        # Supplied per language, so not extracted for translation.
        admonition += nodes.title(title, title, translatable=False)
        admonition.extend(self.parse_content_to_nodes())
        if ids:
            admonition += quotes_box(ids, language)
        return [admonition]


class UnconfirmedRole(SphinxRole):
    """``{vk-unconfirmed}`Label``` or ``{vk-unconfirmed}`Label <English gloss>```."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        match = re.fullmatch(r"\s*(.+?)\s*(?:<([^<>]+)>)?\s*", self.text, flags=re.DOTALL)
        label, gloss = (match.group(1), match.group(2)) if match else (self.text, None)
        language = self.config.language
        span = nodes.inline(classes=["vk-unconfirmed"])
        quoted = f"«{label}»"
        span += nodes.inline(quoted, quoted, classes=["vk-unconfirmed__label"])
        span += nodes.Text(f" ({gloss.strip()}; " if gloss else " (")
        mark = _ref(UNCONFIRMED_TARGET, message("label_unconfirmed", language))
        mark["classes"] = ["vk-unconfirmed__mark"]
        span += mark
        span += nodes.Text(")")
        return [span], []


def _page_meta(app: Sphinx, doctree: nodes.document) -> None:
    page = docname(app.env)
    metadata = app.env.metadata.get(page, {})
    language = app.config.language
    if "sources" in metadata:
        logger.warning(
            "front matter 'sources' is not written by hand: the guides under the title are those of the "
            "evidence ids the page cites; delete the line",
            location=page,
        )
    if page.startswith("howto/") and "reviewed" not in metadata:
        logger.warning("how-to page needs front matter 'reviewed'", location=page)
        return
    if "reviewed" not in metadata:
        return
    try:
        checked = date.fromisoformat(str(metadata["reviewed"]))
    except ValueError as error:
        logger.warning("bad page front matter: %s", error, location=page)
        return
    guides = guides_of(cited_ids(doctree))
    if not guides:
        logger.warning("a page checked against the guides ('reviewed') cites none of their quotes", location=page)
        return
    # Not page text: the search index skips it.
    paragraph = nodes.paragraph(classes=["vk-pagemeta", "no-search"], translatable=False)
    text = message("page_checked", language, date=format_long_date(checked, language))
    paragraph += nodes.Text(f"{text} · {_sources_text(guides, language)} (")
    paragraph += _ref(DATE_TARGET, message("page_date_meaning", language))
    paragraph += nodes.Text(")")
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    title_index = section.first_child_matching_class(nodes.title)
    section.insert((title_index or 0) + 1, paragraph)


def setup(app: Sphinx) -> ExtensionMetadata:
    # A box that cites ids ends with their quotes: those nodes come from the evidence feature.
    app.setup_extension("vkdocs.sphinx.evidence")
    for name in LABELS:
        app.add_directive(name, LabelDirective)
    app.add_role("vk-unconfirmed", UnconfirmedRole())
    app.connect("doctree-read", _page_meta)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
