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
  :class:`ManualStructure` arranges the manual this way when the LaTeX builder assembles it.
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

from datetime import date
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.latex.util import ExtBabel
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.texescape import escape
from sphinx.writers.latex import LaTeXTranslator

from vkdocs import __version__
from vkdocs.checklist import situations
from vkdocs.dataset import build_dataset
from vkdocs.deadline import format_long_date, window_note
from vkdocs.latex import (
    HANDOUT_ELEMENTS,
    LATEX_ELEMENTS,
    PREAMBLE,
    address_block,
    handout_document,
    manual_file,
    page_address,
    page_ref_name,
)
from vkdocs.messages import message
from vkdocs.typography import tie

if TYPE_CHECKING:
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

#: The manual's title: empty, so Sphinx takes the start page's heading, translated like the rest of the page.
MANUAL_TITLE = ""

# The titles of the manual's front matter (the start page's introduction and
# sections) and of its contents page (LaTeX's \contentsname, which polyglossia
# would call «Оглавление» in Russian; set where the contents are printed) are the
# messages manual_introduction and manual_contents.

#: The manual's structure (see ManualStructure): front matter numbered i, ii, …
#: with unnumbered chapters; a part opens a page; chapters run on under a
#: heading of their own (no page left near-empty where a chapter ends).
MANUAL_PREAMBLE = r"""
\usepackage{needspace}
\makeatletter
\newcounter{vksecnumdepth}
% The contents under their own title (#1, not a toctree caption); after them the
% front matter keeps roman page numbers, no chapter numbers.
% Two levels, whatever depth Sphinx takes from the toctrees: the chapters and their sections
% (the question path, "page hacked" inside "no access").
\newcommand{\vktableofcontents}[1]{%
  \setcounter{tocdepth}{1}%
  \pagenumbering{roman}%
  \begingroup\renewcommand{\contentsname}{#1}%
  \parskip\z@skip\sphinxtableofcontentshook\tableofcontents\endgroup
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
% A heading is never hyphenated (a reader scans it whole, and finds its words in the contents):
% Sphinx's headings (titlesec) and the running foot are set in \py@HeaderFamily.
\renewcommand{\py@HeaderFamily}{\spx@opt@HeaderFamily\raggedright\hyphenpenalty\@M\exhyphenpenalty\@M}
% A heading never ends a page: with less than six lines left, it starts the next.
\let\vk@section\section
\renewcommand{\section}{\needspace{6\baselineskip}\vk@section}
\let\vk@subsection\subsection
\renewcommand{\subsection}{\needspace{5\baselineskip}\vk@subsection}
% Before a heading whose text starts with a box (visit_section_latex): room for the heading
% (about 3.5 lines with its spacing), the box's top and title (about 2.5) and its first two lines.
\newcommand{\vkheadingbeforebox}{\par\needspace{9\baselineskip}}
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
        # The contents' title where they are printed: Sphinx would take the start page's first toctree caption.
        contents = rf"\vktableofcontents{{{message('manual_contents', language)}}}"
        # polyglossia's name of the language (Sphinx's), for the page references' word.
        name = ExtBabel(language, use_polyglossia=True).language
        preamble = MANUAL_ELEMENTS["preamble"] + page_ref_name(name, message("manual_page_ref", language)) + "\n"
        address = page_address(config.html_baseurl, config.root_doc)
        if address is not None:  # at the foot of the title page: the site's address and its QR code
            preamble += rf"\authoraddress{{{address_block(address, message('manual_site', language))}}}" + "\n"
        config.latex_elements = {
            **MANUAL_ELEMENTS,
            "preamble": preamble,
            "tableofcontents": contents,
            "maketitle": r"\sphinxmaketitle" + "\n" + essentials_and_colophon(language, address),
            **config.latex_elements,
        }
        # The start page's sections become parts (ManualStructure), its pages chapters.
        config.latex_toplevel_sectioning = "part"


def essentials_and_colophon(language: str, address: str | None) -> str:
    """The page after the title page: the rules a reader must not miss, in one fraud-style box
    (never pay, never share codes, the restore rule with VK's date first, support only inside VK),
    and at its foot the colophon (title, edition, the date the content was checked against the
    guides, the site's address when the build has one, licence). All from the package's catalogs."""
    rules = [
        message("manual_never_pay", language),
        message("handout_never_share", language),
        window_note(language),
        message("handout_support_how", language),
    ]
    # Set like every printed text (vkdocs.sphinx.typography runs on nodes; this is LaTeX already).
    items = "".join(rf"\item {printed(rule)}" + "\n" for rule in rules)
    checked = min(date.fromisoformat(record["checked"]) for record in build_dataset()["situations"].values())
    marker = "VKDOCSDATE"
    edition = printed(message("manual_edition", language, version=__version__, date=marker))
    colophon = [
        r"\textbf{\csname @title\endcsname}",
        edition.replace(marker, r"\csname @date\endcsname"),
        printed(message("page_checked", language, date=format_long_date(checked, language))),
    ]
    if address is not None:
        colophon.append(printed(message("manual_site", language)) + rf" \url{{{address}}}")
    colophon.append(printed("© " + message("site_copyright", language)))
    return (
        "\\clearpage\\thispagestyle{empty}\n"
        rf"\begin{{sphinxadmonition}}{{danger}}{{{escape(message('manual_essentials', language))}:}}"
        "\n\\begin{itemize}\n" + items + "\\end{itemize}\n\\end{sphinxadmonition}\n"
        "\\vfill{\\small\\raggedright\\parskip=3pt\n" + "\\par\n".join(colophon) + "\\par}\n\\clearpage\n"
    )


def printed(text: str) -> str:
    """``text`` as LaTeX, set like every printed text: :func:`vkdocs.typography.tie`, then escaped.

    >>> printed("Сверено с руководствами: 1 октября 2026 г.")
    'Сверено с\xa0руководствами: 1\xa0октября 2026\xa0г.'
    """
    return escape(tie(text))


def visit_admonition_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    """A generic admonition takes its style (tip, caution, danger) from its class in print too."""
    style = next((c for c in ("danger", "caution", "tip", "warning") if c in node["classes"]), "note")
    self.body.append("\n" + rf"\begin{{sphinxadmonition}}{{{style}}}")
    self.no_latex_floats += 1


def depart_admonition_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append(r"\end{sphinxadmonition}" + "\n")
    self.no_latex_floats -= 1


class ManualStructure(SphinxPostTransform):
    """LaTeX, the manual (the start page with every page of its toctrees inlined): front matter, then one
    part per toctree caption.

    It runs on the doctree the LaTeX builder assembles and writes, never on
    what is read: HTML and LaTeX can share one doctree folder (Read the Docs
    does), and the LaTeX build then reads nothing again.

    Before (each toctree replaced by its pages, each page in a
    ``start_of_file`` node, inside the wrapper that held the toctree)::

        # Title
        introduction
        ## section … ## section (toctree wrappers at the end of the last one)

    After (``latex_toplevel_sectioning = "part"``: the title is the document's,
    a top-level section a part, a page of a toctree a chapter)::

        # Title
        ## Introduction      (front matter: an unnumbered chapter, see visit_section_latex)
           introduction
           ### section … ### section
        \\vkmainmatter      (raw LaTeX: arabic page numbers, numbered chapters)
        ## <caption 1>       (a part)
           its pages         (chapters)
        ## <caption 2> …

    The captions come from the start page's toctrees as read (the assembled
    tree has no toctree left). The contents keep their own title, "Contents" /
    «Содержание», set where they are printed (``\\vktableofcontents``): Sphinx
    would otherwise title them with the first caption.
    """

    default_priority = 200
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        if self.config.vkdocs_print != "manual" or self.document.get("docname") != self.config.root_doc:
            return
        root = next(iter(self.document.findall(nodes.section)), None)
        if root is None:
            return
        start_page = self.env.get_doctree(self.config.root_doc)
        captions = [toctree.get("caption") for toctree in start_page.findall(addnodes.toctree)]
        wrappers = [
            node
            for node in root.findall(nodes.compound)
            if "toctree-wrapper" in node["classes"] and not _in_inlined_page(node)
        ]
        if len(wrappers) != len(captions):
            logger.warning(
                "the manual: the start page has %d toctrees, %d found in the assembled manual; not arranged",
                len(captions),
                len(wrappers),
                location=self.config.root_doc,
            )
            return
        parts = [(wrapper, caption) for wrapper, caption in zip(wrappers, captions, strict=True) if caption]
        if not parts:
            return
        for wrapper, _ in parts:
            wrapper.parent.remove(wrapper)

        title = root[0] if isinstance(root[0], nodes.title) else None
        body = [child for child in root.children if child is not title]
        front = nodes.section(ids=["vk-front-matter"], classes=["vk-front-matter"])
        front += nodes.title("", message("manual_introduction", self.config.language))
        front.extend(body)
        root.children = [title] if title is not None else []
        root += front
        root += nodes.raw("", "\\vkmainmatter\n", format="latex")
        for number, (wrapper, caption) in enumerate(parts, start=1):
            part = nodes.section(ids=[f"vk-part-{number}"], classes=["vk-part"])
            part += nodes.title("", caption)
            part += wrapper
            root += part
        for node in root.children:
            node.parent = root


def _in_inlined_page(node: nodes.Node) -> bool:
    """Whether ``node`` belongs to a page inlined into the manual, not to the start page itself."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, addnodes.start_of_file):
            return True
        parent = parent.parent
    return False


def visit_section_latex(self: LaTeXTranslator, node: nodes.section) -> None:
    """The front matter sits one level down: a chapter (and its sections), not a part. In the manual a
    heading whose text starts with a box asks for room for both (``\\vkheadingbeforebox``)."""
    LaTeXTranslator.visit_section(self, node)
    if self.config.vkdocs_print == "manual" and starts_with_box(node):
        self.body.append("\\vkheadingbeforebox\n")
    if "vk-front-matter" in node["classes"]:
        self.sectionlevel += 1


def starts_with_box(section: nodes.section) -> bool:
    """Whether the first thing printed under ``section``'s heading is a box (an admonition).

    >>> from docutils.core import publish_doctree
    >>> tree = publish_doctree("Title\\n=====\\n\\nA\\n-\\n\\n.. _x:\\n\\n.. warning:: Never pay.\\n\\nB\\n-\\n\\nText.\\n")
    >>> [starts_with_box(section) for section in tree.findall(nodes.section)]
    [True, False]
    """
    for child in section.children:
        if isinstance(child, (nodes.title, nodes.target, nodes.substitution_definition, nodes.comment)):
            continue
        return isinstance(child, nodes.Admonition)
    return False


def depart_section_latex(self: LaTeXTranslator, node: nodes.section) -> None:
    if "vk-front-matter" in node["classes"]:
        self.sectionlevel -= 1
    LaTeXTranslator.depart_section(self, node)


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


class LeaveOutWebOnlyPages(SphinxPostTransform):
    """The manual is for readers: the pages of ``vkdocs_print_web_only`` (the Python package and
    the command's reference) stay on the site and leave the book.

    Sphinx's LaTeX builder inlines every page of the toctrees, each in a
    ``start_of_file`` node: those pages' nodes go, before the references are
    resolved. A reference to them is then resolved as usual and unlinked by
    :class:`UnlinkWebOnlyPages`: it prints as plain text, with no page number
    and no dangling link. The toctrees themselves stay as they are, so the site
    and the doctrees are unchanged.
    """

    default_priority = 5  # before the references are resolved (ReferencesResolver: 10)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        web_only = _web_only(self.config)
        for node in list(self.document.findall(addnodes.start_of_file)):
            if node["docname"] in web_only:
                node.parent.remove(node)


class UnlinkWebOnlyPages(SphinxPostTransform):
    """A reference to a page the manual leaves out (:class:`LeaveOutWebOnlyPages`) keeps its words, not its link.

    The LaTeX builder addresses a page of the book as ``%<docname>#<id>``
    (``LaTeXBuilder.get_target_uri``); a reference to a page left out is
    replaced by its text, as Sphinx prints a reference it cannot link.
    """

    default_priority = 11  # right after the references are resolved (ReferencesResolver: 10)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        web_only = _web_only(self.config)
        for node in list(self.document.findall(nodes.reference)):
            uri = node.get("refuri", "")
            if uri.startswith("%") and uri[1:].partition("#")[0] in web_only:
                node.replace_self(nodes.inline(node.rawsource, "", *node.children))


def _web_only(config: Config) -> set[str]:
    """The pages that stay on the site (``vkdocs_print_web_only``), when the manual is built; else none."""
    return set(config.vkdocs_print_web_only) if config.vkdocs_print == "manual" else set()


def setup(app: Sphinx) -> ExtensionMetadata:
    # on_config_inited prints the author that languages sets per language: its handler must run first.
    app.setup_extension("vkdocs.sphinx.languages")
    app.add_config_value("vkdocs_print", "manual", "env", types=[str])
    app.add_config_value("vkdocs_print_web_only", [], "env", types=[list])
    app.add_post_transform(LeaveOutWebOnlyPages)
    app.add_post_transform(UnlinkWebOnlyPages)
    app.connect("config-inited", on_config_inited)
    app.add_node(nodes.admonition, override=True, latex=(visit_admonition_latex, depart_admonition_latex))
    app.add_post_transform(PrintCardLinks)
    app.add_post_transform(ManualStructure)
    app.add_node(nodes.section, override=True, latex=(visit_section_latex, depart_section_latex))
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
