"""Run the ```{doctest}``` blocks of the Markdown pages under pytest (Sybil; see tests/docbuild.py)."""

from docbuild import markdown_doctests

pytest_collect_file = markdown_doctests().pytest()
