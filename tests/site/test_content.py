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

from vkdocs.i18n import texts_in_every_language

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
        "# Page\n\n:::{vk-myth}\n:source: C\n\nBody.\n:::\n\n"
        ":::{vk-harmful}\n:source: C, D\n\nBody.\n:::\n\n:::{vk-fraud}\nBody.\n:::\n"
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


# -- item 4: harmful is not the same as "does not work" -------------------------------------


@pytest.mark.parametrize(
    ("anchor", "label"),
    [
        ("trick-spam", "vk-harmful"),
        ("trick-forbidden", "vk-harmful"),
        ("trick-random-password", "vk-harmful"),
        ("trick-throwaway-sim", "vk-harmful"),
        ("trick-blacklist-founder", "vk-myth"),
        ("trick-empty-page", "vk-myth"),
    ],
)
def test_each_trick_carries_the_label_that_fits_it(builds, anchor, label):
    other = {"vk-harmful": "vk-myth", "vk-myth": "vk-harmful"}[label]
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
        for value in ([record["text"], record.get("warning")] if "text" in record else [record])
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
        assert line is not None and line.get_text().startswith(says[language]), name
        assert line.find("a")["href"].endswith("reference/sources.html#sources-date"), name


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
        li.get_text(" ") for li in section(soup(builds[language], "howto/lost-access"), "hacked").select("ol > li")
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
    assert any("мошенни" in w["ru"] for w in warnings) and any("fraud" in w["en"] for w in warnings)


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


def test_every_checklist_step_lists_its_guides():
    for name, situation in DATA["situations"].items():
        for step in situation["steps"]:
            sources = step["sources"]
            assert isinstance(sources, list) and set(sources) <= set(GUIDES), (name, step["text"]["en"])
            assert sources == sorted(set(sources)), (name, sources)


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
