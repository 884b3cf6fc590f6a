"""Shared fixtures: the docs built once per test session, in both languages.

The builds start in the background as soon as pytest knows a selected test
needs them (both languages and the message catalogs, side by side), and the
tests that need them run last: the unit tests run meanwhile. Every test that
reads a built site shares these builds (``html_builds``); none builds its own.
The personal handouts (``vkdocs handout``, in both languages) start the same
way, when TeX is there (``personal_handouts``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docbuild import LANGUAGES, ROOT, SESSION, Build

from vkdocs.handout import missing_tools

# Fixtures that need a built site, directly or (browser tests) through site_root.
NEEDS_HTML = {"html_builds", "site_root", "site_zip", "unzipped_site"}
NEEDS_GETTEXT = {"gettext_build"}
# The pseudo-language's site and handouts (tests/site/test_pseudo.py).
NEEDS_PSEUDO = {"pseudo_site", "pseudo_handouts"}
NEEDS_HANDOUTS = {"personal_handouts"}
# Read the Docs' build replayed (tests/site/test_rtd.py), unless VKDOCS_RTD_DIR holds one (`make rtd`).
NEEDS_RTD = {"rtd_replays"}
UNIT = Path(__file__).resolve().parent / "unit"


def _needs(item: pytest.Item, fixtures: set[str]) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    if os.environ.get("VKDOCS_SITE"):  # the browser tests are given a site
        names.discard("site_root")
    return bool(names & fixtures)


@pytest.hookimpl(trylast=True)  # after -k/-m have deselected what will not run
def pytest_collection_modifyitems(session, config, items) -> None:
    builds = NEEDS_HTML | NEEDS_GETTEXT | NEEDS_PSEUDO | NEEDS_HANDOUTS | NEEDS_RTD
    building = [item.nodeid for item in items if UNIT in Path(str(item.path)).parents and _needs(item, builds)]
    if building:  # the unit tier is `make check`, the loop after every edit: seconds, no site build
        raise pytest.UsageError(
            "tests/unit/ must not wait for a site build (move them to tests/site/): " + ", ".join(building)
        )
    if config.option.collectonly:
        return
    if any(_needs(item, NEEDS_HTML) for item in items):
        SESSION.start_html()
    if any(_needs(item, NEEDS_GETTEXT) for item in items):
        SESSION.start("gettext", "gettext", "ru")
    if any(_needs(item, NEEDS_PSEUDO) for item in items):
        SESSION.start_pseudo()
    if any(_needs(item, NEEDS_HANDOUTS) for item in items) and not missing_tools():
        for language in LANGUAGES:
            SESSION.handout(language)
    if any(_needs(item, NEEDS_RTD) for item in items) and not os.environ.get("VKDOCS_RTD_DIR") and not missing_tools():
        SESSION.rtd()
    # Tests that wait for a build go after the others, and those that wait for Read the Docs' replay (the
    # longest) go last, so no test waits while others could run (the sort is stable).
    items.sort(key=lambda item: (_needs(item, builds), _needs(item, NEEDS_RTD)))


def pytest_unconfigure(config) -> None:
    SESSION.close()


@pytest.fixture(scope="session")
def html_builds() -> dict[str, Build]:
    """Both languages built as HTML (strictly, like `make html`), side by side in <tmp>/site/{ru,en}."""
    return SESSION.html()


@pytest.fixture(scope="session")
def gettext_build() -> Build:
    """The Russian sources' message templates (.pot), as `make translations` extracts them."""
    return SESSION.result("gettext", "gettext", "ru")


@pytest.fixture(scope="session")
def pseudo_site() -> Build:
    """The site in the pseudo-language (tests/site/test_pseudo.py): its catalogs written, then built as HTML."""
    SESSION.start_pseudo()
    return SESSION.running["pseudo-html"].result()


@pytest.fixture(scope="session")
def pseudo_handouts() -> Build:
    """Every handout in the pseudo-language, built with the text builder."""
    SESSION.start_pseudo()
    return SESSION.running["pseudo-handouts"].result()


def require_tex(what: str) -> None:
    """Skip the test, saying why, when TeX is missing here; fail instead where ``CI`` or ``VKDOCS_REQUIRE_PDF=1`` is set."""
    missing = missing_tools()
    if missing:
        reason = f"TeX is missing here ({', '.join(missing)}): `make check-tex` says what to install"
        if os.environ.get("CI") or os.environ.get("VKDOCS_REQUIRE_PDF") == "1":
            pytest.fail(f"{reason}; CI is set, so {what}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture
def tex() -> None:
    """TeX is here (see ``require_tex``)."""
    require_tex("PDFs must be built")


@pytest.fixture(scope="session")
def personal_handouts() -> dict[str, tuple[subprocess.CompletedProcess[str], Path]]:
    """`vkdocs handout restore --deleted-on 2026-10-01 --today 2026-11-25` per language: what it printed, its PDF.

    Without TeX, skipped with the reason, unless ``CI`` or
    ``VKDOCS_REQUIRE_PDF=1`` is set: then it fails.
    """
    require_tex("the handouts must be built")
    outputs = {language: SESSION.handout(language) for language in LANGUAGES}
    return {language: (SESSION.commands[language].result(), output) for language, output in outputs.items()}


@pytest.fixture(scope="session")
def rtd_replays() -> dict[str, dict]:
    """Read the Docs' build of each language replayed (tools/rtd_replay.py): each one's ``replay.json``, by language.

    ``$VKDOCS_RTD_DIR`` when set (``make rtd`` replays into docs/_build/rtd,
    with a fresh virtualenv and the ``install`` job); otherwise replayed once
    per session, in the background, with this Python's environment. Without
    TeX, skipped with the reason, unless ``CI`` or ``VKDOCS_REQUIRE_PDF=1``
    is set: then it fails.
    """
    given, said = os.environ.get("VKDOCS_RTD_DIR"), ""
    if given:
        work = Path(given)
    else:
        require_tex("Read the Docs' build must be replayed")
        work = SESSION.rtd()
        done = SESSION.commands["rtd"].result(timeout=2 * 60 * 60)
        said = "\n".join((done.stdout + done.stderr).splitlines()[-20:])
    replays = {}
    for language in LANGUAGES:
        record = work / language / "replay.json"
        if not record.is_file():
            pytest.fail(
                f"{record} is missing: Read the Docs' build of {language} was not replayed\n{said}", pytrace=False
            )
        replays[language] = json.loads(record.read_text(encoding="utf-8"))
    return replays


@pytest.fixture(scope="session")
def site_zip(html_builds, tmp_path_factory) -> Path:
    """`make dist`'s zip (its site-zip step) of the session's site: what a maintainer hosts elsewhere."""
    build = tmp_path_factory.mktemp("dist") / "_build"
    for language, site in html_builds.items():
        assert site.returncode == 0, f"{language} build failed:\n{site.output}"
        shutil.copytree(site.outdir, build / "html" / language)
    done = subprocess.run(
        ["make", "--no-print-directory", "site-zip", f"BUILD={build}", "VENV_READY=", f"PYTHON={sys.executable}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return build / "vkdocs-site.zip"


@pytest.fixture(scope="session")
def unzipped_site(site_zip, tmp_path_factory) -> Path:
    """The zip unpacked into a folder, as a reader would: the folder holding index.html, ru/ and en/."""
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(site_zip) as archive:
        archive.extractall(folder)
    return folder / "vkdocs-site"


# Property tests: no example database on disk, the same examples every run.
from hypothesis import settings  # noqa: E402

settings.register_profile("vkdocs", database=None, derandomize=True, deadline=None)
settings.load_profile("vkdocs")
