"""Replay Read the Docs' build of every language project on a scratch copy of the repository.

Read the Docs builds each language as its own project, from a fresh clone:
it runs the ``build.jobs`` of ``.readthedocs.yaml`` around its own Sphinx
commands, which no local target runs. This script runs that sequence, in
Read the Docs' order and with its environment variables, so that what Read
the Docs publishes (the site, the PDF manual, the handouts beside them) is
what CI checks (``tests/site/test_rtd.py``)::

    python tools/rtd_replay.py                  # every language, into docs/_build/rtd
    python tools/rtd_replay.py --language en --python .venv/bin/python
    python tools/rtd_replay.py --python .venv/bin/python --jobs 2   # the languages side by side

Where each step comes from, in the source of Read the Docs
(github.com/readthedocs/readthedocs.org, as of 2026-08; follow these names
when their builder changes):

* the order: ``readthedocs/doc_builder/director.py``,
  ``BuildDirector.setup_environment`` (``pre_system_dependencies`` …
  ``post_install``) and ``BuildDirector.build`` (``pre_build``, HTML, PDF,
  ``post_build``); each job's commands run unescaped through ``/bin/sh -c``,
  from the checkout (``BuildDirector.run_build_job``;
  ``DockerBuildCommand.get_wrapped_command`` in doc_builder/environments.py);
* the environment: ``BuildDirector.get_rtd_env_vars`` and
  ``get_build_env_vars`` (``READTHEDOCS=True``, ``READTHEDOCS_LANGUAGE``,
  ``READTHEDOCS_VERSION``, ``READTHEDOCS_OUTPUT=<checkout>/_readthedocs/``,
  ``READTHEDOCS_CANONICAL_URL``, ``NO_COLOR=1``, …);
* the virtualenv: ``Virtualenv.setup_base``
  (``readthedocs/doc_builder/python_environments.py``; ``python -m
  virtualenv``, here the standard library's ``venv``);
* the HTML and LaTeX commands and latexmk's line:
  ``readthedocs/doc_builder/backends/sphinx.py`` (see :func:`html_command`,
  :func:`latex_command`, :func:`latexmk_command`);
* the time limit: ``BUILD_TIME_LIMIT = 900`` seconds
  (``readthedocs/settings/base.py``; "15 minutes build time" on Read the
  Docs Community, ``docs/user/builds.rst``).

What is not replayed: the clone (the scratch copy holds the files git would
check out: tracked and untracked ones, not ignored ones), ``apt_packages``
(checked to be installed, not installed), and Read the Docs' build image
(this machine's TeX and Python are used). With ``--python`` the virtualenv is
not created and the ``install`` job is skipped: that Python's environment,
installed from the same lock, stands in for it.

Each language's record is written to ``<work>/<lang>/replay.json``: the
steps, their commands, exit statuses and times, whether Read the Docs would
have passed the build, and where the outputs are (see :class:`Replay`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

#: Read the Docs Community's build time limit, in seconds (settings/base.py, BUILD_TIME_LIMIT).
TIME_LIMIT = 900

#: The version Read the Docs builds from the default branch, and the domain it serves the projects on.
VERSION = "latest"
DOMAIN = "https://vkdocs.readthedocs.io"

#: Sphinx's doctree folder in Read the Docs' Sphinx commands, relative to conf.py's folder
#: (``BaseSphinx.sphinx_doctrees_dir``): the HTML and LaTeX builds share it.
DOCTREES = "_build/doctrees"


def html_command(python: str, language: str, output: str, *, fail_on_warning: bool = True) -> list[str]:
    """Read the Docs' HTML build, run from conf.py's folder.

    ``BaseSphinx.build`` (backends/sphinx.py): ``-T``, then ``-W --keep-going``
    when ``sphinx.fail_on_warning`` is true, the builder, the shared
    doctrees, the project's language; no ``-E`` since Read the Docs PR #11073
    (2024-01: the environment is shared between the formats), no ``-n``, no
    ``-q``. (``-j auto`` only with the project feature ``BUILD_IN_PARALLEL``.)

    >>> " ".join(html_command("python", "en", "$READTHEDOCS_OUTPUT/html"))
    'python -m sphinx -T -W --keep-going -b html -d _build/doctrees -D language=en . $READTHEDOCS_OUTPUT/html'
    """
    strict = ["-W", "--keep-going"] if fail_on_warning else []
    return [
        python,
        "-m",
        "sphinx",
        "-T",
        *strict,
        "-b",
        "html",
        "-d",
        DOCTREES,
        "-D",
        f"language={language}",
        ".",
        output,
    ]


def latex_command(python: str, language: str, output: str) -> list[str]:
    """Read the Docs' LaTeX build for ``formats: pdf``, from conf.py's folder, after the HTML one.

    ``PdfBuilder.build`` (backends/sphinx.py): ``-T`` only (no ``-W``: a
    warning does not fail it), the same doctree folder as the HTML build.

    >>> " ".join(latex_command("python", "ru", "$READTHEDOCS_OUTPUT/pdf"))
    'python -m sphinx -T -b latex -d _build/doctrees -D language=ru . $READTHEDOCS_OUTPUT/pdf'
    """
    return [python, "-m", "sphinx", "-T", "-b", "latex", "-d", DOCTREES, "-D", f"language={language}", ".", output]


def latexmk_command(slug: str) -> list[str]:
    """Read the Docs' latexmk line, run in the LaTeX output folder.

    ``PdfBuilder._build_latexmk`` (backends/sphinx.py), for every language
    but Japanese: Sphinx's ``latexmkrc``, no Makefile, so nothing the Makefile
    exports (``XINDYOPTS``, ``LATEXMKOPTS``). Read the Docs passes the build
    when latexmk prints "Output written on" whatever its exit status
    (``LatexBuildCommand``, ``PDF_RE`` in doc_builder/constants.py).

    >>> " ".join(latexmk_command("vkdocs"))
    'latexmk -r latexmkrc -pdf -f -dvi- -ps- -jobname=vkdocs -interaction=nonstopmode'
    """
    return ["latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-", f"-jobname={slug}", "-interaction=nonstopmode"]


def default_slug(language: str, source_language: str) -> str:
    """The project's slug: ``vkdocs`` for the main (source language) project, ``vkdocs-<lang>`` for a translation.

    >>> default_slug("ru", "ru"), default_slug("en", "ru")
    ('vkdocs', 'vkdocs-en')
    """
    return "vkdocs" if language == source_language else f"vkdocs-{language}"


def canonical_url(language: str, version: str = VERSION, domain: str = DOMAIN) -> str:
    """``READTHEDOCS_CANONICAL_URL`` of a language project: translations are served under the main project's domain.

    >>> canonical_url("en")
    'https://vkdocs.readthedocs.io/en/latest/'
    """
    return f"{domain}/{language}/{version}/"


def read_jobs(config: Path) -> dict[str, list[str]]:
    """``build.jobs`` of ``.readthedocs.yaml``: each job's shell commands, in order."""
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    jobs = data.get("build", {}).get("jobs", {}) or {}
    if "build" in jobs:
        raise ValueError(f"{config}: build.jobs.build overrides Read the Docs' own build, which this replay runs")
    if "install" not in jobs:
        raise ValueError(
            f"{config}: no build.jobs.install; Read the Docs' own install (python.install) is not replayed"
        )
    return {name: list(commands or []) for name, commands in jobs.items()}


def read_config(config: Path) -> dict:
    return yaml.safe_load(config.read_text(encoding="utf-8"))


def source_files(root: Path) -> list[str]:
    """The files a clone would hold: tracked and untracked ones, not those git ignores (built output, .mo files)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [name for name in listed.split("\0") if name and (root / name).is_file()]


def copy_checkout(root: Path, checkout: Path) -> None:
    """A fresh copy of the repository's files at ``checkout`` (anything there before is removed)."""
    if checkout.exists():
        shutil.rmtree(checkout)
    for name in source_files(root):
        target = checkout / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, target)


def missing_apt_packages(packages: list[str]) -> list[str]:
    """The packages of ``build.apt_packages`` that dpkg does not list as installed here."""
    missing = []
    for package in packages:
        done = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
        if done.returncode != 0 or "install ok installed" not in done.stdout:
            missing.append(package)
    return missing


def rtd_environment(
    checkout: Path, language: str, slug: str, venv: Path, *, version: str = VERSION, domain: str = DOMAIN
) -> dict[str, str]:
    """The environment of every command: this one without Read the Docs' variables or a build's
    reproducible date, plus Read the Docs' (``get_rtd_env_vars``, ``get_build_env_vars``), the virtualenv first on PATH."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("READTHEDOCS", "VKDOCS_"))
        and name not in {"SOURCE_DATE_EPOCH", "VIRTUAL_ENV", "PYTHONPATH", "XINDYOPTS", "LATEXMKOPTS", "LATEXOPTS"}
    }
    env.update(
        {
            "READTHEDOCS": "True",
            "READTHEDOCS_VERSION": version,
            "READTHEDOCS_VERSION_TYPE": "branch",
            "READTHEDOCS_VERSION_NAME": version,
            "READTHEDOCS_PROJECT": slug,
            "READTHEDOCS_LANGUAGE": language,
            "READTHEDOCS_REPOSITORY_PATH": str(checkout),
            "READTHEDOCS_OUTPUT": str(checkout / "_readthedocs") + "/",
            "READTHEDOCS_CANONICAL_URL": canonical_url(language, version, domain),
            "READTHEDOCS_VIRTUALENV_PATH": str(venv),
            "READTHEDOCS_PRODUCTION_DOMAIN": "readthedocs.org",
            "NO_COLOR": "1",
            "BIN_PATH": str(venv / "bin"),
            "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        }
    )
    return env


@dataclass
class Step:
    """One command of the replay: what ran, where, its exit status and time, and its log file."""

    name: str
    command: str
    returncode: int
    seconds: float
    log: str


@dataclass
class Replay:
    """One language project's build, as ``replay.json`` records it.

    ``passed`` is Read the Docs' verdict (a failing job or Sphinx command fails
    the build; latexmk counts as passed when it wrote a PDF); ``latexmk`` is
    latexmk's own exit status. ``html`` and ``pdf`` are Read the Docs'
    output folders, ``latex`` a copy of the LaTeX folder (its ``.log`` files)
    kept before Read the Docs' clean-up leaves only the PDF there; ``served``
    lays every language's HTML out as Read the Docs serves it (:func:`serve`).
    """

    language: str
    slug: str
    version: str
    canonical_url: str
    checkout: str
    html: str
    pdf: str
    latex: str
    served: str
    passed: bool = False
    latexmk: int | None = None
    failed_step: str | None = None
    seconds: float = 0.0
    steps: list[Step] = field(default_factory=list)


class Runner:
    """Runs a replay's commands one after another, each logged to ``<logs>/NN-<name>.log``."""

    def __init__(self, replay: Replay, env: dict[str, str], logs: Path) -> None:
        self.replay, self.env, self.logs = replay, env, logs
        logs.mkdir(parents=True, exist_ok=True)

    def run(self, name: str, command: str | list[str], cwd: Path) -> Step:
        log = self.logs / f"{len(self.replay.steps) + 1:02d}-{name}.log"
        shown = command if isinstance(command, str) else " ".join(command)
        print(f"[{self.replay.language}] {name}: {shown}", flush=True)
        start = time.monotonic()
        with log.open("w", encoding="utf-8") as handle:
            handle.write(f"$ {shown}\n(in {cwd})\n")
            handle.flush()
            done = subprocess.run(
                command,
                shell=isinstance(command, str),
                executable="/bin/sh" if isinstance(command, str) else None,
                cwd=cwd,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=handle,
                stderr=subprocess.STDOUT,
            )
        step = Step(name, shown, done.returncode, round(time.monotonic() - start, 1), str(log))
        self.replay.steps.append(step)
        print(f"[{self.replay.language}]   exit {step.returncode}, {step.seconds:.1f} s", flush=True)
        return step


class BuildFailed(Exception):
    """A step Read the Docs would have stopped at."""


def replay_language(
    language: str,
    work: Path,
    *,
    slug: str,
    python: str | None = None,
    venv: Path | None = None,
    version: str = VERSION,
    domain: str = DOMAIN,
    root: Path = ROOT,
) -> Replay:
    """Replay one language project's build in ``work/<language>``; the record is also written to ``replay.json``."""
    folder = work / language
    if folder.exists():
        shutil.rmtree(folder)
    checkout = folder / "checkout"
    venv = venv or work / "venv"
    start = time.monotonic()
    copy_checkout(root, checkout)
    config_file = checkout / ".readthedocs.yaml"
    config = read_config(config_file)
    jobs = read_jobs(config_file)
    conf_dir = (checkout / config["sphinx"]["configuration"]).parent
    output = checkout / "_readthedocs"
    replay = Replay(
        language=language,
        slug=slug,
        version=version,
        canonical_url=canonical_url(language, version, domain),
        checkout=str(checkout),
        html=str(output / "html"),
        pdf=str(output / "pdf"),
        latex=str(folder / "latex"),
        served=str(work / "served"),
    )
    venv = Path(python).parent.parent if python is not None else venv or work / "venv"
    env = rtd_environment(checkout, language, slug, venv, version=version, domain=domain)
    runner = Runner(replay, env, folder / "logs")

    def must(step: Step) -> None:
        if step.returncode != 0:
            raise BuildFailed(step.name)

    def job(name: str) -> None:
        for number, command in enumerate(jobs.get(name, []), start=1):
            must(runner.run(f"{name}-{number}", command, checkout))

    try:
        # BuildDirector.setup_vcs, then setup_environment, in its order.
        job("post_checkout")
        job("pre_system_dependencies")
        missing = missing_apt_packages(config.get("build", {}).get("apt_packages", []))
        if missing:  # system_dependencies: Read the Docs would apt-get install them
            print(f"[{language}] build.apt_packages not installed here: {' '.join(missing)}", flush=True)
            raise BuildFailed("system_dependencies")
        job("post_system_dependencies")
        job("pre_create_environment")
        if "create_environment" in jobs:
            job("create_environment")
        elif python is None and not (venv / "bin" / "python").exists():
            # Virtualenv.setup_base: python -m virtualenv $READTHEDOCS_VIRTUALENV_PATH
            must(runner.run("create_environment", [sys.executable, "-m", "venv", str(venv)], checkout))
        job("post_create_environment")
        job("pre_install")
        if python is None:
            job("install")
        else:
            print(f"[{language}] install: skipped, {python}'s environment stands in for it", flush=True)
        job("post_install")
        job("pre_build")
        env_python = "python"
        # BuildDirector.build_html -> BaseSphinx.build
        strict = bool(config["sphinx"].get("fail_on_warning", False))
        html = html_command(env_python, language, env["READTHEDOCS_OUTPUT"] + "html", fail_on_warning=strict)
        must(runner.run("html", html, conf_dir))
        if "pdf" not in config.get("formats", []):
            raise BuildFailed("formats: no pdf, so Read the Docs builds no manual")
        # BuildDirector.build_pdf -> PdfBuilder.build: LaTeX, then latexmk in the LaTeX folder.
        must(runner.run("latex", latex_command(env_python, language, env["READTHEDOCS_OUTPUT"] + "pdf"), conf_dir))
        pdf_dir = output / "pdf"
        if not list(pdf_dir.glob("*.tex")):
            raise BuildFailed("latex: no .tex file")  # BuildUserError.TEX_FILE_NOT_FOUND
        latexmk = runner.run("latexmk", latexmk_command(slug), pdf_dir)
        replay.latexmk = latexmk.returncode
        shutil.copytree(pdf_dir, folder / "latex")
        # PdfBuilder._post_build: only <slug>.pdf stays in the PDF folder.
        written = pdf_dir / f"{slug}.pdf"
        if "Output written on" not in Path(latexmk.log).read_text(encoding="utf-8", errors="replace"):
            raise BuildFailed("latexmk: no PDF written")
        if not written.is_file():
            raise BuildFailed(f"latexmk: no {written.name}")  # BuildUserError.PDF_NOT_FOUND
        kept = folder / written.name
        shutil.move(written, kept)
        shutil.rmtree(pdf_dir)
        pdf_dir.mkdir(parents=True)
        shutil.move(kept, written)
        job("post_build")
        replay.passed = True
    except BuildFailed as failure:
        replay.failed_step = str(failure)
    replay.seconds = round(time.monotonic() - start, 1)
    (folder / "replay.json").write_text(json.dumps(asdict(replay), indent=2, ensure_ascii=False), encoding="utf-8")
    return replay


def serve(work: Path, replays: list[Replay]) -> Path:
    """Lay the HTML outputs out as Read the Docs serves them: ``<work>/served/<lang>/<version>/``."""
    served = work / "served"
    if served.exists():
        shutil.rmtree(served)
    for replay in replays:
        place = served / replay.language / replay.version
        place.parent.mkdir(parents=True, exist_ok=True)
        place.symlink_to(replay.html, target_is_directory=True)
    return served


def languages(root: Path = ROOT) -> list[str]:
    """Every language of the docs, the source language first (as vkdocs.i18n lists them)."""
    sys.path.insert(0, str(root / "src"))
    from vkdocs.i18n import languages as vkdocs_languages

    return list(vkdocs_languages())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=ROOT / "docs" / "_build" / "rtd", help="the scratch folder")
    parser.add_argument("--language", action="append", help="a language project to build (default: every one)")
    parser.add_argument("--python", help="use this Python's environment: no virtualenv, no install job")
    parser.add_argument("--version", default=VERSION, help=f"the version's slug (default: {VERSION})")
    parser.add_argument("--domain", default=DOMAIN, help=f"the domain serving the projects (default: {DOMAIN})")
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="replay this many languages side by side (default: 1; more than 1 needs --python: "
        "the languages would share the virtualenv being created)",
    )
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error(f"--jobs must be 1 or more, not {args.jobs}")
    if args.jobs > 1 and not args.python:
        parser.error("--jobs above 1 needs --python: every language would create the same virtualenv at once")
    python = os.path.abspath(args.python) if args.python else None  # not resolved: a venv's python is a symlink
    every = languages()
    chosen = args.language or every
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)

    def replay(language: str) -> Replay:
        slug = default_slug(language, every[0])
        return replay_language(language, work, slug=slug, python=python, version=args.version, domain=args.domain)

    # Each language is its own project, in its own folder: replayed side by side, they share nothing.
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        replays = list(pool.map(replay, chosen))
    serve(work, replays)
    total = sum(replay.seconds for replay in replays)
    for replay in replays:
        verdict = "passed" if replay.passed else f"FAILED at {replay.failed_step}"
        over = "" if replay.seconds <= TIME_LIMIT else f", over Read the Docs' limit of {TIME_LIMIT} s"
        print(
            f"{replay.language} ({replay.slug}): {verdict}, latexmk exit {replay.latexmk}, "
            f"{replay.seconds:.0f} s{over} (Read the Docs stops a build at {TIME_LIMIT} s)"
        )
    print(
        f"All language projects: {total:.0f} s; output in {work} (served/<lang>/{args.version}/ as Read the Docs lays it out)"
    )
    return 0 if all(replay.passed for replay in replays) else 1


if __name__ == "__main__":
    sys.exit(main())
