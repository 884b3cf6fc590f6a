"""Print a setting of src/vkdocs/latex.py for the Makefile, read without importing vkdocs.

The Makefile asks for ``TEX_PACKAGES`` before ``.venv`` exists (``make
check-tex``, and CI's ``make tex-packages`` before ``make venv``), so the
constant is read from the source with :mod:`ast`: one definition, no
dependency. ``python3 tools/latex_facts.py LATEXMKOPTS`` prints
``-halt-on-error -interaction=nonstopmode -file-line-error``; a tuple prints
space-separated.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

LATEX = Path(__file__).resolve().parent.parent / "src" / "vkdocs" / "latex.py"


def fact(name: str, source: Path = LATEX) -> str:
    """The value of the module-level constant ``name`` of ``source``, as the shell wants it."""
    for node in ast.parse(source.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(target, "id", None) == name for target in node.targets):
            value = ast.literal_eval(node.value)
            return value if isinstance(value, str) else " ".join(value)
    raise SystemExit(f"{source} defines no constant {name}")


if __name__ == "__main__":
    print(fact(sys.argv[1]))
