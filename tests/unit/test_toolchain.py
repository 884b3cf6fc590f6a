"""One locked toolchain: constraints.txt pins every dependency, and every place installs from it.

`make venv`, CI (.ci/run, through make) and Read the Docs install
pyproject.toml's extras with constraints.txt as constraints, for one Python
version (the Makefile's LOCK_PYTHON). When a dependency is added to
pyproject.toml, `make lock` pins it; until then these tests say so.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import tomllib
from importlib import metadata

import pytest
import yaml
from docbuild import ROOT
from hypothesis import settings
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from vkdocs import builds

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
LOCK = ROOT / "constraints.txt"


def locked() -> dict[str, str]:
    """Package name -> pinned version, from constraints.txt."""
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            requirement = Requirement(line)
            (spec,) = requirement.specifier
            assert spec.operator == "==", f"constraints.txt pins exact versions, not {line!r}"
            pins[canonicalize_name(requirement.name)] = spec.version
    return pins


def requirements() -> list[Requirement]:
    """Everything pyproject.toml asks for: the dependencies and every extra."""
    project = PYPROJECT["project"]
    listed = project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]
    return [Requirement(r) for r in listed]


def lock_python() -> str:
    match = re.search(r"^LOCK_PYTHON := (\S+)$", MAKEFILE, re.MULTILINE)
    assert match, "the Makefile names the Python the lock is for (LOCK_PYTHON)"
    return match.group(1)


def test_every_requirement_is_locked_at_a_version_it_accepts():
    pins = locked()
    unlocked = [str(r) for r in requirements() if canonicalize_name(r.name) not in pins]
    assert not unlocked, f"not in constraints.txt: {unlocked}; run `make lock` and commit constraints.txt"
    refused = [
        f"{r}: locked {pins[canonicalize_name(r.name)]}"
        for r in requirements()
        if not r.specifier.contains(pins[canonicalize_name(r.name)])
    ]
    assert not refused, f"constraints.txt is older than pyproject.toml: {refused}; run `make lock`"


def test_the_tests_run_with_the_locked_versions():
    pins, different = locked(), []
    for name, version in pins.items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # not needed on this platform (e.g. colorama)
        if installed != version:
            different.append(f"{name} {installed} (locked: {version})")
    assert not different, "installed versions differ from constraints.txt (run `make venv`):\n" + "\n".join(different)


def test_the_package_requires_the_python_the_lock_is_for():
    assert SpecifierSet(PYPROJECT["project"]["requires-python"]) == SpecifierSet(f">={lock_python()}")
    assert PYPROJECT["tool"]["ruff"]["target-version"] == "py" + lock_python().replace(".", "")
    assert PYPROJECT["tool"]["mypy"]["python_version"] == lock_python()


def test_read_the_docs_builds_with_the_same_python_and_the_lock():
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["build"]["tools"]["python"] == lock_python()
    install = " ".join(config["build"]["jobs"]["install"])
    assert "--constraint constraints.txt" in install
    assert "python" not in config or "install" not in config["python"], "the install job replaces python.install"


def test_read_the_docs_runs_sphinx_with_the_options_of_vkdocs_builds():
    """Every ``python -m sphinx`` of the jobs takes Sphinx's options from ``python -m vkdocs.builds``, the one
    definition (src/vkdocs/builds.py), and spells none of them itself."""
    jobs = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))["build"]["jobs"]
    commands = [command for job in jobs.values() for command in job if "python -m sphinx" in command]
    assert len(commands) >= 2  # the doctests before the HTML, the handouts after it
    for command in commands:
        assert "$(python -m vkdocs.builds)" in command, command
        spelled = set(shlex.split(command.replace("$(python -m vkdocs.builds)", ""))) & set(builds.STRICT)
        assert not spelled, command


def test_only_make_check_runs_fewer_property_examples():
    """``make check`` loads the ``check`` profile (tests/unit/conftest.py); ``make test`` and CI run the full
    profile of tests/conftest.py: Hypothesis's 100 examples, which test_cli_fuzz.py's counts are scaled from."""
    recipes = {target: MAKEFILE.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0] for target in ("check", "test")}
    assert "--hypothesis-profile=check" in recipes["check"]
    assert "hypothesis" not in recipes["test"] and "hypothesis" not in " ".join(
        PYPROJECT["tool"]["pytest"]["ini_options"]["addopts"]
    )
    assert settings.get_profile("vkdocs").max_examples == 100
    assert settings.get_profile("check").max_examples < 100


@pytest.mark.parametrize("target", ["$(STAMP)", "lock"])
def test_the_makefile_installs_and_locks_with_constraints_txt(target):
    recipe = MAKEFILE.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]
    assert "$(LOCK)" in recipe
    assert re.search(r"^LOCK := constraints\.txt$", MAKEFILE, re.MULTILINE)


def test_ci_runs_the_lint_gate_the_pdfs_read_the_docs_build_and_every_test():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    steps = [line.strip() for line in script.splitlines() if line.strip().startswith(("make ", "VKDOCS_"))]
    assert steps == [
        "make venv",
        "make lint",
        "make pdf",
        "make rtd",
        "VKDOCS_RTD_DIR=docs/_build/rtd VKDOCS_REQUIRE_PDF=1 CI=true make test",
    ]
    assert "set -euo pipefail" in script


def make_variable(name: str) -> list[str]:
    """The words of the Makefile's variable ``name``, as make expands it."""
    rule = f"vkdocs-print-variable: ; @echo $({name})"
    done = subprocess.run(
        ["make", "-s", "--no-print-directory", "--eval", rule, "vkdocs-print-variable"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.split()


def test_make_test_runs_every_test_once_in_its_two_parts():
    """``make test`` runs two pytest processes side by side (the Makefile's TEST_PART_unit and TEST_PART_site):
    every file pytest collects from its testpaths (test modules and every module's doctests) is in exactly one."""
    recipe = MAKEFILE.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "test-part-unit" in recipe and "test-part-site" in recipe
    paths = [ROOT / path for name in ("unit", "site") for path in make_variable(f"TEST_PART_{name}")]
    assert len(paths) == len(set(paths)), "a path is in both parts of make test"
    options = PYPROJECT["tool"]["pytest"]["ini_options"]
    ignored = {
        ROOT / option.removeprefix("--ignore=") for option in options["addopts"] if option.startswith("--ignore=")
    }
    for top in options["testpaths"]:
        for module in sorted((ROOT / top).rglob("*.py")):
            relative = module.relative_to(ROOT)
            if module in ignored or "roots" in relative.parts or "_build" in relative.parts:
                continue  # left out by pyproject.toml; the unit tier's Sphinx projects; build output
            if module.name == "conftest.py":
                assert ">>>" not in module.read_text(encoding="utf-8"), f"{relative}: a doctest neither part collects"
                continue
            holders = [path for path in paths if module.is_relative_to(path)]
            assert len(holders) == 1, f"{relative} is in {len(holders)} parts of make test"
