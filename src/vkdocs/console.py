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

import contextlib
import errno
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


def closed() -> OSError:
    """The error a missing or closed stream gives: :class:`OSError` ``EBADF``, like any other output fault."""
    return OSError(errno.EBADF, os.strerror(errno.EBADF))


def write(stream: TextIO | None, text: str) -> None:
    """Write ``text`` to ``stream`` as its encoding can carry it, and flush.

    Raises :class:`OSError` when the stream cannot take it: a closed pipe
    (:class:`BrokenPipeError`), a full disk, a stream that is closed or
    missing (``None``: Python's ``sys.stdout`` when the program was started
    with its standard output closed, ``vkdocs situations >&-``).

    >>> from vkdocs.console import write
    >>> write(None, "text")
    Traceback (most recent call last):
    ...
    OSError: [Errno 9] Bad file descriptor
    """
    if stream is None:
        raise closed()
    try:
        stream.write(fit(text, getattr(stream, "encoding", None)))
        stream.flush()
    except ValueError:  # "I/O operation on closed file"
        raise closed() from None


def read_line(stream: TextIO | None) -> str:
    """One line of ``stream``, or ``""`` when there is no more: at its end, or when it is closed or missing.

    >>> import io
    >>> read_line(io.StringIO("1\\n2\\n")), read_line(None)
    ('1\\n', '')
    """
    if stream is None:
        return ""
    try:
        return stream.readline()
    except (OSError, ValueError):  # a closed or unreadable stream has nothing more to give
        return ""


def text_input(stream: TextIO | None) -> TextIO | None:
    """``stream`` set to read bytes its encoding cannot decode as U+FFFD instead of failing. Raises nothing.

    Text that is not in the terminal's encoding then reads as an answer that
    is not offered, not as a crash.
    """
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(OSError, ValueError):
            reconfigure(errors="replace")
    return stream


def is_terminal(stream: object) -> bool:
    """Whether ``stream`` is a terminal (a person typing); ``False`` for ``None`` or a closed stream. Raises nothing."""
    try:
        return bool(getattr(stream, "isatty", lambda: False)())
    except (OSError, ValueError):
        return False


def keep_descriptors() -> None:
    """Open ``os.devnull`` on standard input, output or error if the program was started with it closed.

    ``sys.stdout`` and the others stay ``None`` (writing to them still
    fails, and says so), but no file the command opens later can take
    descriptor 0, 1 or 2 and receive what a child process or C code writes
    there. Raises nothing.
    """
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            with contextlib.suppress(OSError):
                opened = os.open(os.devnull, os.O_RDWR)
                if opened != descriptor:  # the lowest free descriptor is this one, unless a lower one is free too
                    os.dup2(opened, descriptor)
                    os.close(opened)


class Fitted(io.TextIOBase):
    """A text stream that writes to ``stream`` through :func:`write`, for code that writes as it goes.

    A missing (``None``) or closed ``stream`` raises :class:`OSError` on
    the first write, like a closed pipe.

    >>> import io
    >>> target = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    >>> _ = Fitted(target).write("☐ «Настройки»")
    >>> target.flush(); target.buffer.getvalue()
    b'[ ] "?????????"'
    """

    def __init__(self, stream: TextIO | None) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is None:
            raise closed()
        try:
            self._stream.write(fit(text, getattr(self._stream, "encoding", None)))
        except ValueError:
            raise closed() from None
        return len(text)

    def flush(self) -> None:
        if self._stream is None:
            raise closed()
        try:
            self._stream.flush()
        except ValueError:
            raise closed() from None

    def isatty(self) -> bool:
        return is_terminal(self._stream)


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
