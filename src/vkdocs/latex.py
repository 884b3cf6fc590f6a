"""The printed handouts and manual: their LaTeX settings (XeLaTeX, DejaVu fonts, A4, drawn boxes) and file names.

They live in the package, so ``vkdocs handout`` (:mod:`vkdocs.handout`) sets
a personal handout exactly as ``make handouts`` does, from an installed
package as well as from a source checkout. :mod:`vkdocs.sphinx.manual`
uses them for the manual and the handouts of the docs. Nothing here needs
Sphinx or TeX to import.

>>> handout_document("restore", "en", "vkdocs contributors")
('restore', 'handout-restore-en.tex', 'Restore a deleted page', 'vkdocs contributors', 'howto')
>>> HANDOUT_ELEMENTS["papersize"]
'a4paper'
"""

from __future__ import annotations

from vkdocs.checklist import build_checklist

#: The programs a PDF build runs: XeLaTeX through latexmk, and make (``sphinx
#: -M latexpdf`` runs the Makefile of its LaTeX output). No xindy: no PDF has
#: an index (``LATEX_ELEMENTS["makeindex"]``).
TEX_TOOLS = ("xelatex", "latexmk", "make")

#: The Debian (and Ubuntu) packages that give a PDF build everything it needs.
TEX_PACKAGES = (
    "texlive-xetex",
    "latexmk",
    "texlive-fonts-recommended",
    "texlive-lang-cyrillic",
    "fonts-dejavu-core",
    "make",
)

#: latexmk's options for every PDF build: stop at the first error, never wait for input.
LATEXMKOPTS = "-halt-on-error -interaction=nonstopmode -file-line-error"

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
% Full-width digits (U+FF10-FF19, an example of input the calculator refuses):
% no DejaVu font has them, so each prints as its digit centred in a square em,
% the width of a full-width form.
\newcommand{\vkfullwidth}[1]{\makebox[1em][c]{#1}}
\newunicodechar{０}{\vkfullwidth{0}}\newunicodechar{１}{\vkfullwidth{1}}
\newunicodechar{２}{\vkfullwidth{2}}\newunicodechar{３}{\vkfullwidth{3}}
\newunicodechar{４}{\vkfullwidth{4}}\newunicodechar{５}{\vkfullwidth{5}}
\newunicodechar{６}{\vkfullwidth{6}}\newunicodechar{７}{\vkfullwidth{7}}
\newunicodechar{８}{\vkfullwidth{8}}\newunicodechar{９}{\vkfullwidth{9}}
% Any other character the fonts lack stops the build ("! Missing character")
% instead of printing a blank (XeTeX, TeX Live 2021 and later).
\tracinglostchars=3
% A line to fill in by hand.
\newcommand{\vkblank}{\rule[-0.2em]{4.2cm}{0.5pt}}
% Cards: a framed box, the title in bold.
\newenvironment{sphinxclasssd-card}{\begin{sphinxShadowBox}}{\end{sphinxShadowBox}}
\newenvironment{sphinxclasssd-card-title}{\par\bfseries}{\par}
\newenvironment{sphinxclassvk-fillin}{\par\medskip}{\par\medskip}
% Tables: no column squeezed below a short label ("Source", or "Guide B" in Russian): tabulary
% squeezes short columns down to \tymin, which Sphinx sets to three digits.
\setlength{\tymin}{8.5em}
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

#: ``latex_elements`` of every PDF: the manual starts from these.
LATEX_ELEMENTS = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    "fontpkg": FONTS,
    "preamble": PREAMBLE,
    "sphinxsetup": SPHINXSETUP,
    # No index (issue 24: printed if it served readers, or not built at all):
    # no \makeindex, so no .idx file and no xindy run, which fails wherever
    # latexmk runs without Sphinx's Makefile (Read the Docs: XINDYOPTS unset).
    "makeindex": "",
    "printindex": "",
    # Chapters start on the next page, not the next right-hand one: no blank pages.
    "extraclassoptions": "openany",
}

#: Handouts are set ragged-right, boxes (admonitions, table cells) included:
#: short lines, no wide gaps between words.
HANDOUT_PREAMBLE = r"""
\usepackage[document,raggedrightboxes]{ragged2e}
"""

#: ``latex_elements`` of the handouts.
HANDOUT_ELEMENTS = {
    **LATEX_ELEMENTS,
    "preamble": PREAMBLE + HANDOUT_PREAMBLE,
    "maketitle": HANDOUT_TITLE,
    "tableofcontents": "",
    # Margins of 1.6 cm top and bottom keep the longest checklist (delete, ru) on one sheet.
    "sphinxsetup": SPHINXSETUP + ", hmargin=2cm, vmargin={1.6cm,1.6cm}",
    # One or two single-sided sheets: no chapters, so no "openany" either.
    "extraclassoptions": "oneside",
}


def handout_file(situation: str, lang: str) -> str:
    """The file name of a situation's handout: ``handout-restore-en.pdf``."""
    return f"handout-{situation}-{lang}.pdf"


def manual_file(lang: str) -> str:
    """The file name of the whole manual: ``vkdocs-en.pdf``."""
    return f"vkdocs-{lang}.pdf"


def handout_document(situation: str, lang: str, author: str) -> tuple[str, str, str, str, str]:
    """The ``latex_documents`` entry of a situation's handout: its page (named for the situation) as a howto.

    Raises :class:`~vkdocs.errors.InputError` for an unknown situation or language.
    """
    title = build_checklist(situation, lang=lang).title
    return (situation, handout_file(situation, lang).removesuffix(".pdf") + ".tex", title, author, "howto")


__all__ = [
    "FONTS",
    "HANDOUT_ELEMENTS",
    "HANDOUT_PREAMBLE",
    "HANDOUT_TITLE",
    "LATEXMKOPTS",
    "LATEX_ELEMENTS",
    "PREAMBLE",
    "SPHINXSETUP",
    "TEX_PACKAGES",
    "TEX_TOOLS",
    "handout_document",
    "handout_file",
    "manual_file",
]
