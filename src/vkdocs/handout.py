"""Personal handouts: one situation's printable checklist as a PDF, for restore with the dates filled in.

``vkdocs handout restore --lang en --deleted-on 2026-10-01 --output restore.pdf``
builds the same one-page handout as ``make handouts`` (Sphinx's LaTeX builder
and XeLaTeX, with the settings of :mod:`vkdocs.latex`); with a date of
deletion, the date and the last day to restore are written in words where
the printed handout has lines to fill in by hand.

It needs no source checkout, only the installed package: it writes a tiny
Sphinx project into a temporary folder (:func:`project_files`: a ``conf.py``
and one page holding ``{vk-handout}`` with the dates as options), runs
``python -m sphinx -M latexpdf`` there and copies the PDF to the output.

>>> files = project_files("restore", "en", deleted_on=date(2026, 10, 1), today=date(2026, 11, 25))
>>> print(files["restore.rst"])
.. vk-handout:: restore
   :deleted-on: 2026-10-01
   :today: 2026-11-25
<BLANKLINE>

It needs Sphinx (the ``docs`` extra) and TeX (:data:`vkdocs.latex.TEX_TOOLS`).
Without them, and when the build fails, it raises :class:`HandoutError`,
whose message says what to install (or where the build log is) and whose
``status`` is the command's exit status: 2 for what is missing, as for bad
input; 1 for a build or an output that failed.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from vkdocs.checklist import build_checklist, handout_dates
from vkdocs.deadline import DateLike, check_language
from vkdocs.errors import _Localized
from vkdocs.i18n import languages
from vkdocs.latex import HANDOUT_ELEMENTS, LATEXMKOPTS, TEX_PACKAGES, TEX_TOOLS, handout_document, handout_file
from vkdocs.messages import message, or_list

#: The font every PDF is set in (``fc-list`` must know it).
FONT = "DejaVu Serif"

#: What the handout's LaTeX says it is by: the message ``site_authors``, as in the docs' handouts.
AUTHOR_MESSAGE = "site_authors"

CONF = '''\
"""Written by `vkdocs handout`: one handout, set as `make handouts` sets it (vkdocs.latex)."""

from vkdocs.handout import sphinx_settings

globals().update(sphinx_settings({situation!r}, {lang!r}))
'''


class HandoutError(_Localized, RuntimeError):
    """A handout that could not be built: a tool is missing, the build or the output failed.

    ``status`` is the exit status of the ``vkdocs`` command: 2 when something
    must be installed first, 1 when the build or the output failed, 130 when
    the build was interrupted.
    """

    def __init__(self, key: str, *, status: int, **params: object) -> None:
        super().__init__(key, **params)
        self.status = status


def sphinx_settings(situation: str, lang: str) -> dict[str, object]:
    """The ``conf.py`` settings of a one-handout Sphinx project (the one :func:`project_files` writes).

    >>> settings = sphinx_settings("restore", "ru")
    >>> settings["latex_documents"]
    [('restore', 'handout-restore-ru.tex', 'Восстановить удалённую страницу', 'Авторы vkdocs', 'howto')]
    >>> settings["latex_engine"], settings["extensions"]
    ('xelatex', ['vkdocs.sphinx.handouts'])
    """
    author = message(AUTHOR_MESSAGE, lang)
    return {
        "project": "vkdocs",
        "author": author,
        "language": lang,
        "extensions": ["vkdocs.sphinx.handouts"],
        "root_doc": situation,
        "nitpicky": True,
        "latex_engine": "xelatex",
        "latex_elements": dict(HANDOUT_ELEMENTS),
        "latex_documents": [handout_document(situation, lang, author)],
        # As docs/conf.py sets them for every PDF.
        "latex_show_urls": "footnote",
        "latex_domain_indices": False,
    }


def project_files(
    situation: str, lang: str, *, deleted_on: date | None = None, today: date | None = None
) -> dict[str, str]:
    """The files of a one-handout Sphinx project, by name: ``conf.py`` and the page ``<situation>.rst``."""
    options = [("deleted-on", deleted_on), ("today", today)]
    page = f".. vk-handout:: {situation}\n" + "".join(
        f"   :{name}: {value.isoformat()}\n" for name, value in options if value is not None
    )
    return {"conf.py": CONF.format(situation=situation, lang=lang), f"{situation}.rst": page}


def missing_tools(
    which: Callable[[str], str | None] = shutil.which, fonts: Callable[[], str | None] | None = None
) -> list[str]:
    """What a PDF build lacks here: programs of :data:`~vkdocs.latex.TEX_TOOLS`, and the font.

    >>> missing_tools(which=lambda name: None, fonts=lambda: None)
    ['xelatex', 'latexmk', 'make']
    >>> missing_tools(which=lambda name: f"/usr/bin/{name}", fonts=lambda: "Liberation Serif")
    ['DejaVu Serif']
    """
    missing = [tool for tool in TEX_TOOLS if which(tool) is None]
    families = (fonts or _installed_fonts)()
    if families is not None and FONT not in families:
        missing.append(FONT)
    return missing


def _installed_fonts() -> str | None:
    """The font families fontconfig knows, or ``None`` where it cannot tell (no ``fc-list``)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        return subprocess.run([fc_list, ":", "family"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return None


def sphinx_installed() -> bool:
    """Whether Sphinx can be imported here (it is in the ``docs`` extra), without importing it."""
    try:
        return importlib.util.find_spec("sphinx") is not None
    except (ImportError, ValueError):  # a broken or blocked installation
        return False


def check_tools() -> None:
    """Raise :class:`HandoutError` (status 2) unless Sphinx and TeX are there to build a PDF."""
    if not sphinx_installed():
        raise HandoutError("handout_needs_sphinx", status=2)
    missing = missing_tools()
    if missing:
        raise HandoutError("handout_needs_tex", status=2, missing=", ".join(missing), packages=" ".join(TEX_PACKAGES))


def build_handout(
    situation: str,
    lang: str,
    output: str | os.PathLike[str],
    *,
    deleted_on: DateLike | None = None,
    today: DateLike | None = None,
) -> Path:
    """Build the handout of ``situation`` in ``lang`` as a PDF at ``output``; return its path.

    ``deleted_on`` (``restore`` only) fills in the date of deletion and the
    last day; ``today`` is the handout's date, and a deletion cannot come
    after it. Takes 20 to 40 seconds.

    Raises :class:`~vkdocs.errors.InputError` (and
    :class:`~vkdocs.errors.InputTypeError`) for bad input, before anything is
    built, and :class:`HandoutError` for a missing tool, a failed build or an
    output that cannot be written.
    """
    lang = check_language(lang)
    situation = build_checklist(situation, lang=lang).situation
    deleted, now = handout_dates(situation, deleted_on, today)
    check_tools()
    target = Path(output)
    if not target.parent.is_dir():
        raise HandoutError("output_failed", status=1, reason=f"{os.strerror(2)}: {target.parent}")
    work = Path(tempfile.mkdtemp(prefix="vkdocs-handout-"))
    try:
        pdf = _run_sphinx(work, situation, lang, deleted, now)
        try:
            shutil.copyfile(pdf, target)
        except OSError as error:
            raise HandoutError("output_failed", status=1, reason=error.strerror or error) from None
    except KeyboardInterrupt:
        shutil.rmtree(work, ignore_errors=True)
        raise HandoutError("handout_interrupted", status=130) from None
    shutil.rmtree(work, ignore_errors=True)
    return target


def _run_sphinx(work: Path, situation: str, lang: str, deleted: date | None, today: date | None) -> Path:
    """Write the project into ``work``, build it; the PDF's path. The folder stays when the build fails."""
    source = work / "source"
    source.mkdir()
    for name, text in project_files(situation, lang, deleted_on=deleted, today=today).items():
        (source / name).write_text(text, encoding="utf-8")
    out = work / "build"
    command = [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(source), str(out)]
    command += ["-W", "--keep-going", "-n", "-q", "-D", f"language={lang}"]
    log = work / "build.log"
    with log.open("w", encoding="utf-8") as stream:
        done = subprocess.run(command, stdout=stream, stderr=subprocess.STDOUT, env=_environment(), cwd=work)
    pdf = out / "latex" / handout_file(situation, lang)
    if done.returncode != 0 or not pdf.is_file():
        raise HandoutError("handout_build_failed", status=1, log=str(log))
    return pdf


def _environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The build's environment: latexmk's options as ``make pdf`` gives them, and this vkdocs importable."""
    env = dict(os.environ if environ is None else environ)
    env.setdefault("LATEXMKOPTS", LATEXMKOPTS)
    package_root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    return env


def add_handout_parser(subparsers: argparse._SubParsersAction[Any], lang: str) -> argparse.ArgumentParser:
    """Add ``handout SITUATION --output FILE [--deleted-on DATE] [--today DATE] [--lang LANG]``, help in ``lang``.

    The situation, date and language options say what the command line's other
    commands say (the messages ``cli_*``).
    """

    def text(key: str, **params: object) -> str:
        return message(f"cli_{key}", lang, **params)

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "handout", help=message("handout_help", lang), description=message("handout_help", lang)
    )
    parser.add_argument("situation", metavar=text("situation_metavar"), help=text("situation"))
    parser.add_argument(
        "--output",
        required=True,
        metavar=message("handout_output_metavar", lang),
        help=message("handout_output_help", lang),
    )
    parser.add_argument("--deleted-on", metavar=text("date_metavar"), help=message("handout_deleted_on_help", lang))
    parser.add_argument("--today", metavar=text("date_metavar"), help=message("handout_today_help", lang))
    parser.add_argument("--lang", metavar=text("lang_metavar"), help=text("lang", choices=or_list(languages(), lang)))
    return parser


def run_handout(args: argparse.Namespace, lang: str) -> str:
    """Build the handout the command line asks for; the path of the PDF it wrote."""
    today: DateLike = args.today if args.today is not None else date.today()
    return str(build_handout(args.situation, lang, args.output, deleted_on=args.deleted_on, today=today))


__all__ = [
    "HandoutError",
    "add_handout_parser",
    "build_handout",
    "check_tools",
    "handout_dates",
    "missing_tools",
    "project_files",
    "run_handout",
    "sphinx_installed",
    "sphinx_settings",
]
