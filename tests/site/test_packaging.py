"""The sdist and the wheel hold what they say: the package with all its data, and both licenses.

The sdist holds the message catalogs as text (``.po``); the wheel holds them
compiled (``.mo``, by setup.py's build step), as gettext reads them.

They are built once, from a copy of the files git tracks (so nothing
untracked or generated slips in), with ``python -m build --no-isolation``:
the sdist first, then the wheel from the sdist, as an installer would. The
sdist leaves the tests out on purpose: they need the docs, the Makefile and
a git checkout (MAINTAINING.md "Packages and releases").
"""

from __future__ import annotations

import email.parser
import gettext
import io
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest
from docbuild import ROOT

import vkdocs

PACKAGE = ROOT / "src" / "vkdocs"
LICENSE_FILES = ["LICENSE", "LICENSE-docs"]


def tracked_files() -> list[str]:
    done = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        pytest.fail(f"the packaging test copies what git tracks; git ls-files failed: {done.stderr}")
    return [name for name in done.stdout.split("\0") if name and (ROOT / name).is_file()]


def package_files() -> set[str]:
    """Every tracked file of the package, as a path inside it ("vkdocs/data/procedures.json")."""
    return {name.removeprefix("src/") for name in tracked_files() if name.startswith("src/vkdocs/")}


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> dict[str, Path]:
    tree, out = tmp_path_factory.mktemp("tree"), tmp_path_factory.mktemp("dist")
    for name in tracked_files():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tree / name)
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(tree)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return {"sdist": sdist, "wheel": wheel}


def sdist_names(path: Path) -> set[str]:
    with tarfile.open(path) as archive:
        names = {member.name for member in archive.getmembers() if member.isfile()}
    top = {name.split("/", 1)[0] for name in names}
    assert top == {f"vkdocs-{vkdocs.__version__}"}, top
    return {name.split("/", 1)[1] for name in names}


def wheel_metadata(path: Path) -> email.message.Message:
    with zipfile.ZipFile(path) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))


def test_the_version_is_written_once():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project
    assert "version" in project["dynamic"]  # from vkdocs.__version__, checked in the wheel below


def test_the_sdist_holds_the_package_readme_and_licenses_and_no_tests(dist):
    names = sdist_names(dist["sdist"])
    package = {name.removeprefix("src/") for name in names if name.startswith("src/vkdocs/")}
    assert package == package_files()
    metadata = {name for name in names if name.startswith("src/vkdocs.egg-info/")}
    rest = names - {f"src/{name}" for name in package} - metadata
    assert rest == {"PKG-INFO", "setup.cfg", "setup.py", "pyproject.toml", "README.md", "MANIFEST.in", *LICENSE_FILES}


def compiled(name: str) -> str:
    """A package file's name in the wheel: a catalog ``.po`` is shipped compiled, as ``.mo``."""
    return name.removesuffix(".po") + ".mo" if name.startswith("vkdocs/locale/") and name.endswith(".po") else name


def test_the_wheel_holds_every_file_of_the_package_with_its_catalogs_compiled(dist):
    with zipfile.ZipFile(dist["wheel"]) as archive:
        names = set(archive.namelist())
    info = f"vkdocs-{vkdocs.__version__}.dist-info/"
    assert {name for name in names if not name.startswith(info)} == {compiled(name) for name in package_files()}
    assert {"vkdocs/locale/en/LC_MESSAGES/vkdocs.mo", "vkdocs/locale/ru/LC_MESSAGES/argparse.mo"} <= names
    assert not [name for name in names if name.endswith(".po")]
    assert "vkdocs/py.typed" in names
    assert {f"{info}licenses/{name}" for name in LICENSE_FILES} <= names


def test_the_wheels_compiled_catalog_translates_like_the_committed_one(dist):
    with zipfile.ZipFile(dist["wheel"]) as archive:
        catalog = gettext.GNUTranslations(io.BytesIO(archive.read("vkdocs/locale/en/LC_MESSAGES/vkdocs.mo")))
    assert catalog.pgettext("warning", "Внимание") == "Warning"
    assert catalog.npgettext("days", "{count} день", "{count} дня", 5) == "{count} days"


def test_the_wheel_license_covers_code_and_data(dist):
    metadata = wheel_metadata(dist["wheel"])
    assert metadata["Name"] == "vkdocs"
    assert metadata["Version"] == vkdocs.__version__
    assert metadata["License-Expression"] == "MIT AND CC-BY-SA-4.0"
    assert sorted(metadata.get_all("License-File")) == LICENSE_FILES
    assert metadata["Requires-Python"] == ">=3.11"


def test_the_package_page_says_what_vkdocs_is_and_how_to_use_it(dist):
    """PyPI's page is the wheel's metadata: links, classifiers, keywords, and a description that opens with use."""
    from vkdocs.site import SITE_URL

    metadata = wheel_metadata(dist["wheel"])
    urls = dict(entry.split(", ", 1) for entry in metadata.get_all("Project-URL"))
    assert urls["Documentation"] == SITE_URL
    assert all(url.startswith(SITE_URL) for url in urls.values())
    classifiers = metadata.get_all("Classifier")
    for expected in ("Natural Language :: Russian", "Natural Language :: English", "Topic :: Documentation"):
        assert expected in classifiers
    assert metadata["License-Expression"] == "MIT AND CC-BY-SA-4.0"  # the license, in place of a License classifier
    assert "VKontakte" in metadata["Keywords"] and "ВКонтакте" in metadata["Keywords"]
    first_screen = metadata.get_payload().splitlines()[:25]
    for expected in ("pip install vkdocs", "vkdocs deadline", "vkdocs checklist", "vkdocs triage", SITE_URL):
        assert any(expected in line for line in first_screen), expected
    assert "](#" not in metadata.get_payload()  # no in-page anchor: PyPI does not follow them


def test_a_wheel_built_in_the_tree_leaves_out_what_an_earlier_build_left_behind(tmp_path):
    """A module moved or removed since the last build in the tree (still in build/lib) is not shipped."""
    tree, out = tmp_path / "tree", tmp_path / "out"
    for name in tracked_files():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tree / name)
    stale = tree / "build" / "lib" / "vkdocs" / "sphinxext.py"  # where the Sphinx code lived before vkdocs.sphinx
    stale.parent.mkdir(parents=True)
    stale.write_text("raise ImportError('stale')\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--wheel", "--outdir", str(out), str(tree)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = out.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "vkdocs/sphinxext.py" not in names
    assert "vkdocs/sphinx/__init__.py" in names
