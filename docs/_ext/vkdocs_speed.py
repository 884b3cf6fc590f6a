"""Build speed: stop MyST-Parser from rebuilding docutils' default settings for every snippet.

MyST's renderer sets itself up with ``options.get("document", make_document())``:
the default is evaluated even when a document is given, and
``make_document()`` builds docutils' default settings from scratch (an
``optparse`` parser with hundreds of options, about 1.5 ms). That happens for
every snippet MyST renders: every translated message of an English page, every
nested parse. In the English build it was close to half of the time.

This extension caches those default settings per parser class and hands out
a shallow copy each time, so every document still gets settings of its own.
It changes no output. If MyST-Parser's internals move, it does nothing.
"""

from __future__ import annotations

import copy
import functools

from sphinx.application import Sphinx


def _patch_make_document() -> bool:
    try:
        from docutils.frontend import get_default_settings
        from docutils.utils import DependencyList, new_document
        from myst_parser.mdit_to_docutils import base
    except ImportError:
        return False
    original = getattr(base, "make_document", None)
    if original is None or getattr(original, "vkdocs_cached", False):
        return original is not None

    cached_settings = functools.lru_cache(maxsize=None)(get_default_settings)

    def make_document(source_path="notset", parser_cls=base.RSTParser):
        """MyST's make_document, with cached default settings (copied per document)."""
        settings = copy.copy(cached_settings(parser_cls))
        settings.record_dependencies = DependencyList()  # the only mutable defaults
        settings._config_files = []
        return new_document(source_path, settings=settings)

    make_document.vkdocs_cached = True
    base.make_document = make_document
    return True


def setup(app: Sphinx) -> dict:
    _patch_make_document()
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
