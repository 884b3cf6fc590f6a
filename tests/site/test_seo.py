"""Found by search, shared in messengers: descriptions, language alternates, sitemaps, link previews, how-to data.

The session's sites are built as Read the Docs builds them, with a canonical
address (``READTHEDOCS_CANONICAL_URL``, see ``docbuild.CANONICAL``); the
pseudo-language's site has none, and so shows what a local build leaves out.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from docbuild import CANONICAL, LANGUAGES, page_names, sphinx_build

from vkdocs.checklist import build_checklist
from vkdocs.i18n import SOURCE_LANGUAGE
from vkdocs.sphinx import seo
from vkdocs.typography import untie

#: Every page with text of its own (Sphinx's search page and index are made by Sphinx, and are not for search).
DOCUMENTS = [name for name in page_names() if name not in {"genindex", "search"}]
HOW_TO_PAGES = [name for name in DOCUMENTS if name.startswith("howto/")]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LOCALES = {"ru": "ru_RU", "en": "en_US"}


def address(language: str, page: str) -> str:
    return f"{CANONICAL}{language}/{page}.html"


@pytest.fixture(scope="session")
def sites(html_builds) -> dict[str, Path]:
    for language, build in html_builds.items():
        assert build.returncode == 0, f"{language} build failed:\n{build.output}"
    return {language: build.outdir for language, build in html_builds.items()}


@pytest.fixture(scope="session")
def pages(sites) -> dict[tuple[str, str], BeautifulSoup]:
    """Every document of every language, parsed."""
    return {
        (language, name): BeautifulSoup((site / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
        for language, site in sites.items()
        for name in DOCUMENTS
    }


def description(page: BeautifulSoup) -> str:
    found = page.select('meta[name="description"]')
    assert len(found) == 1, found
    return found[0]["content"]


def structured(page: BeautifulSoup) -> list[dict]:
    """The schema.org objects of the page's JSON-LD."""
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) <= 1
    if not scripts:
        return []
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return data["@graph"]


# Descriptions ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_one_description_of_at_most_160_characters(language, pages):
    for name in DOCUMENTS:
        text = description(pages[language, name])
        assert 40 <= len(text) <= 160, (language, name, len(text), text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_two_pages_share_a_description(language, pages):
    texts = [description(pages[language, name]) for name in DOCUMENTS]
    assert len(set(texts)) == len(texts)


def test_the_english_descriptions_are_the_translations_not_the_russian(pages):
    for name in DOCUMENTS:
        assert description(pages["en", name]) != description(pages["ru", name]), name


SMALL_CONF = """\
extensions = ["myst_parser", "vkdocs.sphinx.untranslated", "vkdocs.sphinx.seo"]
root_doc = "index"
locale_dirs = ["locale"]
gettext_compact = False
"""
DESCRIBED = '---\nmyst:\n  html_meta:\n    description: "Что делает эта страница."\n---\n\n# Начало\n'


def small_project(folder: Path, pages: dict[str, str]) -> Path:
    """A Sphinx project of a few Markdown pages with this extension and the untranslated-message gate."""
    source = folder / "docs"
    source.mkdir()
    (source / "conf.py").write_text(SMALL_CONF, encoding="utf-8")
    for name, text in pages.items():
        (source / f"{name}.md").write_text(text, encoding="utf-8")
    return source


def test_a_page_without_a_description_fails_the_build(tmp_path):
    source = small_project(tmp_path, {"index": DESCRIBED + "\n```{toctree}\nbare\n```\n", "bare": "# Без описания\n"})
    build = sphinx_build("html", "ru", tmp_path / "out", source=source)
    assert build.returncode != 0
    assert "bare.md: WARNING: page has no description" in build.output
    assert "index.md" not in build.output


def test_an_untranslated_description_fails_the_translated_build(tmp_path):
    source = small_project(tmp_path, {"index": DESCRIBED})
    catalog = source / "locale" / "en" / "LC_MESSAGES" / "index.po"
    catalog.parent.mkdir(parents=True)
    entries = [("Начало", "Start"), ("Что делает эта страница.", "")]
    catalog.write_text("".join(f'msgid "{ru}"\nmsgstr "{en}"\n\n' for ru, en in entries), encoding="utf-8")
    build = sphinx_build("html", "en", tmp_path / "out", source=source)
    assert build.returncode != 0
    assert "index.po: missing entry" in build.output and "Что делает эта страница." in build.output


# Language alternates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_names_itself_and_every_other_language_and_x_default_by_absolute_address(language, pages):
    for name in DOCUMENTS:
        page = pages[language, name]
        found = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
        expected = {other: address(other, name) for other in LANGUAGES}
        assert found == {**expected, "x-default": address(SOURCE_LANGUAGE, name)}, (language, name)
        assert page.select_one('link[rel="canonical"]')["href"] == address(language, name)
        assert page.html["lang"] == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_read_the_docs_the_alternates_sitemap_and_robots_txt_follow_its_layout(language, monkeypatch):
    monkeypatch.setenv("READTHEDOCS", "True")
    monkeypatch.setenv("READTHEDOCS_VERSION", "latest")
    host = "https://vkdocs.readthedocs.io/"
    page = "howto/restore.html"
    found = dict(seo.alternates(f"{host}{language}/latest/", language, "howto/restore"))
    assert found == {
        **{other: f"{host}{other}/latest/{page}" for other in LANGUAGES},
        "x-default": f"{host}{SOURCE_LANGUAGE}/latest/{page}",
    }
    site, scheme = seo.sitemap_settings(f"{host}{language}/latest/", language)
    for other in LANGUAGES:  # how sphinx-sitemap writes each address
        assert site + scheme.format(lang=f"{other}/", version="", link=page) == found[other]
    assert seo.robots_txt(f"{host}{language}/latest/", language).splitlines()[3:] == [
        f"Sitemap: {host}{other}/latest/sitemap.xml" for other in LANGUAGES
    ]


# Sitemaps and robots.txt -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_languages_sitemap_lists_every_page_with_its_alternates(language, sites):
    root = ElementTree.parse(sites[language] / "sitemap.xml").getroot()
    entries = {url.findtext(f"{SITEMAP}loc"): url for url in root.findall(f"{SITEMAP}url")}
    assert set(entries) == {address(language, name) for name in DOCUMENTS}
    for name in DOCUMENTS:
        links = entries[address(language, name)].findall(f"{XHTML}link")
        assert {(link.get("rel"), link.get("hreflang"), link.get("href")) for link in links} == {
            ("alternate", other, address(other, name)) for other in LANGUAGES
        }


@pytest.mark.parametrize("language", LANGUAGES)
def test_robots_txt_lets_every_page_be_read_and_names_every_sitemap(language, sites):
    lines = (sites[language] / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["User-agent: *", "Disallow:"]
    assert [line for line in lines if line.startswith("Sitemap:")] == [
        f"Sitemap: {CANONICAL}{other}/sitemap.xml" for other in LANGUAGES
    ]


# Link previews ---------------------------------------------------------------------------------------------


def meta_property(page: BeautifulSoup, name: str) -> str:
    found = page.select(f'meta[property="{name}"], meta[name="{name}"]')
    assert len(found) == 1, (name, found)
    return found[0]["content"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_a_link_preview_with_its_title_description_site_and_language(language, pages):
    for name in DOCUMENTS:
        page = pages[language, name]
        heading = untie(page.select_one("article h1").get_text()).strip("#¶ \n")
        assert meta_property(page, "og:title") == heading, (language, name)
        assert meta_property(page, "og:description") == description(page)
        assert meta_property(page, "og:url") == address(language, name)
        assert meta_property(page, "og:site_name") == "vkdocs"
        assert meta_property(page, "og:locale") == LOCALES[language]
        assert meta_property(page, "og:locale:alternate") == LOCALES["en" if language == "ru" else "ru"]
        assert meta_property(page, "og:image") == f"{CANONICAL}{language}/_static/vkdocs-card.png"
        assert meta_property(page, "twitter:card") == "summary_large_image"


def test_the_preview_image_is_ours_in_the_site_and_as_large_as_its_tags_say(sites, pages):
    page = pages["ru", "index"]
    size = (int(meta_property(page, "og:image:width")), int(meta_property(page, "og:image:height")))
    for site in sites.values():
        data = (site / "_static" / "vkdocs-card.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == size == (1200, 630)


# Structured data -------------------------------------------------------------------------------------------


def situations(page: BeautifulSoup) -> list[str]:
    """The situations of the checklists the page shows, in order."""
    return [
        next(c for c in box["class"] if c.startswith("vk-checklist--")).removeprefix("vk-checklist--")
        for box in page.select("div.vk-checklist")
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", HOW_TO_PAGES)
def test_a_how_to_page_carries_each_of_its_checklists_as_how_to_data(name, language, pages):
    page = pages[language, name]
    shown = situations(page)
    assert shown, name
    how_tos = [item for item in structured(page) if item["@type"] == "HowTo"]
    assert len(how_tos) == len(shown)
    for data, situation in zip(how_tos, shown, strict=True):
        checklist = build_checklist(situation, lang=language)
        assert data["name"] == checklist.title
        assert data["inLanguage"] == language
        assert data["step"], situation
        texts = []
        for number, step in enumerate(data["step"], start=1):
            assert step["position"] == number
            if step["@type"] == "HowToSection":
                assert step["name"] and [s["position"] for s in step["itemListElement"]] == list(
                    range(1, len(step["itemListElement"]) + 1)
                )
                texts += [s["text"] for s in step["itemListElement"] if s["@type"] == "HowToStep"]
            else:
                assert step["@type"] == "HowToStep"
                texts.append(step["text"])
        assert texts == [step.text for step in checklist.steps]


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_pages_with_checklists_claim_to_be_how_tos_and_none_claims_a_faq_or_ratings(language, pages):
    for name in DOCUMENTS:
        types = {item["@type"] for item in structured(pages[language, name])}
        assert types <= {"HowTo", "BreadcrumbList"}, (name, types)
        assert ("HowTo" in types) == bool(situations(pages[language, name])), name


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_but_the_start_page_has_breadcrumbs_from_the_start_page(language, pages):
    start = untie(pages[language, "index"].select_one("article h1").get_text()).strip("#¶ \n")
    assert [item for item in structured(pages[language, "index"]) if item["@type"] == "BreadcrumbList"] == []
    for name in DOCUMENTS:
        if name == "index":
            continue
        page = pages[language, name]
        (trail,) = [item for item in structured(page) if item["@type"] == "BreadcrumbList"]
        title = untie(page.select_one("article h1").get_text()).strip("#¶ \n")
        assert trail["itemListElement"] == [
            {"@type": "ListItem", "position": 1, "name": start, "item": address(language, "index")},
            {"@type": "ListItem", "position": 2, "name": title, "item": address(language, name)},
        ]


# Without a canonical address -------------------------------------------------------------------------------


def test_without_a_canonical_address_a_site_has_descriptions_but_no_alternates_previews_or_sitemap(pseudo_site):
    assert pseudo_site.returncode == 0, pseudo_site.output
    site = pseudo_site.outdir
    assert not (site / "sitemap.xml").exists()
    assert not (site / "robots.txt").exists()
    for name in DOCUMENTS:
        page = BeautifulSoup((site / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
        assert description(page).startswith("⟦"), name
        assert page.select('link[rel="alternate"][hreflang], link[rel="canonical"]') == []
        assert page.select('meta[property^="og:"], meta[name^="twitter:"]') == []
        assert [item for item in structured(page) if item["@type"] == "BreadcrumbList"] == []
