"""The CLI reference's examples (``docs/reference/cli.md``): the ``$ vkdocs …`` commands and what they print.

The unit tier runs every example but ``vkdocs handout`` (tests/unit/test_cli.py); that one builds a PDF
with TeX, so the site tier runs it (tests/site/test_handout_pdf.py).
"""

from __future__ import annotations

import re
from pathlib import Path

CLI_REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "reference" / "cli.md"


def console_sessions(markdown: str | None = None) -> list[tuple[list[str], list[str]]]:
    """The ``$ …`` commands of the page's ```console blocks (``markdown``, or the CLI reference), each with the
    lines shown after it.

    >>> console_sessions("```console\\n$ vkdocs --version\\nvkdocs 1.0\\n$ echo $?\\n0\\n```\\n")
    [(['vkdocs', '--version'], ['vkdocs 1.0']), (['echo', '$?'], ['0'])]
    """
    if markdown is None:
        markdown = CLI_REFERENCE.read_text(encoding="utf-8")
    sessions = []
    for block in re.findall(r"```console\n(.*?)```", markdown, flags=re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, *output = chunk.rstrip("\n").split("\n")
            sessions.append((command.split(), output))
    return sessions


def builds_a_pdf(command: list[str]) -> bool:
    """Whether the example runs ``vkdocs handout`` (TeX: the site tier's).

    >>> builds_a_pdf(["vkdocs", "handout", "restore"]), builds_a_pdf(["vkdocs", "situations"])
    (True, False)
    """
    return command[:2] == ["vkdocs", "handout"]
