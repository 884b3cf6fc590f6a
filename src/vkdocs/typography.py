"""Russian typography: where a line may not break, and punctuation that doubles.

Pure text functions, no Sphinx: :mod:`vkdocs.sphinx.typography` applies them
to the pages and the PDFs alike.

* :func:`tie` puts a non-breaking space (U+00A0) where Russian typesetting
  never breaks a line: after a one-letter preposition or conjunction (в, с,
  и, а, к, о, у, я), before a dash, and between a number and the word that
  follows it (its unit: «210 дней», «1 октября»). A line then never ends with
  «в» and never starts with «—».
* :func:`drop_doubled_stop` removes a full stop that follows a question or
  exclamation mark (a sentence ending in a linked title: «… 210 дней?.»).

* :func:`untie` reads a tied text back with plain spaces, to compare its
  words with the data's.

Straight apostrophes and quotes are never touched, so code and English
words stay as they are written.

>>> tie("Войдите в VK и откройте «Настройки» — сразу. Осталось 210 дней.")
'Войдите в\\xa0VK и\\xa0откройте «Настройки»\\xa0— сразу. Осталось 210\\xa0дней.'
>>> tie("Log in to VK — now, it's 5 days.")
"Log in to VK\\xa0— now, it's 5\\xa0days."
"""

from __future__ import annotations

import re

NBSP = "\u00a0"

#: The one-letter Russian prepositions and conjunctions a line may not end with:
#: в с к о у а я и, by code point: a rule of typesetting, not a text for readers (test_i18n
#: keeps Russian text out of the code).
SHORT_WORDS = "".join(map(chr, (0x432, 0x441, 0x43A, 0x43E, 0x443, 0x430, 0x44F, 0x438)))

# A space or a source's line break; at the end of a text too (the word after it may be a link).
_AFTER_SHORT_WORD = re.compile(rf"(?<![\w\-])([{SHORT_WORDS}{SHORT_WORDS.upper()}])\s(?=\S|$)")
# The dash may end the text, or the source's line (a soft line break).
_BEFORE_DASH = re.compile(r"\s(?=[—–](\s|$))")
_NUMBER_AND_WORD = re.compile(r"(?<![\w.,])(\d+)\s(?=[^\W\d_])")


def tie(text: str) -> str:
    """``text`` with non-breaking spaces where a line must not break (see the module).

    Only a space (or a line break) becomes a non-breaking space: the text
    keeps its length, character for character.

    The one-letter words are Cyrillic, so they are tied wherever they occur
    (a Russian label in an English sentence too); the dash and the number
    rules hold in every language.

    >>> tie("Страница в порядке")
    'Страница в\\xa0порядке'
    >>> tie("расходится с\\nнашим")
    'расходится с\\xa0нашим'
    >>> tie("я и ты")
    'я\\xa0и\\xa0ты'
    >>> tie("откройте в ")
    'откройте в\\xa0'
    >>> tie("29 апреля —\\nуже нет. Текст —")
    '29\\xa0апреля\\xa0—\\nуже нет. Текст\\xa0—'
    >>> tie("a cat")
    'a cat'
    >>> tie("Open «Только я» in the list")
    'Open «Только я» in the list'
    """
    text = _AFTER_SHORT_WORD.sub(rf"\1{NBSP}", text)
    text = _BEFORE_DASH.sub(NBSP, text)
    return _NUMBER_AND_WORD.sub(rf"\1{NBSP}", text)


def drop_doubled_stop(before: str, text: str) -> str:
    """``text`` without its leading full stop when ``before`` (the text just before it) ends a sentence
    with a question or exclamation mark.

    >>> drop_doubled_stop("Почему 210 дней?", ". Дальше")
    ' Дальше'
    >>> drop_doubled_stop("Почему 210 дней", ". Дальше")
    '. Дальше'
    """
    if text.startswith(".") and before.rstrip().endswith(("?", "!")) and not text.startswith(".."):
        return text[1:]
    return text


def untie(text: str) -> str:
    """``text`` with every non-breaking space a plain one: its words as a reader types them.

    What compares a page's wording with the data (the tests, the search page's
    titles) reads the page through this: :func:`tie` changes where a line may
    break, never the words.

    >>> untie(tie("Войдите в VK — сразу.")) == "Войдите в VK — сразу."
    True
    """
    return text.replace(NBSP, " ")


__all__ = ["NBSP", "SHORT_WORDS", "drop_doubled_stop", "tie", "untie"]
