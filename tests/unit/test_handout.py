"""vkdocs.handout: the handout's Sphinx project, and what ``vkdocs handout`` says before it builds anything.

The PDFs the command builds are read in tests/site/test_handout_pdf.py.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from docbuild import HANDOUT_DELETED_ON, HANDOUT_TODAY, ROOT

from vkdocs.cli import main
from vkdocs.handout import project_files
from vkdocs.latex import LATEXMKOPTS, TEX_PACKAGES

DELETED, TODAY = HANDOUT_DELETED_ON, HANDOUT_TODAY


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "vkdocs", "handout", *args]


def test_the_page_holds_the_directive_with_the_dates_as_options():
    files = project_files("restore", "ru", deleted_on=None, today=None)
    assert files["restore.rst"] == ".. vk-handout:: restore\n"
    assert "sphinx_settings('restore', 'ru')" in files["conf.py"]


def test_without_tex_it_says_what_to_install_in_one_line_and_exits_2(tmp_path):
    output = tmp_path / "x.pdf"
    env = {**os.environ, "PATH": str(tmp_path / "nothing-here"), "LANG": "ru_RU.UTF-8"}
    env.pop("LC_ALL", None)
    done = subprocess.run(
        command("restore", "--deleted-on", DELETED, "--output", str(output)), capture_output=True, text=True, env=env
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("vkdocs: Для памятки в PDF нужен TeX (не найдено: xelatex")
    assert "sudo apt-get install --no-install-recommends " + " ".join(TEX_PACKAGES) in done.stderr
    assert not output.exists()


def test_without_sphinx_and_tex_it_names_both_in_one_line(tmp_path):
    script = (
        "import sys\n"
        "sys.modules['sphinx'] = None  # as if the docs extra were not installed\n"
        "from vkdocs.cli import main\n"
        f"sys.exit(main(['handout', 'restore', '--lang', 'en', '--output', {str(tmp_path / 'x.pdf')!r}]))\n"
    )
    env = {**os.environ, "PATH": str(tmp_path / "nothing-here")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("vkdocs: A PDF handout needs Sphinx and TeX (missing: xelatex, latexmk")
    assert "pip install 'vkdocs[docs]'" in done.stderr
    assert "sudo apt-get install --no-install-recommends " + " ".join(TEX_PACKAGES) in done.stderr


def test_without_sphinx_it_says_what_to_install_in_one_line_and_exits_2(tmp_path):
    script = (
        "import sys\n"
        "sys.modules['sphinx'] = None  # as if the docs extra were not installed\n"
        "from vkdocs.cli import main\n"
        f"sys.exit(main(['handout', 'restore', '--lang', 'en', '--output', {str(tmp_path / 'x.pdf')!r}]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "vkdocs: A PDF handout needs Sphinx. Install it: pip install 'vkdocs[docs]'\n"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["unfriend"], "Unknown situation 'unfriend'"),
        (["hide", "--deleted-on", DELETED], "A deletion date applies only to the 'restore' situation, not 'hide'"),
        (["restore", "--deleted-on", "2026-02-30"], "The date '2026-02-30' does not exist"),
        (["restore", "--deleted-on", "01/10/2026"], "Cannot read the date '01/10/2026'"),
        (["restore", "--deleted-on", "2026-12-01", "--today", TODAY], "is after today"),
        (["restore", "--today", "yesterday"], "Cannot read the date 'yesterday'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2_before_anything_is_built(args, fragment, tmp_path, capsys):
    output = tmp_path / "x.pdf"
    assert main(["handout", *args, "--lang", "en", "--output", str(output)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("vkdocs: ") and captured.err.count("\n") == 1
    assert fragment in captured.err
    assert not output.exists()


def test_the_output_is_required(capsys):
    assert main(["handout", "restore", "--lang", "en"]) == 2
    assert "--output" in capsys.readouterr().err


def test_the_makefile_installs_what_the_command_names():
    done = subprocess.run(
        ["make", "--no-print-directory", "-s", "tex-packages"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert set(TEX_PACKAGES) <= set(done.stdout.split())


def test_the_makefile_gives_latexmk_the_options_of_the_package():
    shown = 'show-latexmkopts: ; @echo "$$LATEXMKOPTS"'  # what the recipes' shell is given
    done = subprocess.run(
        ["make", "--no-print-directory", "-s", "--eval", shown, "show-latexmkopts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={key: value for key, value in os.environ.items() if key != "LATEXMKOPTS"},
    )
    assert done.stdout.strip() == LATEXMKOPTS, done.stderr
