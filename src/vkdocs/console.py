"""Writing the command's text to a terminal, a pipe or a file that may not take every character.

A terminal set to cp1251 or ASCII cannot show ☐ or «»; Python would stop
with :class:`UnicodeEncodeError`. Here such text falls back to plain
characters instead: ``[ ]`` boxes, straight quotes, ``-`` for dashes, and
``?`` for whatever the encoding still lacks (Cyrillic in ASCII).

>>> from vkdocs.console import fit, one_line
>>> fit("☐ Откройте «Настройки».", "utf-8")
'☐ Откройте «Настройки».'
>>> fit("☐ Откройте «Настройки».", "cp1251")
'[ ] Откройте "Настройки".'
>>> fit("☐ Open «Настройки» (Settings) — now.", "ascii")
'[ ] Open "?????????" (Settings) - now.'
"""

from __future__ import annotations

import io
import os
import sys
from typing import TextIO

#: Characters with a plain stand-in, for encodings that lack them.
PLAIN = str.maketrans(
    {
        "☐": "[ ]",
        "⚠": "!",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "—": "-",
        "–": "-",
        "…": "...",
        "·": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)


def fit(text: str, encoding: str | None) -> str:
    """``text`` as ``encoding`` can carry it: unchanged if it can, else in plain characters. Raises nothing.

    An unknown ``encoding`` counts as UTF-8.
    """
    codec = encoding or "utf-8"
    try:
        text.encode(codec)
        return text
    except LookupError:
        return text
    except UnicodeEncodeError:
        return text.translate(PLAIN).encode(codec, "replace").decode(codec)


def one_line(text: str) -> str:
    """``text`` on one line: line breaks and other control characters shown escaped. Raises nothing.

    >>> from vkdocs.console import one_line
    >>> one_line("unrecognized arguments: a\\nb")
    'unrecognized arguments: a\\\\nb'
    """
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def write(stream: TextIO, text: str) -> None:
    """Write ``text`` to ``stream`` as its encoding can carry it, and flush.

    Raises :class:`OSError` when the stream cannot take it: a closed pipe
    (:class:`BrokenPipeError`), a full disk.
    """
    stream.write(fit(text, getattr(stream, "encoding", None)))
    stream.flush()


class Fitted(io.TextIOBase):
    """A text stream that writes to ``stream`` through :func:`fit`, for code that writes as it goes.

    >>> import io
    >>> target = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    >>> _ = Fitted(target).write("☐ «Настройки»")
    >>> target.flush(); target.buffer.getvalue()
    b'[ ] "?????????"'
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(fit(text, getattr(self._stream, "encoding", None)))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()


def discard_stdout() -> None:
    """After a failed write, send what is left of standard output to ``os.devnull``. Raises nothing.

    Python flushes ``sys.stdout`` once more when it exits; on a closed pipe or
    a full disk that flush fails again and prints "Exception ignored" lines.
    Pointing the file descriptor at ``os.devnull`` lets it succeed quietly.
    Only the process's real standard output is redirected, never a
    replacement (a test's captured output, say).
    """
    real = sys.__stdout__
    if real is None or sys.stdout is not real:
        return
    try:
        descriptor = real.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError):
        return
    try:
        os.dup2(devnull, descriptor)
    except OSError:
        pass
    finally:
        os.close(devnull)
