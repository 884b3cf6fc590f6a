// The question path on the start page (the {vk-triage} directive), one question at a time.
//
// Without this script the page shows every question with its answers as links.
// With it, the reader sees one question, answers with a button, can go Back or
// Start over, sees the answers so far, and ends on a link to the section to
// read. Plain JavaScript, no third-party code, no network. Every word and link
// comes from the inline JSON that src/vkdocs/sphinx/triage.py writes from
// the package's data (src/vkdocs/data/triage.json), so the page says what
// `vkdocs triage` and the printed manual say.
(() => {
  "use strict";

  function element(tag, attributes = {}, text = "") {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text) node.textContent = text;
    return node;
  }

  function fill(template, params) {
    return template.replace(/\{(\w+)\}/g, (_, name) => params[name]);
  }

  // The answers (indexes) that lead from the first question to `target`, or null.
  function pathTo(data, target) {
    const walk = (anchor, trail) => {
      if (anchor === target) return trail;
      const answers = data.questions[anchor].answers;
      for (let index = 0; index < answers.length; index += 1) {
        if (!answers[index].next || trail.some((step) => step.question === answers[index].next)) continue;
        const found = walk(answers[index].next, trail.concat({ question: anchor, answer: index }));
        if (found) return found;
      }
      return null;
    };
    return data.questions[target] ? walk(data.start, []) : null;
  }

  function setUp(root) {
    const data = JSON.parse(root.querySelector("script.vk-triage__data").textContent);
    const words = data.messages;

    const app = element("div", { class: "vk-triage__app" });
    const trail = element("nav", { class: "vk-triage__trail", "aria-label": words.answers_so_far });
    const trailList = element("ol");
    trail.append(trailList);
    const title = element("h3", { class: "vk-triage__title", tabindex: "-1" });
    const choices = element("ul", { class: "vk-triage__choices" });
    const result = element("div", { class: "vk-triage__result" });
    const controls = element("div", { class: "vk-triage__controls" });
    const back = element("button", { type: "button", class: "vk-triage__back" }, words.back);
    const restart = element("button", { type: "button", class: "vk-triage__restart" }, words.restart);
    controls.append(back, restart);
    app.append(trail, title, choices, result, controls);

    // The answers given so far: [{question, answer}], answer an index into its question's answers.
    let steps = [];

    function current() {
      const last = steps[steps.length - 1];
      if (!last) return { question: data.start };
      const answer = data.questions[last.question].answers[last.answer];
      return answer.next ? { question: answer.next } : { read: answer.read };
    }

    function showTrail() {
      trailList.replaceChildren(
        ...steps.map((step) => {
          const question = data.questions[step.question];
          const item = element("li");
          item.append(
            element("span", { class: "vk-triage__trail-question" }, question.text),
            " ",
            element("span", { class: "vk-triage__trail-answer" }, question.answers[step.answer].text),
          );
          return item;
        }),
      );
      trail.hidden = steps.length === 0;
    }

    function showQuestion(anchor) {
      const question = data.questions[anchor];
      title.textContent = question.text;
      title.hidden = false;
      choices.replaceChildren(
        ...question.answers.map((answer, index) => {
          const item = element("li");
          const choice = element("button", { type: "button", class: "vk-triage__choice" }, answer.text);
          choice.addEventListener("click", () => {
            steps = steps.concat({ question: anchor, answer: index });
            show(true);
          });
          item.append(choice);
          return item;
        }),
      );
      choices.hidden = false;
      result.hidden = true;
      result.replaceChildren();
    }

    function showResult(read) {
      title.hidden = true;
      choices.hidden = true;
      choices.replaceChildren();
      const line = element("p", { class: "vk-triage__read" }, `${words.read} `);
      const link = element("a", { class: "vk-triage__link", href: read.href }, read.title);
      line.append(link);
      result.replaceChildren(line);
      if (read.page) result.append(element("p", { class: "vk-triage__page" }, fill(words.on_page, { page: read.page })));
      if (read.note) result.append(element("p", { class: "vk-triage__note" }, read.note));
      result.hidden = false;
      return link;
    }

    // Draw the current step; with `focus`, move the keyboard focus to it.
    function show(focus) {
      showTrail();
      const now = current();
      const target = now.read ? showResult(now.read) : (showQuestion(now.question), title);
      back.hidden = steps.length === 0;
      restart.hidden = steps.length === 0;
      root.dataset.state = now.read ? "result" : "question";
      if (focus) target.focus();
    }

    back.addEventListener("click", () => {
      steps = steps.slice(0, -1);
      show(true);
    });
    restart.addEventListener("click", () => {
      steps = [];
      show(true);
    });

    // A link to a question (#path-goal) opens the path at that question.
    function followHash(scroll) {
      const anchor = decodeURIComponent(window.location.hash.slice(1));
      const found = pathTo(data, anchor);
      if (!found) return;
      steps = found;
      show(false);
      if (scroll) app.scrollIntoView();
      title.focus({ preventScroll: !scroll });
    }

    for (const section of root.querySelectorAll(":scope > section")) section.hidden = true;
    root.prepend(app);
    root.classList.add("vk-triage--live");
    show(false);
    followHash(true);
    window.addEventListener("hashchange", () => followHash(true));
  }

  function start() {
    for (const root of document.querySelectorAll("[data-vk-triage]")) setUp(root);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
