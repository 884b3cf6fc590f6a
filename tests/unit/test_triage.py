"""The question path: one tree in the package's data, the same on the start page, in the terminal and in print."""

from __future__ import annotations

import copy
import io
import os
import subprocess
import sys

import pytest
from docbuild import LANGUAGES, ROOT

from vkdocs.checklist import situation_page, situations
from vkdocs.cli import main
from vkdocs.i18n import read_source
from vkdocs.site import page_url
from vkdocs.triage import MAX_ANSWERS, AnswerError, Tree, advice_problem, load_tree, run_triage, tree_problems

TREE = load_tree()
WALKS = TREE.walks()


def raw_tree() -> dict:
    return read_source("triage.json")


def walk_id(walk) -> str:
    return "-".join(map(str, walk.answers)) + ":" + walk.destination.anchor


# The tree ------------------------------------------------------------------------------------------------


def test_the_tree_in_the_package_has_no_problems():
    assert tree_problems(raw_tree()) == []


def test_every_situation_is_reached_on_its_own_page():
    reached = {walk.destination.situation: walk.destination.page for walk in WALKS if walk.destination.situation}
    assert set(reached) == set(situations())
    assert all(situation_page(situation) == page for situation, page in reached.items())


def test_every_section_is_reached_in_at_most_four_answers():
    assert MAX_ANSWERS == 4
    too_long = [walk_id(walk) for walk in WALKS if len(walk.answers) > MAX_ANSWERS]
    assert not too_long
    assert {walk.destination.anchor for walk in WALKS} == set(TREE.destinations)


def test_someone_else_using_my_page_leads_to_the_hacked_section():
    walks = [w for w in WALKS if w.destination.anchor == "hacked"]
    answers = [TREE.questions[w.questions[-1]].answers[w.answers[-1] - 1].text["en"] for w in walks]
    assert "I can log in, but someone else is using my page" in answers
    assert min(len(w.answers) for w in walks) == 2


def test_the_restore_path_ends_on_the_restore_steps():
    assert TREE.follow([1, 1, 5, 1]).path == "howto/restore.html#restore-steps"
    assert TREE.follow([1, 3, 1, 1]).path == "howto/restore.html#restore-steps"


def test_a_deleted_page_is_told_apart_from_a_lost_login_and_restored_in_three_answers():
    # You log in to a deleted page and VK says it is deleted (guide A, guide C): the
    # second question answers that apart from "I cannot log in".
    deleted = [w for w in WALKS if w.destination.anchor == "restore-steps"]
    assert min(len(w.answers) for w in deleted) <= 3
    shortest = min(deleted, key=lambda w: len(w.answers))
    assert shortest.questions[:2] == (TREE.start, "path-login")
    second = TREE.questions["path-login"].answers[shortest.answers[1] - 1]
    assert "«Ваша страница удалена»" in second.text["ru"]
    assert TREE.follow(shortest.answers).path == "howto/restore.html#restore-steps"


def test_every_text_is_in_both_languages():
    for question in TREE.questions.values():
        for texts in [
            question.text,
            *(a.text for a in question.answers),
            *(a.note for a in question.answers if a.note),
        ]:
            assert set(texts) == set(LANGUAGES) and all(texts.values()), texts


def test_following_answers_that_stop_short_is_an_error():
    with pytest.raises(AnswerError, match=r"do not lead to a page"):
        TREE.follow([1, 1])
    with pytest.raises(AnswerError, match=r"do not lead to a page"):
        TREE.follow([2, 1])  # past the end: answer 2 already leads to a section


def _one_question_more() -> dict:
    """The real tree with one more question before the first: the deepest sections are five answers away."""
    data = raw_tree()
    data["questions"]["path-pre"] = {
        "text": "Начнём?",
        "answers": [{"text": "Да", "next": data["start"]}, {"text": "Нет", "read": "someone-else"}],
    }
    data["start"] = "path-pre"
    return data


def _loop(data: dict) -> None:
    answer = data["questions"]["path-deadline"]["answers"][1]
    del answer["read"], answer["sources"], answer["note"]  # an answer asking a question cites nothing and has no note
    answer["next"] = "path-whose"


def _breaks() -> dict[str, tuple]:
    def edit(change):
        data = raw_tree()
        change(data)
        return data

    goal = "path-goal"
    return {
        "a dangling next question": (
            edit(lambda d: d["questions"][goal]["answers"][4].update(next="path-nowhere")),
            "the next question 'path-nowhere' does not exist",
        ),
        "a dangling section": (
            edit(lambda d: d["questions"][goal]["answers"][0].update(read="nowhere")),
            "the section 'nowhere' is not among the destinations",
        ),
        "an answer with both next and read": (
            edit(lambda d: d["questions"][goal]["answers"][0].update(next="path-login")),
            "give either 'next' (a question) or 'read' (a section)",
        ),
        "a text in two languages (translations belong in the catalogs)": (
            edit(lambda d: d["questions"][goal].update(text={"ru": "Что хотите сделать?", "en": "What do you want?"})),
            "question path-goal: give the text as a string, in Russian",
        ),
        "an empty note": (
            edit(lambda d: d["questions"][goal]["answers"][0].update(note=" ")),
            "question path-goal, answer 1, note: the text is empty",
        ),
        "an id not in the evidence register": (
            edit(lambda d: d["questions"]["path-deadline"]["answers"][0].update(sources=["A-no-such-quote"])),
            "question path-deadline, answer 1: 'A-no-such-quote' is not an evidence id",
        ),
        "a bare guide letter as a source": (
            edit(lambda d: d["questions"]["path-deadline"]["answers"][0].update(sources=["A"])),
            "not a bare guide letter",
        ),
        "an answer asking a question that cites a guide (its quotes would show nowhere)": (
            edit(lambda d: d["questions"][goal]["answers"][4].update(sources=["A-dialog-date"])),
            "question path-goal, answer 5: only an answer that leads to a section cites 'sources'",
        ),
        "a note from no guide that does not say it is our advice": (
            edit(lambda d: d["questions"][goal]["answers"][0].update(note="Не торопитесь.")),
            "question path-goal, answer 1: a note that cites no guide must begin with 'Наш совет:'",
        ),
        "a loop": (
            edit(_loop),
            "question path-whose loops back to a question already asked",
        ),
        "a section five answers away": (_one_question_more(), "'restore-steps' is 5 answers away (at most 4)"),
        "an unreachable situation": (
            edit(lambda d: d["questions"][goal]["answers"].pop(3)),
            "no answer leads to situation 'remove-app'",
        ),
        "a question never asked": (
            edit(lambda d: d["questions"].__setitem__("path-extra", copy.deepcopy(d["questions"]["path-deadline"]))),
            "question path-extra is never asked",
        ),
        "a situation on another page": (
            edit(lambda d: d["destinations"]["hacked"].update(page="howto/restore")),
            "situation 'hacked' is on 'howto/lost-access', not 'howto/restore'",
        ),
        "a page without titles": (
            edit(lambda d: d["pages"].pop("explanation/scams")),
            "its page 'explanation/scams' has no titles",
        ),
    }


BREAKS = _breaks()


@pytest.mark.parametrize("name", list(BREAKS))
def test_a_broken_tree_is_reported(name):
    data, expected = BREAKS[name]
    problems = tree_problems(data)
    assert any(expected in problem for problem in problems), problems
    with pytest.raises(ValueError, match="The question path is not valid"):
        Tree.from_dict(data)


# The terminal --------------------------------------------------------------------------------------------


def triage(answers: str, lang: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    status = run_triage(lang, io.StringIO(answers), stdout, stderr)
    return status, stdout.getvalue(), stderr.getvalue()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("walk", WALKS, ids=walk_id)
def test_the_terminal_reaches_every_section(walk, lang):
    status, out, err = triage("".join(f"{n}\n" for n in walk.answers), lang)
    assert (status, err) == (0, "")
    lines = out.rstrip("\n").splitlines()
    destination = walk.destination
    assert lines[-1] == page_url(destination.path, lang)
    assert lines[-2].endswith(destination.title[lang]) and destination.page_title[lang] in lines[-2]
    if walk.note:
        assert lines[-3] == walk.note[lang]
    for anchor in walk.questions:
        assert TREE.questions[anchor].text[lang] + "\n" in out


@pytest.mark.parametrize("reply", ["3", "0", "-1", "", "yes", "1.5", "один"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_answer_not_offered_exits_2_with_one_line_in_the_readers_language(reply, lang):
    status, out, err = triage(f"{reply}\n1\n", lang)
    assert status == 2
    assert err.count("\n") == 1 and err.startswith("vkdocs: ")
    assert TREE.questions[TREE.start].text[lang] in err
    assert repr(reply) in err
    assert ("введите номер от 1 до 2" if lang == "ru" else "type a number from 1 to 2") in err
    assert "Traceback" not in out + err


@pytest.mark.parametrize("lang", LANGUAGES)
def test_input_that_ends_early_exits_2(lang):
    status, _, err = triage("1\n", lang)
    assert status == 2
    assert err.count("\n") == 1
    assert TREE.questions["path-login"].text[lang] in err
    assert ("Ответы закончились" if lang == "ru" else "The answers ran out") in err


def test_answers_may_have_spaces_around_them():
    status, out, _ = triage("  1 \n\t2\n", "en")
    assert status == 0 and out.endswith("/en/latest/howto/lost-access.html#hacked\n")


def test_vkdocs_triage_reads_answers_from_a_pipe():
    done = subprocess.run(
        [sys.executable, "-m", "vkdocs", "triage", "--lang", "en"],
        input="1\n2\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        cwd=ROOT,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[-2:] == [
        "Read: You can’t get into your page › Your page was hacked",
        "https://vkdocs.readthedocs.io/en/latest/howto/lost-access.html#hacked",
    ]
    assert "Your answer (1–2): 1\n" in done.stdout  # the answers read from the pipe are echoed


@pytest.mark.parametrize("reply", ["２", "٢", "1０", "9" * 5000])
def test_an_answer_in_other_digits_or_too_long_is_not_offered(reply):
    """One digit policy with dates (vkdocs.digits): 0-9 only; 5,000 digits are an answer not offered, not a crash."""
    status, out, err = triage(f"{reply}\n", "en")
    assert status == 2 and err.count("\n") == 1
    assert "has no answer" in err and "Traceback" not in err


def test_a_long_answer_is_echoed_shortened_everywhere():
    status, out, err = triage("x" * 10_000 + "\n", "en")
    assert status == 2
    assert max(len(line) for line in out.splitlines()) < 80
    assert len(err) < 200 and "x" * 39 + "…" in err


def test_control_characters_in_an_answer_stay_on_one_line():
    status, out, err = triage("1\r\x1b[2J\n", "en")
    assert status == 2 and err.count("\n") == 1
    assert "\x1b" not in out + err


def test_without_a_site_address_the_last_line_is_the_path():
    stdout = io.StringIO()
    assert run_triage("en", io.StringIO("1\n2\n"), stdout, io.StringIO(), base=None) == 0
    assert stdout.getvalue().splitlines()[-1] == "howto/lost-access.html#hacked"


def test_triage_with_standard_input_closed_says_the_answers_ran_out():
    done = subprocess.run(
        [sys.executable, "-m", "vkdocs", "triage", "--lang", "en"],
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "C.UTF-8"},
        preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 2
    assert done.stderr.startswith("vkdocs: The answers ran out") and done.stderr.count("\n") == 1


def test_answers_that_are_not_utf8_are_answers_not_offered():
    done = subprocess.run(
        [sys.executable, "-m", "vkdocs", "triage", "--lang", "en"],
        input=b"\xff\xfe1\n",
        capture_output=True,
        env={**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr and done.stderr.count(b"\n") == 1


# A person at a terminal: through a pseudo-terminal


def in_a_terminal(typed: bytes, lang: str = "en") -> tuple[int, str]:
    """Run ``vkdocs triage`` with a pseudo-terminal as its standard streams, type ``typed``; status and screen."""
    import pty
    import select

    leader, follower = pty.openpty()
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    process = subprocess.Popen(
        [sys.executable, "-m", "vkdocs", "triage", "--lang", lang],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    os.write(leader, typed)  # the terminal keeps what is typed ahead until the program reads it
    screen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the program ended and closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    os.close(leader)
    return process.wait(timeout=60), screen.decode("utf-8", "replace").replace("\r\n", "\n")


def test_at_a_terminal_an_answer_not_offered_asks_again():
    status, screen = in_a_terminal(b"7\n\n1\n2\n")
    assert status == 0, screen
    assert "There is no answer '7'. Type a number from 1 to 2." in screen
    assert screen.count("Type a number from 1 to 2.") == 2  # the empty line too
    assert screen.rstrip().endswith("https://vkdocs.readthedocs.io/en/latest/howto/lost-access.html#hacked")
    assert "Traceback" not in screen


def test_at_a_terminal_ctrl_d_says_it_stopped():
    status, screen = in_a_terminal(b"1\n\x04", lang="ru")
    assert status == 2, screen
    assert "Остановлено: до страницы вы не дошли" in screen
    assert "закончились" not in screen and "Traceback" not in screen


def test_main_speaks_the_language_given_and_exits_2_on_a_bad_answer(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("7\n"))
    assert main(["triage", "--lang", "ru"]) == 2
    err = capsys.readouterr().err
    assert err == "vkdocs: На вопрос «Это ваша страница?» нет ответа '7': введите номер от 1 до 2.\n"


def test_main_refuses_an_unknown_language(capsys):
    assert main(["triage", "--lang", "de"]) == 2
    assert "Unknown language 'de'" in capsys.readouterr().err


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_note_no_guide_gives_says_our_advice_in_every_language(lang):
    notes = [
        (answer.note[lang], answer.sources)
        for question in load_tree().questions.values()
        for answer in question.answers
        if answer.note
    ]
    assert any(not sources for _, sources in notes), "no note of our own advice: nothing is tested"
    wrong = [advice_problem(note, sources, lang) for note, sources in notes]
    assert not any(wrong), wrong


def test_an_answer_keeps_the_evidence_ids_it_cites():
    answers = {answer.read: answer for question in load_tree().questions.values() for answer in question.answers}
    assert answers["scam-blocked-screen"].sources == ("E-virus",)
    assert answers["close-profile"].sources == ()
