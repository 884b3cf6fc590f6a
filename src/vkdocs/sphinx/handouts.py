"""The print parts: handouts, links to the PDFs, drawn boxes.

Part of :mod:`vkdocs.sphinx`; it sets up :mod:`vkdocs.sphinx.checklists`, whose
checklists it prints. :mod:`vkdocs.sphinx.manual` sets the PDFs' LaTeX documents.

* Under each ``{vk-checklist}``, HTML pages get a link to the printable
  handout in the build's language (``Print: handout (PDF)``), at
  ``<vkdocs_handout_dir>/handout-<situation>-<lang>.pdf`` of the HTML output;
  other builders leave the link out (on paper the reader has it already).

* ``{vk-handout} SITUATION`` is the whole body of a printable handout (built
  with the LaTeX builder from ``docs/_handouts``): the build date, for
  ``restore`` a line to fill in by hand with a note on the restore window, and
  the checklist with its warnings. For a personal handout (``vkdocs handout``,
  :mod:`vkdocs.handout`), ``:deleted-on: DATE`` fills in the date of deletion
  and the last day to restore, in words, instead of the blank lines; and
  ``:today: DATE`` is the handout's date (otherwise the build's).

* ``{vk-handouts}`` lists every handout (and the whole manual) as downloads.

* MyST task-list checkboxes (``- [ ] …``) are raw HTML; for every other builder
  they become the same drawn boxes as the checklists.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri
from sphinx.util.texescape import escape

from vkdocs.checklist import Caution, build_checklist, handout_dates, situation_page, situations
from vkdocs.deadline import (
    SENTENCES,
    format_long_date,
    last_day,
    state,
    window_note,
)
from vkdocs.errors import InputError
from vkdocs.latex import handout_file, handout_heading, hyperref, manual_file, page_address
from vkdocs.messages import message
from vkdocs.sphinx._nodes import add_node, builder_of, docname, paragraph, track_builder, untranslatable
from vkdocs.sphinx.checklists import caution_paragraph, checklist_nodes, vk_checkbox

if TYPE_CHECKING:
    from sphinx.util.typing import ExtensionMetadata
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.manpage import ManualPageTranslator
    from sphinx.writers.texinfo import TexinfoTranslator
    from sphinx.writers.text import TextTranslator

BLANK = "__________"


class vk_blank(nodes.Inline, nodes.Element):
    """A line to fill in by hand: drawn in print, underscores elsewhere."""


def visit_blank_html(self: HTML5Translator, node: vk_blank) -> None:
    self.body.append(f'<span class="vk-blank">{BLANK}</span>')
    raise nodes.SkipNode


def visit_blank_latex(self: LaTeXTranslator, node: vk_blank) -> None:
    self.body.append(r"\vkblank{}")
    raise nodes.SkipNode


def visit_blank_text(self: TextTranslator, node: vk_blank) -> None:
    self.add_text(BLANK)
    raise nodes.SkipNode


def visit_blank_plain(self: ManualPageTranslator | TexinfoTranslator, node: vk_blank) -> None:
    """Manual pages and Texinfo (their writers have no ``add_text``)."""
    self.body.append(BLANK)
    raise nodes.SkipNode


class vk_handout_link(nodes.Inline, nodes.TextElement):
    """A link to a PDF in the HTML output's ``vkdocs_handout_dir``: ``node["file"]``.

    :class:`ResolvePdfLinks` turns it into a relative link for HTML builders
    and into plain text (with the file name) for the others.
    """


def print_link(situation: str, lang: str) -> nodes.paragraph:
    """``Print: handout (PDF)``, a link to the situation's handout."""
    line = nodes.paragraph(classes=["vk-print-link"])
    line += nodes.Text(message("print_label", lang) + " ")
    text = message("handout_link", lang)
    line += vk_handout_link(text, text, file=handout_file(situation, lang))
    return line


def _build_day(config: Config, lang: str) -> str:
    """The build date as Sphinx has it (``today``, reproducible with SOURCE_DATE_EPOCH)."""
    return config.today or format_long_date(date.today(), lang)


class HandoutDirective(SphinxDirective):
    """``{vk-handout} SITUATION``: the body of a printable handout (its title is the document's).

    Options (``restore`` only for ``:deleted-on:``): ``:deleted-on: DATE`` and
    ``:today: DATE``, read like every date (``DD.MM.YYYY`` or ``YYYY-MM-DD``).
    """

    required_arguments = 1
    option_spec = {"deleted-on": directives.unchanged_required, "today": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        lang = self.config.language
        try:
            checklist = build_checklist(self.arguments[0], lang=lang)
            deleted, today = handout_dates(
                checklist.situation, self.options.get("deleted-on"), self.options.get("today")
            )
        except InputError as error:
            raise self.error(str(error)) from None
        built = today if today is not None else _build_day(self.config, lang)
        address = page_address(self.config.html_baseurl, situation_page(checklist.situation))
        built_line = message("handout_built", lang, date=built)
        heading = handout_heading(built_line, address, message("handout_site", lang))
        # In print the heading sets the title, the date, the address and its QR code (LaTeX);
        # any other builder gets the date and the address as text.
        elsewhere = addnodes.only(expr="not latex")
        elsewhere += paragraph(built_line, classes=("vk-handout__built",))
        if address is not None:
            elsewhere += paragraph(f"{message('handout_site', lang)} {address}")
        body: list[nodes.Node] = [nodes.raw("", heading, format="latex"), elsewhere]
        # A page whose last day has passed: the handout says so first and what still holds, in place of the
        # restore steps (whose second step says "do not wait for the last day").
        passed = deleted is not None and today is not None and state(deleted, today) == "closed"
        if passed and deleted is not None:
            body.append(passed_notice(lang, deleted))
        if checklist.situation == "restore":
            body.append(restore_fillin(lang, deleted, passed=passed))
        if not passed:
            steps = checklist_nodes(checklist, title=False)
            for box in list(steps.findall(nodes.warning)):
                box.parent.remove(box)  # all in one box below
            body.append(steps)
            if checklist.situation == "delete":
                body.append(fillin_line(message("handout_vk_date", lang)))
        body += safety_box(checklist.warnings, lang)
        return [untranslatable(node) for node in body]


def fillin_line(label: str) -> nodes.paragraph:
    """``label`` in bold and a line to fill in by hand, kept together on one line."""
    line = nodes.paragraph(classes=["vk-fillin__line"])
    line += [nodes.strong(label, label), nodes.Text("\u00a0"), vk_blank()]
    return line


#: The rules every handout's warnings box ends with (messages.json keys), with the evidence ids they follow:
#: never share codes is our advice; support only from inside VK follows guide E (logged in, or from another
#: person's profile), and its warning about addresses found on the web is ours.
EVERY_HANDOUTS_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("handout_never_share", ()),
    ("handout_support_how", ("E-support-logged-in", "E-other-person-safer")),
)


def safety_box(warnings: tuple[Caution, ...], lang: str) -> list[nodes.Node]:
    """A handout's one strong warnings box (the fraud style): its checklist's warnings, each with its guides'
    letters or our advice as on the checklist, then the rules every handout carries (never share codes,
    reach VK support only from inside VK), each once."""
    items = nodes.bullet_list()
    for caution in warnings:
        items += nodes.list_item("", caution_paragraph(caution))
    shown = {caution.text for caution in warnings}
    for key, sources in EVERY_HANDOUTS_RULES:
        rule = Caution(message(key, lang), sources, lang)
        if rule.text not in shown:
            items += nodes.list_item("", caution_paragraph(rule))
    title = escape(message("handout_safety", lang))
    return [
        nodes.raw("", rf"\begin{{sphinxadmonition}}{{danger}}{{{title}:}}", format="latex"),
        items,
        nodes.raw("", r"\end{sphinxadmonition}", format="latex"),
    ]


def restore_fillin(lang: str, deleted: date | None = None, *, passed: bool = False) -> nodes.container:
    """The restore handout's dates and the rule below them.

    Without ``deleted``, a line with a blank to fill in by hand for each; with it, the
    date of deletion and the last day to restore in words, one per line.
    When the last day has ``passed``, the rule (which ends "do not wait") is
    left out: :func:`passed_notice` says what still holds.
    """
    fillin = nodes.container(classes=["vk-fillin"])
    labels = [
        nodes.strong(message(key, lang), message(key, lang)) for key in ("handout_deleted_on", "handout_restore_before")
    ]
    if deleted is None:
        # One line each, the label kept with its blank: a label never breaks away from its line.
        for key in ("handout_deleted_on", "handout_restore_before"):
            fillin += fillin_line(message(key, lang))
    else:
        for label, day in zip(labels, (deleted, last_day(deleted)), strict=True):
            # Plain text after the label: Sphinx moves an untranslatable inline node to the end of its paragraph.
            fillin += nodes.paragraph(
                "", "", label, nodes.Text(" " + format_long_date(day, lang)), classes=["vk-fillin__line"]
            )
    if not passed:
        fillin += paragraph(window_note(lang), classes=("vk-fillin__note",))
    return fillin


#: What still holds once the last day has passed, in the words of the page's section "deleted-for-good"
#: (docs/explanation/deletion.md; tests/site/test_handout_pdf.py holds them to it).
GONE = ("handout_gone_button", "handout_gone_unverifiable", "handout_gone_dont_pay", "handout_gone_start_over")


def passed_notice(lang: str, deleted: date) -> nodes.container:
    """The top of a handout for a page whose last day to restore has passed: that it has, then what still holds.

    >>> print(passed_notice("en", date(2026, 1, 1)).astext())  # doctest: +ELLIPSIS
    The last day to restore the page has passed: it was July 29, 2026. If VK still offers to restore the page...
    <BLANKLINE>
    When the deadline has passed
    <BLANKLINE>
    The page cannot be restored. ...
    """
    notice = nodes.container(classes=["vk-passed"])
    # What vkdocs.deadline.describe says of a closed window, in the same sentences.
    said = " ".join(message(key, lang, last_day=last_day(deleted)) for key in SENTENCES["closed"])
    notice += nodes.paragraph("", "", nodes.strong(said, said))
    title = message("handout_gone_title", lang)
    notice += nodes.paragraph("", "", nodes.strong(title, title))
    items = nodes.bullet_list()
    for key in GONE:
        items += nodes.list_item("", paragraph(message(key, lang)))
    notice += items
    return notice


class HandoutListDirective(SphinxDirective):
    """``{vk-handouts}``: every handout in the build's language, with the page it comes from."""

    def run(self) -> list[nodes.Node]:
        lang = self.config.language
        items = nodes.bullet_list(classes=["vk-handouts"])
        entries: list[tuple[str, str, str | None]] = [(message("manual_title", lang), manual_file(lang), None)]
        entries += [
            (titles[lang], handout_file(key, lang), situation_page(key)) for key, titles in situations().items()
        ]
        for title, filename, page in entries:
            line = nodes.paragraph()
            if page in self.env.found_docs:
                ref = addnodes.pending_xref(
                    "", refdomain="std", reftype="doc", reftarget="/" + page, refexplicit=True, refwarn=True
                )
                ref += nodes.inline(title, title)
                line += ref
            else:
                line += nodes.Text(title)
            line += nodes.Text(": ")
            pdf = message("handout_pdf", lang)
            line += vk_handout_link(pdf, pdf, file=filename)
            items += nodes.list_item("", line)
        return [untranslatable(items)]


class AddPrintLinks(SphinxPostTransform):
    """HTML only: a "Print: handout (PDF)" line at the end of each page checklist."""

    default_priority = 90  # before ResolvePdfLinks

    def run(self, **kwargs: Any) -> None:
        if builder_of(self.env).format != "html":
            return
        for container in list(self.document.findall(nodes.container)):
            if container.get("print_link"):
                container += untranslatable(print_link(container["situation"], self.config.language))


class ResolvePdfLinks(SphinxPostTransform):
    """HTML: a relative link into the output's PDF folder. Elsewhere: the text, and the PDF's address
    on the site when it has one (``html_baseurl``)."""

    default_priority = 100

    def run(self, **kwargs: Any) -> None:
        builder = builder_of(self.env)
        html = builder.format == "html"
        for node in list(self.document.findall(vk_handout_link)):
            text = node.astext()
            if html:
                base = builder.get_target_uri(docname(self.env))
                uri = relative_uri(base, self.config.vkdocs_handout_dir.rstrip("/") + "/" + node["file"])
                link = nodes.reference(text, text, refuri=uri, classes=["vk-handout-link"])
                node.replace_self(link)
            else:
                # On paper: the PDF's web address when the site has one (no file name to look for).
                base = self.config.html_baseurl.rstrip("/")
                if not base:
                    node.replace_self(nodes.Text(text))
                else:
                    uri = f"{base}/{self.config.vkdocs_handout_dir.strip('/')}/{node['file']}"
                    node.replace_self([nodes.Text(text + " "), nodes.reference(uri, uri, refuri=uri)])


_TASK_CHECKBOX = re.compile(r'<input[^>]*class="task-list-item-checkbox"[^>]*>')


class PrintTaskListBoxes(SphinxPostTransform):
    """MyST's task-list boxes are raw HTML, which other builders drop: draw them instead."""

    default_priority = 100

    def run(self, **kwargs: Any) -> None:
        if builder_of(self.env).format == "html":
            return
        lists: list[nodes.bullet_list] = []
        for raw in list(self.document.findall(nodes.raw)):
            if "html" in raw.get("format", "").split() and _TASK_CHECKBOX.fullmatch(raw.astext().strip()):
                task_list = next((n for n in _ancestors(raw) if isinstance(n, nodes.bullet_list)), None)
                raw.replace_self(vk_checkbox(checked="checked" in raw.astext()))
                if task_list is not None and task_list not in lists:
                    lists.append(task_list)
        for task_list in lists:
            # Styled like the checklists: the box in place of the bullet.
            if not any("vk-checklist" in n.get("classes", []) for n in _ancestors(task_list)):
                wrapper = nodes.container(classes=["vk-checklist"])
                task_list.replace_self(wrapper)
                wrapper += task_list


def _ancestors(node: nodes.Node) -> Iterator[nodes.Element]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def set_pdf_metadata(app: Sphinx, config: Config) -> None:
    """Every PDF's title, author, subject and language in its metadata (:func:`vkdocs.latex.hyperref`)."""
    lang = config.language or "ru"
    config.latex_elements = {"hyperref": hyperref(lang, message("pdf_subject", lang)), **config.latex_elements}


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("vkdocs.sphinx.checklists")
    track_builder(app)
    app.connect("config-inited", set_pdf_metadata)
    add_node(
        app,
        vk_blank,
        html=(visit_blank_html, None),
        elsewhere=(visit_blank_plain, None),
        latex=(visit_blank_latex, None),
        text=(visit_blank_text, None),
    )
    app.add_node(vk_handout_link)
    app.add_config_value("vkdocs_handout_dir", "pdf", "env", types=[str])
    app.add_directive("vk-handout", HandoutDirective)
    app.add_directive("vk-handouts", HandoutListDirective)
    app.add_post_transform(AddPrintLinks)
    app.add_post_transform(ResolvePdfLinks)
    app.add_post_transform(PrintTaskListBoxes)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = [
    "HandoutDirective",
    "HandoutListDirective",
    "passed_notice",
    "print_link",
    "restore_fillin",
    "setup",
]
