"""The catalog gate: a translated build warns about every message left untranslated, so ``-W`` fails it.

Part of :mod:`vkdocs.sphinx`; on its own: ``extensions = [..., "vkdocs.sphinx.untranslated"]``.

* A transform warns about every page message left untranslated in a
  translated build (not in the catalogs' own ``gettext`` build).
* ``builder-inited`` does the same for the package's ``vkdocs`` catalog (the
  words of labels, checklists, the question path).

Each warning names the ``.po`` file and says whether its entry is ``fuzzy`` or
``missing``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.gettext import MessageCatalogBuilder
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

from vkdocs.extract import catalog_problems, translation_state
from vkdocs.i18n import SOURCE_LANGUAGE, catalog_file
from vkdocs.sphinx.languages import CYRILLIC, writes_cyrillic

if TYPE_CHECKING:
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)


def shown_path(path: Path) -> str:
    """``path`` as a message shows it: relative to the working directory when it is under it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@cache
def _read_catalog(path: Path, mtime: float) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def in_catalog(path: Path | None, msgid: str) -> bool:
    return path is not None and path.is_file() and _read_catalog(path, path.stat().st_mtime).get(msgid) is not None


def entry_state(path: Path | None, msgid: str, context: str | None = None) -> str:
    """How ``path``'s catalog holds ``msgid``: ``"fuzzy"`` (there, but not used) or ``"missing"`` (absent or empty)."""
    if path is None or not path.is_file():
        return "missing"
    state = translation_state(_read_catalog(path, path.stat().st_mtime).get(msgid, context=context))
    return "fuzzy" if state == "fuzzy" else "missing"


WHAT_TO_DO = {
    "fuzzy": "check the translation, then remove its '#, fuzzy' line",
    "missing": "translate it (after make translations, if the catalog lacks it)",
}


class ReportUntranslated(SphinxTransform):
    """Warn for every message that the catalogs leave untranslated, naming the ``.po`` file and why:
    its entry is ``fuzzy`` (Sphinx does not use fuzzy entries) or ``missing``."""

    default_priority = 30  # after sphinx.transforms.i18n.Locale (20)

    def apply(self, **kwargs: Any) -> None:
        if self.config.language == SOURCE_LANGUAGE:
            return
        catalog = None
        for node, text in extract_messages(self.document):
            if isinstance(node, addnodes.toctree):
                # The Locale transform replaces a caption in place, unmarked.
                untranslated = bool(CYRILLIC.search(node.get("caption") or ""))
            else:
                untranslated = not node.get("translated") and bool(CYRILLIC.search(text))
            if not untranslated:
                continue
            catalog = catalog or self._catalog()
            if writes_cyrillic(self.config.language) and not in_catalog(catalog, text):
                continue  # Cyrillic of the language itself (Sphinx's own words, say), not Russian left over
            kind = entry_state(catalog, text)
            logger.warning(
                "%s: %s entry, %s: %s",
                shown_path(catalog) if catalog else f"no catalog for {self.env.docname} in {self.config.language}",
                kind,
                WHAT_TO_DO[kind],
                text[:120],
                location=node,
                type="vkdocs",
                subtype="untranslated",
            )

    def _catalog(self) -> Path | None:
        """The page's ``.po`` file in the build's language (the first of ``locale_dirs`` that has it)."""
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        paths = [
            Path(self.env.srcdir, folder, self.config.language, "LC_MESSAGES", f"{domain}.po")
            for folder in self.config.locale_dirs
        ]
        return next((path for path in paths if path.is_file()), paths[0] if paths else None)


def add_transform(app: Sphinx) -> None:
    """Check the pages as they are read, in every build but the catalogs' own (``gettext``)."""
    if not isinstance(app.builder, MessageCatalogBuilder):
        app.add_transform(ReportUntranslated)


def check_package_catalog(app: Sphinx) -> None:
    """The words the extensions and the package add (labels, checklists, the question path) come from the
    ``vkdocs`` catalog: warn for each of its entries that is missing or fuzzy in the build's language."""
    language = app.config.language
    if language == SOURCE_LANGUAGE:
        return
    path = catalog_file(language)
    where = shown_path(path) if path is not None else f"no vkdocs catalog for {language}"
    for kind, context, msgid in catalog_problems(language):
        logger.warning(
            "%s: %s entry, %s: %s%s",
            where,
            kind,
            WHAT_TO_DO[kind],
            f"[{context}] " if context else "",
            msgid[:120],
            type="vkdocs",
            subtype="untranslated",
        )


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("builder-inited", add_transform)
    app.connect("builder-inited", check_package_catalog)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
