"""The site's front door, ``docs/_build/html/index.html``: each language's start page, named in its language.

``make html`` writes it (``python tools/root_index.py OUTPUT``). A script
sends the reader on to the first of their browser's languages that vkdocs
speaks, else to English; ``?stay`` keeps the page, and the links work without
the script. The languages are :func:`vkdocs.i18n.languages` and each link reads
"<language's own name>: <the start page's title in it>", from the pages'
catalogs: adding a language adds its link, and nothing here names one.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po

DOCS = Path(__file__).resolve().parent.parent / "docs"
sys.path.insert(0, str(DOCS.parent / "src"))

from vkdocs.i18n import FALLBACK_LANGUAGE, SOURCE_LANGUAGE, language_name, languages  # noqa: E402

PAGE = """<!DOCTYPE html>
<html lang="{source}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>vkdocs — {titles}</title>
  <style>
    body {{ font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; }}
    a {{ display: block; font-size: 1.25rem; margin: 1rem 0; }}
    @media (prefers-color-scheme: dark) {{ body {{ background: #131416; color: #e6e6e6; }} a {{ color: #7db8ff; }} }}
  </style>
  <script>
    // Send the reader to their language; the links below work without script.
    var spoken = {spoken}, lang = {fallback};
    var wanted = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < wanted.length && lang === {fallback}; i++) {{
      var code = wanted[i].replace("-", "_"), base = code.split("_")[0];
      if (spoken.indexOf(code) >= 0) lang = code; else if (spoken.indexOf(base) >= 0) lang = base;
    }}
    if (!/[?&]stay\\b/.test(location.search)) location.replace(lang + "/index.html");
  </script>
</head>
<body>
  <h1>vkdocs</h1>
{links}
</body>
</html>
"""


def start_title(lang: str) -> str:
    """The start page's title in ``lang``: its heading, translated by the page's catalog."""
    heading = re.search(r"^# (.+)$", (DOCS / "index.md").read_text(encoding="utf-8"), flags=re.MULTILINE)
    if heading is None:
        raise ValueError("docs/index.md has no '# ' heading")
    title = heading.group(1).strip()
    if lang == SOURCE_LANGUAGE:
        return title
    with (DOCS / "locale" / lang / "LC_MESSAGES" / "index.po").open("rb") as handle:
        entry = read_po(handle).get(title)
    if entry is None or not entry.string or entry.fuzzy:
        raise ValueError(f"docs/locale/{lang}/LC_MESSAGES/index.po does not translate the start page's title")
    return str(entry.string)


def render() -> str:
    """The page, with one link per language."""
    titles = {lang: start_title(lang) for lang in languages()}
    links = "\n".join(
        f'  <a href="{lang}/index.html" hreflang="{lang}" lang="{lang}">'
        f"{html.escape(language_name(lang))}: {html.escape(title)}</a>"
        for lang, title in titles.items()
    )
    return PAGE.format(
        source=SOURCE_LANGUAGE,
        titles=html.escape(" / ".join(titles.values())),
        spoken=json.dumps(list(languages())),
        fallback=json.dumps(FALLBACK_LANGUAGE),
        links=links,
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: root_index.py OUTPUT", file=sys.stderr)
        raise SystemExit(2)
    Path(sys.argv[1]).parent.mkdir(parents=True, exist_ok=True)
    Path(sys.argv[1]).write_text(render(), encoding="utf-8")
