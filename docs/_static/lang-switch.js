// Keep the reader at the same place when switching language: the section
// (section anchors are explicit labels, identical in both languages) and,
// on the search page, the query.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-vk-lang-switch]");
  if (!link) return;
  const url = new URL(link.href, window.location.href);
  url.hash = window.location.hash;
  url.search = window.location.search;
  link.href = url.toString();
});
