"""Checklists for each situation, in every language, built from one data file.

The procedures live in ``data/procedures.json``, written in Russian and
translated in the ``vkdocs`` catalogs (:mod:`vkdocs.i18n`); this module only
selects and renders them, so the pages, the command line and the printed
handouts show the same steps.

Every step and every warning cites the evidence register
(:mod:`vkdocs.evidence`) by id, or cites nothing: then no guide says it, and
it is our advice. Each rendering says which after the text: the guides'
letters, or our advice (the message ``our_advice``).

>>> checklist = build_checklist("remove-app", lang="en")
>>> print(checklist.title)
Remove only the VK app
>>> print(checklist.to_text().splitlines()[2])
☐ Keep in mind: your page stays, and you can still log in through a browser. (A)
>>> checklist.warnings[0].sources
('A-remove-app-keeps-page',)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from typing import Any

from vkdocs.deadline import DateLike, describe, last_day, parse_date, state
from vkdocs.errors import InputError, InputTypeError
from vkdocs.evidence import attribution
from vkdocs.i18n import SOURCE_LANGUAGE, check_language, languages, localized
from vkdocs.messages import message

PLATFORMS = ("computer", "phone-browser", "app")

#: A record of the data file, as JSON gives it.
Record = dict[str, Any]


def _data(lang: str) -> Record:
    """The procedures with their texts in ``lang`` (the data's ids and sources are the same in every language)."""
    data: Record = localized("procedures.json", lang)
    return data


@dataclass(frozen=True)
class Caution:
    """A warning: of a whole checklist, or of one step.

    ``sources`` are the ids of the evidence register (:mod:`vkdocs.evidence`)
    whose quotes the warning follows; none means no guide gives it: it is our
    advice. :attr:`attribution` says which, as print and the command line show it.

    >>> caution = build_checklist("remove-app", lang="en").warnings[0]
    >>> caution.sources, caution.attribution
    (('A-remove-app-keeps-page',), '(A)')
    """

    text: str
    sources: tuple[str, ...] = ()
    lang: str = SOURCE_LANGUAGE

    @property
    def attribution(self) -> str:
        """The guides' letters in brackets, or our advice in brackets: :func:`vkdocs.evidence.attribution`."""
        return attribution(self.sources, self.lang)


@dataclass(frozen=True)
class Step:
    """One thing to do, with an optional warning that belongs to it.

    ``sources`` are the ids of the evidence register (:mod:`vkdocs.evidence`)
    whose quotes the step follows; none means no guide gives it: it is our advice.

    >>> step = build_checklist("restore", lang="en").steps[0]
    >>> step.sources, step.attribution
    (('A-restore-login', 'C-restore-link'), '(A, C)')
    """

    text: str
    warning: Caution | None = None
    sources: tuple[str, ...] = ()
    lang: str = SOURCE_LANGUAGE

    @property
    def attribution(self) -> str:
        """The guides' letters in brackets, or our advice in brackets: :func:`vkdocs.evidence.attribution`."""
        return attribution(self.sources, self.lang)


@dataclass(frozen=True)
class Section:
    """Steps under an optional heading (a platform, when steps differ by platform)."""

    heading: str | None
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Checklist:
    """A situation's steps in one language, ready to render."""

    situation: str
    lang: str
    title: str
    sections: tuple[Section, ...]
    warnings: tuple[Caution, ...] = ()
    note: str | None = None
    platform: str | None = field(default=None)

    @property
    def steps(self) -> tuple[Step, ...]:
        """All steps of all sections, in order."""
        return tuple(step for section in self.sections for step in section.steps)

    def to_markdown(self) -> str:
        """A Markdown task list (``- [ ] …``), which MyST renders as checkboxes; each step and warning ends with
        its guides' letters or our advice (:attr:`Step.attribution`, :attr:`Caution.attribution`).

        >>> print(build_checklist("close-profile", lang="en", platform="app").to_markdown(), end="")
        ### Make your profile private
        <BLANKLINE>
        - [ ] In the app, open your profile settings and go to «Приватность» (Privacy). (D)
        - [ ] Scroll down and switch on «Закрытый профиль» (Private profile). (D)
        - [ ] Look at your page from another account, or ask someone you know to check what strangers can see. (Our advice)
        <BLANKLINE>
        > **Warning:** Only your friends see the posts of a private profile. You can make it public again at any time. (D)

        Each warning is a paragraph of its own, with a blank line between
        warnings, so Markdown never runs two of them together:

        >>> markdown = build_checklist("restore", lang="en").to_markdown()
        >>> print(markdown[markdown.index("> **Warning:**") :], end="")
        > **Warning:** Restoring is free. Anyone who asks for money to restore a page is a fraudster. (E)
        <BLANKLINE>
        > **Warning:** Never give anyone your password or SMS codes, not even “VK staff”. (Our advice)
        """
        return self._render(_MARKDOWN)

    def to_text(self) -> str:
        """Plain text with ☐ boxes, for printing or pasting into a message; each step and warning ends with its
        guides' letters or our advice, as in :meth:`to_markdown`.

        >>> print(build_checklist("close-profile", lang="ru", platform="computer").to_text(), end="")
        Закрыть профиль
        <BLANKLINE>
        ☐ Откройте «Настройки» и перейдите в раздел «Приватность». (D)
        ☐ Внизу найдите «Тип профиля» и выберите «Закрытый». (D)
        ☐ Откройте свою страницу с другого аккаунта или попросите знакомого проверить, что видно посторонним. (Наш совет)
        <BLANKLINE>
        ⚠ Внимание: Записи закрытого профиля видят ваши друзья. Профиль можно снова открыть в любой момент. (D)
        """
        return self._render(_TEXT)

    def _render(self, style: _Style) -> str:
        warning = message("warning", self.lang)
        lines = [style.title.format(self.title), ""]
        if self.note:
            lines += [self.note, ""]
        for section in self.sections:
            if section.heading:
                lines += style.heading(section.heading)
            for step in section.steps:
                lines.append(style.step.format(_cited(step)))
                if step.warning:
                    lines.append(style.step_warning.format(warning, _cited(step.warning)))
            lines.append("")
        for caution in self.warnings:
            lines += [style.warning.format(warning, _cited(caution)), ""]
        return "\n".join(lines).rstrip() + "\n"


def _cited(item: Step | Caution) -> str:
    """A step's or a warning's text followed by its guides' letters or our advice."""
    return f"{item.text} {item.attribution}"


@dataclass(frozen=True)
class _Style:
    """How a rendering spells each part of a checklist."""

    title: str
    heading: Callable[[str], list[str]]
    step: str
    step_warning: str
    warning: str


_MARKDOWN = _Style("### {}", lambda h: [f"**{h}**", ""], "- [ ] {}", "  *{}:* {}", "> **{}:** {}")
_TEXT = _Style("{}", lambda h: [f"{h}:"], "☐ {}", "  ⚠ {}: {}", "⚠ {}: {}")


def situations() -> dict[str, dict[str, str]]:
    """Every situation id with its title in every language. Raises nothing.

    >>> situations()["restore"]
    {'ru': 'Восстановить удалённую страницу', 'en': 'Restore a deleted page'}
    >>> list(situations())
    ['delete', 'restore', 'close-profile', 'hide', 'remove-app', 'blocked', 'lost-login', 'hacked', 'someone-else']
    """
    every = {lang: _data(lang)["situations"] for lang in languages()}
    return {key: {lang: every[lang][key]["title"] for lang in every} for key in _data(languages()[0])["situations"]}


def platforms() -> dict[str, dict[str, str]]:
    """Every platform id with its label in every language. Raises nothing.

    >>> platforms()["phone-browser"]["en"]
    'In a phone browser (m.vk.com)'
    """
    return {key: {lang: _data(lang)["platforms"][key] for lang in languages()} for key in PLATFORMS}


def handout_dates(
    situation: str, deleted_on: DateLike | None, today: DateLike | None
) -> tuple[date | None, date | None]:
    """The dates a handout fills in, read and checked: the date of deletion (``restore`` only) and today.

    Raises :class:`~vkdocs.errors.InputError` for a date of deletion given for
    another situation, and the date errors of :mod:`vkdocs.deadline` (a
    deletion after ``today`` included).

    >>> handout_dates("restore", "01.10.2026", "2026-11-25")
    (datetime.date(2026, 10, 1), datetime.date(2026, 11, 25))
    >>> handout_dates("hide", "2026-10-01", None)
    Traceback (most recent call last):
    ...
    vkdocs.errors.InputError: A deletion date applies only to the 'restore' situation, not 'hide'.
    """
    if deleted_on is not None and situation != "restore":
        raise InputError("deleted_on_needs_restore", value=situation)
    deleted = parse_date(deleted_on, name="deleted_on") if deleted_on is not None else None
    now = parse_date(today, name="today") if today is not None else None
    if deleted is not None:
        last_day(deleted)  # a date VK can have deleted a page on
        if now is not None:
            state(deleted, now)  # not after today
    return deleted, now


def situation_page(situation: str) -> str:
    """The docs page (Sphinx document name) that explains ``situation``.

    Raises :class:`~vkdocs.errors.InputError` for an unknown situation and
    :class:`~vkdocs.errors.InputTypeError` for one that is not a string.

    >>> situation_page("hacked")
    'howto/lost-access'
    """
    page: str = _situation(situation)["page"]
    return page


def _check_text(value: object, name: str) -> None:
    if not isinstance(value, str):
        raise InputTypeError("bad_text_type", name=name, type=type(value).__name__, value=value)


def _situation(situation: str) -> Record:
    _check_text(situation, "situation")
    known: dict[str, Record] = _data(languages()[0])["situations"]
    if situation not in known:
        raise InputError("unknown_situation", value=situation, choices=", ".join(known))
    return known[situation]


def _check_platform(platform: str | None) -> None:
    if platform is None:
        return
    _check_text(platform, "platform")
    if platform not in PLATFORMS:
        raise InputError("unknown_platform", value=platform, choices=", ".join(PLATFORMS))


def _caution(record: Record, lang: str) -> Caution:
    return Caution(record["text"], tuple(record["sources"]), lang)


def _sections(steps: list[Record], lang: str, platform: str | None) -> tuple[Section, ...]:
    """Group steps: shared ones stay in place; with no platform chosen, each
    run of platform-specific steps becomes one section per platform, and the
    shared steps after such a run are headed "Then, on any device"."""

    def step(record: Record) -> Step:
        warning = _caution(record["warning"], lang) if "warning" in record else None
        return Step(record["text"], warning, tuple(record["sources"]), lang)

    if platform is not None:
        chosen = [step(r) for r in steps if platform in r.get("platforms", PLATFORMS)]
        return (Section(None, tuple(chosen)),)

    labels = platforms()
    sections: list[Section] = []
    for specific, group in groupby(steps, key=lambda record: "platforms" in record):
        run = list(group)
        if not specific:
            # Shared steps after platform ones say so, or they read as the last platform's.
            heading = message("any_platform", lang) if sections else None
            sections.append(Section(heading, tuple(step(r) for r in run)))
            continue
        for name in PLATFORMS:
            steps_here = tuple(step(r) for r in run if name in r["platforms"])
            if steps_here:
                sections.append(Section(labels[name][lang], steps_here))
    return tuple(sections)


def build_checklist(
    situation: str,
    *,
    lang: str,
    platform: str | None = None,
    deleted_on: DateLike | None = None,
    today: DateLike | None = None,
) -> Checklist:
    """The checklist for ``situation`` in ``lang``.

    ``platform`` (``computer``, ``phone-browser``, ``app``) keeps only the
    steps for it; without it, steps that differ by platform are grouped under
    a heading per platform. For ``restore``, ``deleted_on`` and ``today`` add
    the last day to restore the page, in the words of
    :func:`vkdocs.deadline.describe`.

    Raises :class:`~vkdocs.errors.InputError` for an unknown situation,
    language or platform, a ``deleted_on`` for another situation than
    ``restore`` or without ``today``, and the date errors of
    :func:`vkdocs.deadline.days_left`; :class:`~vkdocs.errors.InputTypeError`
    when ``situation``, ``lang`` or ``platform`` is not a string (a list, say)
    or a date is not a date.

    >>> from datetime import date
    >>> checklist = build_checklist("restore", lang="en", deleted_on="2026-10-01", today=date(2026, 11, 25))
    >>> print(checklist.note)
    The last day to restore the page is April 28, 2027: 155 days left, counting today. Do not wait for the last day. If VK's dialog on the deleted page gives a date to restore it by, restore the page before that date, and no later than the last day, whichever comes first.
    >>> [section.heading for section in build_checklist("delete", lang="en").sections]
    [None, 'On a computer (vk.com)', 'In a phone browser (m.vk.com)', 'In the VK app', 'Then, on any device']
    >>> build_checklist("delete-friend", lang="en")
    Traceback (most recent call last):
    ...
    vkdocs.errors.InputError: Unknown situation 'delete-friend'. Use one of: delete, restore, close-profile, hide, remove-app, blocked, lost-login, hacked, someone-else.
    >>> build_checklist(["restore"], lang="en")
    Traceback (most recent call last):
    ...
    vkdocs.errors.InputTypeError: situation: expected a string (str), got list ['restore'].
    """
    _situation(situation)
    check_language(lang)
    record = _data(lang)["situations"][situation]
    _check_platform(platform)
    note = None
    if deleted_on is not None:
        if situation != "restore":
            raise InputError("deleted_on_needs_restore", value=situation)
        if today is None:
            raise InputError("today_needed")
        note = describe(deleted_on, today, lang)
    return Checklist(
        situation=situation,
        lang=lang,
        title=record["title"],
        sections=_sections(record["steps"], lang, platform),
        warnings=tuple(_caution(warning, lang) for warning in record.get("warnings", ())),
        note=note,
        platform=platform,
    )


__all__ = [
    "Caution",
    "Checklist",
    "Section",
    "Step",
    "build_checklist",
    "handout_dates",
    "platforms",
    "situation_page",
    "situations",
]
