"""Russian typography on the HTML pages (vkdocs.sphinx.typography), on a tiny MyST project built in-process:
what it ties, what it leaves as written.

(In print the same rules hold, and a «label» is tied too and never hyphenated: tests/site/test_pdf.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from vkdocs.typography import NBSP

PAGE = """\
# Вход в VK

Первый абзац кончается на букву а

В «Настройки» поставьте «Войти в VK» и [почему 210 дней?](https://vkdocs.example/). Для `--today` с `2026` в памятку — 210 дней.

```text
в коде с пробелами — как написано
```
"""


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("typography")
    source = root / "source"
    source.mkdir()
    (source / "conf.py").write_text('extensions = ["myst_parser", "vkdocs.sphinx.typography"]\n', encoding="utf-8")
    (source / "index.md").write_text(PAGE, encoding="utf-8")
    app = SphinxTestApp("html", srcdir=Path(source), builddir=root / "build")
    try:
        app.build()
        assert app._warning.getvalue() == ""
        page = (app.outdir / "index.html").read_text(encoding="utf-8")
    finally:
        app.cleanup()
    return page[page.index("<h1") : page.index("</pre>")]


def test_a_heading_keeps_its_one_letter_word_with_the_next(html):
    assert f"Вход в{NBSP}VK" in html


def test_a_paragraph_opening_with_a_one_letter_word_is_tied_though_the_one_above_ends_in_a_letter(html):
    assert f"<p>В{NBSP}«Настройки»" in html and "на букву а</p>" in html


def test_a_label_keeps_vks_words_with_plain_spaces(html):
    assert "«Войти в VK»" in html and f"» и{NBSP}<a" in html


def test_a_word_before_code_is_tied_and_the_code_is_left_as_written(html):
    assert f"с{NBSP}<code" in html and f"в{NBSP}памятку{NBSP}— 210{NBSP}дней." in html
    assert "в коде с пробелами — как написано" in html


def test_a_full_stop_after_a_question_mark_ending_a_link_is_dropped(html):
    assert "210 дней?</a> Для" in html.replace(NBSP, " ")
