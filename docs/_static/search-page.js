// The search page: readers' words, and summaries that show page text.
//
// Readers' words for what the pages name otherwise, from the package's data
// (src/vkdocs/data/search_words.json, written into the page by
// vkdocs.sphinx.search), compared by the stem the page language's stemmer gives:
// * searched_as: searched as the pages' words instead (readers say «аккаунт»,
//   «айфон», «востановить»; the pages say «страница», «iPhone», «восстановить»);
// * also_means: searched as typed, and the pages' words count as the same in
//   titles when the scorer (search-scorer.js) ranks the results ("fake" is
//   on the pages too, but the section for it says "pretends");
// * page_words: words a page answers without using them, in its index terms
//   (the build adds them) and counted by the scorer.
// A result's summary leaves out what is not page text (Sphinx's "no-search"
// class: the language switcher, the "last reviewed" line) and, for a
// whole-page result, the page title that the result's link shows.
const _stems = (words) => splitQuery(words).map((word) => new Stemmer().stemWord(word.toLowerCase()));
// A table of the data keyed by the stem of each reader's word.
const _byStem = (table) => Object.fromEntries(Object.entries(table || {}).map(([word, pages]) => [_stems(word)[0], pages]));
const _readersWords = JSON.parse(document.getElementById("vk-search-words")?.textContent || "{}");
const SEARCH_AS = _byStem(_readersWords.searched_as);
const ALSO_MEANS = _byStem(_readersWords.also_means);
const PAGE_WORDS = Object.fromEntries(
  Object.entries(_readersWords.page_words || {}).map(([page, words]) => [page, _stems(words.join(" "))]),
);

// The stems of the words a page answers without using them (page_words), or [].
Search.vkPageWords = (docname) => PAGE_WORDS[docname] || [];

// The pages' words (stems) that also match a stem of the query, or [].
Search.vkAlternatives = (stem) => {
  const words = ALSO_MEANS[stem];
  return words ? _stems(words) : [];
};

// The query as searched: readers' words replaced by the pages'.
Search.vkReaderWords = (query) =>
  splitQuery(query)
    .map((word) => SEARCH_AS[_stems(word)[0]] || word)
    .join(" ");

// The sections' titles, as the pages print them, hold non-breaking spaces
// (vkdocs.sphinx.typography: «Вход в VK» never ends a line with «в»); a query is
// typed with spaces, and Sphinx looks for the query as typed in the titles. So
// the index's titles are searched with plain spaces.
const _plainSpaces = (text) => text.replace(/\u00a0/g, " ");
Search.vkPlainTitles = (index) => {
  const titles = {};
  for (const [title, places] of Object.entries(index.alltitles || {})) {
    const plain = _plainSpaces(title);
    titles[plain] = (titles[plain] || []).concat(places);
  }
  index.alltitles = titles;
  index.titles = (index.titles || []).map(_plainSpaces);
  return index;
};

(() => {
  const setIndex = Search.setIndex;
  Search.setIndex = (index) => setIndex(Search.vkPlainTitles(index));
  if (Search._index) Search.vkPlainTitles(Search._index);

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
