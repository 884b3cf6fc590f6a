// The question path on the start page (the {vk-triage} directive), one question at a time.
//
// Without this script the page shows every question with its answers as links.
// With it, the reader sees one question, answers with a button, can go Back or
// Start over, sees the answers so far, and ends on a link to the section to
// read, with the guides' letters that open the quotes behind the answer. Each
// answer is a step in the browser's history (remember()). Plain
// JavaScript, no third-party code, no network. Every word and link
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
            remember();
          });
          item.append(choice);
          return item;
        }),
      );
      choices.hidden = false;
      result.hidden = true;
      result.replaceChildren();
    }

    // The place to read, as a link that takes the focus; the page it is on and
    // the safety note describe the link, so a screen reader reads them with it
    // (the note's words, not the quotes' button after them).
    function showResult(read) {
      title.hidden = true;
      choices.hidden = true;
      choices.replaceChildren();
      const line = element("p", { class: "vk-triage__read" }, `${words.read} `);
      const link = element("a", { class: "vk-triage__link", href: read.href }, read.title);
      line.append(link);
      result.replaceChildren(line);
      const described = [];
      if (read.page) {
        result.append(element("p", { class: "vk-triage__page", id: `${root.id}-page` }, fill(words.on_page, { page: read.page })));
        described.push(`${root.id}-page`);
      }
      let cited = line;
      if (read.note) {
        cited = element("p", { class: "vk-triage__note" });
        cited.append(element("span", { id: `${root.id}-note` }, read.note));
        result.append(cited);
        described.push(`${root.id}-note`);
      }
      // The guides' letters that open their quotes, after what they back: the page's own button and
      // popover, written by the build (read.quotes), so the quotes open here as everywhere on the site.
      if (read.quotes) {
        const quotes = document.createElement("template");
        quotes.innerHTML = read.quotes;
        cited.append(" ", quotes.content);
      }
      if (described.length) link.setAttribute("aria-describedby", described.join(" "));
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
      remember();
    });
    restart.addEventListener("click", () => {
      steps = [];
      show(true);
      remember();
    });

    // The browser's history: every move is an entry whose URL names the
    // question shown (#path-…; on a result, the question just answered) and
    // whose state holds the answers. So the browser's Back and Forward step
    // through the questions, a reload keeps the place, and a copied link
    // reopens the question.
    function here() {
      const now = current();
      return now.question || steps[steps.length - 1].question;
    }

    function remember() {
      history.pushState({ vkTriage: steps }, "", `#${here()}`);
    }

    // The answers saved in a history entry, if they still make a path of this tree; else null.
    function saved(state) {
      const given = state && state.vkTriage;
      if (!Array.isArray(given)) return null;
      let anchor = data.start;
      for (const step of given) {
        const question = step && data.questions[step.question];
        const answer = question && step.question === anchor && question.answers[step.answer];
        if (!answer) return null;
        anchor = answer.next;
      }
      return given.map((step) => ({ question: step.question, answer: step.answer }));
    }

    window.addEventListener("popstate", (event) => {
      const anchor = decodeURIComponent(window.location.hash.slice(1));
      steps = saved(event.state) || pathTo(data, anchor) || [];
      show(true);
    });

    // A link to a question (#path-goal) opens the path at that question, in
    // view and focused (its section, hidden now, was the browser's target).
    function followHash(scroll) {
      const anchor = decodeURIComponent(window.location.hash.slice(1));
      const found = pathTo(data, anchor);
      if (!found) return false;
      steps = found;
      show(false);
      history.replaceState({ vkTriage: steps }, "");
      title.focus({ preventScroll: true });
      if (scroll) app.scrollIntoView({ block: "start" });
      return true;
    }

    root.id ||= `vk-triage-${document.querySelectorAll("[data-vk-triage]").length}`;
    for (const section of root.querySelectorAll(":scope > section")) section.hidden = true;
    root.prepend(app);
    root.classList.add("vk-triage--live");
    // A reload, Back to this page (from a result's page too) or Forward: the
    // history entry keeps the answers, so the same place is shown again.
    const kept = saved(history.state);
    if (kept) {
      steps = kept;
      show(false);
    } else {
      show(false);
      // After the browser's own jump to the (now hidden) target, once the page has loaded.
      if (followHash(true) && document.readyState !== "complete") {
        window.addEventListener("load", () => followHash(true), { once: true });
      }
    }
    window.addEventListener("hashchange", () => {
      // Back and Forward change the hash too: the popstate handler has already shown that place.
      if (decodeURIComponent(window.location.hash.slice(1)) !== here()) followHash(true);
    });
  }

  function start() {
    for (const root of document.querySelectorAll("[data-vk-triage]")) setUp(root);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
