// Checklists keep their ticks: per page and language, in this browser's
// localStorage (nothing leaves the device). Each box names its step
// (data-vk-step: the situation and a digest of the step's text); the same
// step shown twice on a page (in two platform tabs) is ticked in both.
// Under each checklist, a "clear all ticks" button (its text comes from the
// build, in the page's language) unticks that checklist's boxes; an "undo"
// button then puts them back, until a box is ticked or unticked again.
(() => {
  const key = `vkdocs:ticks:${document.documentElement.lang}:${location.pathname}`;

  const load = () => {
    try {
      const saved = JSON.parse(localStorage.getItem(key) || "[]");
      return new Set(Array.isArray(saved) ? saved : []);
    } catch {
      return new Set();
    }
  };
  const save = (ticked) => {
    try {
      if (ticked.size) localStorage.setItem(key, JSON.stringify([...ticked].sort()));
      else localStorage.removeItem(key);
    } catch {
      // Storage off (private mode, full): the ticks last until the page closes.
    }
  };

  const boxes = (root = document) => root.querySelectorAll("input.vk-checkbox[data-vk-step]");

  const setup = () => {
    const ticked = load();
    for (const box of boxes()) box.checked = ticked.has(box.dataset.vkStep);

    document.addEventListener("change", (event) => {
      const box = event.target;
      if (!box.matches("input.vk-checkbox[data-vk-step]")) return;
      const step = box.dataset.vkStep;
      const now = load();
      if (box.checked) now.add(step);
      else now.delete(step);
      save(now);
      for (const twin of boxes()) if (twin.dataset.vkStep === step) twin.checked = box.checked;
    });

    const undos = [];
    const forgetUndo = () => {
      for (const forget of undos) forget();
    };
    document.addEventListener("change", (event) => {
      if (event.target.matches("input.vk-checkbox[data-vk-step]")) forgetUndo();
    });

    for (const tools of document.querySelectorAll(".vk-checklist__tools")) {
      tools.hidden = false;
      const [clear, undo] = [tools.querySelector(".vk-checklist__clear"), tools.querySelector(".vk-checklist__undo")];
      const status = tools.querySelector(".vk-checklist__status");
      let cleared = null; // the steps the last "clear" unticked
      undos.push(() => {
        cleared = null;
        if (undo) undo.hidden = true;
        if (status) status.textContent = "";
      });
      const tick = (steps, checked) => {
        const now = load();
        for (const step of steps) checked ? now.add(step) : now.delete(step);
        save(now);
        for (const box of boxes()) if (steps.has(box.dataset.vkStep)) box.checked = checked;
      };
      clear.addEventListener("click", () => {
        const mine = new Set([...boxes(tools.closest(".vk-checklist"))].map((box) => box.dataset.vkStep));
        const ticked = new Set([...load()].filter((step) => mine.has(step)));
        tick(mine, false);
        if (!ticked.size || !undo) return;
        forgetUndo();
        cleared = ticked;
        undo.hidden = false;
        if (status) status.textContent = status.dataset.cleared;
      });
      undo?.addEventListener("click", () => {
        if (cleared) tick(cleared, true);
        forgetUndo();
        clear.focus();
      });
    }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
