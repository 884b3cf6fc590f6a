"""Sphinx extension: the question path on the start page, in print, and the open dataset beside the site.

Part of :mod:`vkdocs.sphinx`; on its own: ``extensions = [..., "vkdocs.sphinx.triage"]``.

* ``{vk-triage}`` renders :func:`vkdocs.triage.load_tree` in the build's
  language. Every question is a section whose anchor is its key
  (``path-whose``), so ``{ref}`path-login``` works from any page; every answer
  says where it leads, as a link. Without JavaScript the reader sees all of
  it. ``static/triage.js`` turns it into one question at a time, with answer
  buttons, a Back button and the answers so far; the words it needs and every
  link come as inline JSON written here. In print (LaTeX) the path becomes an
  indented outline, with the page number of each section to read.

* An answer that cites evidence ids (``"sources"`` in the data) ends with
  the guides' letters, the button of :mod:`vkdocs.sphinx.evidence` that
  opens their quotes, in the outline and in the script's view alike (the
  script inserts the HTML this page writes for it, from the inline JSON). A
  note no guide gives says «Наш совет» (:func:`vkdocs.triage.advice_problem`).
  Print shows the letters only: the manual lists the quotes in the register
  of the sources page, with the answers that use them.

* While reading, the extension checks that each section the path leads to
  exists, on the page the data says, under the title the data gives (the
  terminal prints those titles): a mismatch is a warning, so the strict build
  fails.

* ``{vk-data}`vkdocs.json``` links a file of the open dataset; HTML builds
  write :func:`vkdocs.dataset.write`'s two files into ``data/`` of their output.

The generated text comes from the data, already in the build's language, so
it is not extracted for translation.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.osutil import relative_uri

from vkdocs import dataset
from vkdocs.evidence import attribution
from vkdocs.sphinx._nodes import (
    add_node,
    builder_of,
    json_for_script,
    load_assets,
    pass_node,
    track_builder,
    untranslatable,
)
from vkdocs.sphinx.evidence import citation, citation_html
from vkdocs.triage import Answer, Destination, Tree, load_tree, triage_message
from vkdocs.typography import NBSP

if TYPE_CHECKING:
    from sphinx.util.typing import ExtensionMetadata
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)

SCRIPT = "triage.js"
STYLESHEET = "triage.css"
DATA_DIR = "data"
DATA_SOURCE = "src/vkdocs/data/triage.json"

#: The words the script needs, by their key in vkdocs.triage.triage_message (``triage_<key>`` in data/messages.json).
SCRIPT_MESSAGES = ("back", "restart", "answers_so_far", "read", "on_page")


class vk_triage(nodes.General, nodes.Element):
    """The question path: the questions as sections; ``node["lang"]`` and ``node["docname"]`` set."""


class vk_data_link(nodes.Inline, nodes.TextElement):
    """A link to ``node["file"]`` in ``data/`` of the HTML output; plain text elsewhere."""


def _ref(docname: str, target: str, text: str) -> addnodes.pending_xref:
    ref = addnodes.pending_xref(
        "", refdomain="std", reftype="ref", reftarget=target, refexplicit=True, refwarn=True, refdoc=docname
    )
    ref += nodes.inline(text, text)
    return ref


def _answer_line(tree: Tree, answer: Answer, lang: str, docname: str) -> nodes.paragraph:
    """``**Answer** — go on to the question <link>`` or ``**Answer** — <link to the section>. Note.``"""
    line = nodes.paragraph()
    line += nodes.strong(answer.text[lang], answer.text[lang], classes=["vk-triage__label"])
    line += nodes.Text(triage_message("leads_to", lang))
    if answer.next is not None:
        words = triage_message("go_to_question", lang) + " "
        line += nodes.Text(words)
        line += _ref(docname, answer.next, tree.questions[answer.next].text[lang])
    else:
        line += _ref(docname, answer.section, tree.destinations[answer.section].title[lang])
        line += nodes.Text(".")
    if answer.note:
        line += nodes.Text(" ")
        line += nodes.inline(answer.note[lang], answer.note[lang], classes=["vk-triage__note"])
    if answer.sources:
        line += nodes.Text(" ")
        line += citation(list(answer.sources), lang)
    return line


class TriageDirective(SphinxDirective):
    """``{vk-triage}``: no arguments, no content."""

    def run(self) -> list[nodes.Node]:
        lang = self.config.language
        try:
            tree = load_tree()
        except ValueError as error:
            raise self.error(f"{DATA_SOURCE}: {error}") from None
        docname = self.env.docname
        # Read this page again whenever the tree's data changes.
        self.env.note_dependency(str(files("vkdocs").joinpath("data/triage.json")))
        root = vk_triage(lang=lang, docname=docname, classes=["vk-triage"])
        self.set_source_info(root)
        for anchor, question in tree.questions.items():
            section = nodes.section(ids=[anchor], names=[anchor], classes=["vk-triage__question"])
            section += nodes.title(question.text[lang], question.text[lang])
            answers = nodes.bullet_list(classes=["vk-path", "vk-triage__answers"])
            for answer in question.answers:
                kind = "next" if answer.next is not None else "read"
                answers += nodes.list_item(
                    "", _answer_line(tree, answer, lang, docname), classes=[f"vk-triage__answer--{kind}"]
                )
            section += answers
            self.state.document.note_explicit_target(section, section)
            root += section
        return [untranslatable(root)]


def _outline(tree: Tree, lang: str, docname: str) -> nodes.container:
    """The path for print: the first question, then every answer indented under its question."""
    outline = nodes.container(classes=["vk-triage-outline"])
    # One page: a smaller type and tight lists (no space between items: the guides' letters take a few lines).
    outline += nodes.raw(
        "",
        r"\par\smallskip\begingroup\small\setlength{\parskip}{0pt}\makeatletter"
        + "".join(
            rf"\setlength{{\leftmargin{level}}}{{1.5em}}"
            rf"\def\@list{level}{{\leftmargin\leftmargin{level}\topsep\z@\parsep\z@\itemsep\z@}}"
            for level in ("i", "ii", "iii", "iv")
        )
        + r"\makeatother",
        format="latex",
    )
    first = tree.questions[tree.start].text[lang]
    outline += nodes.paragraph("", "", nodes.strong(first, first))

    shown: set[str] = set()

    def answers(anchor: str) -> nodes.bullet_list:
        shown.add(anchor)
        items = nodes.bullet_list()
        for answer in tree.questions[anchor].answers:
            line = nodes.paragraph()
            line += nodes.Text(answer.text[lang] + " → ")
            item = nodes.list_item("", line)
            if answer.next is not None:
                text = tree.questions[answer.next].text[lang]
                line += nodes.strong(text, text)
                if answer.next in shown:  # a question asked on two paths: its answers are printed once
                    line += nodes.Text(" " + triage_message("answers_above", lang))
                else:
                    item += answers(answer.next)
            else:
                destination: Destination = tree.destinations[answer.section]
                line += _ref(docname, answer.section, destination.title[lang])
                line += nodes.Text(".")
                if answer.note:
                    line += nodes.Text(" " + answer.note[lang])
                if answer.sources:  # the letters only, kept whole and on the note's last line
                    line += nodes.Text(NBSP + attribution(answer.sources, lang).replace(" ", NBSP))
            items += item
        return items

    outline += answers(tree.start)
    outline += nodes.raw("", r"\par\endgroup", format="latex")
    return outline


def _script_data(tree: Tree, lang: str, uri: Callable[[str], str]) -> dict[str, Any]:
    """Everything the script shows, in ``lang``; ``uri(page)`` is the page's address from this one."""
    questions: dict[str, Any] = {}
    for anchor, question in tree.questions.items():
        entries = []
        for answer in question.answers:
            entry: dict[str, Any] = {"text": answer.text[lang]}
            if answer.next is not None:
                entry["next"] = answer.next
            else:
                destination = tree.destinations[answer.section]
                entry["read"] = {
                    "href": f"{uri(destination.page)}#{destination.anchor}",
                    "title": destination.title[lang],
                    "page": None if destination.is_page else destination.page_title[lang],
                    "note": answer.note[lang] if answer.note else None,
                    "sources": list(answer.sources),
                }
            entries.append(entry)
        questions[anchor] = {"text": question.text[lang], "answers": entries}
    return {
        "lang": lang,
        "start": tree.start,
        "questions": questions,
        "messages": {key: triage_message(key, lang, page="{page}") for key in SCRIPT_MESSAGES},
    }


class TriageForms(SphinxPostTransform):
    """HTML: add the script's data. LaTeX: the outline in place of the sections. Before references resolve."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        builder = builder_of(self.env)
        for node in list(self.document.findall(vk_triage)):
            tree, lang = load_tree(), node["lang"]
            if builder.format == "latex":
                node.replace_self(untranslatable(_outline(tree, lang, node["docname"])))
            elif builder.format == "html":
                here: str = node["docname"]

                def uri(page: str, here: str = here) -> str:
                    return builder.get_relative_uri(here, page)

                node["script"] = _script_data(tree, lang, uri)


def _add_quotes(self: HTML5Translator, data: dict[str, Any]) -> None:
    """Give each answer of the script's ``data`` that cites ids its ``quotes``: the HTML the page writes for them."""
    for question in data["questions"].values():
        for entry in question["answers"]:
            read = entry.get("read")
            if read is not None:
                read["quotes"] = citation_html(self, read["sources"], data["lang"]) if read["sources"] else None


def visit_triage_html(self: HTML5Translator, node: vk_triage) -> None:
    attributes: dict[str, Any] = {"data-vk-triage": ""}
    self.body.append(self.starttag(node, "div", "", **attributes))
    if "script" in node:
        _add_quotes(self, node["script"])
        self.body.append(
            f'<script type="application/json" class="vk-triage__data">{json_for_script(node["script"])}</script>\n'
        )


def depart_triage_html(self: HTML5Translator, node: vk_triage) -> None:
    self.body.append("</div>\n")


class DataLinkRole(SphinxRole):
    """``{vk-data}`vkdocs.json```: a file of the open dataset (``vkdocs.json`` or ``vkdocs.schema.json``)."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        name = self.text.strip()
        if name not in (dataset.DATA_FILE, dataset.SCHEMA_FILE):
            message = self.inliner.reporter.error(
                f"vk-data: unknown file {name!r}; use {dataset.DATA_FILE} or {dataset.SCHEMA_FILE}", line=self.lineno
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, message)], [message]
        return [vk_data_link(name, name, file=name)], []


class ResolveDataLinks(SphinxPostTransform):
    """HTML: a relative link to ``data/<file>``. Elsewhere: the file name as code."""

    default_priority = 100

    def run(self, **kwargs: Any) -> None:
        builder = builder_of(self.env)
        html = builder.format == "html"
        for node in list(self.document.findall(vk_data_link)):
            text = node.astext()
            if html:
                base = builder.get_target_uri(self.env.docname)
                uri = relative_uri(base, f"{DATA_DIR}/{node['file']}")
                node.replace_self(nodes.reference("", "", nodes.literal(text, text), refuri=uri, classes=["vk-data"]))
            else:
                node.replace_self(nodes.literal(text, text))


def check_destinations(app: Sphinx, env: BuildEnvironment) -> None:
    """Every section the path leads to exists, on the data's page, under the data's title (in this language)."""
    std = env.domains.standard_domain
    tree = load_tree()
    if tree.start not in std.labels:
        return  # no {vk-triage} in this project
    lang = env.config.language
    location = (std.labels[tree.start][0], None)
    for anchor, destination in tree.destinations.items():
        found = std.labels.get(anchor)
        if found is None:
            logger.warning("vk-triage: no section is labelled (%s)= (%s)", anchor, DATA_SOURCE, location=location)
            continue
        docname, labelid, title = found
        problems = []
        if docname != destination.page:
            problems.append(f"it is on {docname!r}, not {destination.page!r}")
        if labelid != anchor:
            problems.append(f"its HTML anchor is {labelid!r}, not {anchor!r}")
        if title != destination.title[lang]:
            problems.append(f"its title is {title!r}, not {destination.title[lang]!r}")
        page_title = env.titles[docname].astext() if docname in env.titles else None
        if page_title != destination.page_title[lang]:
            problems.append(f"its page's title is {page_title!r}, not {destination.page_title[lang]!r}")
        for problem in problems:
            logger.warning(
                "vk-triage: the section (%s)= does not match %s (%s): %s",
                anchor,
                DATA_SOURCE,
                lang,
                problem,
                location=location,
            )


def write_dataset(app: Sphinx, exception: Exception | None) -> None:
    """HTML builds: ``data/vkdocs.json`` and ``data/vkdocs.schema.json`` in the output."""
    if exception is None and app.builder.format == "html":
        dataset.write(app.outdir / DATA_DIR)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("vkdocs.sphinx.evidence")  # the answers' quotes
    track_builder(app)
    # Other builders show only the children (the questions as sections).
    add_node(app, vk_triage, html=(visit_triage_html, depart_triage_html), elsewhere=(pass_node, pass_node))
    app.add_node(vk_data_link)
    app.add_directive("vk-triage", TriageDirective)
    app.add_role("vk-data", DataLinkRole())
    app.add_post_transform(TriageForms)
    app.add_post_transform(ResolveDataLinks)
    app.connect("env-check-consistency", check_destinations)
    load_assets(app, vk_triage, script=SCRIPT, stylesheet=STYLESHEET)
    app.connect("build-finished", write_dataset)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["DataLinkRole", "TriageDirective", "setup", "vk_data_link", "vk_triage"]
