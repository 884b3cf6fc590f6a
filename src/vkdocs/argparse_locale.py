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
* Nothing compiled is committed: :func:`translations` reads the ``.po`` with
  Babel (already a dependency), compiles it to ``.mo`` in memory and hands it
  to ``gettext.GNUTranslations``, once per process and only when the
  command speaks Russian. English needs no catalog: argparse's texts are
  English.
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
import gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib.resources import files
from typing import Protocol

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


class Translations(Protocol):
    """What argparse needs of a catalog: ``gettext`` and ``ngettext``, as ``gettext.NullTranslations`` has them."""

    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


#: The catalog's domain: ``locale/<lang>/LC_MESSAGES/argparse.po`` in the package.
DOMAIN = "argparse"


def catalog_path(lang: str) -> str:
    """Where ``lang``'s catalog lives inside the package (``locale/<lang>/LC_MESSAGES/argparse.po``)."""
    return f"locale/{lang}/LC_MESSAGES/{DOMAIN}.po"


@cache
def translations(lang: str) -> Translations:
    """argparse's texts in ``lang``: its catalog compiled in memory, or no translation for English.

    A language without a catalog gets ``gettext.NullTranslations``
    (argparse's English); it raises nothing.

    >>> from vkdocs.argparse_locale import translations
    >>> translations("ru").gettext("options")
    'параметры'
    >>> translations("en").gettext("options")
    'options'
    """
    source = files("vkdocs").joinpath(catalog_path(lang))
    if not source.is_file():
        return gettext.NullTranslations()
    with source.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN, abort_invalid=True)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


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
