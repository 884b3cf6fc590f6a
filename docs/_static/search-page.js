// The search page: readers' words, and summaries that show page text.
//
// Readers' words for what the pages name otherwise, by the stem the page
// language's stemmer gives:
// * SEARCH_AS: searched as the pages' words instead (readers say «аккаунт»
//   or «фейк»; the pages say «страница», «выдаёт себя»);
// * ALSO_MEANS: searched as typed, and the pages' words count as the same in
//   titles when the scorer (search-scorer.js) ranks the results ("fake" is
//   on the pages too, but the section for it says "pretends").
// A result's summary leaves out what is not page text (Sphinx's "no-search"
// class: the language switcher, the "last reviewed" line) and, for a
// whole-page result, the page title that the result's link shows.
const SEARCH_AS = {
  ru: { аккаунт: "страница", фейк: "выдаёт себя", фейков: "выдаёт себя", фальшив: "выдаёт себя" },
  en: { account: "page" },
};
const ALSO_MEANS = {
  ru: {},
  en: { fake: "pretends" },
};

const _stems = (words) => splitQuery(words).map((word) => new Stemmer().stemWord(word.toLowerCase()));
const _table = (table) => table[document.documentElement.lang] || {};

// The pages' words (stems) that also match a stem of the query, or [].
Search.vkAlternatives = (stem) => {
  const words = _table(ALSO_MEANS)[stem];
  return words ? _stems(words) : [];
};

// The query as searched: readers' words replaced by the pages'.
Search.vkReaderWords = (query) =>
  splitQuery(query)
    .map((word) => _table(SEARCH_AS)[_stems(word)[0]] || word)
    .join(" ");

(() => {
  const parseQuery = Search._parseQuery;
  Search._parseQuery = (query) => parseQuery(Search.vkReaderWords(query));

  const pageText = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) => {
    const page = new DOMParser().parseFromString(htmlString, "text/html");
    page.querySelectorAll(".no-search").forEach((element) => element.remove());
    if (!anchor) page.querySelector('[role="main"] h1')?.remove();
    return pageText(page.documentElement.outerHTML, anchor);
  };
})();

// Nothing found: instead of Sphinx's sentence about "categories", the way on
// that the page holds hidden (search.html): the start page's questions and
// its list of situations. Sphinx stops the "Searching…" dots just before it
// writes its summary, so the summary is replaced right after.
(() => {
  const stopPulse = Search.stopPulse;
  Search.stopPulse = () => {
    stopPulse();
    queueMicrotask(() => {
      const nothing = document.querySelector(".vk-search-nothing");
      if (!nothing || !Search.output || Search.output.children.length) return;
      Search.status.textContent = nothing.querySelector(".vk-search-nothing__text").textContent;
      nothing.querySelector(".vk-search-nothing__text").hidden = true;
      nothing.hidden = false;
    });
  };
})();
