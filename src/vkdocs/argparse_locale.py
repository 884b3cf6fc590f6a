"""argparse's own texts ("usage:", "options", its error messages) in the reader's language.

argparse translates its texts the standard way, through ``gettext``: it
imports ``gettext`` and ``ngettext`` into its module (as ``argparse._`` and
``argparse.ngettext``) and passes every text through them, when it builds a
parser, formats help and words an error. Python ships no Russian catalog for
them, so vkdocs brings one: ``locale/ru/LC_MESSAGES/argparse.po``, inside the
package. The design, step by step:

* The catalog is a plain ``.po`` file, so a translator edits it like any other
  (its msgids are argparse's own strings, from Python 3.10 to 3.13; a test
  checks that the running Python's argparse has no text missing from it).
* It is found and loaded like the ``vkdocs`` catalogs (:func:`vkdocs.i18n.translations`):
  compiled to ``.mo`` in a wheel, compiled in memory from the ``.po`` in a
  source tree, once per process and only when the command speaks that
  language. English needs no catalog: argparse's texts are English. Another
  language adds its own ``argparse.po`` beside its ``vkdocs.po``; without one,
  argparse's words stay English.
* ``speaking(lang)``, a context manager, points ``argparse._`` and ``argparse.ngettext`` at those
  translations for the duration of a ``with`` block, then puts argparse's own
  functions back. Nothing global is left changed, and ``gettext``'s global
  domain and the process's locale settings are never touched, so a program
  that imports vkdocs keeps its own argparse texts.

>>> import argparse
>>> from vkdocs.argparse_locale import speaking
>>> with speaking("ru"):
...     print(argparse.ArgumentParser(prog="vkdocs").format_usage(), end="")
использование: vkdocs [-h]
>>> print(argparse.ArgumentParser(prog="vkdocs").format_usage(), end="")
usage: vkdocs [-h]
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from vkdocs import i18n


class Translations(Protocol):
    """What argparse needs of a catalog: ``gettext`` and ``ngettext``, as ``gettext.NullTranslations`` has them."""

    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


#: The catalog's domain: ``locale/<lang>/LC_MESSAGES/argparse.po`` in the package.
DOMAIN = "argparse"


def translations(lang: str) -> Translations:
    """argparse's texts in ``lang``: its catalog, or no translation (argparse's English) when it has none.

    >>> from vkdocs.argparse_locale import translations
    >>> translations("ru").gettext("options")
    'параметры'
    >>> translations("en").gettext("options")
    'options'
    """
    return i18n.translations(lang, DOMAIN)


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Inside the block, argparse words its texts in ``lang``; afterwards, as before.

    Build, parse and print help inside the block: argparse looks its texts
    up at each of these steps.
    """
    chosen = translations(lang)
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = chosen.gettext, chosen.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
