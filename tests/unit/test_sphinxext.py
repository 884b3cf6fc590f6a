"""The {vk-checklist} directive renders the same data in the build's language."""

from __future__ import annotations

import html
import subprocess
from pathlib import Path

import pytest
from docbuild import DOCS, Build

from vkdocs import builds
from vkdocs.checklist import build_checklist, situations

PAGE = """# Checklists

```{{vk-checklist}} {situation}
{options}```
"""
CONF = (
    "import sys\n"
    f"sys.path.insert(0, {str(DOCS.parent / 'src')!r})\n"
    "extensions = ['myst_parser', 'vkdocs.sphinx.checklists', 'vkdocs.sphinx.handouts']\n"
    "nitpicky = True\n"
)


def sphinx_command(src: Path, out: Path, language: str, builder: str) -> list[str]:
    return builds.sphinx_command("-b", builder, "-D", f"language={language}", str(src), str(out))


def write_project(folder: Path, pages: dict[str, str]) -> Path:
    """A tiny Sphinx project (MyST and the vkdocs extension only) holding ``pages`` (name -> Markdown)."""
    src = folder / "src"
    src.mkdir(parents=True)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    toctree = "```{toctree}\n" + "\n".join(name for name in pages if name != "index") + "\n```\n"
    pages = {"index": "# Index\n\n" + toctree, **pages}
    for name, body in pages.items():
        (src / f"{name}.md").write_text(body, encoding="utf-8")
    return src


def build_pages(folder: Path, language: str, pages: dict[str, str], builder: str = "html") -> Build:
    src = write_project(folder, pages)
    out = folder / "out"
    done = subprocess.run(sphinx_command(src, out, language, builder), capture_output=True, text=True)
    return Build(language, out, done.returncode, done.stdout + done.stderr)


@pytest.fixture(scope="module")
def every_situation(tmp_path_factory) -> dict[str, Build]:
    """One page per situation (and one with ``:platform: app``), built once per language, both at once."""
    pages = {situation: PAGE.format(situation=situation, options="") for situation in situations()}
    pages["close-profile-app"] = PAGE.format(situation="close-profile", options=":platform: app\n")
    running = {}
    for language in ("ru", "en"):
        folder = tmp_path_factory.mktemp(f"checklists-{language}")
        src, out = write_project(folder, pages), folder / "out"
        command = sphinx_command(src, out, language, "html")
        running[language] = (
            out,
            subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True),
        )
    builds = {}
    for language, (out, process) in running.items():
        output = process.communicate()[0]
        builds[language] = Build(language, out, process.returncode, output)
    return builds


@pytest.mark.parametrize("situation", list(situations()))
@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_directive_renders_every_step_with_a_checkbox(every_situation, language, situation):
    build = every_situation[language]
    assert build.returncode == 0, build.output
    page = html.unescape((build.outdir / f"{situation}.html").read_text(encoding="utf-8"))
    checklist = build_checklist(situation, lang=language)
    assert checklist.title in page
    for step in checklist.steps:
        assert step.text in page
    for warning in checklist.warnings:
        assert warning.text in page
    assert page.count('type="checkbox" class="task-list-item-checkbox vk-checkbox"') == len(checklist.steps)


def test_the_platform_option_keeps_only_that_platform(every_situation):
    build = every_situation["en"]
    assert build.returncode == 0, build.output
    page = html.unescape((build.outdir / "close-profile-app.html").read_text(encoding="utf-8"))
    assert "Scroll down and switch on" in page
    assert "Тип профиля» (Profile type)" not in page


def test_an_unknown_situation_fails_the_build_listing_the_choices(tmp_path):
    build = build_pages(tmp_path, "en", {"index": PAGE.format(situation="unfriend", options="")})
    assert build.returncode != 0
    assert "Unknown situation 'unfriend'" in build.output
    assert ", ".join(situations()) in build.output


def test_checklist_text_is_not_offered_for_translation(tmp_path):
    body = "# Checklists\n\n" + "".join(f"```{{vk-checklist}} {name}\n```\n\n" for name in situations())
    build = build_pages(tmp_path, "ru", {"index": body}, builder="gettext")
    assert build.returncode == 0, build.output
    catalog = (build.outdir / "index.pot").read_text(encoding="utf-8")
    assert 'msgid "Checklists"' in catalog
    for situation in situations():
        checklist = build_checklist(situation, lang="ru")
        assert checklist.title not in catalog
        for step in checklist.steps:
            assert step.text not in catalog


def test_manual_pages_and_texinfo_draw_the_boxes_as_characters(tmp_path):
    """Their writers have no ``add_text`` (the text builder's): the boxes go into the body."""
    src = write_project(tmp_path, {"index": PAGE.format(situation="restore", options="")})
    outputs = {"man": "*.1", "texinfo": "*.texi"}
    running = {
        builder: subprocess.Popen(
            sphinx_command(src, tmp_path / builder, "en", builder),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for builder in outputs
    }
    steps = len(build_checklist("restore", lang="en").steps)
    for builder, process in running.items():
        output = process.communicate()[0]
        assert process.returncode == 0, f"{builder}: {output}"
        (written,) = (tmp_path / builder).glob(outputs[builder])
        assert written.read_text(encoding="utf-8").count("☐") == steps, builder


HANDOUT = """# Handout

```{{vk-handout}} {situation}
{options}```
"""


def handout_text(build: Build, page: str = "index") -> str:
    """The text builder's output, bold marks and line breaks taken out."""
    return " ".join((build.outdir / f"{page}.txt").read_text(encoding="utf-8").replace("**", "").split())


def test_a_handout_with_a_deletion_date_fills_in_both_dates_in_words(tmp_path):
    options = ":deleted-on: 01.10.2026\n:today: 2026-11-25\n"
    build = build_pages(tmp_path, "en", {"index": HANDOUT.format(situation="restore", options=options)}, "text")
    assert build.returncode == 0, build.output
    text = handout_text(build)
    assert "Page deleted on: October 1, 2026 Last day to restore: April 28, 2027" in text
    assert "built on November 25, 2026" in text
    assert "__________" not in text
    assert "fewer than 210 days" in text


def test_a_handout_without_dates_keeps_the_lines_to_fill_in(tmp_path):
    build = build_pages(tmp_path, "ru", {"index": HANDOUT.format(situation="restore", options="")}, "text")
    assert build.returncode == 0, build.output
    # One line each, the label with its blank.
    assert "Страница удалена: __________ Последний день, когда можно восстановить: __________" in handout_text(build)


def test_a_handout_with_dates_it_cannot_use_fails_the_build(tmp_path):
    pages = {
        "hide": HANDOUT.format(situation="hide", options=":deleted-on: 2026-10-01\n"),
        "later": HANDOUT.format(situation="restore", options=":deleted-on: 2026-12-01\n:today: 2026-11-25\n"),
    }
    build = build_pages(tmp_path, "en", pages, "text")
    assert build.returncode != 0
    assert "A deletion date applies only to the 'restore' situation, not 'hide'" in build.output
    assert "The date of deletion (December 1, 2026) is after today's date (November 25, 2026)" in build.output
