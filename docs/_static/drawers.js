// The menu and "on this page" drawers, from the keyboard too.
// Furo opens them with hidden checkboxes (#__navigation, #__toc) toggled by
// clicking a <label>; a label cannot take the focus, so the page has real
// buttons (data-vk-drawer="<checkbox id>") that toggle the same checkboxes.
// An open drawer takes the focus (its first link a reader can see: Furo hides
// the page's own "#" link at the top of the contents) and keeps it: Tab and
// Shift+Tab go round inside it. Escape closes it and gives the focus back.
(() => {
  const buttons = () => document.querySelectorAll("button[data-vk-drawer]");
  const drawerOf = (toggle) => document.getElementById(toggle.id === "__toc" ? "vk-toc-drawer" : "vk-navigation-drawer");

  const sync = () => {
    for (const button of buttons()) {
      const toggle = document.getElementById(button.dataset.vkDrawer);
      button.setAttribute("aria-expanded", String(Boolean(toggle && toggle.checked)));
    }
  };

  const focusable = (drawer) =>
    [...drawer.querySelectorAll("a[href], input:not([type=hidden]), button, summary, [tabindex='0']")].filter(
      (element) => element.getClientRects().length && getComputedStyle(element).visibility === "visible",
    );

  let opener = null;
  const open = (toggle, button) => {
    toggle.checked = true;
    opener = button;
    sync();
    const drawer = drawerOf(toggle);
    // After the drawer's visibility switches on (vkdocs.css), it can take the focus.
    if (drawer) requestAnimationFrame(() => focusable(drawer)[0]?.focus({ preventScroll: true }));
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
    if (event.key === "Escape") {
      for (const toggle of document.querySelectorAll("input.sidebar-toggle:checked")) close(toggle);
      return;
    }
    if (event.key !== "Tab") return;
    const toggle = document.querySelector("input.sidebar-toggle:checked");
    const drawer = toggle && drawerOf(toggle);
    if (!drawer) return;
    const inside = focusable(drawer);
    if (!inside.length) return;
    const [first, last] = [inside[0], inside[inside.length - 1]];
    const at = document.activeElement;
    if (!drawer.contains(at) || (event.shiftKey ? at === first : at === last)) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  });

  // The overlay (a label) and links inside the drawer close it without the buttons.
  document.addEventListener("change", (event) => {
    if (event.target.matches("input.sidebar-toggle")) sync();
  });
  document.addEventListener("DOMContentLoaded", sync);
})();
