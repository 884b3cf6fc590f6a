"""The in-page calculator of the last day to restore a page: ``{vk-deadline-calculator}``.

Part of :mod:`vkdocs.sphinx`; on its own: ``extensions = [..., "vkdocs.sphinx.calculator"]``.

In a page (the restore page's ``(restore-calculator)=`` section)::

    ```{vk-deadline-calculator}
    ```

In HTML it is a text field (``name="deleted-on"``) that reads the date of
deletion in every form :mod:`vkdocs.dates` reads, whatever the browser's language,
echoes the date it understood in words ("Дата удаления: 1 октября 2026 г."),
and shows the last day and the days left below. Half-typed input is
"incomplete", never "too late". While the page can be restored, a "Print
this checklist" button prints the page's restore checklist (``{vk-checklist}
restore``) alone, the date of deletion and the last day filled in as on a
personal handout (``vkdocs handout restore --deleted-on``): the browser's own
print dialog, the page's print styles, no server. The arithmetic runs in the reader's browser
(``static/deadline-calculator.js``, plain JavaScript, no third-party code, no
network: it works on Read the Docs and from ``file://``), but every rule and
every word comes from the Python helpers, written into the page as inline
JSON when the docs are built:

* the window, the last day's offset, VK's launch and the latest countable
  date (:mod:`vkdocs.deadline`);
* which sentences make an answer in each state (:data:`vkdocs.deadline.SENTENCES`),
  the sentences and the error messages (:mod:`vkdocs.messages`), and how much
  of the reader's input an error echoes (:data:`vkdocs.errors.ECHO_LIMIT`);
* "N days" with its plural form for every possible count
  (:func:`vkdocs.deadline.format_days`, CLDR rules through Babel);
* the forms a date may take and every month name it may use
  (:func:`vkdocs.dates.grammar`: the patterns the Python reader uses, Babel's
  names in every language);
* the long date pattern and month names of the build's language (Babel), with
  the no-break spaces made plain by :func:`vkdocs.messages.plain_spaces`, as in
  :func:`vkdocs.messages.long_date`.

So the page and ``vkdocs deadline`` cannot disagree; the browser tests check
the page against :func:`vkdocs.deadline.describe`.

Without JavaScript, a ``<noscript>`` text gives the rule, the worked
example, how to count it on a calendar (the window is a whole number of
weeks), and points to the ``vkdocs`` command. In the PDF and other builders, the
calculator's place holds the rule and a worked example instead.

How it speaks and looks (``_static/deadline-calculator.js``): the result is
written, and so announced (``role="status"``), once a whole date has been
read, when the field is left, or on Enter, never at every keystroke; the
last day is its most prominent part; an error marks the field
``aria-invalid`` and describes it (``aria-describedby``). The field has
``inputmode="decimal"``: phones show digits and the decimal separator, a
dot or (in a Russian region, on iOS) a comma, which the script turns into
a dot as it is typed; "numeric" gives no separator at all on iOS, and "tel"
no dot.

The module also gives the pages two MyST substitutions that quote
:mod:`vkdocs.deadline`, so no page retypes a number: ``{{ restore_window_days }}``
(210) and ``{{ last_day_offset_days }}`` (209).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from vkdocs.dates import grammar
from vkdocs.deadline import (
    LAST_DAY_OFFSET,
    LATEST_DELETION,
    RESTORE_WINDOW,
    SENTENCES,
    VK_LAUNCH,
    describe,
    format_days,
    rule,
    window_note,
)
from vkdocs.errors import ECHO_LIMIT
from vkdocs.i18n import babel_locale, check_language
from vkdocs.messages import message, plain_spaces, plural, template
from vkdocs.sphinx._nodes import add_node, json_for_script, load_assets, paragraph, pass_node, untranslatable
from vkdocs.typography import tie

SCRIPT = "deadline-calculator.js"
STYLES = "deadline-calculator.css"

#: The worked example every surface uses: deleted on 1 October 2026, read on 25 November 2026.
EXAMPLE = (date(2026, 10, 1), date(2026, 11, 25))

#: The label of the page that documents the ``vkdocs`` command (the noscript text links to it).
CLI_LABEL = "cli"

#: Messages the script needs, by their key in vkdocs.messages.
MESSAGE_KEYS = (
    *sorted({key for keys in SENTENCES.values() for key in keys}),
    "bad_date_format",
    "impossible_date",
    "two_digit_year",
    "slashed_date",
    "several_dates",
    "before_vk",
    "too_far_ahead",
    "deleted_after_today",
    "calculator_empty",
    "calculator_incomplete",
    "calculator_understood",
    # printing the page's restore checklist with the dates filled in, as on the handout
    "calculator_print",
    "handout_deleted_on",
    "handout_restore_before",
)

# Date-pattern fields the script understands: day, month, year.
_PATTERN_FIELDS = re.compile(r"'[^']*'|([A-Za-z])\1*")
_SUPPORTED_FIELDS = {"d", "dd", "M", "MM", "MMMM", "y", "yyyy"}


class vk_deadline_calculator(nodes.General, nodes.Element):
    """The calculator's place in the doctree.

    Its data sits in ``node["data"]``; its children (the rule and a worked
    example) are what builders other than HTML show.
    """


def calculator_data(lang: str) -> dict[str, Any]:
    """Everything the script needs to compute and word the result in ``lang``."""
    check_language(lang)
    locale = babel_locale(lang)
    pattern = plain_spaces(locale.date_formats["long"].pattern)
    for match in _PATTERN_FIELDS.finditer(pattern):
        if match.group(1) and match.group(0) not in _SUPPORTED_FIELDS:
            raise ExtensionError(
                f"vk-deadline-calculator: date field {match.group(0)!r} in {pattern!r} is not supported"
            )
    return {
        "lang": lang,
        "windowDays": RESTORE_WINDOW.days,
        "lastDayOffset": LAST_DAY_OFFSET.days,
        "vkLaunch": VK_LAUNCH.isoformat(),
        "latestDeletion": LATEST_DELETION.isoformat(),
        "echoLimit": ECHO_LIMIT,
        "datePattern": pattern,
        "months": [plain_spaces(locale.months["format"]["wide"][number]) for number in range(1, 13)],
        "dates": grammar(),  # how dates are read: vkdocs.dates's patterns and Babel's month names
        "days": [format_days(count, lang) for count in range(RESTORE_WINDOW.days + 1)],
        "sentences": {state: list(keys) for state, keys in SENTENCES.items()},
        "messages": {key: template(key, lang) for key in MESSAGE_KEYS},  # placeholders intact: {name}, {name!r}
        "windowNote": window_note(lang),  # under the dates of the printed checklist, as on the handout
    }


def printed_text(lang: str) -> list[str]:
    """What the calculator's place says where no script runs (PDF, text): the rule and a worked example."""
    deleted, today = EXAMPLE
    return [
        rule(lang),
        f"{message('calculator_example', lang, deleted=deleted, today=today)} {describe(deleted, today, lang)}",
    ]


class DeadlineCalculatorDirective(SphinxDirective):
    """``{vk-deadline-calculator}``: no arguments, no content."""

    def run(self) -> list[nodes.Node]:
        lang = self.config.language
        node = vk_deadline_calculator()
        node["ids"] = [f"vk-deadline-calculator-{self.env.new_serialno('vk-deadline-calculator')}"]
        node["data"] = calculator_data(lang)
        for text in printed_text(lang):
            node += paragraph(text, classes=("vk-deadline-calculator__printed",))
        self.set_source_info(node)
        return [untranslatable(node)]


def _cli_link(translator: Any) -> str:
    """``<a href=…>`` to the page on the ``vkdocs`` command (or the help command, if there is no such page)."""
    builder = translator.builder
    found = builder.env.get_domain("std").labels.get(CLI_LABEL)
    if not found:
        return "<code>vkdocs --help</code>"
    docname, anchor, title = found
    uri = builder.get_relative_uri(builder.current_docname, docname) + "#" + anchor
    return f'<a href="{translator.attval(uri)}">{translator.encode(title)}</a>'


def by_calendar(lang: str) -> str:
    """How to count the last day on a calendar, with the worked example's dates.

    The window is a whole number of weeks: on the same weekday that many weeks
    after the deletion it is too late, so the last day is the day before.

    >>> print(by_calendar("en"))
    To count on a calendar: 210 days is exactly 30 weeks. Count 30 weeks on from the day of deletion: on that day the page can no longer be restored, and the last day is the day before. For example, the page was deleted on October 1, 2026: 30 weeks later is April 29, 2027, so the last day is April 28, 2027.
    """
    weeks, rest = divmod(RESTORE_WINDOW.days, 7)
    if rest:
        raise ExtensionError(f"vk-deadline-calculator: the window ({RESTORE_WINDOW.days} days) is not whole weeks")
    deleted = EXAMPLE[0]
    return message(
        "calculator_by_calendar",
        lang,
        window=format_days(RESTORE_WINDOW.days, lang),
        weeks=plural("weeks", weeks, lang),
        deleted=deleted,
        too_late=deleted + RESTORE_WINDOW,
        last_day=deleted + LAST_DAY_OFFSET,
    )


def noscript_text(lang: str) -> list[str]:
    """The calculator's place without JavaScript: the rule, the worked example, and counting on a calendar."""
    return [*printed_text(lang), by_calendar(lang)]


def _noscript_html(translator: Any, lang: str) -> str:
    """The rule, a calendar count, the example, and the command: `code` in the message becomes <code>."""
    marker = "\x00link\x00"
    # Set like the page's own text (vkdocs.sphinx.typography sets nodes; this is HTML already).
    paragraphs = [translator.encode(tie(text)) for text in noscript_text(lang)]
    command = translator.encode(tie(message("calculator_noscript", lang, link=marker)))
    command = re.sub(r"`([^`]+)`", r"<code>\1</code>", command).replace(marker, _cli_link(translator))
    body = "".join(f"<p>{text}</p>" for text in [*paragraphs, command])
    return f'<noscript><div class="vk-deadline-calculator__noscript">{body}</div></noscript>\n'


def visit_calculator_html(self: Any, node: vk_deadline_calculator) -> None:
    data = node["data"]
    lang = data["lang"]
    base = node["ids"][0]
    field, hint = f"{base}-date", f"{base}-hint"
    escape = self.encode
    self.body.append(
        _noscript_html(self, lang)
        + f'<div class="vk-deadline-calculator" id="{base}" data-vk-deadline-calculator hidden>\n'
        f'<script type="application/json" class="vk-deadline-calculator__data">{json_for_script(data)}</script>\n'
        f'<label class="vk-deadline-calculator__label" for="{field}">{escape(message("calculator_label", lang))}</label>\n'
        f'<p class="vk-deadline-calculator__hint" id="{hint}">{escape(message("calculator_hint", lang))}</p>\n'
        f'<input class="vk-deadline-calculator__date" type="text" name="deleted-on" id="{field}" '
        f'aria-describedby="{hint}" inputmode="decimal" autocomplete="off" spellcheck="false" autocapitalize="off" size="12">\n'
        f'<output class="vk-deadline-calculator__output" for="{field}" aria-live="polite" aria-atomic="true">'
        '<span class="vk-deadline-calculator__understood"></span>'
        f'<span class="vk-deadline-calculator__result" id="{base}-result"></span></output>\n'
        '<p class="vk-deadline-calculator__print" hidden><button type="button">'
        f"{escape(message('calculator_print', lang))}</button></p>\n"
        "</div>\n"
    )
    raise nodes.SkipNode


def _add_substitutions(app: Sphinx, config: Config) -> None:
    config.myst_substitutions = {
        **getattr(config, "myst_substitutions", {}),
        "restore_window_days": str(RESTORE_WINDOW.days),
        "last_day_offset_days": str(LAST_DAY_OFFSET.days),
    }


def setup(app: Sphinx) -> dict[str, Any]:
    # Other builders: the node's children (the rule and the example) print as plain paragraphs.
    add_node(app, vk_deadline_calculator, html=(visit_calculator_html, None), elsewhere=(pass_node, pass_node))
    app.add_directive("vk-deadline-calculator", DeadlineCalculatorDirective)
    load_assets(app, vk_deadline_calculator, script=SCRIPT, stylesheet=STYLES)
    app.connect("config-inited", _add_substitutions)
    return {"version": "1.1", "parallel_read_safe": True, "parallel_write_safe": True}
