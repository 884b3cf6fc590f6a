"""The question path: a few questions that lead a reader to the right page and section.

The tree lives in ``data/triage.json``, beside the procedures, written in
Russian and translated in the ``vkdocs`` catalogs (:mod:`vkdocs.i18n`). The start page renders it (:mod:`vkdocs.sphinx.triage`), the
manual prints it as an outline, and ``vkdocs triage`` asks it in the terminal:
the same answers lead to the same place everywhere.

>>> tree = load_tree()
>>> question = tree.questions[tree.start]
>>> print(question.text["en"])
Is it your page?
>>> [answer.text["en"] for answer in question.answers]
['Yes, it is mine', 'No, it is someone else’s, or someone is pretending to be me']
>>> print(tree.follow([1, 1, 5, 1]).path)
howto/restore.html#restore-steps

A question is a section of the start page, its key is that section's anchor
(``path-whose``); an answer either asks the ``next`` question or says which
section to ``read``: a Sphinx label, which is the section's anchor in HTML.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol, TextIO

from vkdocs import console, digits, evidence
from vkdocs.checklist import situation_page, situations
from vkdocs.errors import InputError, echo
from vkdocs.i18n import SOURCE_LANGUAGE, in_every_language, locale_dirs, read_source
from vkdocs.messages import message
from vkdocs.site import SITE_URL, page_url

#: A reader reaches the page to read in at most this many answers.
MAX_ANSWERS = 4


def triage_message(key: str, lang: str, /, **params: object) -> str:
    """The message ``triage_<key>`` in ``lang``; a parameter given in every language is taken in ``lang``.

    >>> triage_message("prompt", "en", count=3)
    'Your answer (1–3): '
    >>> triage_message("input_ended", "ru", question={"ru": "Это ваша страница?", "en": "Is it your page?"}, count=2)
    'Ответы закончились раньше времени: на вопрос «Это ваша страница?» нужен номер от 1 до 2.'
    """
    params = {name: value[lang] if isinstance(value, dict) else value for name, value in params.items()}
    return message(f"triage_{key}", lang, **params)


class AnswerError(InputError):
    """An answer the question does not offer, or no answer where one was needed."""

    def __init__(self, key: str, **params: object) -> None:
        if "value" in params:
            params["value"] = echo(params["value"])
        self.key = key
        self.params = params
        ValueError.__init__(self, triage_message(key, "en", **params))

    def localized(self, lang: str) -> str:
        """The message in ``lang`` (``"ru"`` or ``"en"``)."""
        return triage_message(self.key, lang, **self.params)


@dataclass(frozen=True)
class Destination:
    """A section to read: its Sphinx label (the HTML anchor), page, and titles in both languages."""

    anchor: str
    page: str
    title: dict[str, str]
    page_title: dict[str, str]
    situation: str | None = None

    @property
    def path(self) -> str:
        """Where it is in the built site, from the language's root: ``howto/restore.html#restore-steps``."""
        return f"{self.page}.html#{self.anchor}"

    @property
    def is_page(self) -> bool:
        """True when the anchor is the page itself (its title is the page's title)."""
        return self.title == self.page_title

    def heading(self, lang: str) -> str:
        """The page's title, then the section's when it is a section of the page.

        >>> print(load_tree().destinations["hacked"].heading("en"))
        You can’t get into your page › Your page was hacked
        >>> print(load_tree().destinations["delete"].heading("ru"))
        Удалить свою страницу
        """
        if self.is_page:
            return self.title[lang]
        return f"{self.page_title[lang]} › {self.title[lang]}"


@dataclass(frozen=True)
class Answer:
    """One answer: it asks the ``next`` question or says which section to ``read``, with an optional note.

    ``sources``: the evidence ids (:mod:`vkdocs.evidence`) behind what the
    answer and its note say about VK; empty when no guide says it (a note is
    then marked as our advice).
    """

    text: dict[str, str]
    next: str | None = None
    read: str | None = None
    note: dict[str, str] | None = None
    sources: tuple[str, ...] = ()

    @property
    def section(self) -> str:
        """The section this answer leads to; :class:`ValueError` for an answer that asks ``next``."""
        if self.read is None:
            raise ValueError(f"the answer {self.text!r} asks the question {self.next!r}, it leads to no section")
        return self.read


@dataclass(frozen=True)
class Question:
    """A question with its answers, numbered from 1 in the order given."""

    anchor: str
    text: dict[str, str]
    answers: tuple[Answer, ...]

    def choose(self, reply: str) -> Answer:
        """The answer numbered ``reply``, in the digits 0-9 (:func:`vkdocs.digits.number`; spaces around it are ignored).

        >>> load_tree().questions["path-whose"].choose(" 2 ").read
        'someone-else'
        >>> load_tree().questions["path-whose"].choose("２")
        Traceback (most recent call last):
        ...
        vkdocs.triage.AnswerError: “Is it your page?” has no answer '２': type a number from 1 to 2.
        """
        chosen = digits.number(reply)
        if chosen is not None and 1 <= chosen <= len(self.answers):
            return self.answers[chosen - 1]
        raise AnswerError("not_offered", question=self.text, value=reply.strip(), count=len(self.answers))


@dataclass(frozen=True)
class Walk:
    """One way through the tree: the answers' numbers, the questions asked, and where it ends."""

    answers: tuple[int, ...]
    questions: tuple[str, ...]
    destination: Destination
    note: dict[str, str] | None


@dataclass(frozen=True)
class Tree:
    """The whole question path: the first question, every question, and every section it leads to."""

    start: str
    questions: dict[str, Question]
    destinations: dict[str, Destination]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Tree:
        """The tree in ``data`` (the layout of ``data/triage.json``), checked with :func:`tree_problems`,
        with every text in every language of :func:`vkdocs.i18n.languages`."""
        problems = tree_problems(data)
        if problems:
            raise ValueError("The question path is not valid:\n" + "\n".join(f"- {p}" for p in problems))
        pages = data["pages"]

        def texts(text: str, context: str | None = None) -> dict[str, str]:
            return in_every_language(text, context=context)

        destinations = {
            anchor: Destination(
                anchor,
                d["page"],
                texts(d["title"], "section title"),
                texts(pages[d["page"]], "page title"),
                d.get("situation"),
            )
            for anchor, d in data["destinations"].items()
        }
        questions = {
            anchor: Question(
                anchor,
                texts(q["text"]),
                tuple(
                    Answer(
                        texts(a["text"]),
                        a.get("next"),
                        a.get("read"),
                        texts(a["note"]) if "note" in a else None,
                        tuple(a.get("sources", ())),
                    )
                    for a in q["answers"]
                ),
            )
            for anchor, q in data["questions"].items()
        }
        return cls(data["start"], questions, destinations)

    def walks(self) -> list[Walk]:
        """Every way from the first question to a section, in the order of the answers.

        >>> walks = load_tree().walks()
        >>> [(walk.answers, walk.destination.anchor) for walk in walks][:3]
        [((1, 1, 1), 'delete'), ((1, 1, 2), 'close-profile'), ((1, 1, 3), 'hide-max')]
        >>> max(len(walk.answers) for walk in walks) <= MAX_ANSWERS
        True
        """
        found: list[Walk] = []

        def visit(anchor: str, numbers: tuple[int, ...], asked: tuple[str, ...]) -> None:
            for number, answer in enumerate(self.questions[anchor].answers, 1):
                if answer.next is not None:
                    visit(answer.next, (*numbers, number), (*asked, anchor))
                else:
                    found.append(
                        Walk((*numbers, number), (*asked, anchor), self.destinations[answer.section], answer.note)
                    )

        visit(self.start, (), ())
        return found

    def follow(self, numbers: Iterable[int | str]) -> Destination:
        """Where the answers numbered ``numbers`` lead, one per question, from the first.

        >>> print(load_tree().follow(["1", "2"]).path)
        howto/lost-access.html#hacked
        >>> load_tree().follow([1])
        Traceback (most recent call last):
        ...
        vkdocs.triage.AnswerError: The answers [1] do not lead to a page.
        """
        numbers = list(numbers)
        question = self.questions[self.start]
        for index, number in enumerate(numbers):
            answer = question.choose(str(number))
            if answer.next is None:
                if index != len(numbers) - 1:
                    break
                return self.destinations[answer.section]
            question = self.questions[answer.next]
        raise AnswerError("unknown_answer_path", value=numbers)


def _text_problems(where: str, text: object) -> list[str]:
    if not isinstance(text, str):
        return [f"{where}: give the text as a string, in Russian (got {text!r})"]
    return [f"{where}: the text is empty"] if not text.strip() else []


def advice_problem(note: str, sources: Iterable[str], lang: str) -> str | None:
    """What is wrong with a ``note`` (in ``lang``) that cites ``sources``: a note no guide gives must say it is our
    advice, in the one wording used everywhere (the message ``our_advice``, then a colon); ``None`` when it is right.

    >>> advice_problem("Our advice: take your time.", [], "en") is None
    True
    >>> print(advice_problem("Take your time.", [], "en"))
    a note that cites no guide must begin with 'Our advice:' (got 'Take your time.')
    >>> advice_problem("Guide E advises scanning the device.", ["E-virus"], "en") is None
    True
    """
    opening = message("our_advice", lang) + ":"
    if list(sources) or note.startswith(opening):
        return None
    return f"a note that cites no guide must begin with {opening!r} (got {note!r})"


def _source_problems(where: str, answer: dict[str, Any]) -> list[str]:
    sources = answer.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(ident, str) for ident in sources):
        return [f"{where}: give 'sources' as a list of evidence ids (got {sources!r})"]
    problems = []
    try:
        evidence.check_ids(sources)
    except ValueError as error:
        problems.append(f"{where}: {error}")
    if sources and "read" not in answer:
        problems.append(f"{where}: only an answer that leads to a section cites 'sources' (its quotes are shown there)")
    if isinstance(answer.get("note"), str):
        wrong = advice_problem(answer["note"], sources, SOURCE_LANGUAGE)
        if wrong:
            problems.append(f"{where}: {wrong}")
    return problems


def tree_problems(data: dict[str, Any]) -> list[str]:
    """Everything wrong with a tree in the layout of ``data/triage.json``; an empty list when it is sound.

    It checks that every text is a Russian string (the catalogs translate it);
    that every id an answer cites is in the evidence register, and only an
    answer that leads to a section cites (the reader sees its quotes there);
    that a note no guide gives begins with «Наш совет» (:func:`advice_problem`);
    that every answer leads to
    a question or a section that exists; that every question and every section
    is used; that there is no loop; that no section is more than
    :data:`MAX_ANSWERS` answers away; and that every situation of
    :func:`vkdocs.checklist.situations` is reached, on its own page.

    >>> tree_problems(read_source("triage.json"))
    []
    >>> tree_problems({"start": "path-a", "pages": {}, "destinations": {}, "questions": {"path-a": {
    ...     "text": "Можете войти?",
    ...     "answers": [{"text": "Да", "next": "path-b"}, {"text": "Нет", "read": "lost-login"}]}}})
    ["question path-a, answer 1: the next question 'path-b' does not exist", "question path-a, answer 2: the section 'lost-login' is not among the destinations"]
    """
    problems: list[str] = []
    questions = data.get("questions", {})
    destinations = data.get("destinations", {})
    pages = data.get("pages", {})
    start = data.get("start")
    if not isinstance(start, str) or start not in questions:
        return [f"the start question {start!r} is not one of the questions: {', '.join(questions)}"]

    for anchor, question in questions.items():
        problems += _text_problems(f"question {anchor}", question.get("text"))
        answers = question.get("answers") or []
        if len(answers) < 2:
            problems.append(f"question {anchor}: give at least two answers")
        labels = [a.get("text") for a in answers]
        if len(labels) != len(set(map(str, labels))):
            problems.append(f"question {anchor}: two answers have the same text")
        for number, answer in enumerate(answers, 1):
            where = f"question {anchor}, answer {number}"
            problems += _text_problems(where, answer.get("text"))
            if "note" in answer:
                problems += _text_problems(f"{where}, note", answer["note"])
            problems += _source_problems(where, answer)
            if ("next" in answer) == ("read" in answer):
                problems.append(f"{where}: give either 'next' (a question) or 'read' (a section), not both or neither")
            elif "next" in answer and answer["next"] not in questions:
                problems.append(f"{where}: the next question {answer['next']!r} does not exist")
            elif "read" in answer and answer["read"] not in destinations:
                problems.append(f"{where}: the section {answer['read']!r} is not among the destinations")

    for anchor, destination in destinations.items():
        problems += _text_problems(f"destination {anchor}", destination.get("title"))
        page = destination.get("page")
        if page not in pages:
            problems.append(f"destination {anchor}: its page {page!r} has no titles under 'pages'")
        situation = destination.get("situation")
        if situation is not None:
            if situation not in situations():
                problems.append(f"destination {anchor}: unknown situation {situation!r}")
            elif situation_page(situation) != page:
                problems.append(
                    f"destination {anchor}: situation {situation!r} is on {situation_page(situation)!r}, not {page!r}"
                )
    for page, titles in pages.items():
        problems += _text_problems(f"page {page}", titles)
    if problems:
        return problems

    # Walk every way from the start: loops, depth, what is reached.
    asked: set[str] = set()
    reached: set[str] = set()

    def visit(anchor: str, trail: tuple[str, ...]) -> None:
        if anchor in trail:
            problems.append(
                f"question {anchor} loops back to a question already asked: " + " → ".join((*trail, anchor))
            )
            return
        asked.add(anchor)
        for number, answer in enumerate(questions[anchor]["answers"], 1):
            if "next" in answer:
                visit(answer["next"], (*trail, anchor))
                continue
            reached.add(answer["read"])
            if len(trail) + 1 > MAX_ANSWERS:
                problems.append(
                    f"question {anchor}, answer {number}: {answer['read']!r} is {len(trail) + 1} answers away "
                    f"(at most {MAX_ANSWERS}): " + " → ".join((*trail, anchor))
                )

    visit(start, ())
    problems += [f"question {anchor} is never asked" for anchor in questions if anchor not in asked]
    problems += [f"no answer leads to destination {anchor!r}" for anchor in destinations if anchor not in reached]
    covered = {destinations[anchor].get("situation") for anchor in reached}
    problems += [f"no answer leads to situation {key!r}" for key in situations() if key not in covered]
    return problems


def load_tree() -> Tree:
    """The question path of ``data/triage.json``, checked (a :class:`ValueError` lists what is wrong)."""
    return _load_tree(locale_dirs())


@cache
def _load_tree(dirs: tuple[Path, ...]) -> Tree:
    """The tree with the texts of the catalogs found in ``dirs`` (:func:`vkdocs.i18n.locale_dirs`)."""
    return Tree.from_dict(read_source("triage.json"))


# The terminal ------------------------------------------------------------------------------------------


class Output(Protocol):
    """Where the terminal's text goes: a text stream that can be written and flushed."""

    def write(self, text: str, /) -> int: ...

    def flush(self) -> None: ...


def run_triage(
    lang: str,
    stdin: TextIO | None = None,
    stdout: Output | None = None,
    stderr: Output | None = None,
    *,
    base: str | None = SITE_URL,
) -> int:
    """Ask the questions in ``lang`` with numbered answers; print where to read; return the exit status.

    Answers are read one per line, as numbers in the digits 0-9
    (:mod:`vkdocs.digits`). The last line is the full address of the section
    to read when ``base``, the site's address (:data:`vkdocs.site.SITE_URL`),
    is known; its path inside the site otherwise.

    * **From a person at a terminal:** an answer that is not offered (or an
      empty line) gets the question's prompt again, with the numbers that are
      offered. Ctrl-D or Ctrl-C stops, saying so in one line on ``stderr``:
      status 2 (Ctrl-D, like answers that run out) or 130 (Ctrl-C).
    * **From a pipe or a file:** each answer is echoed after its prompt (at
      most :data:`~vkdocs.errors.ECHO_LIMIT` characters), so the output reads
      like the conversation. An answer that is not offered, or input that
      ends before a page is reached, prints one line on ``stderr`` and
      returns 2.

    A missing ``stdin`` (``None``: the command was started with it closed)
    reads as input that ends at once. Writing raises :class:`OSError` when
    ``stdout`` cannot take it.

    >>> import io
    >>> run_triage("en", io.StringIO("1\\n3\\n6\\n"))
    Is it your page?
      1. Yes, it is mine
      2. No, it is someone else’s, or someone is pretending to be me
    Your answer (1–2): 1
    <BLANKLINE>
    Can you log in to the page?
      1. Yes, I can
      2. I can log in, but someone else is using my page
      3. No, I can’t
      4. I log in, but see the message «Ваша страница удалена» (Your page has been deleted)
    Your answer (1–4): 3
    <BLANKLINE>
    What do you see when you try to log in?
      1. The message «Ваша страница удалена» (Your page has been deleted)
      2. The page was blocked for spam or suspicious activity
      3. A ban for breaking the rules, with a reason and an end date
      4. My password no longer works, and friends get strange messages from me
      5. I don’t remember my login or password
      6. A screen saying “page blocked, pay or send an SMS”
      7. I’m not sure whether it is deleted or blocked
    Your answer (1–7): 6
    <BLANKLINE>
    Guide E advises scanning the device for viruses. Our advice: do not pay and do not send an SMS.
    Read: Scams: how to spot them › The “page blocked, pay up” screen
    https://vkdocs.readthedocs.io/en/latest/explanation/scams.html#scam-blocked-screen
    0
    """
    stdin = sys.stdin if stdin is None else stdin
    stdout = console.Fitted(sys.stdout) if stdout is None else stdout
    stderr = console.Fitted(sys.stderr) if stderr is None else stderr
    person = console.is_terminal(stdin)
    tree = load_tree()
    question = tree.questions[tree.start]

    def say(text: str, status: int) -> int:
        stdout.flush()
        with contextlib.suppress(OSError, ValueError, AttributeError):  # with stderr gone, the status still tells
            print(f"vkdocs: {console.one_line(text)}", file=stderr)
            stderr.flush()
        return status

    while True:
        print(question.text[lang], file=stdout)
        for number, offered in enumerate(question.answers, 1):
            print(f"  {number}. {offered.text[lang]}", file=stdout)
        while True:
            stdout.write(triage_message("prompt", lang, count=len(question.answers)))
            stdout.flush()
            try:
                line = console.read_line(stdin)
            except KeyboardInterrupt:
                stdout.write("\n")
                return say(triage_message("stopped", lang), 130)
            if not line:
                stdout.write("\n")
                if person:
                    return say(triage_message("stopped", lang), 2)
                return say(
                    AnswerError("input_ended", question=question.text, count=len(question.answers)).localized(lang), 2
                )
            if not person:
                stdout.write(f"{echo(console.one_line(line.strip()))}\n")
            try:
                answer = question.choose(line)
                break
            except AnswerError as error:
                if not person:
                    return say(error.localized(lang), 2)
                retry = "retry" if line.strip() else "retry_empty"
                print(triage_message(retry, lang, value=line.strip(), count=len(question.answers)), file=stdout)
        print(file=stdout)
        if answer.next is not None:
            question = tree.questions[answer.next]
            continue
        destination = tree.destinations[answer.section]
        if answer.note:
            print(answer.note[lang], file=stdout)
        print(f"{triage_message('read', lang)} {destination.heading(lang)}", file=stdout)
        print(page_url(destination.path, lang, base) or destination.path, file=stdout)
        stdout.flush()
        return 0


__all__ = [
    "MAX_ANSWERS",
    "Answer",
    "AnswerError",
    "Destination",
    "Question",
    "Tree",
    "Walk",
    "advice_problem",
    "load_tree",
    "run_triage",
    "tree_problems",
    "triage_message",
]
