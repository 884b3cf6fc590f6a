// Keep the reader at the same section when switching language.
// Section anchors are explicit labels, identical in both languages.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-vk-lang-switch]");
  if (!link || !window.location.hash) return;
  const url = new URL(link.href, window.location.href);
  url.hash = window.location.hash;
  link.href = url.toString();
});
