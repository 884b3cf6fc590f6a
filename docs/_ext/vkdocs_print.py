"""Print: the PDF manual and the one-page handouts, through Sphinx's LaTeX builder.

Both use XeLaTeX with the DejaVu fonts (they cover Cyrillic), A4 paper and a
drawn box for every step to tick (``\\vkbox``). What differs per language (the
titles, the file names) is decided in ``config-inited``, because ``-D
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

from vkdocs.checklist import build_checklist, situations
from vkdocs.sphinxext_print import handout_file, manual_file

logger = logging.getLogger(__name__)

#: The manual's title: empty, so Sphinx takes the start page's heading, translated like the rest of the page.
MANUAL_TITLE = ""

FONTS = r"""
\setmainfont{DejaVu Serif}
\setsansfont{DejaVu Sans}
\setmonofont{DejaVu Sans Mono}[Scale=0.9]
\newfontfamily\cyrillicfont{DejaVu Serif}
\newfontfamily\cyrillicfontsf{DejaVu Sans}
\newfontfamily\cyrillicfonttt{DejaVu Sans Mono}[Scale=0.9]
"""

PREAMBLE = r"""
\setlength{\headheight}{14pt}
\frenchspacing
% A box to tick by hand: drawn, so it prints in black and white.
\newcommand{\vkboxdraw}{{\setlength{\fboxsep}{0pt}\setlength{\fboxrule}{0.9pt}%
  \raisebox{-0.12em}{\fbox{\rule{0pt}{0.8em}\rule{0.8em}{0pt}}}}}
\newcommand{\vkboxcheckeddraw}{\rlap{\vkboxdraw}%
  \makebox[\dimexpr0.8em+1.8pt\relax][c]{\raisebox{-0.02em}{\footnotesize\sffamily x}}}
\newcommand{\vkbox}{\vkboxdraw\hspace{0.5em}}
\newcommand{\vkboxchecked}{\vkboxcheckeddraw\hspace{0.5em}}
% A checklist (and a MyST task list): no bullet, the box hangs in the label's
% place, so wrapped lines align with the text.
\newenvironment{sphinxclassvk-checklist}{%
  \renewcommand{\labelitemi}{}\renewcommand{\labelitemii}{}%
  \renewcommand{\vkbox}{\leavevmode\llap{\vkboxdraw\hspace{0.5em}}}%
  \renewcommand{\vkboxchecked}{\leavevmode\llap{\vkboxcheckeddraw\hspace{0.5em}}}%
}{}
% Danger labels (harmful methods, fraud): white title on a black bar.
\renewcommand{\sphinxstyledangertitle}[1]{%
  \sphinxdotitlerow{danger}{\textcolor{white}{\sphinxremovefinalcolon{#1}}}}
% The ballot box of the plain-text checklists (docstrings, CLI output) is drawn
% too: DejaVu Serif has no U+2610.
\usepackage{newunicodechar}
\newunicodechar{☐}{\vkboxdraw}
% A line to fill in by hand.
\newcommand{\vkblank}{\rule[-0.2em]{4.2cm}{0.5pt}}
% Cards: a framed box, the title in bold.
\newenvironment{sphinxclasssd-card}{\begin{sphinxShadowBox}}{\end{sphinxShadowBox}}
\newenvironment{sphinxclasssd-card-title}{\par\bfseries}{\par}
\newenvironment{sphinxclassvk-fillin}{\par\medskip}{\par\medskip}
"""

# Truth labels: tip (what VK shows), caution (an unverified claim), danger
# (harmful methods, fraud). Distinguishable without colour: frame weight and
# the title bar's grey level; the titles differ in words too.
SPHINXSETUP = ", ".join(
    [
        "div.tip_border-width=0.6pt",
        "div.tip_border-TeXcolor={gray}{0.35}",
        "div.tip_title-background-TeXcolor={gray}{0.93}",
        "div.tip_title-foreground-TeXcolor={gray}{0}",
        "div.caution_border-width=1.2pt",
        "div.caution_border-TeXcolor={gray}{0.3}",
        "div.caution_title-background-TeXcolor={gray}{0.75}",
        "div.caution_title-foreground-TeXcolor={gray}{0}",
        "div.danger_border-width=2.6pt",
        "div.danger_border-TeXcolor={gray}{0}",
        "div.danger_title-background-TeXcolor={gray}{0}",
        "div.danger_title-foreground-TeXcolor={gray}{1}",
        "div.warning_border-width=1.6pt",
        "div.warning_border-TeXcolor={gray}{0}",
        "div.warning_title-background-TeXcolor={gray}{0.82}",
        "div.warning_title-foreground-TeXcolor={gray}{0}",
    ]
)

#: A compact title for the handouts: no title page, everything on one or two pages.
HANDOUT_TITLE = r"""
\makeatletter
\begin{flushleft}
{\sffamily\bfseries\LARGE \@title\par}
\vspace{3pt}\hrule height 1pt\vspace{6pt}
\end{flushleft}
\makeatother
"""

LATEX_ELEMENTS = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    "fontpkg": FONTS,
    "preamble": PREAMBLE,
    "sphinxsetup": SPHINXSETUP,
    "printindex": "",
    # Chapters start on the next page, not the next right-hand one: no blank pages.
    "extraclassoptions": "openany",
}

HANDOUT_ELEMENTS = {
    **LATEX_ELEMENTS,
    "maketitle": HANDOUT_TITLE,
    "tableofcontents": "",
    "sphinxsetup": SPHINXSETUP + ", hmargin=2cm, vmargin={2cm,2.2cm}",
    # One or two single-sided sheets: no chapters, so no "openany" either.
    "extraclassoptions": "oneside",
}


def _tex(pdf: str) -> str:
    return pdf.removesuffix(".pdf") + ".tex"


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
            title = build_checklist(situation, lang=language).title
            config.latex_documents.append((situation, _tex(handout_file(situation, language)), title, author, "howto"))
        config.latex_elements = {**HANDOUT_ELEMENTS, **config.latex_elements}
    else:
        config.latex_documents = [("index", _tex(manual_file(language)), MANUAL_TITLE, author, "manual")]
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
