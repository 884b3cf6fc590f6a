"""Building the docs from the tests: strict Sphinx runs in a subprocess."""

from __future__ import annotations

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


def sphinx_build(
    builder: str, language: str, outdir: Path, *extra: str, env: dict[str, str] | None = None, source: Path = DOCS
) -> Build:
    """Run sphinx-build in a subprocess, strictly (-W --keep-going -n), like `make html`.

    ``env`` adds environment variables; ``source`` is the Sphinx project (the docs, or ``docs/_handouts``)."""
    doctrees = outdir.parent / f"doctrees-{builder}-{language}"
    command = [
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
    environment = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1798675200"), **(env or {})}
    environment.pop("READTHEDOCS", None)
    done = subprocess.run(command, capture_output=True, text=True, env=environment, cwd=ROOT)
    return Build(language, outdir, done.returncode, done.stdout + done.stderr)


def page_names() -> list[str]:
    """Every HTML page the build makes, by Sphinx page name ("howto/restore"), from the sources."""
    sources = (p.relative_to(DOCS).with_suffix("").as_posix() for p in DOCS.rglob("*.md"))
    skip = ("_build/", "_templates/", "_static/", "_handouts/", "locale/")
    names = {name for name in sources if not name.startswith(skip) and name != "README"}
    return sorted(names) + ["genindex", "search"]
