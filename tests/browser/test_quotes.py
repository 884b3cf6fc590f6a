"""A reader opens the guides' own words by keyboard and by touch, in both languages, on a phone and a desktop.

Three places offer them (:mod:`vkdocs.sphinx.evidence`): a box ends with its
quotes in a ``<details>``; a cited sentence ends with a button of guide
letters that opens a ``popover``; and on the start page the question path's
answer, shown by its script, ends with the same button. Each test opens one
of them as a reader would (Tab to it, then Enter or Space; or a tap on a
touch screen) and checks that the quotes are shown, that they are the
register's quotes of the ids cited (``src/vkdocs/data/evidence.json``, read
here, not copied), and on English pages that they stay Russian
(``lang="ru"``) with their English rendering beneath.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from docbuild import LANGUAGES
from page_survey import AXE_RUN, axe_source
from playwright.sync_api import expect

from vkdocs import evidence
from vkdocs.triage import load_tree

#: A page with boxes and cited sentences both.
PAGE = "howto/delete"
WIDTHS = {"375 px": {"width": 375, "height": 740}, "1280 px": {"width": 1280, "height": 800}}
BOX_QUOTES = "article details.vk-quotes >> visible=true"
SENTENCE_BUTTON = "article p > button.vk-src >> visible=true"

# Focus the control Tab reaches just before ``target``: the last visible one before it (a radio button
# that is not checked is left out: Tab reaches a group of them at its checked one, the tabs' labels).
FOCUS_BEFORE = """(target) => {
  const controls = [...document.querySelectorAll("a[href], button, summary, input, select, textarea, [tabindex]")]
    .filter((e) => e.tabIndex >= 0 && e.checkVisibility() && !e.closest("[hidden], [inert]"))
    .filter((e) => !(e.type === "radio" && !e.checked));
  const before = controls.filter((e) => e.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING);
  before[before.length - 1].focus();
}"""


@pytest.fixture(params=list(WIDTHS))
def width(request) -> dict[str, int]:
    return WIDTHS[request.param]


@pytest.fixture
def touch_page(browser, guard, width) -> Iterator:
    """A phone or tablet: a page of a context with a touch screen (``tap()``), at ``width``."""
    context = browser.new_context(has_touch=True, viewport=width)
    guard.watch(context)
    yield context.new_page()
    context.close()


def open_page(page, base_url: str, language: str, name: str):
    page.goto(f"{base_url}/{language}/{name}.html")
    page.wait_for_load_state("load")


def tab_to(page, target) -> None:
    """Reach ``target`` with the Tab key, from the control just before it."""
    target.evaluate(FOCUS_BEFORE)
    page.keyboard.press("Tab")
    expect(target).to_be_focused()


def words(text: str | None) -> str:
    """``text`` as it reads: whitespace (non-breaking spaces set by typography too) as one space."""
    return evidence.normalize(text or "")


def assert_the_register_quotes_are_shown(quotes, language: str) -> None:
    """``quotes`` (the popover or the details) shows the register's quote of every id it cites, readable."""
    ids = quotes.get_attribute("data-evidence").split()
    assert ids, "the quotes name no evidence id"
    shown = quotes.locator(".vk-quote__words")
    expect(shown).to_have_count(len(ids))
    renderings = quotes.locator(".vk-quote__rendering")
    for index, ident in enumerate(ids):
        entry = evidence.entry(ident, lang=language)
        quote = shown.nth(index)
        expect(quote).to_be_visible()
        assert words(quote.text_content()) == words(f"«{entry.quote}»"), ident
        assert quote.get_attribute("lang") == "ru", ident  # Russian on every page, read as Russian
        if language != "ru":
            expect(renderings.nth(index)).to_be_visible()
            assert words(renderings.nth(index).text_content()) == words(entry.rendering), ident
    if language == "ru":
        expect(renderings).to_have_count(0)


def is_open(popover) -> bool:
    return popover.evaluate("(element) => element.matches(':popover-open')")


def popover_of(button):
    page = button.page
    return page.locator(f"#{button.get_attribute('popovertarget')}")


# A box's quotes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_box_quotes_open_from_the_keyboard(page, guard, base_url, language, width):
    page.set_viewport_size(width)
    open_page(page, base_url, language, PAGE)
    box = page.locator(BOX_QUOTES).first
    summary = box.locator("summary")
    tab_to(page, summary)
    assert box.get_attribute("open") is None, "the quotes are open before they are asked for"
    page.keyboard.press("Enter")
    expect(box).to_have_attribute("open", "")
    assert_the_register_quotes_are_shown(box, language)
    page.keyboard.press("Enter")
    expect(box).not_to_have_attribute("open", "")
    page.keyboard.press("Space")
    expect(box).to_have_attribute("open", "")
    assert_the_register_quotes_are_shown(box, language)
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_box_quotes_open_with_a_tap(touch_page, guard, base_url, language):
    open_page(touch_page, base_url, language, PAGE)
    box = touch_page.locator(BOX_QUOTES).first
    box.locator("summary").tap()
    expect(box).to_have_attribute("open", "")
    assert_the_register_quotes_are_shown(box, language)
    guard.assert_clean()


# A cited sentence's quotes ----------------------------------------------------------------------------


def open_by_tap(button) -> None:
    """Open ``button``'s popover with a tap (a touch screen's page)."""
    button.tap()
    popover = popover_of(button)
    expect(popover).to_be_visible()
    assert is_open(popover)


def open_by_keyboard(page, button) -> None:
    """Open ``button``'s popover with Enter, close it with Escape (the focus back on the button), open it with Space."""
    popover = popover_of(button)
    tab_to(page, button)
    assert not is_open(popover), "the quotes are open before they are asked for"
    before = button.bounding_box()
    page.keyboard.press("Enter")
    expect(popover).to_be_visible()
    assert is_open(popover)
    assert button.bounding_box() == before, "opening the quotes moved the text"
    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    assert not is_open(popover)
    expect(button).to_be_focused()
    page.keyboard.press("Space")
    expect(popover).to_be_visible()
    assert is_open(popover)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_sentence_quotes_open_from_the_keyboard_and_escape_gives_the_focus_back(
    page, guard, base_url, language, width
):
    page.set_viewport_size(width)
    open_page(page, base_url, language, PAGE)
    button = page.locator(SENTENCE_BUTTON).first
    open_by_keyboard(page, button)
    assert_the_register_quotes_are_shown(popover_of(button), language)
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_sentence_quotes_open_with_a_tap(touch_page, guard, base_url, language):
    open_page(touch_page, base_url, language, PAGE)
    button = touch_page.locator(SENTENCE_BUTTON).first
    open_by_tap(button)
    assert_the_register_quotes_are_shown(popover_of(button), language)
    guard.assert_clean()


# The question path's answers --------------------------------------------------------------------------

TREE = load_tree()


def last_answer(walk):
    """The answer that ends ``walk`` (the one that leads to its section)."""
    return TREE.questions[walk.questions[-1]].answers[walk.answers[-1] - 1]


def cited_walk():
    """The shortest way through the questions to an answer that cites a guide."""
    return min((walk for walk in TREE.walks() if last_answer(walk).sources), key=lambda walk: len(walk.answers))


def answer_to_a_cited_guide(page, base_url: str, language: str, press) -> object:
    """Answer the start page's questions until an answer that cites a guide is shown; its letters button."""
    open_page(page, base_url, language, "index")
    app = page.locator(".vk-triage__app")
    expect(app).to_be_visible()
    walk = cited_walk()
    for number in walk.answers:
        press(app.locator(".vk-triage__choice").nth(number - 1))
    expect(app.locator(".vk-triage__link")).to_be_visible()
    buttons = app.locator(".vk-triage__result button.vk-src")
    expect(buttons).to_have_count(1)
    assert popover_of(buttons.first).get_attribute("data-evidence").split() == list(last_answer(walk).sources)
    box = buttons.first.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, f"the letters button is {box['width']}×{box['height']} px"
    return buttons.first


def axe_faults(page) -> list[str]:
    page.evaluate(axe_source())
    return page.evaluate(AXE_RUN, [".vk-triage", ["critical", "serious"]])


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_path_answer_quotes_open_from_the_keyboard(page, guard, base_url, language, width):
    page.set_viewport_size(width)

    def press(choice) -> None:
        choice.focus()
        page.keyboard.press("Enter")

    button = answer_to_a_cited_guide(page, base_url, language, press)
    open_by_keyboard(page, button)
    assert_the_register_quotes_are_shown(popover_of(button), language)
    assert axe_faults(page) == []
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_path_answer_quotes_open_with_a_tap(touch_page, guard, base_url, language):
    button = answer_to_a_cited_guide(touch_page, base_url, language, lambda choice: choice.tap())
    open_by_tap(button)
    assert_the_register_quotes_are_shown(popover_of(button), language)
    guard.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_every_cited_answer_offers_its_quotes(browser, guard, base_url, language):
    context = browser.new_context(java_script_enabled=False, viewport=WIDTHS["375 px"])
    guard.watch(context)
    page = context.new_page()
    open_page(page, base_url, language, "index")
    for anchor, question in TREE.questions.items():
        items = page.locator(f"section#{anchor} .vk-triage__answers > li")
        expect(items).to_have_count(len(question.answers))
        for index, answer in enumerate(question.answers):
            buttons = items.nth(index).locator("button.vk-src")
            expect(buttons).to_have_count(1 if answer.sources else 0)
            if answer.sources:
                popover = popover_of(buttons.first)
                assert popover.get_attribute("data-evidence").split() == list(answer.sources)
    button = page.locator(".vk-triage button.vk-src").first
    button.click()
    assert_the_register_quotes_are_shown(popover_of(button), language)
    context.close()
    guard.assert_clean()
