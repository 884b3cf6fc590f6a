"""Sphinx extension: checklists and the restore window, in the build's language.

Register it in ``conf.py`` with ``extensions = [..., "vkdocs.sphinxext"]``.

* The ``vk-checklist`` directive renders :func:`vkdocs.checklist.build_checklist`
  for the current ``language``::

      ```{vk-checklist} restore
      :platform: computer
      ```

  Under the checklist, HTML pages get a link to the printable handout in the
  build's language (``Print: handout (PDF)``), at
  ``<vkdocs_handout_dir>/handout-<situation>-<lang>.pdf`` of the HTML output;
  other builders leave the link out.

* ``{vk-handout} SITUATION`` is the whole body of a printable handout (built
  with the LaTeX builder from ``docs/_handouts``): the build date, for
  ``restore`` a line to fill in by hand with a note on the restore window, and
  the checklist with its warnings.

* ``{vk-handouts}`` lists every handout (and the whole manual) as downloads.

* MyST task-list checkboxes (``- [ ] …``) are raw HTML; for every other builder
  they become the same drawn boxes as the checklists.

* MyST substitutions quote :data:`vkdocs.deadline.RESTORE_WINDOW`, so the pages
  never retype the number: ``{{ restore_window_days }}`` (210).

The generated text comes from the checklist data, already in the build's
language, so it is not extracted for translation.
"""

from __future__ import annotations

import re
from datetime import date

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from vkdocs.checklist import PLATFORMS, Checklist, build_checklist, situation_page, situations
from vkdocs.deadline import RESTORE_WINDOW, format_days, format_long_date
from vkdocs.errors import InputError
from vkdocs.messages import message


class vk_checkbox(nodes.Inline, nodes.Element):
    """An empty box to tick: a checkbox in HTML, a drawn box in print."""


def visit_checkbox_html(self, node: vk_checkbox) -> None:
    self.body.append('<input type="checkbox" class="task-list-item-checkbox vk-checkbox"> ')
    raise nodes.SkipNode


def visit_checkbox_latex(self, node: vk_checkbox) -> None:
    self.body.append(r"\vkboxchecked{}" if node.get("checked") else r"\vkbox{}")
    raise nodes.SkipNode


def visit_checkbox_text(self, node: vk_checkbox) -> None:
    self.add_text("☒ " if node.get("checked") else "☐ ")
    raise nodes.SkipNode


class vk_blank(nodes.Inline, nodes.Element):
    """A line to fill in by hand: drawn in print, underscores elsewhere."""


def visit_blank_html(self, node: vk_blank) -> None:
    self.body.append('<span class="vk-blank">__________</span>')
    raise nodes.SkipNode


def visit_blank_latex(self, node: vk_blank) -> None:
    self.body.append(r"\vkblank{}")
    raise nodes.SkipNode


def visit_blank_text(self, node: vk_blank) -> None:
    self.add_text("__________")
    raise nodes.SkipNode


class vk_handout_link(nodes.Inline, nodes.TextElement):
    """A link to a PDF in the HTML output's ``vkdocs_handout_dir``: ``node["file"]``.

    :class:`ResolvePdfLinks` turns it into a relative link for HTML builders
    and into plain text (with the file name) for the others.
    """


def handout_file(situation: str, lang: str) -> str:
    """The file name of a situation's handout: ``handout-restore-en.pdf``."""
    return f"handout-{situation}-{lang}.pdf"


def manual_file(lang: str) -> str:
    """The file name of the whole manual: ``vkdocs-en.pdf``."""
    return f"vkdocs-{lang}.pdf"


def _untranslatable(node: nodes.Node) -> nodes.Node:
    for element in node.findall(nodes.Element):
        element["translatable"] = False
    return node


def _paragraph(text: str, *, classes: tuple[str, ...] = ()) -> nodes.paragraph:
    return nodes.paragraph(text, text, classes=list(classes))


def checklist_nodes(checklist: Checklist, *, title: bool = True) -> nodes.container:
    """The checklist as docutils nodes: steps with boxes, then its warnings."""
    container = nodes.container(classes=["vk-checklist"])
    container["situation"] = checklist.situation
    if title:
        container += nodes.rubric(checklist.title, checklist.title, classes=["vk-checklist__title"])
    for section in checklist.sections:
        if section.heading:
            container += nodes.rubric(section.heading, section.heading, classes=["vk-checklist__platform"])
        items = nodes.bullet_list(classes=["contains-task-list", "vk-checklist__steps"])
        for step in section.steps:
            item = nodes.list_item(classes=["task-list-item"])
            paragraph = nodes.paragraph()
            paragraph += vk_checkbox()
            paragraph += nodes.Text(step.text)
            item += paragraph
            if step.warning:
                label = message("warning", checklist.lang) + ": "
                warning = nodes.paragraph(classes=["vk-checklist__step-warning"])
                warning += nodes.strong(label, label)
                warning += nodes.Text(step.warning)
                item += warning
            items += item
        container += items
    for text in checklist.warnings:
        warning = nodes.warning()
        warning += _paragraph(text)
        container += warning
    return container


def _print_link(situation: str, lang: str) -> nodes.Node:
    """``Print: handout (PDF)``, for the web only (on paper the reader has it already)."""
    paragraph = nodes.paragraph(classes=["vk-print-link"])
    paragraph += nodes.Text(message("print_label", lang) + " ")
    text = message("handout_link", lang)
    paragraph += vk_handout_link(text, text, file=handout_file(situation, lang))
    only = addnodes.only(expr="html")
    only += paragraph
    return only


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
        container += _print_link(checklist.situation, checklist.lang)
        return [_untranslatable(container)]


def _build_day(config: Config, lang: str) -> str:
    """The build date as Sphinx has it (``today``, reproducible with SOURCE_DATE_EPOCH)."""
    return config.today or format_long_date(date.today(), lang)


class HandoutDirective(SphinxDirective):
    """``{vk-handout} SITUATION``: the body of a printable handout (its title is the document's)."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        lang = self.config.language
        try:
            checklist = build_checklist(self.arguments[0], lang=lang)
        except InputError as error:
            raise self.error(str(error)) from None
        body: list[nodes.Node] = [
            _paragraph(
                message("handout_built", lang, date=_build_day(self.config, lang)), classes=("vk-handout__built",)
            )
        ]
        if checklist.situation == "restore":
            fillin = nodes.container(classes=["vk-fillin"])
            line = nodes.paragraph(classes=["vk-fillin__line"])
            line += nodes.strong(message("handout_deleted_on", lang), message("handout_deleted_on", lang))
            line += nodes.Text(" ")
            line += vk_blank()
            line += nodes.Text(" · ")
            line += nodes.strong(message("handout_restore_before", lang), message("handout_restore_before", lang))
            line += nodes.Text(" ")
            line += vk_blank()
            fillin += line
            fillin += _paragraph(
                message("handout_window", lang, days=format_days(RESTORE_WINDOW.days, lang)),
                classes=("vk-fillin__note",),
            )
            body.append(fillin)
        body.append(checklist_nodes(checklist, title=False))
        return [_untranslatable(node) for node in body]


class HandoutListDirective(SphinxDirective):
    """``{vk-handouts}``: every handout in the build's language, with the page it comes from."""

    def run(self) -> list[nodes.Node]:
        lang = self.config.language
        items = nodes.bullet_list(classes=["vk-handouts"])
        entries = [(message("manual_title", lang), manual_file(lang), None)]
        entries += [
            (titles[lang], handout_file(key, lang), situation_page(key)) for key, titles in situations().items()
        ]
        for title, filename, page in entries:
            paragraph = nodes.paragraph()
            if page in self.env.found_docs:
                ref = addnodes.pending_xref(
                    "", refdomain="std", reftype="doc", reftarget="/" + page, refexplicit=True, refwarn=True
                )
                ref += nodes.inline(title, title)
                paragraph += ref
            else:
                paragraph += nodes.Text(title)
            paragraph += nodes.Text(": ")
            paragraph += vk_handout_link("PDF", "PDF", file=filename)
            items += nodes.list_item("", paragraph)
        return [_untranslatable(items)]


class ResolvePdfLinks(SphinxPostTransform):
    """HTML: a relative link into the output's PDF folder. Elsewhere: the text and the file name."""

    default_priority = 100

    def run(self, **kwargs) -> None:
        env = self.env
        docname = env.current_document.docname if hasattr(env, "current_document") else env.docname
        html = self.app.builder.format == "html"
        for node in list(self.document.findall(vk_handout_link)):
            text = node.astext()
            if html:
                base = self.app.builder.get_target_uri(docname)
                uri = relative_uri(base, self.config.vkdocs_handout_dir.rstrip("/") + "/" + node["file"])
                link = nodes.reference(text, text, refuri=uri, classes=["vk-handout-link"])
                node.replace_self(link)
            else:
                node.replace_self(nodes.Text(f"{text} ({node['file']})"))


_TASK_CHECKBOX = re.compile(r'<input[^>]*class="task-list-item-checkbox"[^>]*>')


class PrintTaskListBoxes(SphinxPostTransform):
    """MyST's task-list boxes are raw HTML, which other builders drop: draw them instead."""

    default_priority = 100

    def run(self, **kwargs) -> None:
        if self.app.builder.format == "html":
            return
        lists = []
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


def _ancestors(node: nodes.Node):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _add_substitutions(app: Sphinx, config: Config) -> None:
    config.myst_substitutions = {
        **getattr(config, "myst_substitutions", {}),
        "restore_window_days": str(RESTORE_WINDOW.days),
    }


def setup(app: Sphinx) -> dict:
    app.add_node(
        vk_checkbox,
        html=(visit_checkbox_html, None),
        latex=(visit_checkbox_latex, None),
        text=(visit_checkbox_text, None),
        man=(visit_checkbox_text, None),
        texinfo=(visit_checkbox_text, None),
    )
    app.add_node(
        vk_blank,
        html=(visit_blank_html, None),
        latex=(visit_blank_latex, None),
        text=(visit_blank_text, None),
        man=(visit_blank_text, None),
        texinfo=(visit_blank_text, None),
    )
    app.add_node(vk_handout_link)
    app.add_config_value("vkdocs_handout_dir", "pdf", "env", types=[str])
    app.add_directive("vk-checklist", ChecklistDirective)
    app.add_directive("vk-handout", HandoutDirective)
    app.add_directive("vk-handouts", HandoutListDirective)
    app.add_post_transform(ResolvePdfLinks)
    app.add_post_transform(PrintTaskListBoxes)
    app.connect("config-inited", _add_substitutions)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = [
    "ChecklistDirective",
    "HandoutDirective",
    "HandoutListDirective",
    "PLATFORMS",
    "checklist_nodes",
    "handout_file",
    "manual_file",
    "setup",
]
