"""Where the published site is: the base address the package carries, and a page's full address from it.

The site is published on Read the Docs, one project per language, at
``<SITE_URL><language>/latest/``. The command line ends ``vkdocs triage``
with the full address of the page to read, and the open dataset gives the
same base for its page paths (``vkdocs.dataset``). A copy of the
package built for a site hosted elsewhere changes :data:`SITE_URL` (or sets
it to ``None``: then only the path inside the site is given).

>>> from vkdocs.site import language_root, page_url
>>> page_url("howto/restore.html#restore-steps", "en")
'https://vkdocs.readthedocs.io/en/latest/howto/restore.html#restore-steps'
>>> page_url("howto/restore.html", "ru", base=None) is None
True
"""

from __future__ import annotations

#: The published site's address, ending in ``/``; ``None`` where the package does not know it.
SITE_URL: str | None = "https://vkdocs.readthedocs.io/"

#: The version of the site the package points to (Read the Docs' name for the newest build).
SITE_VERSION = "latest"


def language_root(lang: str, base: str | None = SITE_URL) -> str | None:
    """The address of ``lang``'s site, ending in ``/``; ``None`` when ``base`` is unknown.

    >>> from vkdocs.site import language_root
    >>> language_root("ru")
    'https://vkdocs.readthedocs.io/ru/latest/'
    """
    if not base:
        return None
    return f"{base.rstrip('/')}/{lang}/{SITE_VERSION}/"


def page_url(path: str, lang: str, base: str | None = SITE_URL) -> str | None:
    """The full address of ``path`` (a page's path inside ``lang``'s site); ``None`` when ``base`` is unknown."""
    root = language_root(lang, base)
    return None if root is None else root + path


__all__ = ["SITE_URL", "SITE_VERSION", "language_root", "page_url"]
