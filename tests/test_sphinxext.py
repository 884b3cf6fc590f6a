"""The {vk-checklist} directive renders the same data in the build's language."""

from __future__ import annotations

import html
import subprocess
import sys

import pytest
from docbuild import DOCS, Build

from vkdocs.checklist import build_checklist, situations

PAGE = """# Checklists

```{{vk-checklist}} {situation}
{options}```
"""


def build_page(tmp_path, language: str, body: str, builder: str = "html"):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(DOCS.parent / 'src')!r})\n"
        "extensions = ['myst_parser', 'vkdocs.sphinxext']\n"
        "nitpicky = True\n",
        encoding="utf-8",
    )
    (src / "index.md").write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", builder, "-D", f"language={language}", str(src), str(out)],
        capture_output=True,
        text=True,
    )
    return Build(language, out, done.returncode, done.stdout + done.stderr)


@pytest.mark.parametrize("situation", list(situations()))
@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_directive_renders_every_step_with_a_checkbox(tmp_path, language, situation):
    build = build_page(tmp_path, language, PAGE.format(situation=situation, options=""))
    assert build.returncode == 0, build.output
    page = html.unescape((build.outdir / "index.html").read_text(encoding="utf-8"))
    checklist = build_checklist(situation, lang=language)
    assert checklist.title in page
    for step in checklist.steps:
        assert step.text in page
    for warning in checklist.warnings:
        assert warning in page
    assert page.count('type="checkbox" class="task-list-item-checkbox vk-checkbox"') == len(checklist.steps)


def test_the_platform_option_keeps_only_that_platform(tmp_path):
    build = build_page(tmp_path, "en", PAGE.format(situation="close-profile", options=":platform: app\n"))
    page = html.unescape((build.outdir / "index.html").read_text(encoding="utf-8"))
    assert "Scroll down and switch on" in page
    assert "Тип профиля» (Profile type)" not in page


def test_an_unknown_situation_fails_the_build_listing_the_choices(tmp_path):
    build = build_page(tmp_path, "en", PAGE.format(situation="unfriend", options=""))
    assert build.returncode != 0
    assert "Unknown situation 'unfriend'" in build.output
    assert ", ".join(situations()) in build.output


def test_checklist_text_is_not_offered_for_translation(tmp_path):
    body = "# Checklists\n\n" + "".join(f"```{{vk-checklist}} {name}\n```\n\n" for name in situations())
    build = build_page(tmp_path, "ru", body, builder="gettext")
    assert build.returncode == 0, build.output
    catalog = (build.outdir / "index.pot").read_text(encoding="utf-8")
    assert 'msgid "Checklists"' in catalog
    for situation in situations():
        checklist = build_checklist(situation, lang="ru")
        assert checklist.title not in catalog
        for step in checklist.steps:
            assert step.text not in catalog


HANDOUT = """# Handout

```{{vk-handout}} {situation}
{options}```
"""


def test_a_handout_with_a_deletion_date_fills_in_both_dates_in_words(tmp_path):
    options = ":deleted-on: 01.10.2026\n:today: 2026-11-25\n"
    build = build_page(tmp_path, "en", HANDOUT.format(situation="restore", options=options), builder="text")
    assert build.returncode == 0, build.output
    text = (build.outdir / "index.txt").read_text(encoding="utf-8").replace("**", "")
    assert "Page deleted on: October 1, 2026\n" in text
    assert "Last day to restore: April 28, 2027\n" in text
    assert "built on November 25, 2026" in text
    assert "__________" not in text
    assert "fewer than 210 days" in text


def test_a_handout_without_dates_keeps_the_lines_to_fill_in(tmp_path):
    build = build_page(tmp_path, "ru", HANDOUT.format(situation="restore", options=""), builder="text")
    assert build.returncode == 0, build.output
    text = " ".join((build.outdir / "index.txt").read_text(encoding="utf-8").replace("**", "").split())
    assert "Страница удалена: __________ · Последний день, чтобы восстановить: __________" in text


@pytest.mark.parametrize(
    ("situation", "options", "error"),
    [
        ("hide", ":deleted-on: 2026-10-01\n", "A deletion date applies only to the 'restore' situation, not 'hide'"),
        ("restore", ":deleted-on: 2026-12-01\n:today: 2026-11-25\n", "is after today"),
    ],
)
def test_a_handout_with_dates_it_cannot_use_fails_the_build(tmp_path, situation, options, error):
    build = build_page(tmp_path, "en", HANDOUT.format(situation=situation, options=options), builder="text")
    assert build.returncode != 0
    assert error in build.output
