"""Russian typography on the pages and in the PDFs: one post-transform, :class:`Typography`.

After every reference is resolved (so the words of links count too), each
text of the page gets the non-breaking spaces of :func:`vkdocs.typography.tie`
(after a one-letter preposition or conjunction, before a dash, between a
number and its word) and loses a full stop doubled after ``?`` or ``!``
(:func:`vkdocs.typography.drop_doubled_stop`). Code (literals, code blocks,
doctest blocks, raw markup) is left exactly as written, so straight
apostrophes and quotes in code stay straight, and so are the scripts' data
(the calculator's and the question path's JSON are written from their nodes'
attributes, never from text).

The same rules hold in both languages: a dash never opens a line and a number
stays with its word in English too, and the one-letter rule only meets
Cyrillic words, which on English pages are the Russian labels.

Where the two surfaces differ, each has its transform, chosen by the builder's
format (``formats``: no builder object needed):

* **Print** (:class:`Typography`, LaTeX): an interface label in «» is tied
  like the rest and never hyphenated: it is wrapped in an inline node of the
  class ``vk-label-text``, which the PDFs' preamble
  (:data:`vkdocs.latex.PREAMBLE`) sets without hyphenation, so the label reads
  as it does on the screen.
* **Pages** (:class:`PageTypography`, HTML): an interface label in «» keeps
  VK's words exactly, with plain spaces: a reader who copies it, or searches
  the page or VK for it, gets the label itself. The spaces around it are tied
  as everywhere.

What the pages' typography leaves alone: the gettext builder reads the
doctrees before any post-transform, so the catalogs' messages keep plain
spaces; meta descriptions (an attribute, not text) and the titles Sphinx keeps
for navigation, the window title and the search results (read before any
post-transform) keep plain spaces too. Sphinx's search splits words at a
non-breaking space as at a space; the search page compares a query with the
sections' titles, tied here, with plain spaces (``_static/search-page.js``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from vkdocs.typography import drop_doubled_stop, tie

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: Where text is code or markup, never typography.
CODE = (nodes.literal, nodes.FixedTextElement, nodes.raw, nodes.comment, nodes.math)

#: A label in «» (no nested quotes).
LABEL = re.compile(r"«[^«»]+»")

#: The class of a label's text in LaTeX (``\DUrole{vk-label-text}``: no hyphenation).
LABEL_CLASS = "vk-label-text"


def _is_code(text: nodes.Text) -> bool:
    parent = text.parent
    while parent is not None:
        if isinstance(parent, CODE):
            return True
        parent = parent.parent
    return False


def _block(text: nodes.Text) -> nodes.Node | None:
    """The block ``text`` is part of: its nearest ancestor that is not inline markup (a paragraph, a title…)."""
    parent: nodes.Node | None = text.parent
    while parent is not None and _inline(parent):
        parent = parent.parent
    return parent


def _inline(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Inline)


def labels_as_written(original: str, tied: str) -> str:
    """``tied`` (``original`` after :func:`vkdocs.typography.tie`, as long) with every «label» as
    ``original`` writes it: the ties around a label stay, none inside it.

    >>> text = "Нажмите «Войти в VK» и ждите"
    >>> labels_as_written(text, tie(text))
    'Нажмите «Войти в VK» и\\xa0ждите'
    """
    kept = list(tied)
    for match in LABEL.finditer(original):
        kept[match.start() : match.end()] = original[match.start() : match.end()]
    return "".join(kept)


class Typography(SphinxPostTransform):
    """Print: non-breaking spaces, no doubled full stop, unbroken «labels» (see the module)."""

    default_priority = 900  # after the references (10) and every other post-transform of vkdocs
    formats: tuple[str, ...] = ("latex",)

    def run(self, **kwargs: Any) -> None:
        # Tied as one text: a word and the space after it are often two nodes (MyST makes a
        # source's line break a text of its own, a link's words are another). Each block
        # (paragraph, title, term…) starts on a line of its own, so no word runs into the next
        # block's; code stands in as a word of letters it is not ("с `--today`" ties «с»), and is
        # never changed. tie() only turns a space into a non-breaking one, so the lengths stay
        # and the text splits back.
        texts = list(self.document.findall(nodes.Text))
        code = [_is_code(text) for text in texts]
        blocks = [_block(text) for text in texts]
        pieces: list[str] = []
        starts: list[int] = []
        length, block = 0, None
        for text, is_code, text_block in zip(texts, code, blocks, strict=True):
            if text_block is not block:
                block = text_block
                pieces.append("\n")
                length += 1
            starts.append(length)
            pieces.append("x" * len(text) if is_code else str(text))
            length += len(text)
        tied = self.set_text("".join(pieces))
        values = [tied[start : start + len(text)] for text, start in zip(texts, starts, strict=True)]
        for i in range(1, len(values)):
            if not code[i] and not code[i - 1] and blocks[i] is blocks[i - 1]:
                values[i] = drop_doubled_stop(values[i - 1], values[i])
        for text, value, is_code in zip(texts, values, code, strict=True):
            if not is_code:
                self.replace(text, value)

    def set_text(self, text: str) -> str:
        """``text`` as this surface sets it, character for character as long."""
        return tie(text)

    def replace(self, text: nodes.Text, value: str) -> None:
        """Put ``value``, ``text`` as set, in its place: each «label» in an unhyphenated inline (not in titles)."""
        if LABEL.search(value) and not isinstance(text.parent, nodes.title):
            _replace(text, _labels_unbroken(value))
        elif value != str(text):
            _replace(text, [nodes.Text(value)])


class PageTypography(Typography):
    """The HTML pages: as in print, but a «label» keeps VK's words with plain spaces (see the module)."""

    formats = ("html",)

    def set_text(self, text: str) -> str:
        return labels_as_written(text, tie(text))

    def replace(self, text: nodes.Text, value: str) -> None:
        if value != str(text):
            _replace(text, [nodes.Text(value)])


def _replace(text: nodes.Text, new: list[nodes.Node]) -> None:
    """Put ``new`` in the place of this very ``text``: not of the first equal text of its parent
    (docutils finds a child by equality, and a paragraph has many texts "\\n")."""
    parent = text.parent
    index = next(i for i, child in enumerate(parent.children) if child is text)
    parent[index : index + 1] = new


def _labels_unbroken(value: str) -> list[nodes.Node]:
    """``value`` as text, each «label» in it an inline node of :data:`LABEL_CLASS`."""
    found: list[nodes.Node] = []
    end = 0
    for match in LABEL.finditer(value):
        if match.start() > end:
            found.append(nodes.Text(value[end : match.start()]))
        found.append(nodes.inline(match.group(), match.group(), classes=[LABEL_CLASS]))
        end = match.end()
    if end < len(value):
        found.append(nodes.Text(value[end:]))
    return found


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_post_transform(Typography)
    app.add_post_transform(PageTypography)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["LABEL", "LABEL_CLASS", "PageTypography", "Typography", "labels_as_written", "setup"]
