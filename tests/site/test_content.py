"""Content rules: every box names its guide, no invented labels, no overclaims, safety said everywhere.

These hold the pages (Markdown sources and both built languages) and the
checklist data to the rules of the content review (issue 11). Built HTML is
read with BeautifulSoup, which Furo itself depends on.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docbuild import DOCS, LANGUAGES, Build

from vkdocs import evidence
from vkdocs.checklist import build_checklist
from vkdocs.deadline import window_note
from vkdocs.i18n import texts_in_every_language
from vkdocs.messages import message
from vkdocs.typography import untie

GUIDES = "ABCDE"
# The procedures with each text in every language, {"ru": …, "en": …}, as the open dataset has them.
DATA = texts_in_every_language("procedures.json")

#: Developer pages (the Python API and the command line) are not read by someone
#: who lost a page; every other page is a reader page.
DEVELOPER_PAGES = {"reference/api", "reference/cli"}

#: The visible mark after a label no guide gives (see src/vkdocs/sphinx/labels.py).
UNCONFIRMED_MARK = {
    "ru": re.compile(r"\s*\(\s*название не подтверждено\s*\)"),
    "en": re.compile(r"\s*\((?:[^()]*;\s*)?label not confirmed\s*\)"),
}
SOURCE_IN_TITLE = {
    "ru": re.compile(r" · (?:Источник: руководство [A-E]|Источники: руководства [A-E](?:, [A-E])+)$"),
    "en": re.compile(r" · (?:Source: guide [A-E]|Sources: guides [A-E](?:, [A-E])+)$"),
}
QUOTED = re.compile(r"«([^«»]+)»")


# -- reading the built pages ---------------------------------------------------------------


def soup(build: Build, page: str) -> BeautifulSoup:
    assert build.returncode == 0, build.output
    return BeautifulSoup((build.outdir / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


def pages(build: Build) -> list[str]:
    names = (p.relative_to(build.outdir).with_suffix("").as_posix() for p in build.outdir.rglob("*.html"))
    return sorted(n for n in names if not n.startswith(("_", "pdf/")) and n not in {"genindex", "search"})


def reader_pages(build: Build) -> list[str]:
    return [name for name in pages(build) if name not in DEVELOPER_PAGES]


def article_text(page: BeautifulSoup, *, navigation: bool = True) -> str:
    """The readable text of the page's article, without code, samples or the language switch.

    ``navigation=False`` also leaves out the table of contents, which repeats
    other pages' titles (each title is checked on its own page).
    """
    article = page.find("article")
    for verbatim in article.find_all(["pre", "code", "script", "style", "kbd", "samp"]):
        verbatim.decompose()
    if not navigation:
        for contents in article.select("div.toctree-wrapper"):
            contents.decompose()
    for foreign in article.find_all(attrs={"lang": "ru"}):
        foreign.decompose()
    # The guides' own words (quotes and their translations) are theirs, checked by tests/test_evidence.py.
    for quotes in article.select(".vk-src__quotes, details.vk-quotes, .vk-register"):
        quotes.decompose()
    return re.sub(r"\s+", " ", article.get_text(" "))


def section(page: BeautifulSoup, anchor: str):
    found = page.find(id=anchor)
    assert found is not None, f"no section #{anchor}"
    return found if found.name == "section" else found.find_parent("section")


@pytest.fixture(scope="module")
def builds(html_builds) -> dict[str, Build]:
    return html_builds


# -- item 5: every claim, harmful method and myth names its guide -------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_claim_harmful_and_myth_boxes_name_their_guides_in_the_title(builds, language):
    seen = {"vk-claim": 0, "vk-harmful": 0, "vk-myth": 0}
    missing = []
    for name in pages(builds[language]):
        for kind in seen:
            for box in soup(builds[language], name).select(f"div.{kind}"):
                seen[kind] += 1
                title = box.find(class_="admonition-title").get_text().strip()
                if not SOURCE_IN_TITLE[language].search(title):
                    missing.append(f"{name}: {kind}: {title!r}")
    assert all(seen.values()), f"expected boxes of every kind, found {seen}"
    assert not missing, "Boxes without their guide in the title:\n" + "\n".join(missing)


@pytest.mark.parametrize("language", LANGUAGES)
def test_fraud_boxes_name_guide_e_where_it_warns(builds, language):
    expected = {("explanation/scams", "scam-pay-to-restore"), ("explanation/scams", "scam-blocked-screen")}
    for name, anchor in expected:
        box = section(soup(builds[language], name), anchor).select_one("div.vk-fraud")
        title = box.find(class_="admonition-title").get_text()
        assert SOURCE_IN_TITLE[language].search(title) and "E" in title.rsplit("·", 1)[1], (name, title)


LABELS_PROJECT_CONF = f"""
import sys
sys.path.insert(0, {str(DOCS.parent / "src")!r})
extensions = ["myst_parser", "vkdocs.sphinx.labels"]
myst_enable_extensions = ["colon_fence"]
"""


def build_labels_page(tmp_path: Path, body: str, language: str = "ru") -> Build:
    """A one-page project with only the labels extension, built strictly like the docs."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(LABELS_PROJECT_CONF, encoding="utf-8")
    (src / "index.md").write_text(body, encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", "-D", f"language={language}"]
    done = subprocess.run([*command, str(src), str(out)], capture_output=True, text=True)
    return Build(language, out, done.returncode, done.stdout + done.stderr)


@pytest.mark.parametrize("kind", ["vk-claim", "vk-harmful", "vk-myth"])
def test_a_box_without_a_source_fails_the_build_naming_file_and_line(tmp_path, kind):
    body = f"# Page\n\nText.\n\n:::{{{kind}}}\n**No source.** Body.\n:::\n"
    build = build_labels_page(tmp_path, body)
    assert build.returncode != 0
    assert "index.md:5" in build.output and f"{{{kind}}} box must name its guide" in build.output, build.output


def test_boxes_with_sources_and_fraud_boxes_without_one_build_cleanly(tmp_path):
    body = (
        "# Page\n\n:::{vk-myth}\n:source: C-blacklist-24h\n\nBody.\n:::\n\n"
        ":::{vk-harmful}\n:source: C-random-password, D-random-password\n\nBody.\n:::\n\n:::{vk-fraud}\nBody.\n:::\n"
    )
    build = build_labels_page(tmp_path, body, "en")
    assert build.returncode == 0, build.output
    page = BeautifulSoup((build.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    titles = [t.get_text() for t in page.select(".admonition-title")]
    assert titles == [
        "Myth: this does not work · Source: guide C",
        "Harmful method: do not do this · Sources: guides C, D",
        "Beware: fraud",
    ]


@pytest.mark.parametrize(
    ("source", "said"),
    [("C", "not a bare guide letter"), ("C-no-such-quote", "no such entry in the register")],
)
def test_a_box_citing_a_bare_letter_or_an_unknown_id_fails_the_build_naming_file_and_line(tmp_path, source, said):
    body = f"# Page\n\nText.\n\n:::{{vk-claim}}\n:source: {source}\n\nBody.\n:::\n"
    build = build_labels_page(tmp_path, body)
    assert build.returncode != 0
    assert "index.md:5" in build.output and said in build.output, build.output


def test_a_sentence_citing_an_unknown_id_fails_the_build_naming_file_and_line(tmp_path):
    build = build_labels_page(tmp_path, "# Page\n\nText.\n\nVK keeps it {vk-src}`A-no-such-quote`.\n")
    assert build.returncode != 0
    assert "index.md:5" in build.output and "no such entry in the register" in build.output, build.output


def test_a_box_opens_its_quotes_on_demand_and_a_sentence_in_a_popover(tmp_path):
    body = (
        "# Page\n\n:::{vk-claim}\n:source: B-three-months\n\nBody.\n:::\n\n"
        "Sentence {vk-src}`A-restore-210, E-7-months`.\n"
    )
    build = build_labels_page(tmp_path, body, "en")
    assert build.returncode == 0, build.output
    page = BeautifulSoup((build.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    details = page.select_one("div.vk-claim details.vk-quotes")
    assert details is not None and not details.has_attr("open")
    assert details.summary.get_text() == "What guide B says"
    assert details.select_one('[lang="ru"]').get_text().startswith("«Как правило такая скрытая анкета")
    button = page.select_one("button.vk-src")
    popover = page.find(id=button["popovertarget"])
    assert popover.has_attr("popover") and button.get_text(" ").split()[-2:] == ["A,", "E"]
    assert len(popover.select('[lang="ru"]')) == 2
    assert "210 days" in popover.get_text()  # the English rendering beneath the Russian quote


# -- item 4: harmful is not the same as "does not work" -------------------------------------


@pytest.mark.parametrize(
    ("anchor", "label"),
    [
        ("trick-spam", "vk-harmful"),
        ("trick-forbidden", "vk-harmful"),
        ("trick-random-password", "vk-harmful"),
        ("trick-throwaway-sim", "vk-harmful"),
        ("trick-blacklist-founder", "vk-myth"),
        ("trick-empty-page", "vk-claim"),
    ],
)
def test_each_trick_carries_the_label_that_fits_it(builds, anchor, label):
    other = {"vk-harmful": "vk-myth", "vk-myth": "vk-harmful", "vk-claim": "vk-myth"}[label]
    part = section(soup(builds["ru"], "explanation/harmful-tricks"), anchor)
    assert part.select(f"div.{label}") and not part.select(f"div.{other}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_harmful_methods_and_myths_are_never_given_as_steps(builds, language):
    for name in pages(builds[language]):
        for box in soup(builds[language], name).select("div.vk-harmful, div.vk-myth"):
            assert not box.find("ol"), f"{name}: numbered steps inside a warning box"


# -- item 3: every «label» comes from the glossary or says it is unconfirmed ------------------


def glossary_terms(build: Build) -> dict[str, str]:
    """Each glossary term with its definition's text."""
    page = soup(build, "reference/glossary")
    terms = {}
    for term in page.select("dl.glossary > dt"):
        definition = term.find_next_sibling("dd")
        terms[term.get_text().strip().rstrip("¶").strip()] = re.sub(r"\s+", " ", definition.get_text(" "))
    return terms


def labels_without_source(text: str, glossary: set[str], language: str) -> list[str]:
    """Quoted labels in ``text`` that are neither glossary terms nor followed by the unconfirmed mark."""
    return [
        match.group(1)
        for match in QUOTED.finditer(text)
        if match.group(1) not in glossary and not UNCONFIRMED_MARK[language].match(text, match.end())
    ]


def test_the_label_checker_accepts_terms_and_marked_labels_and_rejects_the_rest():
    glossary = {"Настройки"}
    text = "Open «Настройки» (Settings), then «Забыли пароль?» (Forgot your password?; label not confirmed)."
    assert labels_without_source(text, glossary, "en") == []
    assert labels_without_source("Press «Выйти» (Log out).", glossary, "en") == ["Выйти"]
    assert labels_without_source("Нажмите «Приложения» (название не подтверждено).", glossary, "ru") == []
    assert labels_without_source("Нажмите «Приложения».", glossary, "ru") == ["Приложения"]


def test_every_label_on_the_english_pages_is_in_the_glossary_or_marked_unconfirmed(builds):
    # On English pages «…» holds only Russian interface labels, so every one is checked.
    glossary = set(glossary_terms(builds["en"]))
    problems = []
    for name in pages(builds["en"]):
        text = article_text(soup(builds["en"], name))
        problems += [f"{name}: «{label}»" for label in labels_without_source(text, glossary, "en")]
    assert not problems, "Labels from no guide, without an 'unconfirmed' mark:\n" + "\n".join(sorted(set(problems)))


def test_every_russian_label_on_the_english_pages_has_its_english_gloss(builds):
    bare = [
        f"{name}: {match.group(0)}"
        for name in pages(builds["en"])
        for match in re.finditer(r"«[^«»]+»(?!\s*\()", article_text(soup(builds["en"], name)))
    ]
    assert not bare, "Write the English meaning beside each label, «Настройки» (Settings):\n" + "\n".join(bare)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_glossary_entry_names_the_guide_it_comes_from(builds, language):
    says = {
        "ru": r"Источник: руководство [A-E]\.|Источники: руководства [A-E](, [A-E])+\.",
        "en": r"Sources?: guides? [A-E]",
    }
    terms = glossary_terms(builds[language])
    assert len(terms) > 20
    missing = [term for term, definition in terms.items() if not re.search(says[language], definition)]
    assert not missing, f"Glossary entries without their guide: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_unconfirmed_mark_is_visible_and_links_to_the_explanation(builds, language):
    page = soup(builds[language], "howto/lost-access")
    marked = page.select("span.vk-unconfirmed")
    assert marked, "lost-access marks «Забыли пароль?» as unconfirmed"
    first = marked[0]
    text = re.sub(r"\s+", " ", first.get_text())
    expected = {
        "ru": "«Забыли пароль?» (название не подтверждено)",
        "en": "«Забыли пароль?» (Forgot your password?; label not confirmed)",
    }
    assert text == expected[language]
    assert first.find("a")["href"].endswith("reference/sources.html#sources-unconfirmed")


def unconfirmed_labels(build: Build, name: str) -> set[str]:
    text = article_text(soup(build, name))
    return {m.group(1) for m in QUOTED.finditer(text) if UNCONFIRMED_MARK[build.language].match(text, m.end())}


def test_every_unconfirmed_label_is_explained_on_the_sources_page_and_none_is_in_the_glossary(builds):
    build = builds["ru"]
    explained = unconfirmed_labels(build, "reference/sources")
    used = set().union(*(unconfirmed_labels(build, name) for name in pages(build)))
    assert {"Забыли пароль?", "Двухэтапная проверка"} <= used
    assert used <= explained, f"Unconfirmed labels not explained on the sources page: {sorted(used - explained)}"
    assert not used & set(glossary_terms(build)), "a label is both unconfirmed and in the glossary"


# -- items 2 and 8: honest wording, plain words ----------------------------------------------

FORBIDDEN = {
    "ru": {
        "Шаги проверены": "the pages were checked against the guides, not in VK: «Сверено с руководствами»",
        "помощник": "a calque: say «калькулятор» or «программа vkdocs»",
        "отметк": "one term for the tick box: «галочка»",
        "issue": "developer jargon: say how to report a mistake in plain words",
        "как их показывает VK": "the labels come from the guides, not from VK's screen",
        "Другого способа нет": "support is the other way when you cannot log in",
    },
    "en": {
        "Steps last reviewed": "the pages were checked against the guides: 'Checked against the guides'",
        "helper": "say 'calculator' or 'the vkdocs program'",
        "issue": "developer jargon: say how to report a mistake in plain words",
        "the way VK shows it": "the labels come from the guides, not from VK's screen",
        "pretends to be": "natural phrasing: 'a page pretending to be you'",
    },
}
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


@pytest.mark.parametrize("language", LANGUAGES)
def test_reader_pages_avoid_the_words_readers_should_not_meet(builds, language):
    problems = []
    for name in reader_pages(builds[language]):
        text = article_text(soup(builds[language], name), navigation=False).casefold()
        problems += [
            f"{name}: {word!r} ({why})" for word, why in FORBIDDEN[language].items() if word.casefold() in text
        ]
    assert not problems, "\n".join(problems)


def test_english_pages_write_dates_one_way(builds):
    day_first = re.compile(rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}")
    found = [
        f"{name}: {match}"
        for name in pages(builds["en"])
        for match in day_first.findall(article_text(soup(builds["en"], name)))
    ]
    assert not found, "Write dates as 'October 1, 2026':\n" + "\n".join(found)


def test_the_checklist_data_avoids_the_same_words():
    texts = [
        value[language]
        for situation in DATA["situations"].values()
        for record in [*situation["steps"], *situation.get("warnings", [])]
        for value in [record["text"], record.get("warning", {}).get("text")]
        if value
        for language in LANGUAGES
    ]
    for word in [*FORBIDDEN["ru"], *FORBIDDEN["en"]]:
        assert not [t for t in texts if word.casefold() in t.casefold()], word


@pytest.mark.parametrize("language", LANGUAGES)
def test_how_to_pages_say_when_they_were_checked_against_the_guides(builds, language):
    says = {"ru": "Сверено с руководствами: ", "en": "Checked against the guides: "}
    sources = soup(builds[language], "reference/sources")
    assert sources.find(id="sources-date"), "the sources page explains the date"
    for name in (n for n in pages(builds[language]) if n.startswith("howto/")):
        line = soup(builds[language], name).select_one("p.vk-pagemeta")
        assert line is not None and untie(line.get_text()).startswith(says[language]), name
        assert line.find("a")["href"].endswith("reference/sources.html#sources-date"), name


@pytest.mark.parametrize("language", LANGUAGES)
def test_how_to_pages_name_exactly_the_guides_whose_words_they_quote(builds, language):
    # The letters under the title are not written by hand: they are the guides of every quote on the page.
    guide = re.compile(re.escape(message("evidence_guide", language, guide="@")).replace("@", "([A-E])"))
    for name in (n for n in pages(builds[language]) if n.startswith("howto/")):
        page = soup(builds[language], name)
        quoted = sorted({m.group(1) for q in page.select(".vk-quote > strong") if (m := guide.match(q.get_text()))})
        line = page.select_one("p.vk-pagemeta").get_text()
        named = re.search(r"([A-E](?:, [A-E])*) \(", line)
        assert quoted and named and named.group(1).split(", ") == quoted, (name, line, quoted)


# -- item 7 and safety: the hacked order, fraud wherever restoring is discussed -------------------

HACKED_ORDER = {
    "ru": ["смените пароль", "сеансы", "телефон и почт", "антивирус"],
    "en": ["change your password", "sessions", "phone number and e-mail", "antivirus"],
}
CHECKLIST_HACKED_ORDER = {
    "ru": ["смените пароль", "сеансы", "телефон и почту", "антивирус"],
    "en": ["change the password", "sessions", "phone number and e-mail", "malware"],
}


def first_step_with(steps: list[str], words: str) -> int:
    return next(i for i, step in enumerate(steps) if words.casefold() in step.casefold())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_hacked_section_puts_the_password_first_and_the_antivirus_after_the_phone_check(builds, language):
    steps = [
        untie(li.get_text(" "))
        for li in section(soup(builds[language], "howto/lost-access"), "hacked").select("ol > li")
    ]
    positions = [first_step_with(steps, words) for words in HACKED_ORDER[language]]
    assert positions == sorted(positions) and len(set(positions)) == 4, positions


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_hacked_checklist_keeps_the_same_order(language):
    steps = [step["text"][language] for step in DATA["situations"]["hacked"]["steps"]]
    positions = [first_step_with(steps, words) for words in CHECKLIST_HACKED_ORDER[language]]
    assert positions == sorted(positions) and len(set(positions)) == 4, positions


#: Sections that talk about getting a page or access back; each says that paying is fraud.
RESTORING = [
    ("howto/delete", "delete-after"),
    ("howto/lost-access", "blocked"),
    ("howto/lost-access", "banned"),
    ("howto/lost-access", "lost-login"),
    ("howto/lost-access", "hacked"),
    ("howto/lost-access", "support-route"),
    ("explanation/deletion", "deleted-for-good"),
    ("reference/support-texts", "support-texts"),
]


@pytest.mark.parametrize(("name", "anchor"), RESTORING)
def test_every_section_about_getting_a_page_back_says_paying_is_fraud(builds, name, anchor):
    for language in LANGUAGES:
        part = section(soup(builds[language], name), anchor)
        links = [a["href"] for a in part.find_all("a", href=True)]
        warned = part.select("div.vk-fraud") or any(
            "#scam-pay-to-restore" in h or "#scam-fake-support" in h for h in links
        )
        assert warned, f"{language}: {name}#{anchor}"


@pytest.mark.parametrize("situation", ["delete", "restore", "blocked", "lost-login", "hacked"])
def test_checklists_about_getting_a_page_back_warn_about_fraud(situation):
    warnings = DATA["situations"][situation].get("warnings", [])
    texts = [w["text"] for w in warnings]
    assert any("мошенни" in w["ru"] for w in texts) and any("fraud" in w["en"] for w in texts)


PASSPORT_RULE = {
    "ru": "паспорт не отправляйте никогда",
    "en": "never send your passport to anyone who wrote to you first",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_passport_is_only_mentioned_with_the_rule_where_it_may_go(builds, language):
    word = {"ru": "паспорт", "en": "passport"}[language]
    mentioning = [n for n in reader_pages(builds[language]) if word in article_text(soup(builds[language], n))]
    assert mentioning
    for name in mentioning:
        assert PASSPORT_RULE[language] in article_text(soup(builds[language], name)).casefold(), name


# -- the checklist data: where each step comes from, and when it was checked ------------------


def test_every_checklist_step_cites_the_guides_words_or_is_our_advice():
    # "sources" names quotes of the evidence register; an empty list is our advice, which the step then says.
    for name, situation in DATA["situations"].items():
        for step in situation["steps"]:
            sources = step["sources"]
            assert isinstance(sources, list) and evidence.check_ids(sources) == sources, (name, step["text"]["en"])
            assert sources == sorted(set(sources)), (name, sources)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_checklist_warning_on_the_pages_shows_its_guides_or_says_it_is_our_advice(builds, language):
    advice = message("our_advice", language)
    warnings = 0
    for name in reader_pages(builds[language]):
        checklists = soup(builds[language], name).select("div.vk-checklist")
        for box in (
            w
            for c in checklists
            for w in c.select("div.warning > p:not(.admonition-title), p.vk-checklist__step-warning")
        ):
            warnings += 1
            cited, ours = box.select_one("button.vk-src[popovertarget]"), box.select_one("span.vk-our-advice")
            assert bool(cited) != bool(ours), (name, box.get_text(" ")[:80])
            assert ours is None or ours.get_text() == advice, name
    assert warnings > 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_checklist_step_on_the_pages_shows_its_guides_or_says_it_is_our_advice(builds, language):
    advice = message("our_advice", language)
    steps = 0
    for name in reader_pages(builds[language]):
        for item in soup(builds[language], name).select("div.vk-checklist li.task-list-item"):
            steps += 1
            cited = item.select_one("button.vk-src[popovertarget]")
            ours = item.select_one("span.vk-our-advice")
            assert bool(cited) != bool(ours), (name, item.get_text(" ")[:80])
            if ours:
                assert ours.get_text() == advice, name
            else:  # "Quote from guide A" / "Quotes from guides A, E", read aloud before the letters
                hidden = cited.select_one(".vk-visually-hidden").get_text().strip()
                shown = cited.get_text().replace(hidden, "").strip()
                assert re.fullmatch(r"[A-E](, [A-E])*", shown), (name, shown)
                key = "evidence_button_many" if "," in shown else "evidence_button"
                assert hidden == message(key, language), (name, hidden, shown)
    assert steps > 40


def test_every_how_to_page_was_checked_the_day_its_checklists_were():
    # One date per page: the "checked against the guides" line and each of its checklists' "checked".
    for path in sorted((DOCS / "howto").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        reviewed = re.search(r"^reviewed: (\S+)$", text, re.MULTILINE).group(1)
        for situation in re.findall(r"```\{vk-checklist\} (\S+)", text):
            assert DATA["situations"][situation]["checked"] == reviewed, (path.name, situation)


def test_every_situation_says_when_it_was_checked_against_the_guides():
    for name, situation in DATA["situations"].items():
        checked = situation["checked"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", checked) and date.fromisoformat(checked), name


# -- the Markdown sources -----------------------------------------------------------------


def test_no_reader_page_runs_python_examples():
    for path in sorted(DOCS.glob("*/*.md")) + [DOCS / "index.md"]:
        name = path.relative_to(DOCS).with_suffix("").as_posix()
        if name in DEVELOPER_PAGES:
            continue
        assert "{doctest}" not in path.read_text(encoding="utf-8"), name


# -- issue 19, item 6: what the fact-check found -------------------------------------------


def sources_texts() -> dict[str, str]:
    """Every Markdown page, the data files and the English catalogs, by name, as one text each."""
    found = {
        str(p.relative_to(DOCS)): p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md") if "_build" not in p.parts
    }
    data = DOCS.parent / "src" / "vkdocs" / "data"
    found |= {
        name: (data / name).read_text(encoding="utf-8") for name in ("procedures.json", "triage.json", "messages.json")
    }
    found |= {str(p.relative_to(DOCS)): p.read_text(encoding="utf-8") for p in (DOCS / "locale" / "en").rglob("*.po")}
    package = DOCS.parent / "src" / "vkdocs" / "locale" / "en" / "LC_MESSAGES" / "vkdocs.po"
    found["vkdocs.po"] = package.read_text(encoding="utf-8")
    return {name: " ".join(text.split()) for name, text in found.items()}


@pytest.mark.parametrize(
    "wrong",
    [
        "удалит такую страницу сам",  # guide B: hide, THEN delete; it never says VK deletes a hidden page by itself
        "removes such a page by itself",
        "Скрытую страницу удалят",
        "a hidden page is removed",
        "пароль можно сбросить",  # no guide softens the random-password lockout
        "password can be reset",
        "Страница от этого не удаляется",  # emptying: irreversible, and whether VK then deletes is unverified
        "This does not delete the page",
        "до конца последнего дня, который покажет VK",  # no guide says so
        "безопаснее всего",  # guide E: "safer"
        "поможет поддержка VK",  # guide E: try support
        "кнопка из нескольких полосок",  # guide A: «маленьких ступенек»
        "кнопка с тремя точками",
        "в настройках безопасности",
        "Общеизвестный факт",
        "Public record",
        "устаревшая",
        "«заморожена»",
        "hosts",
        "Администрации VK он ничего не сообщает",
    ],
)
def test_no_surface_says_what_the_fact_check_found_wrong(wrong):
    found = [name for name, text in sources_texts().items() if wrong.casefold() in text.casefold()]
    assert not found, f"{wrong!r} is said in {found}"


def section_of(page: BeautifulSoup, anchor: str) -> BeautifulSoup:
    target = page.find(id=anchor)
    return target if target.name == "section" else target.find_next("section")


def section_text(page: BeautifulSoup, anchor: str) -> str:
    """The text of the section ``anchor``, without the guides' quotes (Russian, marked lang="ru")."""
    section = section_of(page, anchor)
    for foreign in section.find_all(attrs={"lang": "ru"}):
        foreign.decompose()
    return " ".join(section.get_text(" ").split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_bs_claim_is_hide_then_delete_on_every_surface(builds, language):
    then_delete = {"ru": "потом удал", "en": "then delet"}[language]
    pages_and_sections = [
        ("explanation/harmful-tricks", "trick-hide-before-delete"),
        ("howto/hide", "hide-claims"),
        ("reference/facts", "facts-claims"),
    ]
    for page, anchor in pages_and_sections:
        assert then_delete in section_text(soup(builds[language], page), anchor), (page, anchor)
    warning = " ".join(caution.text for caution in build_checklist("hide", lang=language).warnings)
    assert then_delete in warning


@pytest.mark.parametrize("language", LANGUAGES)
def test_emptying_the_page_is_an_unverified_claim_that_says_first_it_cannot_be_undone(builds, language):
    section = section_of(soup(builds[language], "explanation/harmful-tricks"), "trick-empty-page")
    assert not section.select("div.vk-myth"), "emptying the page is not a harmless myth"
    box = section.select_one("div.vk-claim")
    first = box.find("p", class_=lambda c: c != "admonition-title")
    assert {"ru": "не вернуть", "en": "does not come back"}[language] in first.get_text(), first.get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_rule_of_vks_dialog_is_one_sentence_on_every_surface_that_states_it(builds, language):
    rule_of_dialog = message("deadline_trust_dialog", language)
    for page in ("index", "howto/delete", "howto/restore", "explanation/deletion", "reference/glossary"):
        # Sphinx's smart quotes curl the apostrophes of the pages.
        assert rule_of_dialog in article_text(soup(builds[language], page)).replace("’", "'"), page
    assert rule_of_dialog in window_note(language)
    notes = [
        a.get("note", {}).get(language, "")
        for q in texts_in_every_language("triage.json")["questions"].values()
        for a in q["answers"]
    ]
    assert any(rule_of_dialog in note for note in notes)
