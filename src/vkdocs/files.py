"""Writing a file so that it is replaced whole or not at all: a temporary file beside it, then a rename.

A reader's existing file is never left half-written, and a failed write
leaves nothing behind. :mod:`vkdocs.handout` and :mod:`vkdocs.dataset` write
their outputs this way.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_text(folder / "a.json", "{}\\n")
>>> sorted(path.name for path in folder.iterdir())
['a.json']
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def temporary_beside(path: Path) -> Path:
    """A new, empty, hidden file in ``path``'s folder, to be renamed over ``path`` (:func:`commit`).

    Raises :class:`OSError` when the folder cannot take a new file (it does
    not exist, it is read-only, it is not a folder), and :class:`ValueError`
    for a name with a NUL character: what this cannot do, writing ``path``
    could not do either.
    """
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    return Path(name)


def commit(temporary: Path, path: Path) -> None:
    """Give ``temporary`` a new file's usual permissions (as the umask allows) and rename it over ``path``.

    Raises :class:`OSError` when the rename fails; ``temporary`` is then still there.
    """
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(temporary, 0o666 & ~mask)
    os.replace(temporary, path)


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically. Raises :class:`OSError`, leaving no temporary file."""
    temporary = temporary_beside(path)
    try:
        temporary.write_text(text, encoding="utf-8")
        commit(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


__all__ = ["commit", "temporary_beside", "write_text"]
