"""Run the command line: ``python -m vkdocs``."""

from vkdocs.cli import main

raise SystemExit(main())
