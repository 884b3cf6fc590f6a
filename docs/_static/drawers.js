// The menu and "on this page" drawers, from the keyboard too.
// Furo opens them with hidden checkboxes (#__navigation, #__toc) toggled by
// clicking a <label>; a label cannot take the focus, so the page has real
// buttons (data-vk-drawer="<checkbox id>") that toggle the same checkboxes.
// An open drawer takes the focus; Escape closes it and gives the focus back.
(() => {
  const buttons = () => document.querySelectorAll("button[data-vk-drawer]");
  const drawerOf = (toggle) => document.getElementById(toggle.id === "__toc" ? "vk-toc-drawer" : "vk-navigation-drawer");

  const sync = () => {
    for (const button of buttons()) {
      const toggle = document.getElementById(button.dataset.vkDrawer);
      button.setAttribute("aria-expanded", String(Boolean(toggle && toggle.checked)));
    }
  };

  let opener = null;
  const open = (toggle, button) => {
    toggle.checked = true;
    opener = button;
    sync();
    const first = drawerOf(toggle)?.querySelector("a[href], input:not([type=hidden]), button");
    // After the drawer's visibility switches on (vkdocs.css), it can take the focus.
    if (first) requestAnimationFrame(() => first.focus({ preventScroll: true }));
  };
  const close = (toggle) => {
    toggle.checked = false;
    sync();
    if (opener) opener.focus();
    opener = null;
  };

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-vk-drawer]");
    if (!button) return;
    const toggle = document.getElementById(button.dataset.vkDrawer);
    if (!toggle) return;
    if (toggle.checked) close(toggle);
    else open(toggle, button);
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const toggle of document.querySelectorAll("input.sidebar-toggle:checked")) close(toggle);
  });

  // The overlay (a label) and links inside the drawer close it without the buttons.
  document.addEventListener("change", (event) => {
    if (event.target.matches("input.sidebar-toggle")) sync();
  });
  document.addEventListener("DOMContentLoaded", sync);
})();
