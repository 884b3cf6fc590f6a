"""The question path on the start page: one question at a time, by mouse, by keyboard, on a phone, and without JavaScript.

The expected questions, answers and places come from the package's tree
(:func:`vkdocs.triage.load_tree`), which the terminal reads too.
"""

from __future__ import annotations

import re

import pytest
from docbuild import LANGUAGES
from playwright.sync_api import expect

from vkdocs.triage import load_tree, triage_message
from vkdocs.typography import untie

TREE = load_tree()
PHONE = {"width": 375, "height": 740}
APP = ".vk-triage__app"


def open_start(page, base_url: str, language: str, fragment: str = ""):
    page.goto(f"{base_url}/{language}/index.html{fragment}")
    app = page.locator(APP)
    assert app.is_visible(), "the question path stays static: its script did not run"
    return app


def trail(app) -> list[tuple[str, str]]:
    items = app.locator(".vk-triage__trail li")
    return [
        (
            item.locator(".vk-triage__trail-question").text_content(),
            item.locator(".vk-triage__trail-answer").text_content(),
        )
        for item in items.all()
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_answer_leads_to_its_section_and_back(page, guard, base_url, language):
    page.set_viewport_size(PHONE)
    app = open_start(page, base_url, language)
    title, choices = app.locator(".vk-triage__title"), app.locator(".vk-triage__choice")
    back, link = app.locator(".vk-triage__back"), app.locator(".vk-triage__link")
    assert not back.is_visible(), "Back on the first question"
    reached, wrong = set(), []

    def walk(anchor: str, given: list[tuple[str, str]]) -> None:
        question = TREE.questions[anchor]
        assert title.text_content() == question.text[language]
        assert choices.all_text_contents() == [answer.text[language] for answer in question.answers]
        assert trail(app) == given
        for index, answer in enumerate(question.answers):
            choices.nth(index).click()
            now = [*given, (question.text[language], answer.text[language])]
            if answer.next is not None:
                walk(answer.next, now)
            else:
                destination = TREE.destinations[answer.read]
                href = link.evaluate("a => a.href")
                if (
                    href != f"{base_url}/{language}/{destination.path}"
                    or link.text_content() != destination.title[language]
                ):
                    wrong.append(f"{answer.text[language]}: {href} {link.text_content()!r}")
                assert page.evaluate("document.activeElement.className") == "vk-triage__link"
                assert trail(app) == now
                result = app.locator(".vk-triage__result").text_content()
                if answer.note:
                    assert answer.note[language] in result
                if not destination.is_page:
                    assert destination.page_title[language] in result
                width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
                assert width[0] <= width[1], f"{width[0]} px wide on a {width[1]} px screen"
                reached.add(destination.anchor)
            back.click()
            assert title.text_content() == question.text[language]
            assert trail(app) == given

    walk(TREE.start, [])
    assert not wrong, "\n".join(wrong)
    assert reached == set(TREE.destinations)
    # Every place it leads to exists: the page is served and holds the anchor.
    for destination in TREE.destinations.values():
        response = page.request.get(f"{base_url}/{language}/{destination.path}")
        assert response.ok and f'id="{destination.anchor}"' in response.text(), destination.path
    guard.assert_clean()


def test_the_path_works_by_keyboard(page, guard, base_url):
    app = open_start(page, base_url, "en")
    active = "document.activeElement.textContent"
    app.locator(".vk-triage__choice").first.focus()
    page.keyboard.press("Enter")  # Yes, it is mine
    assert page.evaluate("document.activeElement.className") == "vk-triage__title"
    assert page.evaluate(active) == TREE.questions["path-login"].text["en"]
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate(active) == "I can log in, but someone else is using my page"
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.getAttribute('href')") == TREE.destinations["hacked"].path
    page.keyboard.press("Tab")
    assert page.evaluate(active) == triage_message("back", "en")
    page.keyboard.press("Enter")
    assert page.evaluate(active) == TREE.questions["path-login"].text["en"]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    for _ in TREE.questions["path-login"].answers:
        page.keyboard.press("Tab")
    assert page.evaluate(active) == triage_message("back", "en")
    page.keyboard.press("Tab")
    assert page.evaluate(active) == triage_message("restart", "en")
    page.keyboard.press("Enter")
    assert page.evaluate(active) == TREE.questions[TREE.start].text["en"]
    assert trail(app) == []
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_to_a_question_opens_the_path_there(page, guard, base_url, language):
    app = open_start(page, base_url, language, "#path-deadline")
    assert app.locator(".vk-triage__title").text_content() == TREE.questions["path-deadline"].text[language]
    asked = [question for question, _ in trail(app)]
    assert asked == [TREE.questions[q].text[language] for q in ("path-whose", "path-login", "path-goal")]
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_to_a_question_opened_fresh_shows_and_focuses_that_question(page, guard, base_url, language):
    page.set_viewport_size(PHONE)
    open_start(page, base_url, language, "#path-goal")
    page.wait_for_load_state("load")
    focused = page.evaluate(
        """() => { const e = document.activeElement, box = e.getBoundingClientRect();
                   return [e.className, e.textContent, box.top >= 0 && box.bottom <= innerHeight]; }"""
    )
    assert focused == ["vk-triage__title", TREE.questions["path-goal"].text[language], True], focused
    guard.assert_clean()


def shortest_walk(anchor: str):
    return min((walk for walk in TREE.walks() if walk.destination.anchor == anchor), key=lambda w: len(w.answers))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_deleted_page_is_restored_in_at_most_three_answers(page, guard, base_url, language):
    page.set_viewport_size(PHONE)
    app = open_start(page, base_url, language)
    walk = shortest_walk("restore-steps")
    for number in walk.answers:
        app.locator(".vk-triage__choice").nth(number - 1).click()
    link = app.locator(".vk-triage__link")
    assert link.evaluate("a => a.href") == f"{base_url}/{language}/{TREE.destinations['restore-steps'].path}"
    assert len(walk.answers) <= 3, walk.answers
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_result_is_heard_whole_with_its_safety_note(page, guard, base_url, language):
    from playwright.sync_api import expect  # the browser extra (the fixtures skip without it)

    page.set_viewport_size(PHONE)
    app = open_start(page, base_url, language)
    for anchor in ("hacked", "scam-blocked-screen", "restore-steps"):
        walk = shortest_walk(anchor)
        for number in walk.answers:
            app.locator(".vk-triage__choice").nth(number - 1).click()
        focused = page.locator(":focus")
        assert focused.get_attribute("class") == "vk-triage__link"
        destination = TREE.destinations[anchor]
        expect(focused).to_have_accessible_name(destination.title[language])
        expect(focused).to_have_accessible_description(re.compile(re.escape(walk.note[language])))
        if not destination.is_page:
            expect(focused).to_have_accessible_description(re.compile(re.escape(destination.page_title[language])))
        app.locator(".vk-triage__restart").click()
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_back_from_a_result_shows_the_result_again(page, guard, base_url, language):
    page.set_viewport_size(PHONE)
    app = open_start(page, base_url, language)
    walk = shortest_walk("hacked")
    for number in walk.answers:
        app.locator(".vk-triage__choice").nth(number - 1).click()
    with page.expect_navigation():
        app.locator(".vk-triage__link").click()
    page.go_back(wait_until="load")
    app = page.locator(APP)
    assert app.locator(".vk-triage__link").is_visible()
    assert app.locator(".vk-triage__link").text_content() == TREE.destinations["hacked"].title[language]
    assert len(trail(app)) == len(walk.answers)
    guard.assert_clean()


@pytest.fixture
def static_page(browser, guard):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    guard.watch(context)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_every_question_and_answer_is_readable(static_page, guard, base_url, language):
    static_page.goto(f"{base_url}/{language}/index.html")
    assert static_page.locator(APP).count() == 0
    for anchor, question in TREE.questions.items():
        section = static_page.locator(f"section#{anchor}")
        assert section.is_visible()
        assert untie(section.locator("h3").text_content()).rstrip("¶") == question.text[language]
        labels = [untie(label) for label in section.locator(".vk-triage__label").all_text_contents()]
        assert labels == [answer.text[language] for answer in question.answers]
        assert section.locator(".vk-triage__answers > li > p > a.reference").count() == len(question.answers)
    guard.assert_clean()


def shown_question(app) -> str:
    return app.locator(".vk-triage__title").text_content()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_browsers_back_and_forward_step_through_the_answers_and_a_reload_keeps_the_place(
    page, guard, base_url, language
):
    page.set_viewport_size(PHONE)
    app = open_start(page, base_url, language)
    question = {anchor: TREE.questions[anchor].text[language] for anchor in TREE.questions}
    choices = app.locator(".vk-triage__choice")
    choices.nth(0).click()  # Yes, it is mine
    assert shown_question(app) == question["path-login"]
    choices.nth(2).click()  # No, I cannot log in
    assert shown_question(app) == question["path-no-login"]
    assert page.url.endswith("#path-no-login")
    given = trail(app)

    page.go_back()
    expect(app.locator(".vk-triage__title")).to_have_text(question["path-login"])
    assert page.url.endswith("#path-login") and len(trail(app)) == 1
    page.go_forward()
    expect(app.locator(".vk-triage__title")).to_have_text(question["path-no-login"])
    assert trail(app) == given

    page.reload()
    app = page.locator(APP)
    expect(app.locator(".vk-triage__title")).to_have_text(question["path-no-login"])
    assert trail(app) == given
    page.go_back()
    expect(app.locator(".vk-triage__title")).to_have_text(question["path-login"])
    page.go_back()  # the first question, still on the start page
    expect(app.locator(".vk-triage__title")).to_have_text(question[TREE.start])
    assert page.url == f"{base_url}/{language}/index.html" and trail(app) == []
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_copied_link_reopens_the_question(page, guard, base_url, language):
    app = open_start(page, base_url, language)
    choices = app.locator(".vk-triage__choice")
    choices.nth(0).click()
    choices.nth(2).click()
    copied = page.url
    page.goto("about:blank")
    page.goto(copied)
    app = page.locator(APP)
    expect(app.locator(".vk-triage__title")).to_have_text(TREE.questions["path-no-login"].text[language])
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_where_a_reader_may_not_know_there_is_an_answer_that_says_so(language):
    not_sure = {"ru": "Не знаю", "en": "I’m not sure"}[language]
    for anchor in ("path-no-login", "path-deadline"):
        answers = [answer for answer in TREE.questions[anchor].answers if answer.text[language].startswith(not_sure)]
        assert len(answers) == 1, anchor
        assert answers[0].read is not None and answers[0].note is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_path_is_reachable_from_the_first_screen(page, guard, base_url, language):
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(f"{base_url}/{language}/index.html")
    link = page.locator('article a[href="#path"]').first
    box = link.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 667, box
    link.click()
    expect(page.locator(".vk-triage__title")).to_be_in_viewport()
    guard.assert_clean()
