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
% An interface label in «» (vkdocs.sphinx.typography) is never hyphenated: it reads as on the screen.
\makeatletter
\expandafter\newcommand\csname DUrolevk-label-text\endcsname[1]{{%
  \ifdefined\l@nohyphenation\language=\l@nohyphenation\else\language=255\fi\relax#1}}
\makeatother
% A line to fill in by hand.
\newcommand{\vkblank}{\rule[-0.2em]{4.2cm}{0.5pt}}
% A box's title is never the last line of a page: no page break under the title row, and the
% first paragraph keeps two lines under it (as under a heading), or the whole box starts the next
% page (framed.sty splits a box only where a page break is allowed).
\usepackage{etoolbox}
\makeatletter
\newcommand{\vk@aftertitle}{\@nobreaktrue\everypar{\if@nobreak\@nobreakfalse\clubpenalty\@M
  \else\clubpenalty\@clubpenalty\everypar{}\fi}}
\patchcmd{\sphinxdotitlerow}{\endgroup\vskip-\parskip}{\endgroup\nobreak\vskip-\parskip}{}{%
  \errmessage{vkdocs: Sphinx's \string\sphinxdotitlerow\space changed: keep a box's title with its text again}}
\apptocmd{\sphinxdotitlerow}{\vk@aftertitle}{}{%
  \errmessage{vkdocs: Sphinx's \string\sphinxdotitlerow\space changed: keep a box's title with its text again}}
% (After the title a box sets its text's colour, a whatsit a page could break after.)
\apptocmd{\sphinxadmonition}{\nobreak}{}{%
  \errmessage{vkdocs: Sphinx's sphinxadmonition changed: keep a box's title with its text again}}
\AtEndEnvironment{sphinxheavybox}{\par\@nobreakfalse}
% Directly under a heading a box asks for no room of its own: a page break there would leave the
% heading alone at the foot (in the manual the heading asks for room for both: \vkheadingbeforebox).
\renewcommand{\sphinxheavyboxneedspacecommand}{\if@nobreak\else\needspace{5\baselineskip}\fi}
\makeatother
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

#: The handouts have no title page: their page starts with :func:`handout_heading`.
HANDOUT_TITLE = r"""
\pagestyle{empty}\thispagestyle{empty}
"""

#: The LaTeX builder's settings of every PDF (``docs/conf.py``, ``vkdocs handout``):
#: XeLaTeX; a link's address as a footnote; no domain indices; plain booktabs
#: tables. Not Sphinx's default "colorrows" row shading: with TeX Live 2026's
#: colortbl it stops the build with "TeX capacity exceeded" at the first table
#: (sphinx-doc/sphinx#14465, fixed only after Sphinx 9.1.0).
LATEX_SETTINGS: dict[str, object] = {
    "latex_engine": "xelatex",
    "latex_show_urls": "footnote",
    "latex_domain_indices": False,
    "latex_table_style": ["booktabs"],
    # Every internal reference prints its page: "(p. 12)", «(с. 12)» (see page_ref_name).
    "latex_show_pagerefs": True,
}

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
#: short lines, no wide gaps between words, and no word broken at a hyphen
#: (a label or a date stays whole, as on the screen).
HANDOUT_PREAMBLE = r"""
\usepackage[document,raggedrightboxes]{ragged2e}
\hyphenpenalty=10000\exhyphenpenalty=10000
% One page, so no page number: every page style Sphinx uses is empty.
\makeatletter\let\ps@normal\ps@empty\let\ps@plain\ps@empty\makeatother
% Steps close together, so 12 pt still fits on one page.
\usepackage{enumitem}
\setlist{topsep=2pt,partopsep=0pt,itemsep=1pt,parsep=0pt}
% A platform's heading sits close to its steps.
\makeatletter
\renewcommand\subsubsection{\@startsection{subsubsection}{3}{\z@}{-1.2ex\@plus -.3ex}{0.4ex}{\normalfont\sffamily\bfseries}}
\makeatother
"""

#: ``latex_elements`` of the handouts.
HANDOUT_ELEMENTS = {
    **LATEX_ELEMENTS,
    # Read at arm's length: 12 pt, the largest that keeps the longest handout (delete, ru) on one page.
    "pointsize": "12pt",
    "preamble": PREAMBLE + HANDOUT_PREAMBLE,
    "maketitle": HANDOUT_TITLE,
    "tableofcontents": "",
    # Margins of 1.6 cm left and right, 1.2 cm top and bottom keep the longest checklist (delete, ru) on one sheet.
    "sphinxsetup": SPHINXSETUP + ", hmargin=1.6cm, vmargin={1.2cm,1.2cm}",
    # One or two single-sided sheets: no chapters, so no "openany" either.
    "extraclassoptions": "oneside",
}


def hyperref(lang: str, subject: str) -> str:
    r"""The ``hyperref`` element of every PDF: Sphinx's own, then the document's metadata.

    Title and author are the document's (``\@title``, ``\@author``, known at
    the start of the document), the subject and language are given; viewers
    show the title, not the file name, in their window (DisplayDocTitle).

    >>> print(hyperref("en", "Instructions"))
    \usepackage[pdflang={en},pdfdisplaydoctitle=true]{hyperref}
    \usepackage{hypcap}
    \urlstyle{same}
    \makeatletter
    \AtBeginDocument{\hypersetup{pdftitle={\@title}, pdfauthor={\@author}, pdfsubject={Instructions}}}
    \makeatother
    """
    from sphinx.util.texescape import escape  # the docs extra, as for every PDF

    return (
        # The language and the viewer's preference go into the document catalog, written at its start.
        rf"\usepackage[pdflang={{{lang}}},pdfdisplaydoctitle=true]{{hyperref}}"
        "\n\\usepackage{hypcap}\n\\urlstyle{same}\n\\makeatletter\n"
        rf"\AtBeginDocument{{\hypersetup{{pdftitle={{\@title}}, pdfauthor={{\@author}}, "
        rf"pdfsubject={{{escape(subject)}}}}}}}"
        "\n\\makeatother"
    )


def page_ref_name(polyglossia_language: str, word: str) -> str:
    r"""LaTeX that makes a reference's page read ``(<word> 12)``: hyperref's ``\pageautorefname``.

    ``latex_show_pagerefs`` prints ``(\autopageref*{…})``; hyperref names the
    page in the language's captions, which polyglossia sets at the start of the
    document, so the word is set there too, and after it.

    >>> print(page_ref_name("english", "p."))
    \AtBeginDocument{\addto\captionsenglish{\def\pageautorefname{p.}}\def\pageautorefname{p.}}
    """
    definition = rf"\def\pageautorefname{{{word}}}"
    return rf"\AtBeginDocument{{\addto\captions{polyglossia_language}{{{definition}}}{definition}}}"


def qr_modules(url: str) -> list[list[bool]]:
    """The dark (``True``) and light modules of ``url``'s QR code (segno, error level M), quiet zone included.

    >>> modules = qr_modules("https://example.org/")
    >>> len(modules), len(modules[0]), modules[4][4], modules[0][0]
    (33, 33, True, False)
    """
    import segno  # the docs extra: only a PDF build needs it

    code = segno.make(url, error="m", micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=4)]


def qr_picture(url: str, size: str = "2.4cm") -> str:
    r"""``url``'s QR code as a LaTeX picture ``size`` wide: one black rule per run of dark modules.

    Drawn by TeX, so there is no image file to keep: a row's run of dark
    modules from column ``x`` is ``\put(x,y){\rule{…}{…}}``, ``y`` counted
    from the bottom.

    >>> print(qr_picture("https://example.org/")[:101])
    {\setlength{\unitlength}{\dimexpr 2.4cm/33\relax}\begin{picture}(33,33)\put(4,28){\rule{7\unitlength}
    """
    modules = qr_modules(url)
    size_in_modules = len(modules)
    runs: list[str] = []
    for row_number, row in enumerate(modules):
        y = size_in_modules - 1 - row_number
        x = 0
        while x < size_in_modules:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < size_in_modules and row[x]:
                x += 1
            runs.append(rf"\put({start},{y}){{\rule{{{x - start}\unitlength}}{{\unitlength}}}}")
    return (
        rf"{{\setlength{{\unitlength}}{{\dimexpr {size}/{size_in_modules}\relax}}"
        rf"\begin{{picture}}({size_in_modules},{size_in_modules})" + "".join(runs) + r"\end{picture}}"
    )


def page_address(base_url: str, page: str) -> str | None:
    """The web address of ``page`` (a document name) under the site's canonical address, or ``None`` without one.

    >>> page_address("https://vkdocs.readthedocs.io/ru/latest/", "howto/restore")
    'https://vkdocs.readthedocs.io/ru/latest/howto/restore.html'
    >>> page_address("https://vkdocs.readthedocs.io/en/latest", "index")
    'https://vkdocs.readthedocs.io/en/latest/'
    >>> page_address("", "howto/restore") is None
    True
    """
    if not base_url:
        return None
    base = base_url.rstrip("/") + "/"
    return base if page == "index" else f"{base}{page}.html"


def address_block(url: str, label: str) -> str:
    r"""The LaTeX of a printed way back to the web: the QR code of ``url``, beside it ``label`` and ``url``.

    ``label`` is plain text (escaped here); the address is set with ``\url``,
    so it breaks only at its slashes and stays a link in the PDF.
    """
    from sphinx.util.texescape import escape  # the docs extra, as for every PDF

    return (
        "\n\\par\\medskip\\noindent\\begin{minipage}[c]{2.6cm}" + qr_picture(url) + "\\end{minipage}%\n"
        "\\hspace{0.6em}\\begin{minipage}[c]{\\dimexpr\\linewidth-3.2cm\\relax}\\raggedright\n"
        f"{escape(label)}\\\\\n\\url{{{url}}}\n\\end{{minipage}}\\par\n"
    )


def handout_heading(built: str, url: str | None, label: str) -> str:
    r"""The top of a handout: its title (the document's) over the line saying when it was made;
    with an address, ``label`` and the address below, and the address's QR code to the right.

    >>> print(handout_heading("Built today", None, "Online:"))  # doctest: +NORMALIZE_WHITESPACE
    \noindent\begin{minipage}[t]{\linewidth}\raggedright {\sffamily\bfseries\LARGE \csname @title\endcsname\par}
    \smallskip{\small Built today\par} \end{minipage}\par \vspace{4pt}\hrule height 1pt\vspace{6pt}
    """
    from sphinx.util.texescape import escape  # the docs extra, as for every PDF

    qr_width = "2.3cm"
    width = r"\linewidth" if url is None else rf"\dimexpr\linewidth-{qr_width}-1em\relax"
    left = (
        rf"\noindent\begin{{minipage}}[t]{{{width}}}\raggedright"
        "\n{\\sffamily\\bfseries\\LARGE \\csname @title\\endcsname\\par}\n"
        rf"\smallskip{{\small {escape(built)}\par}}"
    )
    if url is not None:
        left += rf"{{\small {escape(label)} \url{{{url}}}\par}}"
    left += "\n\\end{minipage}"
    if url is not None:
        # [t] aligns the first lines; the QR code's picture hangs from its top.
        left += rf"\hfill\begin{{minipage}}[t]{{{qr_width}}}\vspace{{0pt}}{qr_picture(url, qr_width)}\end{{minipage}}"
    return left + "\\par\n\\vspace{4pt}\\hrule height 1pt\\vspace{6pt}\n"


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
    "LATEX_SETTINGS",
    "PREAMBLE",
    "SPHINXSETUP",
    "TEX_PACKAGES",
    "TEX_TOOLS",
    "handout_document",
    "hyperref",
    "handout_file",
    "handout_heading",
    "manual_file",
    "address_block",
    "page_address",
    "page_ref_name",
    "qr_modules",
    "qr_picture",
]
