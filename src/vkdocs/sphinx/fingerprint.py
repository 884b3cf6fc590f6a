"""Pages read again when the package that renders them changes.

Sphinx reads a page again when the page or ``conf.py`` changes, not when the
code or data that render it do: after an edit to a directive, a message or a
checklist's data, an incremental build would keep the pages the old code
rendered. This feature registers the package's fingerprint
(:func:`package_fingerprint`) as a setting that decides how pages are read
(``rebuild="env"``): when it differs from the last build's, Sphinx reads
every page again, as it does when ``conf.py`` changes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: The folder of the vkdocs package: its code, data, catalogs, scripts and styles.
PACKAGE = Path(__file__).resolve().parent.parent

#: The setting that holds the fingerprint; no ``conf.py`` sets it.
SETTING = "vkdocs_package_fingerprint"


def package_fingerprint(package: Path = PACKAGE) -> str:
    """A digest of every file of ``package``, names and contents (compiled ``__pycache__`` left out).

    It changes when anything that renders the pages changes, and only then:

    >>> fingerprint = package_fingerprint()
    >>> len(fingerprint), fingerprint == package_fingerprint()
    (16, True)
    """
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value(SETTING, package_fingerprint(), "env", types=frozenset({str}))
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
