"""User-facing messages of the library and the command line, in both languages.

Kept apart from the code that uses them, so a translator finds every string
in one place.

>>> message("unknown_language", "en", value="de", choices="ru, en")
"Unknown language 'de'. Use one of: ru, en."
"""

from __future__ import annotations

LANGUAGES = ("ru", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # errors
    "bad_date_format": {
        "ru": "Не удаётся прочитать дату {value!r}. Укажите её в виде ГГГГ-ММ-ДД (2026-01-31) или ДД.ММ.ГГГГ (31.01.2026).",
        "en": "Cannot read the date {value!r}. Write it as YYYY-MM-DD (2026-01-31) or DD.MM.YYYY (31.01.2026).",
    },
    "impossible_date": {
        "ru": "Даты {value!r} не существует в календаре. Проверьте день и месяц.",
        "en": "The date {value!r} does not exist in the calendar. Check the day and the month.",
    },
    "bad_date_type": {
        "ru": "{name}: ожидается дата (date, datetime или строка ГГГГ-ММ-ДД / ДД.ММ.ГГГГ), получено {type} {value!r}.",
        "en": "{name}: expected a date (date, datetime, or a YYYY-MM-DD / DD.MM.YYYY string), got {type} {value!r}.",
    },
    "before_vk": {
        "ru": "Дата {value} раньше запуска ВКонтакте ({launch}). Проверьте год.",
        "en": "The date {value} is before VK launched ({launch}). Check the year.",
    },
    "deleted_after_today": {
        "ru": "Дата удаления {deleted} позже сегодняшней даты {today}. Укажите день, когда страницу удалили.",
        "en": "The deletion date {deleted} is after today, {today}. Give the day the page was deleted.",
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
    "cli_usage": {
        "ru": "{detail}. Справка: vkdocs --help",
        "en": "{detail}. Help: vkdocs --help",
    },
    "deleted_on_needs_restore": {
        "ru": "Дату удаления можно указать только для ситуации 'restore', а не {value!r}.",
        "en": "A deletion date applies only to the 'restore' situation, not {value!r}.",
    },
    "today_needed": {
        "ru": "Чтобы посчитать оставшиеся дни, укажите и сегодняшнюю дату (today).",
        "en": "To count the days left, give today's date too (today).",
    },
    # deadline sentences
    "deadline_open": {
        "ru": "Страницу можно восстановить до {deadline}: осталось {days}.",
        "en": "You can restore the page until {deadline}: {days} left.",
    },
    "deadline_closed": {
        "ru": "Срок восстановления закончился {deadline}: VK больше не предлагает вернуть эту страницу.",
        "en": "The restore window closed on {deadline}: VK no longer offers to bring this page back.",
    },
    "deadline_trust_dialog": {
        "ru": "Точный срок показывает сам VK в окне на удалённой странице: если даты расходятся, верьте VK.",
        "en": "VK shows the exact date in the dialog on the deleted page: if the dates differ, trust VK.",
    },
    # the in-page deadline calculator (docs/_ext/vkdocs_calculator.py)
    "calculator_label": {
        "ru": "Дата удаления страницы",
        "en": "Date the page was deleted",
    },
    "calculator_empty": {
        "ru": "Укажите дату, когда страницу удалили: здесь появится срок восстановления.",
        "en": "Enter the date the page was deleted: the restore deadline will appear here.",
    },
    "calculator_incomplete": {
        "ru": "Дата указана не полностью. Проверьте день, месяц и год.",
        "en": "The date is incomplete. Check the day, the month and the year.",
    },
    # checklist rendering
    "warning": {"ru": "Внимание", "en": "Warning"},
    "clear_ticks": {"ru": "Снять все отметки", "en": "Clear all ticks"},
    "ticks_kept_here": {
        "ru": "Отметки хранятся только в этом браузере.",
        "en": "Your ticks are kept in this browser only.",
    },
    # printing: links to the handouts and the handouts themselves
    "print_label": {"ru": "Распечатать:", "en": "Print:"},
    "handout_link": {"ru": "памятка в PDF", "en": "handout (PDF)"},
    "manual_title": {"ru": "Всё руководство одним файлом", "en": "The whole guide in one file"},
    "handout_built": {"ru": "Памятка vkdocs · составлена {date}", "en": "A vkdocs handout · built on {date}"},
    "any_platform": {"ru": "Дальше — на любом устройстве", "en": "Then, on any device"},
    "handout_deleted_on": {"ru": "Страница удалена:", "en": "Page deleted on:"},
    "handout_restore_before": {"ru": "Восстановить до:", "en": "Restore before:"},
    "handout_window": {
        "ru": "VK хранит удалённую страницу {days} со дня удаления: до этой даты её можно восстановить. "
        "Точную дату показывает сам VK в окне на удалённой странице; если даты расходятся, верьте VK.",
        "en": "VK keeps a deleted page for {days} after the day it was deleted: until then you can restore it. "
        "VK shows the exact date in the dialog on the deleted page; if the dates differ, trust VK.",
    },
}


def message(key: str, lang: str, /, **params: object) -> str:
    """The message ``key`` in ``lang``, with ``params`` filled in."""
    return MESSAGES[key][lang].format(**params)
