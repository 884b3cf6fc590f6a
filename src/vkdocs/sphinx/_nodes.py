"""What the feature modules of :mod:`vkdocs.sphinx` share: registering a node, marking it untranslatable, and
loading the package's own scripts and styles (``static/``) on the pages that need them."""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

N = TypeVar("N", bound=nodes.Node)

#: The package's scripts and styles, added to ``html_static_path`` by the modules that load them.
STATIC = Path(__file__).resolve().parent / "static"

#: The builders Sphinx ships besides HTML that the vkdocs nodes are written for.
OTHER_BUILDERS = ("latex", "text", "man", "texinfo")

Visitors = tuple[Callable[..., None], Callable[..., None] | None]


def skip_node(self: nodes.NodeVisitor, node: nodes.Node) -> NoReturn:
    """A visitor that leaves ``node`` and its children out."""
    raise nodes.SkipNode


def pass_node(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    """A visitor (and departure) that shows only ``node``'s children."""


def add_node(app: Sphinx, node: type[nodes.Element], *, html: Visitors, elsewhere: Visitors, **own: Visitors) -> None:
    """Register ``node``: ``html``'s visitors for HTML, ``elsewhere`` for every other builder but those in ``own``.

    ``add_node(app, vk_x, html=(visit_x_html, None), elsewhere=(skip_node, None), latex=(visit_x_latex, None))``
    """
    app.add_node(node, override=False, html=html, **{**dict.fromkeys(OTHER_BUILDERS, elsewhere), **own})


def untranslatable(node: N) -> N:
    """Mark ``node`` and everything in it as not to be extracted for translation.

    Inline nodes are left unmarked: Sphinx unwraps every inline that has the
    mark (``RemoveTranslatableInline``, which would drop their classes and
    ``lang``), and they are never extracted on their own.
    """
    for element in node.findall(nodes.Element):
        if not isinstance(element, nodes.inline):
            element["translatable"] = False
    return node


def json_for_script(data: dict[str, Any]) -> str:
    """``data`` as JSON that is safe inside an HTML ``<script>`` element (no ``</script>``, no comment openers).

    >>> print(json_for_script({"text": "</script> & «Настройки»"}))
    {"text":"\\u003c/script\\u003e \\u0026 «Настройки»"}
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def paragraph(text: str, *, classes: tuple[str, ...] = ()) -> nodes.paragraph:
    """A plain paragraph holding ``text``."""
    return nodes.paragraph(text, text, classes=list(classes))


def docname(env: BuildEnvironment) -> str:
    """The name of the document being read or transformed."""
    return env.current_document.docname if hasattr(env, "current_document") else env.docname


#: Each build's builder, by its environment: filled at ``builder-inited`` (:func:`track_builder`).
_BUILDERS: weakref.WeakKeyDictionary[BuildEnvironment, Builder] = weakref.WeakKeyDictionary()


def _remember_builder(app: Sphinx) -> None:
    _BUILDERS[app.env] = app.builder


def track_builder(app: Sphinx) -> None:
    """Let this feature's transforms ask :func:`builder_of` for the builder (its format, its pages' addresses).

    Sphinx 9 deprecates ``SphinxTransform.app``, and a transform has no public
    way to the builder: the builder is remembered when Sphinx announces it
    (``builder-inited``, a public event), by the build's environment.
    """
    app.connect("builder-inited", _remember_builder)  # (several features may ask: remembering twice is harmless)


def builder_of(env: BuildEnvironment) -> Builder:
    """The builder of the build that ``env`` belongs to (:func:`track_builder` must have been called in setup)."""
    try:
        return _BUILDERS[env]
    except KeyError:
        message = "vkdocs.sphinx: the builder is unknown: call track_builder(app) in the feature's setup()"
        raise RuntimeError(message) from None


def _add_static_path(app: Sphinx, config: Config) -> None:
    if str(STATIC) not in config.html_static_path:
        config.html_static_path.append(str(STATIC))


def load_assets(
    app: Sphinx, node: type[nodes.Element], *, script: str, stylesheet: str | None = None, where: str = ""
) -> None:
    """Load ``static/<script>`` (deferred) and ``static/<stylesheet>`` on every HTML page holding a ``node``.

    ``where``, if given, names an attribute the node must have set (a checklist's box with its step, say).
    """

    def add(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
        if doctree is not None and any(not where or found.get(where) for found in doctree.findall(node)):
            app.add_js_file(script, loading_method="defer")
            if stylesheet:
                app.add_css_file(stylesheet)

    app.connect("config-inited", _add_static_path)
    app.connect("html-page-context", add)
