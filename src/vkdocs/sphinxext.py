"""Sphinx extension: checklists and the restore window, in the build's language.

Register it in ``conf.py`` with ``extensions = [..., "vkdocs.sphinxext"]``;
it also sets up the print parts (:mod:`vkdocs.sphinxext_print`: handouts,
links to the PDFs, drawn boxes).

* The ``vk-checklist`` directive renders :func:`vkdocs.checklist.build_checklist`
  for the current ``language``::

      ```{vk-checklist} restore
      :platform: computer
      ```

* MyST substitutions quote :data:`vkdocs.deadline.RESTORE_WINDOW`, so the pages
  never retype the number: ``{{ restore_window_days }}`` (210).

The generated text comes from the checklist data, already in the build's
language, so it is not extracted for translation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective

from vkdocs.checklist import PLATFORMS, Checklist, build_checklist
from vkdocs.deadline import RESTORE_WINDOW
from vkdocs.errors import InputError
from vkdocs.messages import message

if TYPE_CHECKING:
    from sphinx.util.typing import ExtensionMetadata
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.manpage import ManualPageTranslator
    from sphinx.writers.texinfo import TexinfoTranslator
    from sphinx.writers.text import TextTranslator

N = TypeVar("N", bound=nodes.Node)


class vk_checkbox(nodes.Inline, nodes.Element):
    """An empty box to tick: a checkbox in HTML, a drawn box in print."""


def _box_character(node: vk_checkbox) -> str:
    return "☒ " if node.get("checked") else "☐ "


def visit_checkbox_html(self: HTML5Translator, node: vk_checkbox) -> None:
    self.body.append('<input type="checkbox" class="task-list-item-checkbox vk-checkbox"> ')
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


def untranslatable(node: N) -> N:
    """Mark ``node`` and everything in it as not to be extracted for translation."""
    for element in node.findall(nodes.Element):
        element["translatable"] = False
    return node


def paragraph(text: str, *, classes: tuple[str, ...] = ()) -> nodes.paragraph:
    """A plain paragraph holding ``text``."""
    return nodes.paragraph(text, text, classes=list(classes))


def checklist_nodes(checklist: Checklist, *, title: bool = True) -> nodes.container:
    """The checklist as docutils nodes: steps with boxes, then its warnings."""
    # The situation's class lets a page's script find its checklist (the restore calculator prints it).
    container = nodes.container(classes=["vk-checklist", f"vk-checklist--{checklist.situation}"])
    container["situation"] = checklist.situation
    if title:
        container += nodes.rubric(checklist.title, checklist.title, classes=["vk-checklist__title"])
    for section in checklist.sections:
        if section.heading:
            container += nodes.rubric(section.heading, section.heading, classes=["vk-checklist__platform"])
        items = nodes.bullet_list(classes=["contains-task-list", "vk-checklist__steps"])
        for step in section.steps:
            item = nodes.list_item(classes=["task-list-item"])
            line = nodes.paragraph()
            line += vk_checkbox()
            line += nodes.Text(step.text)
            item += line
            if step.warning:
                label = message("warning", checklist.lang) + ": "
                warning = nodes.paragraph(classes=["vk-checklist__step-warning"])
                warning += nodes.strong(label, label)
                warning += nodes.Text(step.warning)
                item += warning
            items += item
        container += items
    for text in checklist.warnings:
        box = nodes.warning()
        box += paragraph(text)
        container += box
    return container


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


def _add_substitutions(app: Sphinx, config: Config) -> None:
    config.myst_substitutions = {
        **getattr(config, "myst_substitutions", {}),
        "restore_window_days": str(RESTORE_WINDOW.days),
    }


def setup(app: Sphinx) -> ExtensionMetadata:
    from vkdocs import sphinxext_print

    app.add_node(
        vk_checkbox,
        html=(visit_checkbox_html, None),
        latex=(visit_checkbox_latex, None),
        text=(visit_checkbox_text, None),
        man=(visit_checkbox_plain, None),
        texinfo=(visit_checkbox_plain, None),
    )
    app.add_directive("vk-checklist", ChecklistDirective)
    app.connect("config-inited", _add_substitutions)
    sphinxext_print.setup(app)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["ChecklistDirective", "PLATFORMS", "checklist_nodes", "setup", "untranslatable", "vk_checkbox"]
