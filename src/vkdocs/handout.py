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
whose message says everything to install at once (or where the build log
is) and whose ``status`` is the command's exit status: 2 for what is
missing, as for bad input; 1 for a build or an output that failed.

**The output is checked before the build** (:func:`open_output`): a name
that is empty, a folder, a device (``/dev/full``) or in a folder that cannot
be written to (``/proc``) is refused at once, naming the path and the
system's reason in the reader's language (:func:`vkdocs.errors.system_reason`).
The PDF is written atomically: into a temporary file beside the output, then
renamed over it, so an existing file is replaced whole or not at all.
Nothing temporary is left behind; when the build fails, only its log is
kept, and the message names it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from vkdocs import files
from vkdocs.builds import sphinx_make_command
from vkdocs.checklist import build_checklist, handout_dates
from vkdocs.deadline import DateLike
from vkdocs.errors import CommandError, as_os_error, system_reason
from vkdocs.i18n import check_language
from vkdocs.latex import (
    HANDOUT_ELEMENTS,
    LATEX_SETTINGS,
    LATEXMKOPTS,
    TEX_PACKAGES,
    TEX_TOOLS,
    handout_document,
    handout_file,
)
from vkdocs.messages import message

#: The font every PDF is set in (``fc-list`` must know it).
FONT = "DejaVu Serif"

#: What the handout's LaTeX says it is by: the message ``site_authors``, as in the docs' handouts.
AUTHOR_MESSAGE = "site_authors"

CONF = '''\
"""Written by `vkdocs handout`: one handout, set as `make handouts` sets it (vkdocs.latex)."""

from vkdocs.handout import sphinx_settings

globals().update(sphinx_settings({situation!r}, {lang!r}))
'''


class HandoutError(CommandError):
    """A handout that could not be built: a tool is missing, the output cannot be used, the build failed.

    ``status`` is the exit status of the ``vkdocs`` command: 2 when something
    must be installed or changed first (a tool, the output's name), 1 when the
    build or the output failed, 130 when the build was interrupted.
    """


def sphinx_settings(situation: str, lang: str) -> dict[str, object]:
    """The ``conf.py`` settings of a one-handout Sphinx project (the one :func:`project_files` writes).

    >>> settings = sphinx_settings("restore", "ru")
    >>> settings["latex_documents"]
    [('restore', 'handout-restore-ru.tex', 'Восстановить удалённую страницу', 'Авторы vkdocs', 'howto')]
    >>> settings["latex_engine"], settings["extensions"]
    ('xelatex', ['vkdocs.sphinx.handouts', 'vkdocs.sphinx.typography'])
    """
    author = message(AUTHOR_MESSAGE, lang)
    return {
        "project": "vkdocs",
        "author": author,
        "language": lang,
        "extensions": ["vkdocs.sphinx.handouts", "vkdocs.sphinx.typography"],
        "root_doc": situation,
        "nitpicky": True,
        "latex_elements": dict(HANDOUT_ELEMENTS),
        "latex_documents": [handout_document(situation, lang, author)],
        # As docs/conf.py sets them for every PDF.
        **LATEX_SETTINGS,
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
    """Raise :class:`HandoutError` (status 2) unless Sphinx and TeX are there to build a PDF.

    Its one message names everything that is missing: Sphinx and TeX's
    programs together, with the commands that install them.
    """
    sphinx = sphinx_installed()
    missing = missing_tools()
    if not sphinx and missing:
        raise HandoutError(
            "handout_needs_sphinx_and_tex", status=2, missing=", ".join(missing), packages=" ".join(TEX_PACKAGES)
        )
    if not sphinx:
        raise HandoutError("handout_needs_sphinx", status=2)
    if missing:
        raise HandoutError("handout_needs_tex", status=2, missing=", ".join(missing), packages=" ".join(TEX_PACKAGES))


def open_output(output: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Check that a PDF can be written at ``output``; the output's path and a new empty temporary file beside it.

    Refused, as :class:`HandoutError` with status 2 and the path in the
    message: an empty name, a folder, an existing file that is not a regular
    file (a device, a pipe), a folder that does not exist or cannot be
    written to. Making the temporary file is the test: what it cannot do,
    the PDF could not do either. The caller renames it over the output
    (:func:`replace_output`) or removes it.

    >>> open_output("")
    Traceback (most recent call last):
    ...
    vkdocs.handout.HandoutError: Give a file name for the PDF, for example restore.pdf.
    >>> open_output("/")
    Traceback (most recent call last):
    ...
    vkdocs.handout.HandoutError: Cannot write the PDF to '/': it is a folder, not a file. Give a file name, for example restore.pdf.
    """
    text = os.fspath(output)
    if not text.strip():
        raise HandoutError("handout_output_empty", status=2)
    target = Path(text)
    try:
        mode: int | None = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except (OSError, ValueError) as error:  # ValueError: a NUL character in the name
        raise _unusable(text, as_os_error(error), status=2) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise HandoutError("handout_output_folder", status=2, path=text)
    if mode is not None and not stat.S_ISREG(mode):
        raise HandoutError("handout_output_special", status=2, path=text)
    try:
        return target, files.temporary_beside(target)
    except (OSError, ValueError) as error:
        raise _unusable(text, as_os_error(error), status=2) from None


def _unusable(path: str, error: OSError, *, status: int) -> HandoutError:
    """The output at ``path`` failed with ``error``: said with the system's reason in every language."""
    return _SystemError("handout_output_unusable", status=status, path=path, error=error)


class _SystemError(HandoutError):
    """A :class:`HandoutError` whose ``reason`` is a system error, translated in each language when it is said."""

    def __init__(self, key: str, *, status: int, error: OSError, **params: object) -> None:
        self.error = error
        super().__init__(key, status=status, reason=system_reason(error, "en"), **params)

    def localized(self, lang: str) -> str:
        """The message in ``lang``, the system's reason in ``lang`` too."""
        return message(self.key, lang, **{**self.params, "reason": system_reason(self.error, lang)})


def replace_output(pdf: Path, temporary: Path, target: Path) -> None:
    """Copy ``pdf`` into ``temporary``, then rename it over ``target`` (atomic). Removes ``temporary`` on failure.

    Raises :class:`HandoutError` with status 1, naming ``target``, when the
    copy or the rename fails (a full disk, say).
    """
    try:
        shutil.copyfile(pdf, temporary)
        files.commit(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise _unusable(str(target), error, status=1) from None


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
    :class:`~vkdocs.errors.InputTypeError`) for bad input, and
    :class:`HandoutError` for a missing tool or an output that cannot be
    used, all before anything is built; then :class:`HandoutError` for a
    failed build or an output that could not be written.
    """
    lang = check_language(lang)
    situation = build_checklist(situation, lang=lang).situation
    deleted, now = handout_dates(situation, deleted_on, today)
    check_tools()
    target, temporary = open_output(output)
    work = Path(tempfile.mkdtemp(prefix="vkdocs-handout-"))
    try:
        pdf = _run_sphinx(work, situation, lang, deleted, now)
        replace_output(pdf, temporary, target)
    except KeyboardInterrupt:
        raise HandoutError("handout_interrupted", status=130) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
        shutil.rmtree(work, ignore_errors=True)
    return target


def _run_sphinx(work: Path, situation: str, lang: str, deleted: date | None, today: date | None) -> Path:
    """Write the project into ``work``, build it; the PDF's path.

    When the build fails, its log is moved out of ``work`` (which the caller
    removes) into a file of its own in the temporary folder, and the error
    names it.
    """
    source = work / "source"
    source.mkdir()
    for name, text in project_files(situation, lang, deleted_on=deleted, today=today).items():
        (source / name).write_text(text, encoding="utf-8")
    out = work / "build"
    command = sphinx_make_command("latexpdf", str(source), str(out), "-D", f"language={lang}")
    log = work / "build.log"
    with log.open("w", encoding="utf-8") as stream:
        done = subprocess.run(command, stdout=stream, stderr=subprocess.STDOUT, env=_environment(), cwd=work)
    pdf = out / "latex" / handout_file(situation, lang)
    if done.returncode != 0 or not pdf.is_file():
        handle, kept = tempfile.mkstemp(prefix="vkdocs-handout-", suffix=".log")
        os.close(handle)
        shutil.move(log, kept)
        raise HandoutError("handout_build_failed", status=1, log=kept)
    return pdf


def _environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The build's environment: latexmk's options as ``make pdf`` gives them, and this vkdocs importable."""
    env = dict(os.environ if environ is None else environ)
    env.setdefault("LATEXMKOPTS", LATEXMKOPTS)
    package_root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    return env


__all__ = [
    "HandoutError",
    "build_handout",
    "check_tools",
    "handout_dates",
    "missing_tools",
    "project_files",
    "open_output",
    "replace_output",
    "sphinx_installed",
    "sphinx_settings",
]
