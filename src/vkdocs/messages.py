"""User-facing messages of the library and the command line, in both languages.

Kept apart from the code that uses them, so a translator finds every string
in one place. A message names its parameters in braces; ``{value!r}`` quotes
the reader's input. A :class:`~datetime.date` parameter is written as a long
date in words, in the message's language. A Russian long date ends with
``г.``, which also ends its sentence: Russian templates put no full stop
after a date.

>>> message("unknown_language", "en", value="de", choices="ru, en")
"Unknown language 'de'. Use one of: ru, en."
>>> from datetime import date
>>> message("calculator_understood", "ru", date=date(2026, 10, 1))
'Дата удаления: 1 октября 2026 г.'
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

LANGUAGES = ("ru", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # errors: the reader's input
    "bad_date_format": {
        "ru": "Не удаётся прочитать дату {value!r}. Укажите её в виде ДД.ММ.ГГГГ (01.10.2026) или ГГГГ-ММ-ДД (2026-10-01).",
        "en": "Cannot read the date {value!r}. Write it as DD.MM.YYYY (01.10.2026) or YYYY-MM-DD (2026-10-01).",
    },
    "impossible_date": {
        "ru": "Даты {value!r} не существует в календаре. Проверьте день и месяц.",
        "en": "The date {value!r} does not exist in the calendar. Check the day and the month.",
    },
    "bad_date_type": {
        "ru": "{name}: ожидается дата (date, datetime или строка ДД.ММ.ГГГГ / ГГГГ-ММ-ДД), получено {type} {value!r}.",
        "en": "{name}: expected a date (date, datetime, or a DD.MM.YYYY / YYYY-MM-DD string), got {type} {value!r}.",
    },
    "before_vk": {
        "ru": "Дата {value} раньше запуска ВКонтакте ({launch}). Проверьте год.",
        "en": "The date {value} is before VK launched ({launch}). Check the year.",
    },
    "too_far_ahead": {
        "ru": "Дата {value} слишком далеко в будущем: срок восстановления выйдет за 9999 год. Проверьте год.",
        "en": "The date {value} is too far ahead: the restore deadline would fall after the year 9999. Check the year.",
    },
    "deleted_after_today": {
        "ru": "Дата удаления, {deleted}, позже сегодняшней даты, {today} Укажите день, когда страницу удалили.",
        "en": "The date of deletion, {deleted}, is after today, {today}. Give the day the page was deleted.",
    },
    "bad_text_type": {
        "ru": "{name}: ожидается строка (str), получено {type} {value!r}.",
        "en": "{name}: expected a string (str), got {type} {value!r}.",
    },
    "bad_count_type": {
        "ru": "{name}: ожидается целое число дней (int), получено {type} {value!r}.",
        "en": "{name}: expected a whole number of days (int), got {type} {value!r}.",
    },
    "negative_count": {
        "ru": "{name}: число дней не может быть отрицательным, получено {value!r}.",
        "en": "{name}: a number of days cannot be negative, got {value!r}.",
    },
    "unknown_language": {
        "ru": "Неизвестный язык {value!r}. Допустимые значения: {choices}.",
        "en": "Unknown language {value!r}. Use one of: {choices}.",
    },
    "unknown_situation": {
        "ru": "Неизвестная ситуация {value!r}. Допустимые значения: {choices}.",
        "en": "Unknown situation {value!r}. Use one of: {choices}.",
    },
    "unknown_platform": {
        "ru": "Неизвестная платформа {value!r}. Допустимые значения: {choices}.",
        "en": "Unknown platform {value!r}. Use one of: {choices}.",
    },
    "unknown_format": {
        "ru": "Неизвестный формат {value!r}. Допустимые значения: {choices}.",
        "en": "Unknown format {value!r}. Use one of: {choices}.",
    },
    "deleted_on_needs_restore": {
        "ru": "Дату удаления можно указать только для ситуации 'restore', а не {value!r}.",
        "en": "A deletion date applies only to the 'restore' situation, not {value!r}.",
    },
    "today_needed": {
        "ru": "Чтобы посчитать оставшиеся дни, укажите и сегодняшнюю дату (today).",
        "en": "To count the days left, give today's date too (today).",
    },
    # the command line: its own errors
    "cli_usage": {
        "ru": "{detail}. Справка: vkdocs --help",
        "en": "{detail}. Help: vkdocs --help",
    },
    "output_closed": {
        "ru": "Не удалось вывести результат: вывод закрыли раньше, чем команда всё написала.",
        "en": "Could not write the output: it was closed before the command had written everything.",
    },
    "output_full": {
        "ru": "Не удалось вывести результат: на устройстве нет места.",
        "en": "Could not write the output: there is no space left on the device.",
    },
    "output_failed": {
        "ru": "Не удалось вывести результат: {reason}.",
        "en": "Could not write the output: {reason}.",
    },
    # the deadline sentences (vkdocs.deadline.describe): one rule, said the same way everywhere
    "deadline_open": {
        "ru": "Последний день, чтобы восстановить страницу: {last_day} Осталось {days}, считая сегодня.",
        "en": "The last day to restore the page is {last_day}: {days} left, counting today.",
    },
    "deadline_last_day": {
        "ru": "Сегодня последний день, чтобы восстановить страницу: {last_day} Восстановите её сейчас.",
        "en": "Today is the last day to restore the page: {last_day}. Restore it now.",
    },
    "deadline_closed": {
        "ru": "Последний день, чтобы восстановить страницу, уже прошёл: это было {last_day}",
        "en": "The last day to restore the page has passed: it was {last_day}.",
    },
    "deadline_dont_wait": {
        "ru": "Не ждите последнего дня.",
        "en": "Do not wait for the last day.",
    },
    "deadline_trust_dialog": {
        "ru": "Главное — дата в окне VK на удалённой странице: если она другая, верьте VK.",
        "en": "What counts is the date in VK's own dialog on the deleted page: if it differs, trust VK.",
    },
    "deadline_rule": {
        "ru": "Страницу можно восстановить, пока со дня удаления прошло меньше {window}. "
        "Последний день, чтобы восстановить её, — дата удаления плюс {last_offset}.",
        "en": "A page can be restored while fewer than {window} have passed since the day it was deleted. "
        "The last day to restore it is the date of deletion plus {last_offset}.",
    },
    # the in-page deadline calculator (docs/_ext/vkdocs_calculator.py)
    "calculator_label": {
        "ru": "Дата удаления страницы",
        "en": "Date the page was deleted",
    },
    "calculator_hint": {
        "ru": "ДД.ММ.ГГГГ или ГГГГ-ММ-ДД, например 01.10.2026.",
        "en": "DD.MM.YYYY or YYYY-MM-DD, for example 01.10.2026 for October 1, 2026.",
    },
    "calculator_empty": {
        "ru": "Укажите дату, когда страницу удалили: здесь появится последний день, чтобы её восстановить.",
        "en": "Enter the date the page was deleted: the last day to restore it will appear here.",
    },
    "calculator_incomplete": {
        "ru": "Дата указана не полностью: допишите день, месяц и год.",
        "en": "The date is incomplete: type the day, the month and the year.",
    },
    "calculator_understood": {
        "ru": "Дата удаления: {date}",
        "en": "Date of deletion: {date}",
    },
    "calculator_noscript": {
        "ru": "Калькулятору нужен JavaScript. Без него посчитайте сами или командой "
        "`vkdocs deadline ДД.ММ.ГГГГ`: {link}.",
        "en": "The calculator needs JavaScript. Without it, count yourself or run `vkdocs deadline DD.MM.YYYY`: {link}.",
    },
    "calculator_print": {"ru": "Распечатать чек-лист", "en": "Print this checklist"},
    "calculator_example": {
        "ru": "Пример: страницу удалили {deleted}, сегодня {today}",
        "en": "An example: the page was deleted on {deleted}, and today is {today}.",
    },
    # checklist rendering
    "warning": {"ru": "Внимание", "en": "Warning"},
    "clear_ticks": {"ru": "Снять все галочки", "en": "Clear all ticks"},
    "ticks_kept_here": {
        "ru": "Галочки хранятся только в этом браузере.",
        "en": "Your ticks are kept in this browser only.",
    },
    # printing: links to the handouts and the handouts themselves
    "print_label": {"ru": "Распечатать:", "en": "Print:"},
    "handout_link": {"ru": "памятка в PDF", "en": "handout (PDF)"},
    "manual_title": {"ru": "Всё руководство одним файлом", "en": "The whole guide in one file"},
    "handout_built": {"ru": "Памятка vkdocs · составлена {date}", "en": "A vkdocs handout · built on {date}"},
    "any_platform": {"ru": "Дальше — на любом устройстве", "en": "Then, on any device"},
    "handout_deleted_on": {"ru": "Страница удалена:", "en": "Page deleted on:"},
    "handout_restore_before": {
        "ru": "Последний день, чтобы восстановить:",
        "en": "Last day to restore:",
    },
    "handout_window": {
        "ru": "Страницу можно восстановить, пока со дня удаления прошло меньше {days}: "
        "последний день — дата удаления плюс {last_offset}. "
        "Главное — дата в окне VK на удалённой странице: если она другая, верьте VK. Не ждите последнего дня.",
        "en": "A page can be restored while fewer than {days} have passed since the day it was deleted: "
        "the last day is the date of deletion plus {last_offset}. "
        "What counts is the date in VK's own dialog on the deleted page: if it differs, trust VK. "
        "Do not wait for the last day.",
    },
    # vkdocs handout: a personal handout as a PDF (vkdocs.handout)
    "handout_help": {
        "ru": "памятка в PDF, для restore — с датой удаления и последним днём",
        "en": "a handout as a PDF; for restore, with the date of deletion and the last day filled in",
    },
    "handout_deleted_on_help": {
        "ru": "дата удаления (только для restore): вписать её и последний день",
        "en": "date of deletion (restore only): fill it in with the last day",
    },
    "handout_today_help": {
        "ru": "дата памятки (по умолчанию — дата на этом компьютере)",
        "en": "the handout's date (default: this computer's date)",
    },
    "handout_output_help": {"ru": "куда записать PDF", "en": "the PDF file to write"},
    "handout_output_metavar": {"ru": "ФАЙЛ.pdf", "en": "FILE.pdf"},
    "handout_needs_sphinx": {
        "ru": "Для памятки в PDF нужен Sphinx. Установите его: pip install 'vkdocs[docs]'",
        "en": "A PDF handout needs Sphinx. Install it: pip install 'vkdocs[docs]'",
    },
    "handout_needs_tex": {
        "ru": "Для памятки в PDF нужен TeX (не найдено: {missing}). В Debian или Ubuntu установите: "
        "sudo apt-get install --no-install-recommends {packages}",
        "en": "A PDF handout needs TeX (missing: {missing}). On Debian or Ubuntu, install: "
        "sudo apt-get install --no-install-recommends {packages}",
    },
    "handout_build_failed": {
        "ru": "Не удалось собрать PDF. Журнал сборки: {log}",
        "en": "The PDF build failed. The build log: {log}",
    },
    "handout_interrupted": {"ru": "Сборку PDF прервали.", "en": "The PDF build was interrupted."},
}


def long_date(day: date, lang: str) -> str:
    """``day`` as a long date in ``lang``, through Babel's CLDR patterns.

    Babel puts a narrow no-break space before the Russian ``г.``; it becomes a
    plain space here, so the text reads and searches the same in a terminal,
    a message or a PDF. Callers check ``day`` and ``lang`` first
    (:func:`vkdocs.deadline.format_long_date` does).

    >>> long_date(date(2027, 4, 28), "ru"), long_date(date(2027, 4, 28), "en")
    ('28 апреля 2027 г.', 'April 28, 2027')
    """
    return format_date(day, format="long", locale=lang).replace("\u202f", " ")


def message(key: str, lang: str, /, **params: object) -> str:
    """The message ``key`` in ``lang``, with ``params`` filled in; dates are written in words.

    Raises :class:`KeyError` for a ``key`` or ``lang`` that has no message:
    that is a programming error, not the reader's.
    """
    words = {name: long_date(value, lang) if isinstance(value, date) else value for name, value in params.items()}
    return MESSAGES[key][lang].format(**words)
