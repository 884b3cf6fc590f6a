// Search ranking for vkdocs (html_search_scorer): Sphinx's default scores,
// plus two boosts, so a reader in a hurry sees the page that answers first.
//  * a page whose own title has the query's words (by stem, so «удаление»
//    finds «Удалить свою страницу»): +20; a section title that has them: +5;
//  * a how-to page (what to do): +3.
var Scorer = {
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,

  _queryStems: null,
  _stem: (word) => new Stemmer().stemWord(word.toLowerCase()),
  _words: (text) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []),
  _stemsOf: (text) => Scorer._words(text).filter((w) => w.length > 2).map(Scorer._stem),
  // Two stems match when one begins the other (Russian verb and noun forms
  // share a root: «восстанов» and «восстановлен»), from four letters on, or
  // when they share their first six letters («мошенник», «мошенничеств»).
  _shared: (a, b) => {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
    return n;
  },
  _matches: (queryStem, stems) =>
    stems.some((s) => {
      const shared = Scorer._shared(s, queryStem);
      return shared >= 6 || (shared >= 4 && shared === Math.min(s.length, queryStem.length));
    }),
  _hasAll: (stems, text) => stems.length > 0 && stems.every((q) => Scorer._matches(q, Scorer._stemsOf(text))),

  score: (result) => {
    const [docname, title, anchor, descr, score] = result;
    if (Scorer._queryStems === null) {
      const query = new URLSearchParams(window.location.search).get("q") || "";
      Scorer._queryStems = Scorer._stemsOf(query);
    }
    const [pageTitle, ...sections] = (title || "").split(" > ");
    let boost = 0;
    if (Scorer._hasAll(Scorer._queryStems, pageTitle)) boost += 20;
    else if (Scorer._hasAll(Scorer._queryStems, sections.join(" "))) boost += 5;
    if (docname.startsWith("howto/")) boost += 3;
    return score + boost;
  },
};
