"""What the logs of a PDF build say went wrong: glyphs the fonts lack, references left unresolved,
steps latexmk could not run. The PDF tests (``make pdf``'s, Read the Docs' replay) read them.

>>> missing_characters("Missing character: There is no ２ (U+FF12) in font DejaVu Sans Mono/OT:script=la\\ntn;!")
['２ (U+FF12) in DejaVu Sans Mono']
>>> undefined_references("LaTeX Warning: Hyper reference `howto/delete:del\\nete' on page iii undefined on i")
['howto/delete:delete']
>>> failed_steps("Collected error summary (may duplicate other messages):\\n  makeindex a.idx: gave return code 256\\n")
['makeindex a.idx: gave return code 256']
"""

from __future__ import annotations

import re
from pathlib import Path

# TeX wraps its log at 79 characters, anywhere in a word: the patterns allow a line break inside a name.
_MISSING = re.compile(r"Missing character: There is no (\S+ \(U\+[0-9A-F]+\)) in font ([^/!:]+)")
_REFERENCE = re.compile(r"LaTeX Warning: (?:Hyper r|R)eference `([^']*)'")
_SUMMARY = "Collected error summary (may duplicate other messages):"


def read_log(path: Path) -> str:
    """A TeX log's text (TeX writes its logs in the input's bytes: read leniently)."""
    return path.read_text(encoding="utf-8", errors="replace")


def missing_characters(log: str) -> list[str]:
    """Each glyph a font did not have, as "<char> (U+XXXX) in <font>", in the order TeX met them."""
    return [f"{char} in {font.replace(chr(10), '')}" for char, font in _MISSING.findall(log)]


def undefined_references(log: str) -> list[str]:
    """The labels of references LaTeX printed as "??" (one entry per warning), and "There were undefined references"."""
    found = [label.replace("\n", "") for label in _REFERENCE.findall(log)]
    if "There were undefined references" in log and not found:
        found.append("(There were undefined references)")
    return found


def failed_steps(latexmk_output: str) -> list[str]:
    """What latexmk says failed: each step of its "Collected error summary", and its closing "Errors …" line."""
    steps = [
        line.strip() for line in latexmk_output.splitlines() if line.startswith(("Latexmk: Errors", "Latexmk: Failure"))
    ]
    if _SUMMARY in latexmk_output:
        for line in latexmk_output.split(_SUMMARY, 1)[1].splitlines()[1:]:
            if line.startswith("      "):  # the details of the step above
                continue
            if not line.startswith("  ") or not line.strip():
                break
            steps.append(line.strip())
    return steps


def latex_log(tex: Path) -> Path:
    """The log XeLaTeX wrote beside ``tex`` (or for the PDF ``tex`` names)."""
    return tex.with_suffix(".log")
