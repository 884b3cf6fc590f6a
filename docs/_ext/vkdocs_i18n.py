"""Per-language settings for the vkdocs build.

* ``config-inited``: settings that depend on the build language (``-D
  language=…`` is applied after ``conf.py`` runs, so they cannot live there):
  the build date through Babel (for the handouts).
* ``build-finished``: the search page's Russian messages (``translations.js``).
* ``html-page-context``: the language switcher's link to the same page in the
  other language (``ru/`` and ``en/`` side by side locally, and Read the Docs'
  ``/<lang>/<version>/`` layout there).
* A transform that warns about every message left untranslated in a
  translated build, so ``-W`` turns a missing translation into a failure;
  the page catalogs hold page text only (not the templates' strings).
* English HTML: Russian words (interface labels in «», terms) are marked
  ``lang="ru"``, so screen readers pronounce them as Russian.
* Search: the "last reviewed" line under a how-to page's title is not page
  text; Sphinx's indexer skips it (class ``no-search``), and so do the result
  summaries (``_static/search-page.js``).
"""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import sphinx
from babel.messages.pofile import read_po
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.nodes import extract_messages

from vkdocs.deadline import format_long_date

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = "ru"
LANGUAGES = ("ru", "en")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
#: A Russian run in English text: a quoted label with Cyrillic in it, or a
#: run of Cyrillic words.
RUSSIAN_RUN = re.compile(r"«[^«»]*[\u0400-\u04FF][^«»]*»|[\u0400-\u04FF]+(?:[\s\-‑–]+[\u0400-\u04FF]+)*")
#: Classes of elements that are not page text, for the search index.
NOT_PAGE_TEXT = {"vk-pagemeta"}

SWITCH_LABELS = {
    # language of the page -> (label of the link, aria label of the nav)
    "ru": ("English", "Язык"),
    "en": ("Русский", "Language"),
}


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
    po = Path(app.srcdir, "locale", app.config.language, "LC_MESSAGES", "sphinx.po")
    target = Path(app.outdir, "_static", "translations.js")
    builtin = Path(sphinx.__file__).parent / "locale" / app.config.language / "LC_MESSAGES" / "sphinx.js"
    if not (po.is_file() and builtin.is_file()):
        return
    with po.open("rb") as source:
        catalog = read_po(source)
    text = builtin.read_text(encoding="utf-8")
    data = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    for message in catalog:
        if message.id and message.string:
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            data["messages"][key] = list(message.string) if isinstance(message.string, tuple) else message.string
    target.write_text(
        f"Documentation.addTranslations({json.dumps(data, ensure_ascii=False, indent=1)});\n", encoding="utf-8"
    )


def other_language(language: str) -> str:
    return "en" if language == SOURCE_LANGUAGE else SOURCE_LANGUAGE


def build_date(language: str) -> str:
    """The build date as a long localized date (reproducible with SOURCE_DATE_EPOCH)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return format_long_date(moment.date(), language)


def on_config_inited(app: Sphinx, config: Config) -> None:
    language = config.language
    if language not in LANGUAGES:
        raise ValueError(f"vkdocs is built in {LANGUAGES}, not {language!r}")
    # The handouts print it; the pages show their own review date, not the build's.
    config.today = build_date(language)


def lang_switch_root(language: str) -> str:
    """Path from a build's root to the other language's root."""
    other = other_language(language)
    if os.environ.get("READTHEDOCS") == "True":
        version = os.environ.get("READTHEDOCS_VERSION", "latest")
        return f"../../{other}/{version}/"
    return f"../{other}/"


def on_html_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    language = app.config.language
    depth = pagename.count("/")
    label, aria = SWITCH_LABELS[language]
    # For templates: is this text Russian on a page that is not (genindex.html)?
    context["vk_is_russian"] = lambda text: language != SOURCE_LANGUAGE and bool(CYRILLIC.search(str(text)))
    context["vk_lang_switch"] = {
        "lang": other_language(language),
        "url": "../" * depth + lang_switch_root(language) + pagename + ".html",
        "label": label,
        "aria": aria,
    }


class ReportUntranslated(SphinxTransform):
    """Warn for every message that the catalogs leave untranslated."""

    default_priority = 30  # after sphinx.transforms.i18n.Locale (20)

    def apply(self, **kwargs) -> None:
        if self.config.language == SOURCE_LANGUAGE:
            return
        from sphinx.builders.gettext import MessageCatalogBuilder

        if issubclass(self.env._builder_cls, MessageCatalogBuilder):
            return
        for node, text in extract_messages(self.document):
            if isinstance(node, addnodes.toctree):
                # The Locale transform replaces a caption in place, unmarked.
                untranslated = bool(CYRILLIC.search(node.get("caption") or ""))
            else:
                untranslated = not node.get("translated") and bool(CYRILLIC.search(text))
            if untranslated:
                logger.warning(
                    "untranslated message (add it to docs/locale/%s): %s",
                    self.config.language,
                    text[:120],
                    location=node,
                    type="vkdocs",
                    subtype="untranslated",
                )


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

    def apply(self, **kwargs) -> None:
        if self.config.language == SOURCE_LANGUAGE or self.env._builder_cls.format != "html":
            return
        mark_russian_in(self.document)


class MarkRussianInResolvedReferences(SphinxPostTransform):
    """English HTML: the same for the text Sphinx gives references when it resolves
    them (a section's title as a link's text), after the page was read."""

    default_priority = 900  # after the references are resolved (10)
    formats = ("html",)

    def run(self, **kwargs) -> None:
        if self.config.language != SOURCE_LANGUAGE:
            mark_russian_in(self.document)


def mark_russian_in(document: nodes.document) -> None:
    """Mark every Russian run in ``document``'s text (not code) ``lang="ru"``."""
    for text in list(document.findall(nodes.Text)):
        parent = text.parent
        if parent is None or not CYRILLIC.search(text) or _in_code_or_russian(parent):
            continue
        parent.replace(text, mark_russian(str(text)))


def _in_code_or_russian(node: nodes.Node) -> bool:
    while node is not None:
        if isinstance(node, (nodes.FixedTextElement, nodes.raw, nodes.comment)):
            return True
        if isinstance(node, nodes.Element) and "language-ru" in node.get("classes", []):
            return True
        node = node.parent
    return False


def skip_in_search(app: Sphinx, doctree: nodes.document) -> None:
    """Mark what is not page text (``NOT_PAGE_TEXT``) so the search index skips it."""
    for node in doctree.findall(nodes.Element):
        if NOT_PAGE_TEXT & set(node.get("classes", [])):
            node["classes"].append("no-search")


def keep_theme_strings_out_of_page_catalogs(app: Sphinx) -> None:
    """``make translations`` extracts page text only, not our templates' strings.

    Those are in English already; their Russian is in
    ``docs/locale/ru/LC_MESSAGES/sphinx.po``, next to the theme's (Sphinx's
    gettext builder would otherwise write a ``sphinx.pot`` for an English
    catalog that has nothing to translate).
    """
    if app.builder.name == "gettext":
        app.config.templates_path = []


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", on_config_inited)
    app.connect("builder-inited", keep_theme_strings_out_of_page_catalogs)
    app.connect("html-page-context", on_html_page_context)
    app.connect("build-finished", write_js_catalog)
    # After the extensions that add those elements on doctree-read.
    app.connect("doctree-read", skip_in_search, priority=900)
    app.add_transform(ReportUntranslated)
    app.add_transform(MarkRussianInEnglish)
    app.add_post_transform(MarkRussianInResolvedReferences)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
