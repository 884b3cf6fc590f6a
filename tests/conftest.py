"""Shared fixtures: the docs built once per test session, in both languages."""

from __future__ import annotations

import pytest
from docbuild import LANGUAGES, Build, sphinx_build


@pytest.fixture(scope="session")
def html_builds(tmp_path_factory) -> dict[str, Build]:
    """Both languages built as HTML into a temporary folder, side by side like docs/_build/html."""
    root = tmp_path_factory.mktemp("html")
    return {language: sphinx_build("html", language, root / language) for language in LANGUAGES}


# Property tests: no example database on disk, the same examples every run.
from hypothesis import settings  # noqa: E402

settings.register_profile("vkdocs", database=None, derandomize=True, deadline=None)
settings.load_profile("vkdocs")
