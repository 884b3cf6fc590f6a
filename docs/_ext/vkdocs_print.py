"""Print: the PDF manual and the one-page handouts, through Sphinx's LaTeX builder.

Both use XeLaTeX with the DejaVu fonts (they cover Cyrillic), A4 paper and a
drawn box for every step to tick (``\\vkbox``). Those LaTeX settings live in
the package, :mod:`vkdocs.latex`, so that ``vkdocs handout`` sets a personal
handout the same way from an installed package. What differs per language
(the titles, the file names) is decided in ``config-inited``, because ``-D
language=…`` is applied after ``conf.py`` runs.

* ``vkdocs_print = "manual"`` (the default, ``docs/conf.py``): one document,
  ``vkdocs-<lang>.pdf``. Read the Docs builds exactly one PDF per project, so
  this must stay the only entry of ``latex_documents``.
* ``vkdocs_print = "handouts"`` (``docs/_handouts/conf.py``): one document per
  situation of :func:`vkdocs.checklist.situations`,
  ``handout-<situation>-<lang>.pdf``, whose page holds only
  ``{vk-handout} <situation>``.

Print forms for web-only things:

* the truth labels (``{vk-says}``, ``{vk-claim}``, ``{vk-harmful}``,
  ``{vk-fraud}``) keep their style in print and differ without colour: a thin
  frame with a light title bar, a dashed-looking mid-grey title bar, and a
  heavy frame with a black title bar for the dangerous ones;
* platform tabs print one after another, each under its label (Sphinx
  prints a tab's label, a rubric, as an unnumbered heading);
* cards print as framed boxes with their title in bold, and a card's link
  (invisible on the web, where the whole card is clickable) as a visible
  "→ <title of the target>" line. For anything else web-only, content writers
  use ``{only} html`` and give an ``{only} latex`` form.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from vkdocs.checklist import situations
from vkdocs.latex import HANDOUT_ELEMENTS, LATEX_ELEMENTS, handout_document, manual_file

logger = logging.getLogger(__name__)

#: The manual's title per language (the start page's heading).
MANUAL_TITLES = {
    "ru": "Страница ВКонтакте: удалить, восстановить, скрыть, вернуть доступ",
    "en": "Your VK page: delete, restore, hide, get access back",
}


def on_config_inited(app: Sphinx, config: Config) -> None:
    language = config.language
    author = config.author
    if config.vkdocs_print == "handouts":
        config.latex_documents = []
        for situation in situations():
            if not (app.srcdir / f"{situation}.md").is_file():
                logger.warning(
                    "no handout page for situation %r: add %s.md holding {vk-handout} %s",
                    situation,
                    situation,
                    situation,
                )
                continue
            config.latex_documents.append(handout_document(situation, language, author))
        config.latex_elements = {**HANDOUT_ELEMENTS, **config.latex_elements}
    else:
        tex = manual_file(language).removesuffix(".pdf") + ".tex"
        config.latex_documents = [("index", tex, MANUAL_TITLES[language], author, "manual")]
        config.latex_elements = {**LATEX_ELEMENTS, **config.latex_elements}


def visit_admonition_latex(self, node: nodes.Element) -> None:
    """A generic admonition takes its style (tip, caution, danger) from its class in print too."""
    style = next((c for c in ("danger", "caution", "tip", "warning") if c in node["classes"]), "note")
    self.body.append("\n" + rf"\begin{{sphinxadmonition}}{{{style}}}")
    self.no_latex_floats += 1


def depart_admonition_latex(self, node: nodes.Element) -> None:
    self.body.append(r"\end{sphinxadmonition}" + "\n")
    self.no_latex_floats -= 1


class PrintCardLinks(SphinxPostTransform):
    """In print, a card's link (invisible text stretched over the card on the web)
    shows as "→ <target title>": visible on paper, still a link in the PDF."""

    default_priority = 200
    formats = ("latex",)

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.Element)):
            classes = node.get("classes", [])
            if "sd-stretched-link" in classes:
                node["classes"] = [c for c in classes if c not in ("sd-stretched-link", "sd-hide-link-text")]
                # sphinx-design wraps the link in a PassthroughTextElement: replace that.
                holder = node.parent if type(node.parent).__name__ == "PassthroughTextElement" else node
                paragraph = nodes.paragraph(classes=["vk-card-link"])
                holder.replace_self(paragraph)
                paragraph += nodes.Text("→ ")
                paragraph += node


def setup(app: Sphinx) -> dict:
    app.add_config_value("vkdocs_print", "manual", "env", types=[str])
    app.connect("config-inited", on_config_inited, priority=600)
    app.add_node(nodes.admonition, override=True, latex=(visit_admonition_latex, depart_admonition_latex))
    app.add_post_transform(PrintCardLinks)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
