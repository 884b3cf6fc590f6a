// Checklists keep their ticks: per page and language, in this browser's
// localStorage (nothing leaves the device). Each box names its step
// (data-vk-step: the situation and a digest of the step's text); the same
// step shown twice on a page (in two platform tabs) is ticked in both.
// Under each checklist, a "clear all ticks" button (its text comes from the
// build, in the page's language) unticks that checklist's boxes.
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

    for (const tools of document.querySelectorAll(".vk-checklist__tools")) {
      tools.hidden = false;
      tools.querySelector("button").addEventListener("click", () => {
        const steps = new Set([...boxes(tools.closest(".vk-checklist"))].map((box) => box.dataset.vkStep));
        const now = load();
        for (const step of steps) now.delete(step);
        save(now);
        for (const box of boxes()) if (steps.has(box.dataset.vkStep)) box.checked = false;
      });
    }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
