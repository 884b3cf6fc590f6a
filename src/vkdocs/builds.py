"""How every vkdocs build runs Sphinx: one definition for the Makefile, the tests, ``make bench`` and ``vkdocs handout``.

Strict: a warning fails the build (``-W``), after every problem of the run is
listed (``--keep-going``), and a reference that resolves nowhere is a warning
(``-n``, nitpicky); quiet (``-q``): only warnings and errors are printed.

>>> sphinx_command("-b", "html", "docs", "out")[1:]
['-m', 'sphinx', '-W', '--keep-going', '-n', '-q', '-b', 'html', 'docs', 'out']
>>> sphinx_make_command("latexpdf", "docs", "out", "-D", "language=en")[1:]
['-m', 'sphinx', '-M', 'latexpdf', 'docs', 'out', '-W', '--keep-going', '-n', '-q', '-D', 'language=en']

``python -m vkdocs.builds`` prints the options, for the Makefile.
"""

from __future__ import annotations

import sys

#: Sphinx's options in every vkdocs build.
STRICT = ("-W", "--keep-going", "-n", "-q")


def sphinx_command(*arguments: str) -> list[str]:
    """``python -m sphinx`` with :data:`STRICT`, then ``arguments``, run by this Python."""
    return [sys.executable, "-m", "sphinx", *STRICT, *arguments]


def sphinx_make_command(target: str, source: str, out: str, *arguments: str) -> list[str]:
    """Sphinx's make mode (``-M``, which must come first) for ``target``, with :data:`STRICT` after it."""
    return [sys.executable, "-m", "sphinx", "-M", target, source, out, *STRICT, *arguments]


if __name__ == "__main__":
    print(" ".join(STRICT))
