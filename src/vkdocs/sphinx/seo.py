"""Found by search, shared in messengers: what search engines and link previews read from each page.

* **Descriptions.** Every page says what it helps with in its front matter,
  which MyST turns into a ``<meta name="description">`` node::

      ---
      myst:
        html_meta:
          description: "Как бесплатно восстановить удалённую страницу ВКонтакте: …"
      ---

  Sphinx extracts that node's text into the page's catalog and translates it
  like any sentence, so the untranslated-message gate covers it. A page
  without one is a warning (``-W`` fails the build).

* **With a canonical address** (``html_baseurl``: Read the Docs sets it from
  ``READTHEDOCS_CANONICAL_URL``, see ``docs/conf.py``), and only then, since
  every one of these needs absolute addresses:

  - ``<link rel="alternate" hreflang>`` to the page in every language, itself
    included, and ``x-default`` (the source language, Russian);
  - a sitemap per language with the same alternates (sphinx-sitemap) and a
    ``robots.txt`` naming every language's sitemap;
  - link previews (sphinxext-opengraph): Open Graph and Twitter-card tags with
    the page's title and description, the site's name, the language and our
    own card image (``static/vkdocs-card.png``, in the build's output: no
    request to anyone else);
  - a ``BreadcrumbList`` (start page, then the page) in JSON-LD.

* **How-to data.** A page with checklists carries a schema.org ``HowTo`` in
  JSON-LD for each: built from the same data as the checklist it shows
  (:func:`vkdocs.checklist.build_checklist`), steps in order, in the page's
  language. No FAQ or rating markup: the pages have neither.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from babel.core import get_global
from docutils import nodes
from sphinx.util import logging

from vkdocs.checklist import Checklist, build_checklist
from vkdocs.i18n import SOURCE_LANGUAGE, languages
from vkdocs.sphinx._nodes import STATIC, docname, json_for_script
from vkdocs.sphinx.languages import lang_switch_root

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

#: The link preview's image, in ``static/`` (drawn once from the site's icon; 1200 × 630, as previews show it).
CARD_IMAGE = "vkdocs-card.png"
CARD_SIZE = (1200, 630)
#: Pages that are no answer to a search: the search page (noindex already) and the developers' index.
NOT_IN_SITEMAP = ("search.html", "genindex.html")
DESCRIPTION = "description"


def hreflang(language: str) -> str:
    """``language`` as ``hreflang`` and ``inLanguage`` write it (BCP 47: a hyphen, not an underscore).

    >>> hreflang("ru"), hreflang("en_XA")
    ('ru', 'en-XA')
    """
    return language.replace("_", "-")


def og_locale(language: str) -> str:
    """``language`` as Open Graph's ``og:locale`` writes it (language_TERRITORY), the territory from CLDR.

    >>> og_locale("ru"), og_locale("en"), og_locale("en_XA")
    ('ru_RU', 'en_US', 'en_XA')
    """
    if "_" in language:
        return language
    likely = get_global("likely_subtags").get(language, language)
    return f"{language}_{likely.split('_')[-1]}"


def language_roots(baseurl: str, language: str) -> dict[str, str]:
    """The absolute address of every language's site, given this build's (``baseurl``, in ``language``).

    Each is found as the language switcher finds it (the same relative path), so
    the alternates name the pages the switcher links to.

    >>> language_roots("https://vkdocs.example/en/", "en")
    {'ru': 'https://vkdocs.example/ru/', 'en': 'https://vkdocs.example/en/'}
    """
    base = baseurl if baseurl.endswith("/") else baseurl + "/"
    return {other: base if other == language else urljoin(base, lang_switch_root(other)) for other in languages()}


def alternates(baseurl: str, language: str, pagename: str) -> list[tuple[str, str]]:
    """``(hreflang, address)`` of the page in every language, itself included, then ``x-default`` (Russian).

    >>> for lang, url in alternates("https://vkdocs.example/ru/", "ru", "howto/restore"):
    ...     print(lang, url)
    ru https://vkdocs.example/ru/howto/restore.html
    en https://vkdocs.example/en/howto/restore.html
    x-default https://vkdocs.example/ru/howto/restore.html
    """
    roots = language_roots(baseurl, language)
    found = [(hreflang(other), f"{root}{pagename}.html") for other, root in roots.items()]
    return [*found, ("x-default", f"{roots[SOURCE_LANGUAGE]}{pagename}.html")]


def sitemap_settings(baseurl: str, language: str) -> tuple[str, str]:
    """sphinx-sitemap's ``site_url`` and ``sitemap_url_scheme`` for a build at ``baseurl``.

    sphinx-sitemap writes each address as ``site_url`` + the scheme with
    ``{lang}`` filled in, for the page and for each alternate, so the base
    address is cut where its language is named.

    >>> sitemap_settings("https://vkdocs.readthedocs.io/ru/latest/", "ru")
    ('https://vkdocs.readthedocs.io/', '{lang}latest/{link}')
    >>> sitemap_settings("https://docs.example/", "ru")
    Traceback (most recent call last):
    ValueError: html_baseurl 'https://docs.example/' does not name the language: expected …/ru/… (each language's site beside the others')
    """
    base = baseurl if baseurl.endswith("/") else baseurl + "/"
    site, found, rest = base.partition(f"/{language}/")
    if not found:
        raise ValueError(
            f"html_baseurl {baseurl!r} does not name the language: expected …/{language}/… "
            "(each language's site beside the others')"
        )
    return site + "/", "{lang}" + rest + "{link}"


def robots_txt(baseurl: str, language: str) -> str:
    """``robots.txt``: every page may be read; each language's sitemap.

    >>> print(robots_txt("https://vkdocs.example/ru/", "ru"), end="")
    User-agent: *
    Disallow:
    <BLANKLINE>
    Sitemap: https://vkdocs.example/ru/sitemap.xml
    Sitemap: https://vkdocs.example/en/sitemap.xml
    """
    sitemaps = [f"Sitemap: {root}sitemap.xml" for root in language_roots(baseurl, language).values()]
    return "\n".join(["User-agent: *", "Disallow:", "", *sitemaps]) + "\n"


def how_to(checklist: Checklist) -> dict[str, Any]:
    """The checklist as a schema.org ``HowTo``: its title, then its steps in order, as the page shows them: the
    steps under a heading (a platform) as a ``HowToSection`` of that name, the others as steps of their own.

    >>> data = how_to(build_checklist("remove-app", lang="en"))
    >>> data["@type"], data["name"], data["inLanguage"]
    ('HowTo', 'Remove only the VK app', 'en')
    >>> data["step"][0]
    {'@type': 'HowToStep', 'position': 1, 'text': 'Keep in mind: your page stays, and you can still log in through a browser.'}
    >>> [(item["@type"], item.get("name")) for item in how_to(build_checklist("delete", lang="en"))["step"]][:2]
    [('HowToStep', None), ('HowToSection', 'On a computer (vk.com)')]
    """

    def step(text: str) -> dict[str, Any]:
        return {"@type": "HowToStep", "text": text}

    items: list[dict[str, Any]] = []
    for section in checklist.sections:
        if section.heading:
            inner = [
                {"@type": "HowToStep", "position": n, "text": s.text} for n, s in enumerate(section.steps, start=1)
            ]
            items.append({"@type": "HowToSection", "name": section.heading, "itemListElement": inner})
        else:
            items += [step(s.text) for s in section.steps]
    numbered = [{"@type": item["@type"], "position": number, **item} for number, item in enumerate(items, start=1)]
    return {"@type": "HowTo", "name": checklist.title, "inLanguage": hreflang(checklist.lang), "step": numbered}


def breadcrumbs(trail: list[tuple[str, str]]) -> dict[str, Any]:
    """A schema.org ``BreadcrumbList`` of ``(name, address)`` pairs, from the start page down.

    >>> breadcrumbs([("Start", "https://x/ru/index.html")])["itemListElement"]
    [{'@type': 'ListItem', 'position': 1, 'name': 'Start', 'item': 'https://x/ru/index.html'}]
    """
    items = [
        {"@type": "ListItem", "position": number, "name": name, "item": url}
        for number, (name, url) in enumerate(trail, start=1)
    ]
    return {"@type": "BreadcrumbList", "itemListElement": items}


def page_description(doctree: nodes.Node) -> str | None:
    """The text of the page's ``<meta name="description">`` (translated, in a translated build), if it has one."""
    for meta in doctree.findall(nodes.meta):
        if meta.get("name") == DESCRIPTION:
            return str(meta["content"])
    return None


def require_description(app: Sphinx, doctree: nodes.document) -> None:
    """Warn about a page without a description in its front matter."""
    if page_description(doctree) is None:
        logger.warning(
            "page has no description: add 'myst: html_meta: description: …' (≤ 160 characters, what the page "
            "helps with) to its front matter",
            location=docname(app.env),
            type="vkdocs",
            subtype="description",
        )


def drop_translated_flag(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Sphinx marks a translated ``meta`` node ``translated``, and its HTML writer would print that as an attribute
    of the ``<meta>`` element, which HTML does not have: it is dropped before the page is written (the gate for
    untranslated messages has read it by then)."""
    for meta in doctree.findall(nodes.meta):
        meta.attributes.pop("translated", None)


def configure(app: Sphinx, config: Config) -> None:
    """Point sphinx-sitemap and sphinxext-opengraph at the build's canonical address, or leave them idle."""
    language = config.language
    baseurl = config.html_baseurl
    # Our description is on every page already (require_description), in the page's language.
    config.ogp_enable_meta_description = False
    config.ogp_social_cards = {"enable": False}  # its generator needs matplotlib; our card is a static image
    config.ogp_site_name = config.project
    config.sitemap_excludes = list(NOT_IN_SITEMAP)
    config.sitemap_locales = list(languages())
    if not baseurl:
        # sphinx-sitemap warns that it has no address; a local build has none, by design (and writes no sitemap).
        config.suppress_warnings = [*config.suppress_warnings, "sitemap.configuration"]
        return
    try:
        config.site_url, config.sitemap_url_scheme = sitemap_settings(baseurl, language)
    except ValueError as error:
        logger.warning("%s", error, type="vkdocs", subtype="baseurl")
        config.sitemap_locales = [None]  # sphinx-sitemap's "this language only"
    if str(STATIC) not in config.html_static_path:
        config.html_static_path.append(str(STATIC))
    root = language_roots(baseurl, language)[language]
    config.ogp_site_url = root
    config.ogp_image = f"_static/{CARD_IMAGE}"
    others = [og_locale(other) for other in languages() if other != language]
    config.ogp_custom_meta_tags = [
        f'<meta property="og:locale" content="{og_locale(language)}" />',
        *(f'<meta property="og:locale:alternate" content="{other}" />' for other in others),
        f'<meta property="og:image:width" content="{CARD_SIZE[0]}" />',
        f'<meta property="og:image:height" content="{CARD_SIZE[1]}" />',
        '<meta name="twitter:card" content="summary_large_image" />',
    ]


def add_page_tags(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Alternates, the preview's description and the JSON-LD, in the page's ``<head>`` (``metatags``)."""
    if app.builder.format != "html":
        return
    language, baseurl = app.config.language, app.config.html_baseurl
    fields = dict(context.get("meta") or {})
    tags: list[str] = []
    if baseurl:
        tags += [
            f'<link rel="alternate" hreflang="{lang}" href="{url}" />'
            for lang, url in alternates(baseurl, language, pagename)
        ]
        description = page_description(doctree) if doctree is not None else None
        if description:
            fields["og:description"] = description  # sphinxext-opengraph would cut one from the page's text
    else:
        fields["ogp_disable"] = True  # a preview with no absolute address would be invalid
    context["meta"] = fields
    graph = structured_data(app, pagename, doctree) if doctree is not None else []
    if graph:
        tags.append(
            f'<script type="application/ld+json">{json_for_script({"@context": "https://schema.org", "@graph": graph})}</script>'
        )
    if tags:
        context["metatags"] = context.get("metatags", "") + "\n".join(tags) + "\n"


def structured_data(app: Sphinx, pagename: str, doctree: nodes.Node) -> list[dict[str, Any]]:
    """The page's schema.org objects: a ``HowTo`` per checklist it shows, and its breadcrumbs (with an address)."""
    language, baseurl = app.config.language, app.config.html_baseurl
    graph = [
        how_to(build_checklist(found["situation"], lang=language, platform=found.get("platform")))
        for found in doctree.findall(nodes.container)
        if found.get("situation")
    ]
    root_doc = app.config.root_doc
    if baseurl and pagename != root_doc:
        root = language_roots(baseurl, language)[language]
        titles = app.env.titles
        graph.append(
            breadcrumbs(
                [
                    (titles[root_doc].astext(), f"{root}{root_doc}.html"),
                    (titles[pagename].astext(), f"{root}{pagename}.html"),
                ]
            )
        )
    return graph


def write_robots_txt(app: Sphinx, exception: Exception | None) -> None:
    baseurl = app.config.html_baseurl
    if exception is None and app.builder.format == "html" and baseurl:
        Path(app.outdir, "robots.txt").write_text(robots_txt(baseurl, app.config.language), encoding="utf-8")


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("sphinx_sitemap")
    # sphinxext-opengraph prints that matplotlib is missing when it is imported: its social cards need it, and we
    # use a card of our own, so that line would only be noise in a quiet (-q) build.
    with contextlib.redirect_stdout(io.StringIO()):
        app.setup_extension("sphinxext.opengraph")
    app.connect("config-inited", configure)
    app.connect("doctree-read", require_description)
    app.connect("doctree-resolved", drop_translated_flag)
    # Before sphinxext-opengraph (500) reads the page's fields.
    app.connect("html-page-context", add_page_tags, priority=400)
    app.connect("build-finished", write_robots_txt)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
