"""Lighthouse's four category scores for three pages (`make bench`), when a ``lighthouse`` command is installed.

Optional, like every tool ``make bench`` uses beyond the lock: nothing here
installs it and CI has none (``npm install -g lighthouse`` puts it on PATH; it
drives Debian's Chromium, ``/usr/bin/chromium``). Without it the report says
so in one line and ``make bench`` goes on.

The site is built as Read the Docs builds it, with a canonical address: the
local server's own (``http://127.0.0.1:<port>/<language>/``), so the canonical
link, the language alternates, ``robots.txt`` and the sitemaps Lighthouse
checks are real ones. It is served on 127.0.0.1 only; ``robots.txt`` is copied
to the server's root, where Read the Docs serves the main (Russian) project's.
Lighthouse runs with its defaults (a mobile device, throttled).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from browsing import serve
from chromium import CHROMIUM
from docbuild import LANGUAGES, RunningBuild

#: The start page, the restore page and an English how-to page.
PAGES = ("ru/index.html", "ru/howto/restore.html", "en/howto/delete.html")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def unavailable_reason() -> str | None:
    """Why Lighthouse cannot run here, or None."""
    if shutil.which("lighthouse") is None:
        return "no `lighthouse` command on PATH (optional: `npm install -g lighthouse`)"
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM}"
    return None


def scores(report: dict) -> dict[str, int]:
    """The category scores of a Lighthouse JSON report, out of 100.

    >>> scores({"categories": {name: {"score": 0.955} for name in CATEGORIES}})
    {'performance': 96, 'accessibility': 96, 'best-practices': 96, 'seo': 96}
    """
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def audit(url: str) -> dict[str, int]:
    """Lighthouse's scores for one page."""
    done = subprocess.run(
        [
            "lighthouse",
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        timeout=300,
    )
    if done.returncode:
        raise RuntimeError(f"lighthouse {url} failed:\n{done.stderr[-2000:]}")
    return scores(json.loads(done.stdout))


def report() -> list[str]:
    """One line per page with its four scores, or one line saying why there are none."""
    reason = unavailable_reason()
    if reason:
        return [f"- Lighthouse: skipped: {reason}."]
    with tempfile.TemporaryDirectory(prefix="vkdocs-lighthouse-") as folder:
        site = Path(folder) / "site"
        site.mkdir()
        with serve(site) as base:
            builds = [
                RunningBuild(
                    "html",
                    language,
                    site / language,
                    "-D",
                    f"html_baseurl={base}/{language}/",
                    doctrees=Path(folder) / "doctrees" / language,
                )
                for language in LANGUAGES
            ]
            for build in builds:
                done = build.result()
                if done.returncode:
                    raise RuntimeError(f"{done.language} build failed:\n{done.output}")
            shutil.copy(site / LANGUAGES[0] / "robots.txt", site / "robots.txt")
            found = {page: audit(f"{base}/{page}") for page in PAGES}
    header = " / ".join(CATEGORIES)
    return [f"- Lighthouse ({header}), mobile:"] + [
        f"  - {page}: {' / '.join(str(value) for value in values.values())}" for page, values in found.items()
    ]


if __name__ == "__main__":
    print("\n".join(report()))
