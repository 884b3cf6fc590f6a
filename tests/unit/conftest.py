"""The unit tier: its Sphinx projects (``roots/``) and the Hypothesis profile of ``make check``.

Sphinx's own test fixtures (``sphinx.testing``) find the projects in ``roots/``.

``sphinx.testing.fixtures`` is a plugin of every run (``-p`` in pyproject.toml, so its marks are known when
the test modules are read). A test marked ``@pytest.mark.sphinx(builder, testroot=NAME, srcdir=...)`` gets
in ``app`` a ``SphinxTestApp`` on a copy of ``roots/test-NAME`` in the session's temporary folder, built in
this process (no ``sphinx-build`` subprocess).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

#: The projects' sources are copied before each build, never collected as tests.
collect_ignore = ["roots"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``testroot="NAME"`` is found: ``roots/test-NAME``."""
    return Path(__file__).parent / "roots"


#: ``make check`` (``--hypothesis-profile=check``): the profile of every run (tests/conftest.py: the same examples
#: every time) with a quarter of its examples, so the loop after an edit stays quick. Every property and every
#: entry point of the fuzz tests still runs; ``make test`` and CI run the full count.
settings.register_profile("check", parent=settings.get_profile("vkdocs"), max_examples=25)
