"""The reader's language: which languages vkdocs speaks, and every reader-facing text in them.

**One path for every text.** The package's reader-facing texts are written
once, in Russian, the source language of the whole project (the pages are
Russian too): the procedures, the question path and the guides in
``data/*.json``, and the words around them (messages, help, labels) in
``data/messages.json``. Every other language is a gettext catalog of the
``vkdocs`` domain, ``locale/<lang>/LC_MESSAGES/vkdocs.po``, whose message ids
are those Russian texts. This module looks texts up there; nothing in Python
holds a sentence.

**The languages are the catalogs.** :func:`languages` is Russian followed by
every language that has a ``vkdocs`` catalog: adding a language is adding
files, and nothing in Python names one.

>>> languages()
('ru', 'en')
>>> translate("Назад", "en", context="triage_back")
'Back'
>>> translate("Назад", "ru", context="triage_back")
'Назад'

**Catalogs are compiled, not committed.** A wheel holds ``vkdocs.mo``
files, compiled when it is built (``setup.py``); in a source tree or an
editable install, the ``.po`` file is compiled in memory with Babel the
first time a language is needed, so an edited catalog is used at once.

**More catalogs.** ``VKDOCS_LOCALE_PATH`` (folders separated by
``os.pathsep``, each laid out as ``<lang>/LC_MESSAGES/vkdocs.po``) is searched
before the package: a translator can try a catalog without installing it, and
the tests add a pseudo-language this way.
"""

from __future__ import annotations

import copy
import gettext
import io
import json
import os
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

#: The language every text is written in first; its texts are the message ids.
SOURCE_LANGUAGE = "ru"

#: The language for a reader whose own language vkdocs does not speak.
FALLBACK_LANGUAGE = "en"

#: The gettext domain of the package's texts: ``locale/<lang>/LC_MESSAGES/vkdocs.po``.
DOMAIN = "vkdocs"

#: Extra folders of catalogs, searched before the package's own.
LOCALE_PATH_VARIABLE = "VKDOCS_LOCALE_PATH"

#: The package's catalogs.
PACKAGE_LOCALE = Path(__file__).resolve().parent / "locale"

#: The package's source data: the texts each file holds, by path (``*`` is any key or item),
#: with a message context where the same Russian words need a different translation.
DATA_TEXTS: dict[str, tuple[tuple[str, str | None], ...]] = {
    "procedures.json": (
        ("platforms.*", None),
        ("situations.*.title", None),
        ("situations.*.steps.*.text", None),
        ("situations.*.steps.*.warning.text", None),
        ("situations.*.warnings.*.text", None),
    ),
    "triage.json": (
        ("questions.*.text", None),
        ("questions.*.answers.*.text", None),
        ("questions.*.answers.*.note", None),
        # Titles as the pages show them: translated exactly as the page catalogs translate them.
        ("destinations.*.title", "section title"),
        ("pages.*", "page title"),
    ),
    "guides.json": (("*", None),),
    # Names as their authors sign them; the catalogs give them in each language's letters.
    "guide_origins.json": (("*.author", None),),
    # The guides' words: each quote stays Russian on every page, and is rendered in the reader's language beneath.
    "evidence.json": (("*.quote", None), ("*.not_said", None)),
}


def locale_dirs() -> tuple[Path, ...]:
    """Where catalogs are looked for: ``VKDOCS_LOCALE_PATH``'s folders first, then the package's.

    >>> locale_dirs()[-1].name
    'locale'
    """
    extra = os.environ.get(LOCALE_PATH_VARIABLE, "")
    return (*(Path(part) for part in extra.split(os.pathsep) if part), PACKAGE_LOCALE)


def languages() -> tuple[str, ...]:
    """The languages vkdocs speaks: the source language, then every language with a ``vkdocs`` catalog.

    >>> languages()[0]
    'ru'
    """
    return _languages(locale_dirs())


@cache
def _languages(dirs: tuple[Path, ...]) -> tuple[str, ...]:
    found = {
        path.parent.parent.name
        for folder in dirs
        for suffix in ("po", "mo")
        for path in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.{suffix}")
    }
    found.discard(SOURCE_LANGUAGE)
    return (SOURCE_LANGUAGE, *sorted(found))


def check_language(lang: str) -> str:
    """Return ``lang`` if vkdocs speaks it (one of :func:`languages`).

    Raises :class:`~vkdocs.errors.InputError` for a language vkdocs does not
    speak and :class:`~vkdocs.errors.InputTypeError` for a value that is not
    a string.

    >>> check_language("ru")
    'ru'
    >>> check_language("de")
    Traceback (most recent call last):
    ...
    vkdocs.errors.InputError: Unknown language 'de'. Use one of: ru, en.
    """
    # Imported here: vkdocs.errors words its messages through the catalogs this module reads.
    from vkdocs.errors import InputError, InputTypeError

    if not isinstance(lang, str):
        raise InputTypeError("bad_text_type", name="lang", type=type(lang).__name__, value=lang)
    if lang not in languages():
        raise InputError("unknown_language", value=lang, choices=", ".join(languages()))
    return lang


def catalog_file(lang: str, domain: str = DOMAIN) -> Path | None:
    """The catalog that holds ``lang``'s texts of ``domain`` (a ``.po`` file, or a compiled ``.mo``), if any.

    >>> catalog_file("en").relative_to(PACKAGE_LOCALE).as_posix()
    'en/LC_MESSAGES/vkdocs.po'
    >>> catalog_file("xx") is None
    True
    """
    for folder in locale_dirs():
        for suffix in ("po", "mo"):
            path = folder / lang / "LC_MESSAGES" / f"{domain}.{suffix}"
            if path.is_file():
                return path
    return None


def translations(lang: str, domain: str = DOMAIN) -> gettext.NullTranslations:
    """``lang``'s catalog of ``domain``, ready for gettext; no translation when there is none.

    A ``.po`` file is preferred to a ``.mo`` beside it, so an edited catalog
    is used at once; it is compiled in memory (fuzzy entries left out, as
    ``msgfmt`` does).

    >>> from vkdocs.i18n import translations
    >>> translations("en").pgettext("warning", "Внимание")
    'Warning'
    >>> translations("xx").pgettext("warning", "Внимание")
    'Внимание'
    """
    return _translations(lang, domain, locale_dirs())


@cache
def _translations(lang: str, domain: str, dirs: tuple[Path, ...]) -> gettext.NullTranslations:
    path = catalog_file(lang, domain)
    if path is None:
        return gettext.NullTranslations()
    if path.suffix == ".mo":
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=domain, abort_invalid=True)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def translate(text: str, lang: str, *, context: str | None = None) -> str:
    """``text``, written in the source language, in ``lang``; the source text itself if the catalog lacks it.

    Callers check ``lang`` first (:func:`check_language` does).

    >>> translate("В приложении VK", "en")
    'In the VK app'
    """
    if lang == SOURCE_LANGUAGE:
        return text
    catalog = translations(lang)
    return catalog.pgettext(context, text) if context is not None else catalog.gettext(text)


def translate_plural(forms: list[str], count: int, lang: str, *, context: str) -> str:
    """The form of ``forms`` (the source language's plural forms, in gettext's order) for ``count``, in ``lang``.

    >>> forms = ["{count} день", "{count} дня", "{count} дней"]
    >>> [translate_plural(forms, n, "ru", context="days") for n in (1, 2, 5)]
    ['{count} день', '{count} дня', '{count} дней']
    >>> [translate_plural(forms, n, "en", context="days") for n in (1, 2)]
    ['{count} day', '{count} days']
    """
    if lang == SOURCE_LANGUAGE:
        return forms[_source_plural()(count)]
    return translations(lang).npgettext(context, forms[0], forms[1], count)


@cache
def _source_plural() -> Callable[[int], int]:
    """Which of the source language's plural forms a number takes (gettext's rule for it, from Babel)."""
    return gettext.c2py(get_plural(SOURCE_LANGUAGE).plural_expr)


def babel_locale(lang: str) -> Locale:
    """The Babel locale for ``lang``'s dates, lists and plural rules; its language alone if Babel lacks the region.

    >>> str(babel_locale("en_XA"))
    'en'
    """
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(lang.split("_")[0])


def language_name(lang: str) -> str:
    """``lang``'s name in that language, as a language menu shows it (CLDR's, capitalized).

    >>> language_name("ru"), language_name("en")
    ('Русский', 'English')
    """
    name = babel_locale(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


# The source data ---------------------------------------------------------------------------------------


def read_source(name: str) -> Any:
    """The package's data file ``data/<name>`` as written, in the source language."""
    return json.loads((Path(__file__).resolve().parent / "data" / name).read_text(encoding="utf-8"))


def data_texts(data: Any, name: str) -> Iterator[tuple[list[str | int], str, str | None]]:
    """Every reader-facing text of ``data`` (the file ``name``): its path in the data, the text, its context.

    >>> [(path, text) for path, text, _ in data_texts({"A": "Текст"}, "guides.json")]
    [(['A'], 'Текст')]
    """
    for pattern, context in DATA_TEXTS[name]:
        for path, text in _find(data, pattern.split("."), []):
            yield path, text, context


def _find(data: Any, parts: list[str], path: list[str | int]) -> Iterator[tuple[list[str | int], str]]:
    if not parts:
        if isinstance(data, str):
            yield path, data
        return
    head, rest = parts[0], parts[1:]
    if isinstance(data, dict):
        keys: list[str | int] = list(data) if head == "*" else [head] if head in data else []
        for key in keys:
            yield from _find(data[key], rest, [*path, key])
    elif isinstance(data, list) and head == "*":
        for index, item in enumerate(data):
            yield from _find(item, rest, [*path, index])


def localized(name: str, lang: str) -> Any:
    """The data file ``data/<name>`` with every reader-facing text in ``lang``.

    >>> localized("guides.json", "en")["A"][:26]
    'A detailed, illustrated wa'
    """
    return _localized(name, lang, locale_dirs())


@cache
def _localized(name: str, lang: str, dirs: tuple[Path, ...]) -> Any:
    data = read_source(name)
    if lang == SOURCE_LANGUAGE:
        return data
    result = copy.deepcopy(data)
    for path, text, context in data_texts(data, name):
        holder = result
        for key in path[:-1]:
            holder = holder[key]
        holder[path[-1]] = translate(text, lang, context=context)
    return result


def texts_in_every_language(name: str) -> Any:
    """The data file ``data/<name>`` with each text as ``{language: text}`` for every language: the layout the
    open dataset publishes (:mod:`vkdocs.dataset`).

    >>> texts_in_every_language("guides.json")["A"]["en"][:26]
    'A detailed, illustrated wa'
    """
    data = read_source(name)
    if name in DATA_TEXTS:
        for path, text, context in list(data_texts(data, name)):
            holder = data
            for key in path[:-1]:
                holder = holder[key]
            holder[path[-1]] = in_every_language(text, context=context)
    return data


def in_every_language(text: str, *, context: str | None = None) -> dict[str, str]:
    """``text`` in every language of :func:`languages`, by language.

    >>> in_every_language("Внимание", context="warning")
    {'ru': 'Внимание', 'en': 'Warning'}
    """
    return {lang: translate(text, lang, context=context) for lang in languages()}


__all__ = [
    "DATA_TEXTS",
    "DOMAIN",
    "FALLBACK_LANGUAGE",
    "LOCALE_PATH_VARIABLE",
    "PACKAGE_LOCALE",
    "SOURCE_LANGUAGE",
    "babel_locale",
    "catalog_file",
    "check_language",
    "data_texts",
    "in_every_language",
    "language_name",
    "languages",
    "locale_dirs",
    "localized",
    "read_source",
    "texts_in_every_language",
    "translate",
    "translate_plural",
    "translations",
]
