"""The in-page restore-deadline calculator: ``{vk-deadline-calculator}``.

In a page (the restore page's ``(restore-calculator)=`` section)::

    ```{vk-deadline-calculator}
    ```

It renders a date field and an output area. The arithmetic runs in the
reader's browser (``_static/deadline-calculator.js``, plain JavaScript, no
third-party code, no network: it works on Read the Docs and from ``file://``),
but every rule and every word comes from the Python helpers, written into the
page as inline JSON when the docs are built:

* the window (:data:`vkdocs.deadline.RESTORE_WINDOW`) and :data:`vkdocs.deadline.VK_LAUNCH`;
* the sentences and error messages (:mod:`vkdocs.messages`);
* "N days" with its plural form for every possible count
  (:func:`vkdocs.deadline.format_days`, CLDR rules through Babel);
* the long date pattern and month names of the build's language (Babel), with
  the same no-break-space clean-up as :func:`vkdocs.deadline.format_long_date`.

So the page and ``vkdocs deadline`` cannot disagree; the browser tests check
the page against :func:`vkdocs.deadline.describe` for many dates.

Builders other than HTML (PDF, text) leave the calculator out.
"""

from __future__ import annotations

import json
import re

from babel import Locale
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from vkdocs.deadline import RESTORE_WINDOW, VK_LAUNCH, check_language, format_days
from vkdocs.messages import MESSAGES, message

SCRIPT = "deadline-calculator.js"

#: Messages the script needs, by their key in vkdocs.messages.
MESSAGE_KEYS = (
    "deadline_open",
    "deadline_closed",
    "deadline_trust_dialog",
    "bad_date_format",
    "impossible_date",
    "before_vk",
    "deleted_after_today",
    "calculator_empty",
    "calculator_incomplete",
)

# Date-pattern fields the script understands: day, month, year.
_PATTERN_FIELDS = re.compile(r"'[^']*'|([A-Za-z])\1*")
_SUPPORTED_FIELDS = {"d", "dd", "M", "MM", "MMMM", "y", "yyyy"}


class vk_deadline_calculator(nodes.General, nodes.Element):
    """The calculator's place in the doctree; its data sits in ``node["data"]``."""


def _clean(text: str) -> str:
    # The same clean-up as vkdocs.deadline.format_long_date.
    return text.replace("\u202f", " ")


def calculator_data(lang: str) -> dict:
    """Everything the script needs to compute and word the result in ``lang``."""
    check_language(lang)
    locale = Locale.parse(lang)
    pattern = _clean(locale.date_formats["long"].pattern)
    for match in _PATTERN_FIELDS.finditer(pattern):
        if match.group(1) and match.group(0) not in _SUPPORTED_FIELDS:
            raise ExtensionError(
                f"vk-deadline-calculator: date field {match.group(0)!r} in {pattern!r} is not supported"
            )
    return {
        "lang": lang,
        "windowDays": RESTORE_WINDOW.days,
        "vkLaunch": VK_LAUNCH.isoformat(),
        "datePattern": pattern,
        "months": [_clean(locale.months["format"]["wide"][number]) for number in range(1, 13)],
        "days": [format_days(count, lang) for count in range(RESTORE_WINDOW.days + 1)],
        "messages": {key: MESSAGES[key][lang] for key in MESSAGE_KEYS},  # placeholders intact: {name}, {name!r}
    }


def _json_for_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # Safe inside <script>: no "</script>", no HTML comment openers.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class DeadlineCalculatorDirective(SphinxDirective):
    """``{vk-deadline-calculator}``: no arguments, no content."""

    def run(self) -> list[nodes.Node]:
        node = vk_deadline_calculator()
        node["ids"] = [f"vk-deadline-calculator-{self.env.new_serialno('vk-deadline-calculator')}"]
        node["data"] = calculator_data(self.config.language)
        self.set_source_info(node)
        return [node]


def visit_calculator_html(self, node: vk_deadline_calculator) -> None:
    data = node["data"]
    field = node["ids"][0] + "-date"
    escape = self.encode
    self.body.append(
        f'<div class="vk-deadline-calculator" id="{node["ids"][0]}" data-vk-deadline-calculator hidden>\n'
        f'<script type="application/json" class="vk-deadline-calculator__data">{_json_for_script(data)}</script>\n'
        f'<label class="vk-deadline-calculator__label" for="{field}">{escape(message("calculator_label", data["lang"]))}</label>\n'
        f'<input class="vk-deadline-calculator__date" type="date" id="{field}" min="{data["vkLaunch"]}" autocomplete="off">\n'
        f'<output class="vk-deadline-calculator__result" for="{field}" aria-live="polite"></output>\n'
        "</div>\n"
    )
    raise nodes.SkipNode


def skip_calculator(self, node: vk_deadline_calculator) -> None:
    raise nodes.SkipNode


def add_script(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Load the script only on pages that show a calculator."""
    if doctree is not None and next(doctree.findall(vk_deadline_calculator), None) is not None:
        app.add_js_file(SCRIPT, loading_method="defer")


def setup(app: Sphinx) -> dict:
    app.add_node(
        vk_deadline_calculator,
        html=(visit_calculator_html, None),
        latex=(skip_calculator, None),
        text=(skip_calculator, None),
        man=(skip_calculator, None),
        texinfo=(skip_calculator, None),
    )
    app.add_directive("vk-deadline-calculator", DeadlineCalculatorDirective)
    app.connect("html-page-context", add_script)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
