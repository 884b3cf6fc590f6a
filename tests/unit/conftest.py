"""The unit tier's Sphinx projects: Sphinx's own test fixtures (``sphinx.testing``) find them in ``roots/``.

``sphinx.testing.fixtures`` is a plugin of every run (``-p`` in pyproject.toml, so its marks are known when
the test modules are read). A test marked ``@pytest.mark.sphinx(builder, testroot=NAME, srcdir=...)`` gets
in ``app`` a ``SphinxTestApp`` on a copy of ``roots/test-NAME`` in the session's temporary folder, built in
this process (no ``sphinx-build`` subprocess).
"""

from __future__ import annotations

from pathlib import Path

import pytest

#: The projects' sources are copied before each build, never collected as tests.
collect_ignore = ["roots"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``testroot="NAME"`` is found: ``roots/test-NAME``."""
    return Path(__file__).parent / "roots"
