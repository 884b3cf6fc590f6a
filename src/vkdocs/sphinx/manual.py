"""Print: the PDF manual and the one-page handouts, through Sphinx's LaTeX builder.

Part of :mod:`vkdocs.sphinx`; on its own: ``extensions = [..., "vkdocs.sphinx.manual"]``
(it sets up :mod:`vkdocs.sphinx.languages` first, which sets the authors it prints).

Both use XeLaTeX with the DejaVu fonts (they cover Cyrillic), A4 paper and a
drawn box for every step to tick (``\\vkbox``). Those LaTeX settings, and the
handouts' own (ragged-right, a compact title), live in the package,
:mod:`vkdocs.latex`, so that ``vkdocs handout`` sets a personal handout the
same way from an installed package; the manual's structure is set here. What
differs per language (the titles, the file names) is decided in
``config-inited``, because ``-D language=…`` is applied after ``conf.py`` runs.

* ``vkdocs_print = "manual"`` (the default, ``docs/conf.py``): one document,
  ``vkdocs-<lang>.pdf``. Read the Docs builds exactly one PDF per project, so
  this must stay the only entry of ``latex_documents``.

  The manual follows the site's contents: after the title page and the
  contents ("Contents" / «Содержание»), the start page's introduction and its
  sections are the front matter (one unnumbered chapter, "Introduction" /
  «Введение», pages numbered i, ii, …); then each toctree caption of the start
  page ("What you want to do", "Why", "Reference") is a part, each page of its
  toctree a chapter, and the page's sections are numbered under it. A part
  opens a page; chapters run on, each under its own heading, so no page is
  left near-empty where a chapter ends.
  :class:`ManualStructure` rearranges the start page this way for LaTeX only.
* ``vkdocs_print = "handouts"`` (``docs/_handouts/conf.py``): one document per
  situation of :func:`vkdocs.checklist.situations`,
  ``handout-<situation>-<lang>.pdf``, whose page holds only
  ``{vk-handout} <situation>``. Handouts are set ragged-right: no wide gaps
  between words in short lines.

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

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.latex.util import ExtBabel
from sphinx.config import Config
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.writers.latex import LaTeXTranslator

from vkdocs.checklist import situations
from vkdocs.latex import HANDOUT_ELEMENTS, LATEX_ELEMENTS, PREAMBLE, handout_document, manual_file
from vkdocs.messages import message
from vkdocs.sphinx._nodes import docname

if TYPE_CHECKING:
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

#: The manual's title: empty, so Sphinx takes the start page's heading, translated like the rest of the page.
MANUAL_TITLE = ""

# The titles of the manual's front matter (the start page's introduction and
# sections) and of its contents page (LaTeX's \contentsname, which polyglossia
# would call «Оглавление» in Russian) are the messages manual_introduction and
# manual_contents; polyglossia's name of the language is Sphinx's (ExtBabel).

#: The manual's structure (see ManualStructure): front matter numbered i, ii, …
#: with unnumbered chapters; a part opens a page; chapters run on under a
#: heading of their own (no page left near-empty where a chapter ends).
MANUAL_PREAMBLE = r"""
\usepackage{needspace}
\makeatletter
\newcounter{vksecnumdepth}
% After the contents: the front matter keeps roman page numbers, no chapter numbers.
\newcommand{\vktableofcontents}{%
  \pagenumbering{roman}%
  \begingroup\parskip\z@skip\sphinxtableofcontentshook\tableofcontents\endgroup
  \clearpage
  \setcounter{vksecnumdepth}{\value{secnumdepth}}\setcounter{secnumdepth}{-1}}
% The main matter: arabic page numbers from 1, chapters numbered again.
\newcommand{\vkmainmatter}{%
  \clearpage\pagenumbering{arabic}\setcounter{secnumdepth}{\value{vksecnumdepth}}}
% A part opens a page, its heading above its first chapter.
\renewcommand{\part}{\clearpage\secdef\vk@part\vk@spart}
\def\vk@part[#1]#2{%
  \refstepcounter{part}%
  \addcontentsline{toc}{part}{\thepart\hspace{1em}#1}%
  \markboth{}{}%
  {\centering\normalfont\sffamily\bfseries
   {\large\MakeUppercase{\partname}\nobreakspace\thepart\par}\nobreak\vspace{0.4em}%
   {\huge #2\par}}%
  \nobreak\vspace{2.5em}\@afterheading}
\def\vk@spart#1{{\centering\normalfont\sffamily\bfseries\huge #1\par}\nobreak\vspace{2.5em}\@afterheading}
% A chapter runs on after the previous one (never alone at the foot of a page).
\renewcommand{\chapter}{\par\needspace{10\baselineskip}\addvspace{30\p@}%
  \global\@topnum\z@\@afterindentfalse\secdef\@chapter\@schapter}
\def\@makechapterhead#1{{\parindent\z@\raggedright\normalfont\sffamily\bfseries
  \ifnum\c@secnumdepth>\m@ne{\large\@chapapp\nobreakspace\thechapter\par}\nobreak\vskip 4\p@\fi
  {\LARGE #1\par}\nobreak\vskip 6\p@\hrule\nobreak\vskip 14\p@}}
\def\@makeschapterhead#1{{\parindent\z@\raggedright\normalfont\sffamily\bfseries
  {\LARGE #1\par}\nobreak\vskip 6\p@\hrule\nobreak\vskip 14\p@}}
% Contents: room for two-digit chapter numbers.
\renewcommand*\l@chapter[2]{%
  \ifnum\c@tocdepth>\m@ne
    \addpenalty{-\@highpenalty}\vskip 0.6em \@plus\p@
    \setlength\@tempdima{2em}%
    \begingroup
      \parindent\z@ \rightskip\@pnumwidth \parfillskip -\@pnumwidth
      \leavevmode\bfseries \advance\leftskip\@tempdima \hskip -\leftskip
      #1\nobreak\hfil\nobreak\hb@xt@\@pnumwidth{\hss #2\kern-\p@\kern\p@}\par
      \penalty\@highpenalty
    \endgroup
  \fi}
\makeatother
"""

MANUAL_ELEMENTS = {
    **LATEX_ELEMENTS,
    "preamble": PREAMBLE + MANUAL_PREAMBLE,
    "tableofcontents": r"\vktableofcontents",
}


def _tex(pdf: str) -> str:
    return pdf.removesuffix(".pdf") + ".tex"


def on_config_inited(app: Sphinx, config: Config) -> None:
    language = config.language
    author = config.author
    if config.vkdocs_print == "handouts":
        documents: list[tuple[str, str, str, str, str]] = []
        for situation in situations():
            if not (app.srcdir / f"{situation}.md").is_file():
                logger.warning(
                    "no handout page for situation %r: add %s.md holding {vk-handout} %s",
                    situation,
                    situation,
                    situation,
                )
                continue
            documents.append(handout_document(situation, language, author))
        config.latex_documents = documents
        config.latex_elements = {**HANDOUT_ELEMENTS, **config.latex_elements}
    else:
        config.latex_documents = [(config.root_doc, _tex(manual_file(language)), MANUAL_TITLE, author, "manual")]
        # As Sphinx sets \contentsname (from a toctree caption, which the manual has none of now).
        name, title = ExtBabel(language, use_polyglossia=True).language, message("manual_contents", language)
        contents = rf"\addto\captions{name}{{\renewcommand{{\contentsname}}{{{title}}}}}"
        config.latex_elements = {**MANUAL_ELEMENTS, "contentsname": contents, **config.latex_elements}
        # The start page's sections become parts (ManualStructure), its pages chapters.
        config.latex_toplevel_sectioning = "part"


def visit_admonition_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    """A generic admonition takes its style (tip, caution, danger) from its class in print too."""
    style = next((c for c in ("danger", "caution", "tip", "warning") if c in node["classes"]), "note")
    self.body.append("\n" + rf"\begin{{sphinxadmonition}}{{{style}}}")
    self.no_latex_floats += 1


def depart_admonition_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(r"\end{sphinxadmonition}" + "\n")
    self.no_latex_floats -= 1


class ManualStructure(SphinxTransform):
    """LaTeX, the manual's root page (the start page): front matter, then one part per toctree caption.

    Before::

        # Title
        introduction
        ## section … ## section (toctrees with captions at the end of the last one)

    After (``latex_toplevel_sectioning = "part"``: the title is the document's,
    a top-level section a part, a page of a toctree a chapter)::

        # Title
        ## Introduction      (front matter: an unnumbered chapter, see visit_section_latex)
           introduction
           ### section … ### section
        \\vkmainmatter      (raw LaTeX: arabic page numbers, numbered chapters)
        ## <caption 1>       (a part)
           toctree           (its pages: chapters)
        ## <caption 2> …

    The captions move to the parts' titles, so none is left for Sphinx to take
    as the contents' title: LaTeX's own "Contents" / «Содержание» stays.
    """

    default_priority = 700  # after the translation is applied (Locale: 20)

    def apply(self, **kwargs: Any) -> None:
        if self.config.vkdocs_print != "manual" or docname(self.env) != self.config.root_doc:
            return
        root = next(iter(self.document.findall(nodes.section)), None)
        if root is None:
            return
        wrappers = [
            toctree.parent
            for toctree in root.findall(addnodes.toctree)
            if toctree.get("caption") and isinstance(toctree.parent, nodes.compound)
        ]
        if not wrappers:
            return
        for wrapper in wrappers:
            wrapper.parent.remove(wrapper)

        title = root[0] if isinstance(root[0], nodes.title) else None
        body = [child for child in root.children if child is not title]
        front = nodes.section(ids=["vk-front-matter"], classes=["vk-front-matter"])
        front += nodes.title("", message("manual_introduction", self.config.language))
        front.extend(body)
        root.children = [title] if title is not None else []
        root += front
        root += nodes.raw("", "\\vkmainmatter\n", format="latex")
        for number, wrapper in enumerate(wrappers, start=1):
            toctree = next(iter(wrapper.findall(addnodes.toctree)))
            part = nodes.section(ids=[f"vk-part-{number}"], classes=["vk-part"])
            part += nodes.title("", toctree["caption"])
            del toctree["caption"]
            part += wrapper
            root += part
        for node in root.children:
            node.parent = root


def visit_section_latex(self: LaTeXTranslator, node: nodes.section) -> None:
    """The front matter sits one level down: a chapter (and its sections), not a part."""
    LaTeXTranslator.visit_section(self, node)
    if "vk-front-matter" in node["classes"]:
        self.sectionlevel += 1


def depart_section_latex(self: LaTeXTranslator, node: nodes.section) -> None:
    if "vk-front-matter" in node["classes"]:
        self.sectionlevel -= 1
    LaTeXTranslator.depart_section(self, node)


def structure_latex(app: Sphinx) -> None:
    """``builder-inited``: read pages get :class:`ManualStructure` in LaTeX builds only."""
    if app.builder.format == "latex":
        app.add_transform(ManualStructure)


class PrintCardLinks(SphinxPostTransform):
    """In print, a card's link (invisible text stretched over the card on the web)
    shows as "→ <target title>": visible on paper, still a link in the PDF."""

    default_priority = 200
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(nodes.Element)):
            classes: list[str] = node.get("classes", [])
            if "sd-stretched-link" in classes:
                node["classes"] = [c for c in classes if c not in ("sd-stretched-link", "sd-hide-link-text")]
                # sphinx-design wraps the link in a PassthroughTextElement: replace that.
                holder = node.parent if type(node.parent).__name__ == "PassthroughTextElement" else node
                paragraph = nodes.paragraph(classes=["vk-card-link"])
                holder.replace_self(paragraph)
                paragraph += nodes.Text("→ ")
                paragraph += node


def setup(app: Sphinx) -> ExtensionMetadata:
    # on_config_inited prints the author that languages sets per language: its handler must run first.
    app.setup_extension("vkdocs.sphinx.languages")
    app.add_config_value("vkdocs_print", "manual", "env", types=[str])
    app.connect("config-inited", on_config_inited)
    app.add_node(nodes.admonition, override=True, latex=(visit_admonition_latex, depart_admonition_latex))
    app.add_post_transform(PrintCardLinks)
    app.connect("builder-inited", structure_latex)
    app.add_node(nodes.section, override=True, latex=(visit_section_latex, depart_section_latex))
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
