"""Building the docs from the tests: strict Sphinx runs in subprocesses, started together."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from vkdocs.i18n import languages

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# Every language vkdocs speaks: Russian and each language with a catalog (vkdocs.i18n).
LANGUAGES = languages()


@dataclass(frozen=True)
class Build:
    language: str
    outdir: Path
    returncode: int
    output: str


def sphinx_command(
    builder: str, language: str, outdir: Path, *extra: str, doctrees: Path | None = None, source: Path = DOCS
) -> list[str]:
    """sphinx-build as `make html` runs it: strict (-W --keep-going -n), quiet, the language given.

    ``source`` is the Sphinx project: the docs, or the handouts (``docs/_handouts``)."""
    doctrees = doctrees or outdir.parent / f"doctrees-{builder}-{language}"
    return [
        sys.executable,
        "-m",
        "sphinx",
        "-W",
        "--keep-going",
        "-n",
        "-q",
        "-b",
        builder,
        "-D",
        f"language={language}",
        "-d",
        str(doctrees),
        *extra,
        str(source),
        str(outdir),
    ]


def build_environment() -> dict[str, str]:
    """The environment of a local build: reproducible dates, not Read the Docs."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1798675200")}
    for name in [name for name in env if name.startswith("READTHEDOCS")]:
        del env[name]
    return env


class RunningBuild:
    """A sphinx-build started in the background; ``result()`` waits for it."""

    def __init__(
        self,
        builder: str,
        language: str,
        outdir: Path,
        *extra: str,
        doctrees: Path | None = None,
        env: dict[str, str] | None = None,
        source: Path = DOCS,
    ) -> None:
        self.language, self.outdir = language, outdir
        self._process = subprocess.Popen(
            sphinx_command(builder, language, outdir, *extra, doctrees=doctrees, source=source),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**build_environment(), **(env or {})},
            cwd=ROOT,
        )
        self._build: Build | None = None

    def result(self) -> Build:
        if self._build is None:
            output = self._process.communicate()[0]
            self._build = Build(self.language, self.outdir, self._process.returncode, output)
        return self._build

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.communicate()


#: The personal handout the tests build with ``vkdocs handout`` (tests/test_handout.py), in each language.
HANDOUT_DELETED_ON, HANDOUT_TODAY = "2026-10-01", "2026-11-25"


def handout_command(language: str, output: Path) -> list[str]:
    """``vkdocs handout restore --deleted-on 2026-10-01 --today 2026-11-25`` in ``language``, into ``output``."""
    dates = ["--deleted-on", HANDOUT_DELETED_ON, "--today", HANDOUT_TODAY]
    return [sys.executable, "-m", "vkdocs", "handout", "restore", "--lang", language, *dates, "--output", str(output)]


class RunningCommand:
    """A command started in the background; ``result()`` waits for it and gives what it printed."""

    def __init__(self, args: list[str]) -> None:
        self._process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        self._done: subprocess.CompletedProcess[str] | None = None

    def result(self, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        if self._done is None:
            stdout, stderr = self._process.communicate(timeout=timeout)
            self._done = subprocess.CompletedProcess(self._process.args, self._process.returncode, stdout, stderr)
        return self._done

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.communicate()


def sphinx_build(
    builder: str, language: str, outdir: Path, *extra: str, env: dict[str, str] | None = None, source: Path = DOCS
) -> Build:
    """Run sphinx-build in a subprocess, strictly (-W --keep-going -n), like `make html`, and wait for it.

    ``env`` adds environment variables (``VKDOCS_LOCALE_PATH``, say); ``source`` is the Sphinx project."""
    return RunningBuild(builder, language, outdir, *extra, env=env, source=source).result()


def page_names() -> list[str]:
    """Every HTML page the build makes, by Sphinx page name ("howto/restore"), from the sources."""
    sources = (p.relative_to(DOCS).with_suffix("").as_posix() for p in DOCS.rglob("*.md"))
    skip = ("_build/", "_templates/", "_static/", "_handouts/", "locale/")
    names = {name for name in sources if not name.startswith(skip) and name != "README"}
    return sorted(names) + ["genindex", "search"]


def markdown_sources() -> list[Path]:
    """The Markdown pages of the docs (what Sphinx reads), not built output."""
    skip = {"_build", "locale"}
    return sorted(p for p in DOCS.rglob("*.md") if not skip & set(p.relative_to(DOCS).parts))


def doctest_global_setup() -> str:
    """``doctest_global_setup`` from docs/conf.py (read, not executed): what every docs example starts with."""
    tree = ast.parse((DOCS / "conf.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["doctest_global_setup"]:
            return ast.literal_eval(node.value)
    raise LookupError("docs/conf.py sets no doctest_global_setup")


def markdown_doctests():
    """The Sybil that runs the pages' ```{doctest}``` blocks under pytest (docs/conftest.py).

    This is the one place those examples run in ``make test``: each starts
    from conf.py's ``doctest_global_setup``, as under Sphinx's doctest builder.
    """
    from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

    from sybil import Sybil
    from sybil.parsers.myst import DocTestDirectiveParser, PythonCodeBlockParser

    setup_code = doctest_global_setup()

    def setup(namespace: dict) -> None:
        exec(setup_code, namespace)

    return Sybil(
        parsers=[DocTestDirectiveParser(optionflags=ELLIPSIS | NORMALIZE_WHITESPACE), PythonCodeBlockParser()],
        path=str(DOCS),
        patterns=["*.md"],
        excludes=["_build/*"],
        setup=setup,
    )
