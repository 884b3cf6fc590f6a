"""Russian typography in the PDFs: one post-transform, :class:`Typography`.

After every reference is resolved (so the words of links count too), each
text of the page gets the non-breaking spaces of :func:`vkdocs.typography.tie`
(after a one-letter preposition or conjunction, before a dash, between a
number and its word) and loses a full stop doubled after ``?`` or ``!``
(:func:`vkdocs.typography.drop_doubled_stop`). Code (literals, code blocks,
raw markup) is left exactly as written, so straight apostrophes and quotes in
code stay straight.

In LaTeX, an interface label in «» is never hyphenated: it is wrapped in an
inline node of the class ``vk-label-text``, which the PDFs' preamble
(:data:`vkdocs.latex.PREAMBLE`) sets without hyphenation, so the label reads
as it does on the screen.

The gettext builder reads the doctrees before any post-transform, so the
catalogs' messages keep plain spaces. The HTML pages are left as they are
for now: their scripts and tests compare the pages' text with the data's,
space for space (the printed checklist, the question path without
JavaScript); :func:`vkdocs.typography.tie` is ready for them.
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
_LABEL = re.compile(r"«[^«»]+»")

#: The class of a label's text in LaTeX (``\DUrole{vk-label-text}``: no hyphenation).
LABEL_CLASS = "vk-label-text"


def _is_code(text: nodes.Text) -> bool:
    parent = text.parent
    while parent is not None:
        if isinstance(parent, CODE):
            return True
        parent = parent.parent
    return False


class Typography(SphinxPostTransform):
    """Non-breaking spaces, no doubled full stop and, in LaTeX, unbroken «labels» (see the module)."""

    default_priority = 900  # after the references (10) and every other post-transform of vkdocs
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        texts = [text for text in self.document.findall(nodes.Text) if not _is_code(text)]
        # Tied as one text: a word and the space after it are often two nodes (MyST makes a
        # source's line break a text of its own, a link's words are another). tie() only turns
        # a space into a non-breaking one, so the lengths stay and the text splits back.
        tied = tie("".join(str(text) for text in texts))
        values: list[str] = []
        start = 0
        for text in texts:
            values.append(tied[start : start + len(text)])
            start += len(text)
        for i in range(1, len(values)):
            values[i] = drop_doubled_stop(values[i - 1], values[i])
        latex = self.app.builder.format == "latex"
        for text, value in zip(texts, values, strict=True):
            if latex and _LABEL.search(value) and not isinstance(text.parent, nodes.title):
                _replace(text, _labels_unbroken(value))
            elif value != str(text):
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
    for match in _LABEL.finditer(value):
        if match.start() > end:
            found.append(nodes.Text(value[end : match.start()]))
        found.append(nodes.inline(match.group(), match.group(), classes=[LABEL_CLASS]))
        end = match.end()
    if end < len(value):
        found.append(nodes.Text(value[end:]))
    return found


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_post_transform(Typography)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["LABEL_CLASS", "Typography", "setup"]
