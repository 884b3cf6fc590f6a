// Search ranking for vkdocs (html_search_scorer): Sphinx's scores, plus what
// a reader in a hurry needs, so the page that answers comes first.
//
//  * Titles: a page whose own title has every word of the query (by stem, so
//    «удаление» finds «Удалить свою страницу») gets up to +20; a page with a
//    section titled so, up to +10. "Up to": by how much of the title the
//    query covers, each word weighted by how rare it is in the docs (a word
//    on every page says little): «взломали» is closer to «Страницу
//    взломали» than to «Страницу друга взломали», and «удалить страницу» to
//    «Удалить свою страницу» than to «Восстановить удалённую страницу» (the
//    same stem counts fully, the same root half). The start page lists every
//    situation in its title and gets no title boost: it is where readers come
//    from, not where they go.
//  * Keywords: a page whose keywords (the words it answers without using
//    them, page_words in the package's data) meet the query gets up to +20,
//    by how much of the query its title and keywords hold: «от моего имени»
//    leads to the page on someone else's page, «просят деньги» to scams.
//  * Audience: a how-to page (what to do) +3; glossary terms (index entries)
//    count as much as a title word, no more; the developer pages (Python
//    helpers, the command) -20 and their API entries -50, so they never come
//    before a page written for readers. A query written as a Python name
//    (restore_deadline, vkdocs.deadline) is a developer's: no penalties then.
//
// The query is read as the search page reads it, with readers' words for the
// pages' words (search-page.js).
var Scorer = {
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,

  pageTitleBoost: 20,
  sectionTitleBoost: 10,
  keywordBoost: 20,
  howtoBoost: 3,
  developerPenalty: -20,
  apiEntryPenalty: -50,
  developerPages: ["reference/api", "reference/cli"],
  startPage: "index",

  _queryStems: null,
  _developerQuery: false,
  _sections: null,
  _weights: new Map(),
  _stem: (word) => new Stemmer().stemWord(word.toLowerCase()),
  _words: (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [],
  _stemsOf: (text) =>
    Scorer._words(text)
      .filter((w) => w.length > 2 && !stopwords.has(w))
      .map(Scorer._stem),
  // How well a query stem matches a title's stem: 1 the same stem, 0.5 the
  // same root (one begins the other, from four letters on, as Russian verb
  // and noun forms do: «восстанов» and «восстановлен»; or six shared
  // letters: «мошенник» and «мошенничеств»), 0 not at all.
  _match: (queryStem, stem) => {
    if (queryStem === stem) return 1;
    let n = 0;
    while (n < queryStem.length && n < stem.length && queryStem[n] === stem[n]) n += 1;
    return n >= 6 || (n >= 4 && n === Math.min(queryStem.length, stem.length)) ? 0.5 : 0;
  },
  // How rare a stem is: log(1 + pages / pages that have it).
  _weight: (stem) => {
    if (!Scorer._weights.has(stem)) {
      const index = Search._index;
      const pages = new Set();
      for (const found of [index.terms[stem], index.titleterms[stem]]) {
        if (found === undefined) continue;
        for (const file of [].concat(found)) pages.add(file);
      }
      Scorer._weights.set(stem, Math.log(1 + index.docnames.length / Math.max(1, pages.size)));
    }
    return Scorer._weights.get(stem);
  },
  // 0 unless the title has every query stem; then the share of the title's
  // weight that the query covers (1: the same words).
  _closeness: (queryStems, title) => {
    const stems = Scorer._stemsOf(title);
    if (!queryStems.length || !stems.length) return 0;
    // A query stem, or the pages' word for it (search-page.js), matches.
    const alternatives = (q) => [q, ...(Search.vkAlternatives ? Search.vkAlternatives(q) : [])];
    const match = (q, stem) => Math.max(...alternatives(q).map((a) => Scorer._match(a, stem)));
    const quality = (stem) => Math.max(...queryStems.map((q) => match(q, stem)));
    if (!queryStems.every((q) => stems.some((stem) => match(q, stem) > 0))) return 0;
    let covered = 0;
    let total = 0;
    for (const stem of stems) {
      covered += quality(stem) * Scorer._weight(stem);
      total += Scorer._weight(stem);
    }
    return total > 0 ? covered / total : 0;
  },
  // 0 unless the query uses one of the page's keywords; then the share of
  // the query's stems that the page's title and keywords hold.
  _keywordCloseness: (queryStems, docname, title) => {
    const keywords = Search.vkPageWords ? Search.vkPageWords(docname) : [];
    const has = (stems, q) => stems.some((stem) => Scorer._match(q, stem) > 0);
    if (!queryStems.length || !queryStems.some((q) => has(keywords, q))) return 0;
    const own = [...keywords, ...Scorer._stemsOf(title)];
    return queryStems.filter((q) => has(own, q)).length / queryStems.length;
  },
  // Every section title of each page, from the search index.
  _sectionsOf: (docname) => {
    if (Scorer._sections === null) {
      Scorer._sections = new Map();
      const index = Search._index;
      for (const [title, places] of Object.entries(index.alltitles)) {
        for (const [file, anchor] of places) {
          if (anchor === null) continue; // the page's own title
          const name = index.docnames[file];
          if (!Scorer._sections.has(name)) Scorer._sections.set(name, []);
          Scorer._sections.get(name).push(title);
        }
      }
    }
    return Scorer._sections.get(docname) || [];
  },

  score: (result) => {
    const [docname, title, , , score, , kind] = result;
    if (Scorer._queryStems === null) {
      let query = new URLSearchParams(window.location.search).get("q") || "";
      if (Search.vkReaderWords) query = Search.vkReaderWords(query);
      Scorer._queryStems = Scorer._stemsOf(query);
      Scorer._developerQuery = /[\w][_.][\w]/.test(query);
    }
    const stems = Scorer._queryStems;
    let boost = 0;
    if (kind === "index") return Math.min(score, Scorer.title);
    if (docname !== Scorer.startPage) {
      const pageTitle = Search._index.titles[Search._index.docnames.indexOf(docname)] || title.split(" > ")[0];
      boost += Scorer.pageTitleBoost * Scorer._closeness(stems, pageTitle);
      boost += Scorer.keywordBoost * Scorer._keywordCloseness(stems, docname, pageTitle);
    }
    const sections = Scorer._sectionsOf(docname).map((section) => Scorer._closeness(stems, section));
    boost += Scorer.sectionTitleBoost * Math.max(0, ...sections);
    if (docname.startsWith("howto/")) boost += Scorer.howtoBoost;
    if (!Scorer._developerQuery) {
      if (Scorer.developerPages.includes(docname)) boost += Scorer.developerPenalty;
      if (kind === "object") boost += Scorer.apiEntryPenalty;
    }
    return score + boost;
  },
};
