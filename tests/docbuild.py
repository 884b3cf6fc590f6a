"""Building the docs from the tests: strict Sphinx runs in subprocesses, started together."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from vkdocs import builds
from vkdocs.i18n import LOCALE_PATH_VARIABLE, languages

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# Every language vkdocs speaks: Russian and each language with a catalog (vkdocs.i18n).
LANGUAGES = languages()
#: The session's sites are built as Read the Docs builds them, with a canonical address (READTHEDOCS_CANONICAL_URL,
#: html_baseurl): this one, then the language (.example is reserved: it is nobody's site).
CANONICAL = "https://vkdocs.example/"


@dataclass(frozen=True)
class Build:
    language: str
    outdir: Path
    returncode: int
    output: str


def sphinx_command(
    builder: str, language: str, outdir: Path, *extra: str, doctrees: Path | None = None, source: Path = DOCS
) -> list[str]:
    """sphinx-build as `make html` runs it (vkdocs.builds: strict, quiet), the language given.

    ``source`` is the Sphinx project: the docs, or the handouts (``docs/_handouts``)."""
    doctrees = doctrees or outdir.parent / f"doctrees-{builder}-{language}"
    return builds.sphinx_command(
        "-b", builder, "-D", f"language={language}", "-d", str(doctrees), *extra, str(source), str(outdir)
    )


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
        self._lock = threading.Lock()  # the page survey's thread waits for the site too

    def result(self) -> Build:
        with self._lock:
            if self._build is None:
                output = self._process.communicate()[0]
                self._build = Build(self.language, self.outdir, self._process.returncode, output)
        return self._build

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.communicate()


#: The personal handout the tests build with ``vkdocs handout`` (tests/site/test_handout_pdf.py), in each language.
HANDOUT_DELETED_ON, HANDOUT_TODAY = "2026-10-01", "2026-11-25"


def sphinx_build(
    builder: str, language: str, outdir: Path, *extra: str, env: dict[str, str] | None = None, source: Path = DOCS
) -> Build:
    """Run sphinx-build in a subprocess, strictly (-W --keep-going -n), like `make html`, and wait for it.

    ``env`` adds environment variables (``VKDOCS_LOCALE_PATH``, say); ``source`` is the Sphinx project."""
    return RunningBuild(builder, language, outdir, *extra, env=env, source=source).result()


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


def rtd_replay_command(work: Path) -> list[str]:
    """Read the Docs' build of every language (tools/rtd_replay.py) into ``work``; this Python's environment,
    installed from the same lock, stands in for the ``install`` job. The languages are replayed side by side
    (one per CPU): the replay is the session's longest chain of work, and the tests that read it go last."""
    jobs = str(max(1, min(os.cpu_count() or 1, len(LANGUAGES))))
    command = [sys.executable, str(ROOT / "tools" / "rtd_replay.py"), "--work", str(work)]
    return [*command, "--python", sys.executable, "--jobs", jobs]


class SessionBuilds:
    """A test session's builds, each started once, in a folder removed at the end (``close``).

    Thread-safe: the page survey (page_survey.py) waits for the site in a
    thread of its own while the tests run.
    """

    def __init__(self) -> None:
        self._root: Path | None = None
        self._lock = threading.RLock()
        self.running: dict[str, RunningBuild] = {}
        self.commands: dict[str, RunningCommand] = {}

    @property
    def root(self) -> Path:
        with self._lock:
            if self._root is None:
                self._root = Path(tempfile.mkdtemp(prefix="vkdocs-test-builds-"))
            return self._root

    def start(self, name: str, builder: str, language: str, *extra: str, **options) -> RunningBuild:
        with self._lock:
            if name not in self.running:
                outdir = self.root / "site" / language if builder == "html" else self.root / name
                self.running[name] = RunningBuild(
                    builder, language, outdir, *extra, doctrees=self.root / "doctrees" / name, **options
                )
            return self.running[name]

    def result(self, name: str, builder: str, language: str) -> Build:
        return self.start(name, builder, language).result()

    def start_html(self) -> dict[str, RunningBuild]:
        """Every language's HTML (strictly, like `make html`), side by side in <root>/site/<language>, each with its
        canonical address (``CANONICAL``), as on Read the Docs."""
        return {
            language: self.start(
                f"html-{language}", "html", language, env={"READTHEDOCS_CANONICAL_URL": f"{CANONICAL}{language}/"}
            )
            for language in LANGUAGES
        }

    def html(self) -> dict[str, Build]:
        """``start_html``'s builds, waited for."""
        return {language: build.result() for language, build in self.start_html().items()}

    def start_pseudo(self) -> None:
        """The pseudo-language's catalogs, then its site (HTML) and its handouts (text), in the background."""
        with self._lock:
            if "pseudo-html" in self.running:
                return
            import translations

            catalogs = self.root / "pseudo"
            translations.write_pseudo(catalogs)
            options = {"env": {LOCALE_PATH_VARIABLE: str(catalogs / "package")}}
            pages = ("-D", f"locale_dirs={catalogs / 'pages'}")
            language = translations.PSEUDO_LANGUAGE
            self.start("pseudo-html", "html", language, *pages, **options)
            self.start("pseudo-handouts", "text", language, *pages, source=DOCS / "_handouts", **options)

    def handout(self, language: str) -> Path:
        """The personal handout's PDF in ``language``; its command starts unless it has."""
        with self._lock:
            output = self.root / "handouts" / f"restore-{language}.pdf"
            if language not in self.commands:
                output.parent.mkdir(parents=True, exist_ok=True)
                self.commands[language] = RunningCommand(handout_command(language, output))
            return output

    def rtd(self) -> Path:
        """The folder of Read the Docs' replayed builds (``<lang>/replay.json``); the replay starts unless it has."""
        with self._lock:
            work = self.root / "rtd"
            if "rtd" not in self.commands:
                self.commands["rtd"] = RunningCommand(rtd_replay_command(work))
            return work

    def close(self) -> None:
        with self._lock:
            for build in [*self.running.values(), *self.commands.values()]:
                build.stop()
            if self._root is not None:
                shutil.rmtree(self._root, ignore_errors=True)


#: The builds of this test session (tests/conftest.py starts them, every test shares them).
SESSION = SessionBuilds()


def built_site() -> Path:
    """The folder holding each language's HTML side by side (ru/, en/): waits for it to be built.

    ``$VKDOCS_SITE`` when set (``make test-browser`` builds docs/_build/html
    and points there), otherwise the session's builds, which must have passed.
    """
    given = os.environ.get("VKDOCS_SITE")
    if given:
        root = Path(given).resolve()
    else:
        builds = SESSION.html()
        for build in builds.values():
            if build.returncode != 0:
                raise AssertionError(f"{build.language} build failed:\n{build.output}")
        root = builds[LANGUAGES[0]].outdir.parent
    for language in LANGUAGES:
        if not (root / language / "index.html").is_file():
            raise AssertionError(f"no {language}/index.html in {root}: build the HTML first")
    return root


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
