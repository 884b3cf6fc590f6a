"""Checklists in the build's language: ``{vk-checklist}`` and the boxes to tick.

Part of :mod:`vkdocs.sphinx`; on its own: ``extensions = [..., "vkdocs.sphinx.checklists"]``.

* The ``vk-checklist`` directive renders :func:`vkdocs.checklist.build_checklist`
  for the current ``language``::

      ```{vk-checklist} restore
      :platform: computer
      ```

* HTML pages with a checklist load ``static/checklists.js``, which keeps the
  ticks in the reader's browser.

The generated text comes from the checklist data, already in the build's
language, so it is not extracted for translation.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from vkdocs.checklist import PLATFORMS, Caution, Checklist, build_checklist
from vkdocs.errors import InputError
from vkdocs.messages import message
from vkdocs.sphinx._nodes import add_node, load_assets, pass_node, skip_node, untranslatable
from vkdocs.sphinx.evidence import step_sources
from vkdocs.typography import tie

if TYPE_CHECKING:
    from sphinx.util.typing import ExtensionMetadata
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.manpage import ManualPageTranslator
    from sphinx.writers.texinfo import TexinfoTranslator
    from sphinx.writers.text import TextTranslator

SCRIPT = "checklists.js"


class vk_checkbox(nodes.Inline, nodes.Element):
    """An empty box to tick: a checkbox in HTML, a drawn box in print.

    ``node["step"]``, when set, names the step for the page's script that
    keeps the ticks (``static/checklists.js``).
    """


def _box_character(node: vk_checkbox) -> str:
    return "☒ " if node.get("checked") else "☐ "


class vk_step_label(nodes.Inline, nodes.TextElement):
    """A step's box and text: in HTML a ``<label>``, so tapping the text ticks the box."""


class vk_checklist_tools(nodes.General, nodes.Element):
    """HTML only: the "clear all ticks" button under a checklist, shown by its script."""


def visit_checkbox_html(self: HTML5Translator, node: vk_checkbox) -> None:
    step = f' data-vk-step="{self.attval(node["step"])}"' if node.get("step") else ""
    self.body.append(f'<input type="checkbox" class="task-list-item-checkbox vk-checkbox"{step}>')
    raise nodes.SkipNode


def visit_step_label_html(self: HTML5Translator, node: vk_step_label) -> None:
    self.body.append('<label class="vk-step">')


def depart_step_label_html(self: HTML5Translator, node: vk_step_label) -> None:
    self.body.append("</label>")


def visit_checklist_tools_html(self: HTML5Translator, node: vk_checklist_tools) -> None:
    lang = node["lang"]
    self.body.append(
        '<p class="vk-checklist__tools" hidden>'
        f'<button type="button" class="vk-checklist__clear">{self.encode(message("clear_ticks", lang))}</button> '
        f'<button type="button" class="vk-checklist__undo" hidden>{self.encode(message("undo_clear_ticks", lang))}</button> '
        f'<span class="vk-checklist__kept">{self.encode(tie(message("ticks_kept_here", lang)))}</span> '
        f'<span class="vk-checklist__status" role="status" data-cleared="{self.attval(message("ticks_cleared", lang))}">'
        "</span></p>"
    )
    raise nodes.SkipNode


def visit_checkbox_latex(self: LaTeXTranslator, node: vk_checkbox) -> None:
    self.body.append(r"\vkboxchecked{}" if node.get("checked") else r"\vkbox{}")
    raise nodes.SkipNode


def visit_checkbox_text(self: TextTranslator, node: vk_checkbox) -> None:
    self.add_text(_box_character(node))
    raise nodes.SkipNode


def visit_checkbox_plain(self: ManualPageTranslator | TexinfoTranslator, node: vk_checkbox) -> None:
    """Manual pages and Texinfo: the box as a character (these writers have no ``add_text``)."""
    self.body.append(_box_character(node))
    raise nodes.SkipNode


def checklist_nodes(checklist: Checklist, *, title: bool = True) -> nodes.container:
    """The checklist as docutils nodes: steps with boxes and their guides, then its warnings."""
    # The situation's class lets a page's script find its checklist (the restore calculator prints it).
    container = nodes.container(classes=["vk-checklist", f"vk-checklist--{checklist.situation}"])
    container["situation"] = checklist.situation
    container["platform"] = checklist.platform  # with the situation, names the data it shows (vkdocs.sphinx.seo)
    if title:
        container += nodes.rubric(checklist.title, checklist.title, classes=["vk-checklist__title"])
    for section in checklist.sections:
        if section.heading:
            container += nodes.rubric(section.heading, section.heading, classes=["vk-checklist__platform"])
        items = nodes.bullet_list(classes=["contains-task-list", "vk-checklist__steps"])
        for step in section.steps:
            item = nodes.list_item(classes=["task-list-item"])
            step_line = vk_step_label()
            step_line += vk_checkbox(step=step_key(checklist.situation, step.text))
            step_line += nodes.Text(step.text)
            # Which guides the step follows (their quotes on demand), or that it is our advice.
            item += nodes.paragraph("", "", step_line, nodes.Text(" "), step_sources(step.sources, checklist.lang))
            if step.warning:
                label = message("warning", checklist.lang) + ": "
                warning = caution_paragraph(step.warning, classes=["vk-checklist__step-warning"])
                warning.insert(0, nodes.strong(label, label))
                item += warning
            items += item
        container += items
    container += vk_checklist_tools(lang=checklist.lang)
    for caution in checklist.warnings:
        box = nodes.warning()
        box += caution_paragraph(caution)
        container += box
    return container


def caution_paragraph(caution: Caution, classes: list[str] | None = None) -> nodes.paragraph:
    """A warning's text followed, as a step is, by its guides' letters (their quotes on demand) or our advice."""
    text = nodes.Text(caution.text + " ")
    return nodes.paragraph("", "", text, step_sources(caution.sources, caution.lang), classes=classes or [])


def step_key(situation: str, text: str) -> str:
    """A step's name for the saved ticks: the situation and a digest of the step's text.

    A tick survives steps moving around, and is dropped when its step's
    wording changes (it may no longer be the same step).

    >>> step_key("restore", "Log in to VK.")
    'restore-d81ae601'
    """
    return f"{situation}-{hashlib.sha256(text.encode()).hexdigest()[:8]}"


class ChecklistDirective(SphinxDirective):
    """``{vk-checklist} SITUATION`` with an optional ``:platform:``."""

    required_arguments = 1
    option_spec = {"platform": directives.unchanged, "class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        try:
            checklist = build_checklist(
                self.arguments[0], lang=self.config.language, platform=self.options.get("platform")
            )
        except InputError as error:
            raise self.error(str(error)) from None
        container = checklist_nodes(checklist)
        container["classes"] += self.options.get("class", [])
        container["print_link"] = True
        return [untranslatable(container)]


def setup(app: Sphinx) -> ExtensionMetadata:
    # Each step shows the guides it follows: their nodes come from the evidence feature.
    app.setup_extension("vkdocs.sphinx.evidence")
    add_node(
        app,
        vk_checkbox,
        html=(visit_checkbox_html, None),
        elsewhere=(visit_checkbox_plain, None),
        latex=(visit_checkbox_latex, None),
        text=(visit_checkbox_text, None),
    )
    add_node(app, vk_step_label, html=(visit_step_label_html, depart_step_label_html), elsewhere=(pass_node, pass_node))
    add_node(app, vk_checklist_tools, html=(visit_checklist_tools_html, None), elsewhere=(skip_node, None))
    app.add_directive("vk-checklist", ChecklistDirective)
    load_assets(app, vk_checkbox, script=SCRIPT, where="step")
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = [
    "ChecklistDirective",
    "PLATFORMS",
    "caution_paragraph",
    "checklist_nodes",
    "setup",
    "step_key",
    "vk_checkbox",
    "vk_checklist_tools",
    "vk_step_label",
]
