"""Per-language settings for the vkdocs build.

* ``config-inited``: settings that depend on the build language (``-D
  language=…`` is applied after ``conf.py`` runs, so they cannot live there):
  the build date through Babel (for the handouts).
* ``build-finished``: the search page's Russian messages (``translations.js``).
* ``html-page-context``: the language switcher's link to the same page in the
  other language (``ru/`` and ``en/`` side by side locally, and Read the Docs'
  ``/<lang>/<version>/`` layout there).
* A transform that warns about every message left untranslated in a
  translated build, so ``-W`` turns a missing translation into a failure.
"""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import sphinx
from babel.messages.pofile import read_po
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.nodes import extract_messages

from vkdocs.deadline import format_long_date

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = "ru"
LANGUAGES = ("ru", "en")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")

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


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", on_config_inited)
    app.connect("html-page-context", on_html_page_context)
    app.connect("build-finished", write_js_catalog)
    app.add_transform(ReportUntranslated)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
