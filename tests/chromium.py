"""Debian's Chromium as the browser tests and the benchmark start it.

``$VKDOCS_CHROMIUM`` names another binary. The flags keep a headless
Chromium quiet on a machine with no network: no background requests, no
updates, no sync, no first-run dialogs.
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("VKDOCS_CHROMIUM", "/usr/bin/chromium"))

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
