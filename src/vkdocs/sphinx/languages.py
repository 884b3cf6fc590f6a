"""The languages of the build: per-language settings, the language switcher, Russian marked in translations.

Part of :mod:`vkdocs.sphinx`; on its own: ``extensions = [..., "vkdocs.sphinx.languages"]``.

* ``config-inited``: settings that depend on the build language (``-D
  language=…`` is applied after ``conf.py`` runs, so they cannot live there):
  the build date through Babel (for the handouts), the authors and the copyright.
* ``build-finished``: the search page's Russian messages (``translations.js``).
* ``html-page-context``: the language switcher's links to the same page in
  every other language, each named in its own (``ru/`` and ``en/`` side by
  side locally, and Read the Docs' ``/<lang>/<version>/`` layout there).
* The page catalogs hold page text only (not the templates' strings).
* English HTML: Russian words (interface labels in «», terms) are marked
  ``lang="ru"``, so screen readers pronounce them as Russian.
"""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sphinx
from babel.core import get_global
from babel.messages.pofile import read_po
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from vkdocs.deadline import format_long_date
from vkdocs.i18n import SOURCE_LANGUAGE, language_name, languages
from vkdocs.messages import message

if TYPE_CHECKING:
    from sphinx.util.typing import ExtensionMetadata

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
#: A Russian run in English text: a quoted label with Cyrillic in it, or a
#: run of Cyrillic words.
RUSSIAN_RUN = re.compile(r"«[^«»]*[\u0400-\u04FF][^«»]*»|[\u0400-\u04FF]+(?:[\s\-‑–]+[\u0400-\u04FF]+)*")


def write_js_catalog(app: Sphinx, exception: Exception | None) -> None:
    """Lay our ``sphinx.po`` entries over Sphinx's JavaScript catalog for the language.

    Sphinx compiles ``<lang>/LC_MESSAGES/sphinx.po`` to ``.mo`` for the
    templates itself, but the search page's messages come from
    ``_static/translations.js``, which it copies from its own package: our
    entries (the Russian search summary that Sphinx's catalog leaves empty)
    are added to that copy in the HTML output.
    """
    if exception is not None or app.builder.format != "html":
        return
    language = app.config.language
    found = [Path(app.srcdir, folder, language, "LC_MESSAGES", "sphinx.po") for folder in app.config.locale_dirs]
    po = next((path for path in found if path.is_file()), None)
    if po is None:
        return
    target = Path(app.outdir, "_static", "translations.js")
    builtin = Path(sphinx.__file__).parent / "locale" / language / "LC_MESSAGES" / "sphinx.js"
    with po.open("rb") as source:
        catalog = read_po(source)
    if builtin.is_file():
        text = builtin.read_text(encoding="utf-8")
        data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    else:  # a language Sphinx has no catalog for: ours alone
        data = {"messages": {}, "plural_expr": "(n != 1)", "locale": language}
    for entry in catalog:
        if entry.id and entry.string:
            key = entry.id[0] if isinstance(entry.id, tuple) else entry.id
            data["messages"][key] = list(entry.string) if isinstance(entry.string, tuple) else entry.string
    target.write_text(
        f"Documentation.addTranslations({json.dumps(data, ensure_ascii=False, indent=1)});\n", encoding="utf-8"
    )


def other_languages(language: str) -> list[str]:
    """The languages the switcher offers on ``language``'s pages: every other one, Russian first.

    >>> other_languages("ru"), other_languages("en")
    (['en'], ['ru'])
    """
    return [other for other in languages() if other != language]


def build_date(language: str) -> str:
    """The build date as a long localized date (reproducible with SOURCE_DATE_EPOCH)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return format_long_date(moment.date(), language)


def on_config_inited(app: Sphinx, config: Config) -> None:
    language = config.language
    if language not in languages():
        raise ValueError(
            f"vkdocs is built in {', '.join(languages())}, not {language!r}: "
            f"a language needs its catalogs (CONTRIBUTING.md, 'Adding a language')"
        )
    # The handouts print it; the pages show their own review date, not the build's.
    config.today = build_date(language)
    config.author = message("site_authors", language)
    config.copyright = message("site_copyright", language)


def lang_switch_root(other: str) -> str:
    """Path from a build's root to the root of the language ``other``."""
    if os.environ.get("READTHEDOCS") == "True":
        version = os.environ.get("READTHEDOCS_VERSION", "latest")
        return f"../../{other}/{version}/"
    return f"../{other}/"


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    language = app.config.language
    depth = pagename.count("/")
    # For templates: is this text Russian on a page that is not (genindex.html)?
    context["vk_is_russian"] = lambda text: marks_russian(language) and bool(CYRILLIC.search(str(text)))
    # The same page in every other language, each named in its own language.
    context["vk_lang_switch"] = {
        "aria": message("switch_language", language),
        "links": [
            {
                "lang": other,
                "url": "../" * depth + lang_switch_root(other) + pagename + ".html",
                "label": language_name(other),
            }
            for other in other_languages(language)
        ],
    }


def writes_cyrillic(language: str) -> bool:
    """Whether ``language`` is written in Cyrillic (CLDR's likely script): then Cyrillic on its pages is no sign
    of a text left in Russian.

    >>> writes_cyrillic("uk"), writes_cyrillic("en")
    (True, False)
    """
    likely = get_global("likely_subtags").get(language.split("_")[0], "")
    return "_Cyrl" in likely


def marks_russian(language: str) -> bool:
    """Whether Russian runs on ``language``'s pages are marked ``lang="ru"``: in a translation written in
    another script; in a Cyrillic one (Ukrainian, say) Russian cannot be told from the page's own words.

    >>> marks_russian("en"), marks_russian("ru"), marks_russian("uk")
    (True, False, False)
    """
    return language != SOURCE_LANGUAGE and not writes_cyrillic(language)


def mark_russian(text: str) -> list[nodes.Node]:
    """``text`` as nodes, with each Russian run in an inline marked ``lang="ru"``.

    >>> [n.astext() for n in mark_russian("Tap «Настройки» (Settings).")]
    ['Tap ', '«Настройки»', ' (Settings).']
    >>> mark_russian("Tap «Настройки».")[1]["classes"]
    ['language-ru']
    """
    parts: list[nodes.Node] = []
    end = 0
    for match in RUSSIAN_RUN.finditer(text):
        if match.start() > end:
            parts.append(nodes.Text(text[end : match.start()]))
        # docutils' HTML writer turns a "language-xx" class into lang="xx".
        parts.append(nodes.inline(match.group(), match.group(), classes=["language-ru"]))
        end = match.end()
    if end < len(text):
        parts.append(nodes.Text(text[end:]))
    return parts


class MarkRussianInEnglish(SphinxTransform):
    """English HTML: every Russian run gets ``lang="ru"``.

    It runs when the page is read (after the translation is applied), not
    when it is written, so the marks reach every copy of a title too: the
    page's contents, the sidebar, the previous and next links.
    """

    default_priority = 800

    def apply(self, **kwargs: Any) -> None:
        if marks_russian(self.config.language):
            mark_russian_in(self.document)


def mark_russian_in_html(app: Sphinx) -> None:
    """``builder-inited``: read pages get :class:`MarkRussianInEnglish` in HTML builds only."""
    if app.builder.format == "html":
        app.add_transform(MarkRussianInEnglish)


class MarkRussianInResolvedReferences(SphinxPostTransform):
    """English HTML: the same for the text Sphinx gives references when it resolves
    them (a section's title as a link's text), after the page was read."""

    default_priority = 900  # after the references are resolved (10)
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if marks_russian(self.config.language):
            mark_russian_in(self.document)


def mark_russian_in(document: nodes.document) -> None:
    """Mark every Russian run in ``document``'s text (not code) ``lang="ru"``."""
    for text in list(document.findall(nodes.Text)):
        parent = text.parent
        if parent is None or not CYRILLIC.search(text) or _in_code_or_russian(parent):
            continue
        parent.replace(text, mark_russian(str(text)))


def _in_code_or_russian(node: nodes.Node | None) -> bool:
    while node is not None:
        if isinstance(node, (nodes.FixedTextElement, nodes.raw, nodes.comment)):
            return True
        if isinstance(node, nodes.Element) and "language-ru" in node.get("classes", []):
            return True
        node = node.parent
    return False


def keep_theme_strings_out_of_page_catalogs(app: Sphinx) -> None:
    """``make translations`` extracts page text only, not our templates' strings.

    Those are in English already; their Russian is in
    ``docs/locale/ru/LC_MESSAGES/sphinx.po``, next to the theme's (Sphinx's
    gettext builder would otherwise write a ``sphinx.pot`` for an English
    catalog that has nothing to translate).
    """
    if app.builder.name == "gettext":
        app.config.templates_path = []


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("config-inited", on_config_inited)
    app.connect("builder-inited", keep_theme_strings_out_of_page_catalogs)
    app.connect("html-page-context", on_html_page_context)
    app.connect("build-finished", write_js_catalog)
    app.connect("builder-inited", mark_russian_in_html)
    app.add_post_transform(MarkRussianInResolvedReferences)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
