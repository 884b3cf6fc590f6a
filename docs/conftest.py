"""Run the ```{doctest}``` blocks of the Markdown pages under pytest (Sybil)."""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.myst import DocTestDirectiveParser, PythonCodeBlockParser


def _setup(namespace: dict) -> None:
    import datetime

    namespace["datetime"] = datetime


pytest_collect_file = Sybil(
    parsers=[DocTestDirectiveParser(optionflags=ELLIPSIS | NORMALIZE_WHITESPACE), PythonCodeBlockParser()],
    patterns=["*.md"],
    excludes=["_build/*"],
    setup=_setup,
).pytest()
