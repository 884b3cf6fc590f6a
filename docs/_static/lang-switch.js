// Keep the reader at the same place when switching language: the section
// (section anchors are explicit labels, identical in both languages) and,
// on the search page, the query. The address's own #section is kept while
// it is on the screen; otherwise (no section in the address, or the reader
// has scrolled on) the section being read: the last one whose top has
// passed the top of the window, under the phone's header.
(() => {
  // On the screen, or not shown at all (a question of the question path, drawn by its script).
  const onScreen = (element) => {
    const box = element.getBoundingClientRect();
    return !element.getClientRects().length || (box.bottom > 0 && box.top < window.innerHeight);
  };

  const sectionBeingRead = () => {
    const header = document.querySelector(".mobile-header");
    const top = (header ? Math.max(header.getBoundingClientRect().bottom, 0) : 0) + 8;
    const sections = [...document.querySelectorAll("article section[id]")].filter((s) => s.getClientRects().length);
    let found = null;
    for (const section of sections) if (section.getBoundingClientRect().top <= top) found = section;
    // The page's first section is the page itself: its top needs no anchor.
    return found && found !== sections[0] ? found.id : "";
  };

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-vk-lang-switch]");
    if (!link) return;
    const url = new URL(link.href, window.location.href);
    const target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    url.hash = target && onScreen(target) ? window.location.hash : sectionBeingRead();
    url.search = window.location.search;
    link.href = url.toString();
  });
})();
