"""Sphinx extension: the guides' own words behind every statement, on demand (:mod:`vkdocs.evidence`).

Part of :mod:`vkdocs.sphinx`; on its own: ``extensions = [..., "vkdocs.sphinx.evidence"]``.

* ``{vk-src}`A-restore-210, E-7-months``` after a sentence in running text
  cites register ids. On screen it is a small button with the guide letters;
  it opens the quotes in a popover (the HTML ``popover`` attribute: no script,
  keyboard and screen reader usable, nothing moves on the page). In print the
  manual numbers the citations and lists the quotes at the end of each chapter.
* The boxes (``{vk-claim}`` and the others, :mod:`vkdocs.sphinx.labels`)
  take ids in ``:source:`` and end with :func:`quotes_box`: a ``<details>``
  collapsed by default, naming the guide(s).
* Checklist steps show the letters of the guides they follow, linked to the
  quotes (:func:`step_sources`); a step no guide gives says it is our advice.
* ``{vk-evidence-register}`` on the sources page lists the whole register by
  guide: each quote and where the documentation uses it, collected from every
  page while they are read.

A quote stays Russian (``lang="ru"``) in every language; on pages in another
language its rendering from the ``vkdocs`` catalog follows it. An id that is
not in the register, or a bare guide letter, is a warning with its file and
line, so the strict build fails.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from vkdocs import evidence
from vkdocs.i18n import SOURCE_LANGUAGE, localized
from vkdocs.messages import message
from vkdocs.sphinx._nodes import add_node, builder_of, track_builder, untranslatable
from vkdocs.sphinx.languages import mark_russian_in, marks_russian
from vkdocs.typography import NBSP

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.util.typing import ExtensionMetadata
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.text import TextTranslator

logger = logging.getLogger(__name__)

#: The sources page, where the register is listed and every quote has an anchor.
REGISTER_PAGE = "reference/sources"


def anchor(ident: str) -> str:
    """The HTML id of a register entry on the sources page.

    >>> anchor("A-restore-210")
    'evidence-a-restore-210'
    """
    return "evidence-" + ident.lower()


def letters(ids: Iterable[str]) -> str:
    """The guide letters of ``ids``, as the pages show them.

    >>> letters(["E-never-pay", "A-restore-210"])
    'A, E'
    """
    return ", ".join(evidence.guides_of(list(ids)))


class vk_citation(nodes.Inline, nodes.Element):
    """The guide letters of a cited sentence or step; on screen they open the quotes.

    ``node["evidence"]``: the register ids; its children are the quotes (inline).
    """


class vk_quotes(nodes.General, nodes.Element):
    """A box's quotes, collapsed: ``<details>`` on screen, chapter endnotes in the manual."""


class vk_summary(nodes.Part, nodes.TextElement):
    """The visible line of a :class:`vk_quotes`: which guide(s) it quotes."""


class vk_our_advice(nodes.Inline, nodes.TextElement):
    """A checklist step no guide gives: marked as our advice."""


class vk_register(nodes.General, nodes.Element):
    """Where the register goes on the sources page; filled once every page is read."""


def _quote_parts(ident: str, lang: str, *, inline: bool) -> list[nodes.Node]:
    """One entry as nodes: the guide, the quote (Russian), its rendering in ``lang`` and what it does not say."""
    entry = evidence.entry(ident, lang=lang)
    make: Any = nodes.inline if inline else nodes.paragraph
    guide = message("evidence_guide", lang, guide=entry.guide) + " "
    first = make(classes=["vk-quote"])
    first += nodes.strong(guide, guide)
    first += nodes.inline(f"«{entry.quote}»", f"«{entry.quote}»", classes=["language-ru", "vk-quote__words"])
    parts: list[nodes.Node] = [first]
    if lang != SOURCE_LANGUAGE:
        parts.append(make(entry.rendering, entry.rendering, classes=["vk-quote__rendering"]))
    if entry.not_said:
        label = message("evidence_not_said", lang) + " "
        note = make(classes=["vk-quote__not-said"])
        note += nodes.emphasis(label, label)
        note += nodes.Text(entry.not_said)
        parts.append(note)
    return parts


def citation(ids: list[str], lang: str) -> vk_citation:
    """The inline citation of ``ids`` (checked): letters on screen that open the quotes."""
    node = vk_citation(evidence=ids, lang=lang)
    for ident in ids:
        node.extend(_quote_parts(ident, lang, inline=True))
    return untranslatable(node)


def citation_html(translator: HTML5Translator, ids: list[str], lang: str) -> str:
    """The HTML the page writes for :func:`citation` (the same letters button and popover), for a script to insert
    (the question path's answers): Russian in it marked ``lang="ru"`` as on the page, its popover id unique."""
    node = citation(evidence.check_ids(ids), lang)
    if marks_russian(lang):
        mark_russian_in(cast(nodes.document, node))
    page, translator.body = translator.body, []
    try:
        node.walkabout(translator)
        return "".join(translator.body)
    finally:
        translator.body = page


def quotes_box(ids: list[str], lang: str) -> vk_quotes:
    """The collapsed quotes at the end of a box that cites ``ids``."""
    guides = evidence.guides_of(ids)
    key = "evidence_summary_one" if len(guides) == 1 else "evidence_summary_many"
    summary = message(key, lang, guides=", ".join(guides))
    node = vk_quotes(evidence=ids, lang=lang)
    node += vk_summary(summary, summary)
    for ident in ids:
        node.extend(_quote_parts(ident, lang, inline=False))
    return untranslatable(node)


def step_sources(ids: Iterable[str], lang: str) -> nodes.Node:
    """What follows a checklist step: its guides' letters and quotes, or «Наш совет» when no guide gives it."""
    ids = list(ids)
    if ids:
        return citation(evidence.check_ids(ids), lang)
    text = message("our_advice", lang)
    return untranslatable(vk_our_advice(text, text))


class SourceRole(SphinxRole):
    """``{vk-src}`A-restore-210, E-7-months```: the quotes behind the sentence before it."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        try:
            ids = evidence.parse_ids(self.text)
        except ValueError as error:
            logger.warning("{vk-src}: %s", error, location=self.get_location())
            return [], []
        node = citation(ids, self.config.language)
        self.set_source_info(node)
        return [node], []


def _popover_id(self: HTML5Translator) -> str:
    number = getattr(self, "_vk_popovers", 0) + 1
    self._vk_popovers = number  # type: ignore[attr-defined]
    return f"vk-src-{number}"


def _register_link(self: HTML5Translator, ids: list[str], lang: str) -> str:
    uri = self.builder.get_relative_uri(self.builder.current_docname, REGISTER_PAGE)
    text = self.encode(message("evidence_all", lang))
    return f'<a class="vk-quote__all reference internal" href="{uri}#{anchor(ids[0])}">{text}</a>'


def visit_citation_html(self: HTML5Translator, node: vk_citation) -> None:
    popover = _popover_id(self)
    node["popover"] = popover
    key = "evidence_button" if len(evidence.guides_of(node["evidence"])) == 1 else "evidence_button_many"
    hidden = self.encode(message(key, node["lang"]))
    self.body.append(
        f'<button type="button" class="vk-src" popovertarget="{popover}">'
        f'<span class="vk-visually-hidden">{hidden} </span>{self.encode(_letters(node))}</button>'
        f'<span class="vk-src__quotes" id="{popover}" popover="auto" {_evidence_attribute(node)}>'
    )


def depart_citation_html(self: HTML5Translator, node: vk_citation) -> None:
    self.body.append(_register_link(self, node["evidence"], node["lang"]) + "</span>")


def _evidence_attribute(node: vk_citation | vk_quotes) -> str:
    """The ids quoted, for scripts and tests: ``data-evidence="A-restore-210 E-never-pay"``."""
    return f'data-evidence="{" ".join(node["evidence"])}"'


def visit_quotes_html(self: HTML5Translator, node: vk_quotes) -> None:
    self.body.append(f'<details class="vk-quotes" {_evidence_attribute(node)}>')


def depart_quotes_html(self: HTML5Translator, node: vk_quotes) -> None:
    self.body.append(f"<p>{_register_link(self, node['evidence'], node['lang'])}</p></details>")


def visit_summary_html(self: HTML5Translator, node: vk_summary) -> None:
    self.body.append('<summary class="vk-quotes__summary">')


def depart_summary_html(self: HTML5Translator, node: vk_summary) -> None:
    self.body.append("</summary>")


def visit_our_advice_html(self: HTML5Translator, node: vk_our_advice) -> None:
    self.body.append('<span class="vk-our-advice">')


def depart_our_advice_html(self: HTML5Translator, node: vk_our_advice) -> None:
    self.body.append("</span>")


def _letters(node: vk_citation, key: str = "evidence_letters") -> str:
    """The guide letters of a citation as the reader sees them (a message, so every language can set them)."""
    return message(key, node["lang"], guides=letters(node["evidence"]))


def visit_citation_plain(self: Any, node: vk_citation) -> None:
    """Builders other than HTML and LaTeX: the guide letters in brackets."""
    text = " " + _letters(node, "evidence_letters_print")
    if hasattr(self, "add_text"):
        self.add_text(text)
    else:
        self.body.append(getattr(self, "encode", str)(text))
    raise nodes.SkipNode


def visit_our_advice_text(self: TextTranslator, node: vk_our_advice) -> None:
    self.add_text(f" ({node.astext()})")
    raise nodes.SkipNode


def visit_our_advice_plain(self: Any, node: vk_our_advice) -> None:
    """LaTeX, manual pages, Texinfo: «(Наш совет)» after the step, escaped for the format."""
    # Kept on one line in print: «(Наш совет)» never breaks after «(Наш».
    self.body.append(" (" + getattr(self, "encode", str)(node.astext().replace(" ", NBSP)) + ")")
    raise nodes.SkipNode


def skip(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    raise nodes.SkipNode


class PrintEndnotes(SphinxPostTransform):
    """The manual: each citation becomes a superscript number, and the quotes of a chapter are listed at its end.

    A chapter is one page of the manual (or its front matter). Citations in
    checklists, and anywhere a chapter cannot be found (a handout), print the
    guide letters only.
    """

    default_priority = 400
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        lang = self.config.language
        chapters: dict[int, tuple[nodes.Element, dict[str, int]]] = {}
        for node in list(_cited(self.document)):
            chapter = self._chapter(node)
            in_checklist = any(
                "vk-checklist" in getattr(a, "get", lambda *_: [])("classes", []) for a in _ancestors(node)
            )
            if chapter is None or in_checklist:
                if isinstance(node, vk_citation):
                    # The letters stay together: "(A, C)" never breaks after "(A,".
                    node.replace_self(nodes.Text(" " + _letters(node, "evidence_letters_print").replace(" ", NBSP)))
                else:
                    node.parent.remove(node)
                continue
            _, numbers = chapters.setdefault(id(chapter), (chapter, {}))
            marks = [str(numbers.setdefault(ident, len(numbers) + 1)) for ident in node["evidence"]]
            if isinstance(node, vk_citation):
                node.replace_self(nodes.superscript("", "\u2009" + ",".join(marks)))
            else:
                text = message("evidence_see_notes", lang, numbers=", ".join(marks))
                node.replace_self(nodes.paragraph(text, text, classes=["vk-quotes-print"]))
        for number, (chapter, numbers) in enumerate(chapters.values(), start=1):
            section = nodes.section(ids=[f"vk-endnotes-{number}"])
            title = message("evidence_endnotes", lang)
            section += nodes.title(title, title)
            items = nodes.enumerated_list(enumtype="arabic")
            for ident in numbers:
                item = nodes.list_item()
                item.extend(_quote_parts(ident, lang, inline=False))
                items += item
            section += items
            chapter += section

    @staticmethod
    def _chapter(node: nodes.Node) -> nodes.Element | None:
        for ancestor in _ancestors(node):
            if isinstance(ancestor, addnodes.start_of_file):
                return next(iter(ancestor.findall(nodes.section)), None)
            if isinstance(ancestor, nodes.section) and "vk-front-matter" in ancestor["classes"]:
                return ancestor
        return None


def _cited(tree: nodes.Node) -> Iterable[nodes.Element]:
    """Every citation and box of quotes in ``tree``."""
    for node in tree.findall(nodes.Element):
        if isinstance(node, (vk_citation, vk_quotes)):
            yield node


def cited_ids(tree: nodes.Node) -> list[str]:
    """Every register id ``tree`` cites (boxes, ``{vk-src}``, checklists' steps and warnings), each once, in order."""
    return list(dict.fromkeys(ident for node in _cited(tree) for ident in node["evidence"]))


def _ancestors(node: nodes.Node) -> Iterable[nodes.Node]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


# -- where each entry is used, for the register on the sources page -------------------------------


def _uses(env: BuildEnvironment) -> dict[str, list[tuple[str, str, str]]]:
    if not hasattr(env, "vkdocs_evidence_uses"):
        env.vkdocs_evidence_uses = {}  # type: ignore[attr-defined]
    found: dict[str, list[tuple[str, str, str]]] = env.vkdocs_evidence_uses  # type: ignore[attr-defined]
    return found


def collect_uses(app: Sphinx, doctree: nodes.document) -> None:
    """Record, for each cited id, the page and section citing it."""
    docname = app.env.docname
    uses = _uses(app.env)
    for node in _cited(doctree):
        section = next((a for a in _ancestors(node) if isinstance(a, nodes.section)), None)
        if section is None:
            continue
        title = section[0].astext() if section.children and isinstance(section[0], nodes.title) else docname
        place = (docname, section["ids"][0] if section["ids"] else "", title)
        for ident in node["evidence"]:
            if place not in uses.setdefault(ident, []):
                uses[ident].append(place)


def purge_uses(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    uses = _uses(env)
    for ident in list(uses):
        uses[ident] = [place for place in uses[ident] if place[0] != docname]


def merge_uses(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    uses = _uses(env)
    for ident, places in _uses(other).items():
        for place in places:
            if place[0] in docnames and place not in uses.setdefault(ident, []):
                uses[ident].append(place)


class RegisterDirective(SphinxDirective):
    """``{vk-evidence-register}``: the whole register, by guide, with where each quote is used."""

    def run(self) -> list[nodes.Node]:
        return [vk_register()]


def _triage_uses(lang: str) -> dict[str, list[str]]:
    """The question path's answers that cite each id: the answer's text."""
    found: dict[str, list[str]] = {}
    tree = localized("triage.json", lang)
    for question in tree["questions"].values():
        for answer in question["answers"]:
            for ident in answer.get("sources", []):
                found.setdefault(ident, []).append(f"{question['text']} — {answer['text']}")
    return found


def fill_register(builder: Builder, doctree: nodes.document, docname: str) -> None:
    """Replace ``{vk-evidence-register}`` with the register, now that every page's citations are known."""
    placeholders = list(doctree.findall(vk_register))
    if not placeholders:
        return
    lang = builder.config.language
    uses = _uses(builder.env)
    triage = _triage_uses(lang)
    html = builder.format == "html"
    result: list[nodes.Node] = []
    register = evidence.register()
    for guide in evidence.GUIDES:
        heading = message("evidence_register_guide", lang, guide=guide)
        result.append(nodes.rubric(heading, heading, classes=["vk-register__guide"]))
        items = nodes.bullet_list(classes=["vk-register"])
        for ident in (i for i, record in register.items() if record["guide"] == guide):
            item = nodes.list_item(ids=[anchor(ident)], classes=["vk-register__entry"])
            item.extend(_quote_parts(ident, lang, inline=False))
            where = nodes.paragraph(classes=["vk-register__uses"])
            label = message("evidence_used_on", lang) + " "
            where += nodes.emphasis(label, label)
            places: list[nodes.Node] = []
            for target_doc, target, title in sorted(uses.get(ident, [])):
                if html:
                    uri = builder.get_relative_uri(docname, target_doc) + (f"#{target}" if target else "")
                    places.append(nodes.reference(title, title, refuri=uri, internal=True))
                else:
                    places.append(nodes.Text(title))
            for text in triage.get(ident, []):
                places.append(nodes.Text(f"{message('evidence_on_path', lang)}: {text}"))
            for number, place in enumerate(places):
                if number:
                    where += nodes.Text("; ")
                where += place
            item += where
            items += item
        result.append(items)
    holder = nodes.container()
    holder.extend(result)
    if html and marks_russian(lang):
        # The places' titles are plain text here; Russian in them (a «label») is marked as on every page.
        mark_russian_in(cast(nodes.document, holder))
    for placeholder in placeholders:
        placeholder.replace_self([untranslatable(node) for node in holder.children])


class FillRegister(SphinxPostTransform):
    """:func:`fill_register` as a post-transform, when every page's citations are known: after
    :class:`PrintEndnotes` (the register is no chapter's citation) and before
    :mod:`vkdocs.sphinx.typography` (900), which then sets the register's text for print too."""

    default_priority = 800

    def run(self, **kwargs: Any) -> None:
        fill_register(builder_of(self.env), self.document, self.env.docname)


def setup(app: Sphinx) -> ExtensionMetadata:
    track_builder(app)
    add_node(app, vk_citation, html=(visit_citation_html, depart_citation_html), elsewhere=(visit_citation_plain, None))
    add_node(app, vk_quotes, html=(visit_quotes_html, depart_quotes_html), elsewhere=(skip, None))
    add_node(app, vk_summary, html=(visit_summary_html, depart_summary_html), elsewhere=(skip, None))
    add_node(
        app,
        vk_our_advice,
        html=(visit_our_advice_html, depart_our_advice_html),
        elsewhere=(visit_our_advice_plain, None),
        text=(visit_our_advice_text, None),
    )
    add_node(app, vk_register, html=(skip, None), elsewhere=(skip, None))
    app.add_role("vk-src", SourceRole())
    app.add_directive("vk-evidence-register", RegisterDirective)
    app.add_post_transform(PrintEndnotes)
    app.connect("doctree-read", collect_uses)
    app.connect("env-purge-doc", purge_uses)
    app.connect("env-merge-info", merge_uses)
    app.add_post_transform(FillRegister)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = [
    "REGISTER_PAGE",
    "anchor",
    "citation",
    "citation_html",
    "cited_ids",
    "letters",
    "quotes_box",
    "setup",
    "step_sources",
    "vk_citation",
    "vk_our_advice",
    "vk_quotes",
]
