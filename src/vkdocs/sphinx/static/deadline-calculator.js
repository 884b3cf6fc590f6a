// The in-page calculator of the last day to restore a page (the {vk-deadline-calculator} directive).
//
// Plain JavaScript, no third-party code, no network: it works on Read the Docs
// and from a local file. The rule and every word come from the Python helpers
// (vkdocs.deadline, vkdocs.messages), written into the page as inline JSON by
// src/vkdocs/sphinx/calculator.py; this file only repeats vkdocs.deadline's
// arithmetic. The browser tests check it against vkdocs.deadline.describe.
//
// The field takes typed text, whatever the browser's language, in every form
// vkdocs.dates reads (1.10.2026, 2026-10-01, 1 октября 2026 г., October 1, 2026),
// with the patterns and month names the build wrote from it: a date picker
// would show the browser's order, and 01.10.2026 typed into an English one
// becomes 10 January.
//
// It speaks once: the result is written into its live region (and so read
// out) when a whole date has been read, when the field is left, or on Enter;
// while the reader is still typing, an old result is only taken away. An
// error marks the field (aria-invalid) and describes it (aria-describedby).
// The field's inputmode="decimal" gives digits and a decimal separator on
// phones; where that separator is a comma, it becomes a dot as it is typed
// (in a date of digits only: "October 1, 2026" keeps its comma).
(() => {
  "use strict";

  // A year on its way to one in VK's lifetime: "2", "20", "202".
  const YEAR_START = "(?:2(?:[01][0-9]?)?)?";
  const NUMERIC_START = new RegExp(`^[0-9]{1,2}(?:\\.(?:[0-9]{1,2}(?:\\.${YEAR_START})?)?)?$|^[0-9]{1,4}$|^[0-9]{4}-(?:[0-9]{1,2}(?:-0?)?)?$`);
  const DAY_FIRST_START = new RegExp(`^[0-9]{1,2}\\s+(\\p{L}*\\.?)(?:\\s+${YEAR_START})?$`, "u");
  const MONTH_FIRST_START = new RegExp(`^(\\p{L}+\\.?)(?:\\s+(?:[0-9]{1,2},?(?:\\s+${YEAR_START})?)?)?$`, "u");
  // Characters Python's repr() escapes (str.isprintable() is false for them).
  const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
  const MS_PER_DAY = 86400000;

  class InputError extends Error {
    constructor(key, params) {
      super(key);
      this.key = key;
      this.params = params;
    }
  }

  // vkdocs.errors.echo: at most `limit` characters of the reader's input, then "…".
  function echo(text, limit) {
    const chars = Array.from(text);
    return chars.length <= limit ? text : chars.slice(0, limit - 1).join("") + "…";
  }

  // Python's repr() of a string, as the messages' {value!r} placeholders use it.
  function pyRepr(text) {
    const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
    let body = "";
    for (const char of text) {
      const code = char.codePointAt(0);
      if (char === "\\") body += "\\\\";
      else if (char === quote) body += "\\" + quote;
      else if (char === "\n") body += "\\n";
      else if (char === "\r") body += "\\r";
      else if (char === "\t") body += "\\t";
      else if (char !== " " && UNPRINTABLE.test(char)) {
        const hex = code.toString(16);
        body += code <= 0xff ? "\\x" + hex.padStart(2, "0") : code <= 0xffff ? "\\u" + hex.padStart(4, "0") : "\\U" + hex.padStart(8, "0");
      } else body += char;
    }
    return quote + body + quote;
  }

  // str.format for the messages' templates: {name} and {name!r}.
  function fill(template, params) {
    return template.replace(/\{(\w+)(!r)?\}/g, (_, name, repr) => (repr ? pyRepr(String(params[name])) : String(params[name])));
  }

  // Days since 1970-01-01 (proleptic Gregorian, like Python's date), and back.
  function dayNumber(date) {
    const moment = new Date(0);
    moment.setUTCFullYear(date.year, date.month - 1, date.day);
    return Math.round(moment.getTime() / MS_PER_DAY);
  }

  function fromDayNumber(number) {
    const moment = new Date(number * MS_PER_DAY);
    return { year: moment.getUTCFullYear(), month: moment.getUTCMonth() + 1, day: moment.getUTCDate() };
  }

  function exists(year, month, day) {
    if (year < 1 || month < 1 || month > 12 || day < 1) return false;
    const last = fromDayNumber(dayNumber({ year, month: month + 1, day: 1 }) - 1).day;
    return day <= last;
  }

  function isoDate(text) {
    const [year, month, day] = text.split("-").map(Number);
    return { year, month, day };
  }

  // vkdocs.dates.read_date, with its patterns (data.dates, from vkdocs.dates.grammar).
  function readDate(value, data) {
    const forms = data.dates;
    const found = [];
    for (const form of forms.accept) {
      for (const match of value.matchAll(new RegExp(form.pattern, "giu"))) {
        const parts = {};
        Array.from(form.order).forEach((name, index) => (parts[name] = match[index + 1]));
        const month = forms.months[parts.m.toLowerCase()] || Number(parts.m);
        found.push({ year: Number(parts.y), month, day: Number(parts.d) });
      }
    }
    const trimmed = echo(value.trim(), data.echoLimit);
    if (found.length === 0) {
      const refused = forms.refuse.find((form) => new RegExp(form.pattern, "iu").test(value));
      if (refused) throw new InputError(refused.error, { value: trimmed });
      throw new InputError("bad_date_format", { value: echo(value, data.echoLimit) });
    }
    if (new Set(found.map((date) => `${date.year}-${date.month}-${date.day}`)).size > 1) throw new InputError("several_dates", { value: trimmed });
    const { year, month, day } = found[0];
    if (!exists(year, month, day)) throw new InputError("impossible_date", { value: trimmed });
    return { year, month, day };
  }

  // Whether a reader may still be typing a date we would read: "01.1", "2026-10-0", "1 окт".
  function stillTyping(value, data) {
    const text = value.trim();
    if (NUMERIC_START.test(text)) return true;
    const month = (DAY_FIRST_START.exec(text) || MONTH_FIRST_START.exec(text) || [])[1];
    if (month === undefined) return false;
    const start = month.toLowerCase().replace(/\.$/, "");
    return Object.keys(data.dates.months).some((name) => name.startsWith(start));
  }

  // A long date through the CLDR pattern Babel gave (fields d, M, y; quoted literals).
  function inWords(date, data) {
    return data.datePattern.replace(/'([^']*)'|([A-Za-z])\2*/g, (field, literal) => {
      if (literal !== undefined) return literal === "" ? "'" : literal;
      if (field === "d") return String(date.day);
      if (field === "dd") return String(date.day).padStart(2, "0");
      if (field === "M") return String(date.month);
      if (field === "MM") return String(date.month).padStart(2, "0");
      if (field === "MMMM") return data.months[date.month - 1];
      if (field === "y") return String(date.year);
      if (field === "yyyy") return String(date.year).padStart(4, "0");
      return field;
    });
  }

  function today(element) {
    const override = element.dataset.today;
    if (override) return isoDate(override);
    const now = new Date();
    return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  }

  // vkdocs.deadline.describe for a date already read.
  function describe(data, deleted, now) {
    const words = (date) => inWords(date, data);
    const launch = isoDate(data.vkLaunch);
    const deletedDay = dayNumber(deleted);
    if (deletedDay < dayNumber(launch)) throw new InputError("before_vk", { value: words(deleted), launch: words(launch) });
    if (deletedDay > dayNumber(isoDate(data.latestDeletion))) throw new InputError("too_far_ahead", { value: words(deleted) });
    const nowDay = dayNumber(now);
    if (deletedDay > nowDay) throw new InputError("deleted_after_today", { deleted: words(deleted), today: words(now) });
    const left = Math.max(deletedDay + data.windowDays - nowDay, 0);
    const state = left > 1 ? "open" : left === 1 ? "last" : "closed";
    const lastDay = fromDayNumber(deletedDay + data.lastDayOffset);
    const params = { last_day: words(lastDay), days: data.days[left] };
    const text = data.sentences[state].map((key) => fill(data.messages[key], params)).join(" ");
    return { state, text, deleted, lastDay };
  }

  // The answer for a raw field value, never throwing: { state, understood, text }.
  function result(data, value, now) {
    if (value.trim() === "") return { state: "empty", understood: "", text: data.messages.calculator_empty };
    let deleted;
    try {
      deleted = readDate(value, data);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      if (stillTyping(value, data)) return { state: "incomplete", understood: "", text: data.messages.calculator_incomplete };
      return { state: "error", understood: "", text: fill(data.messages[error.key], error.params) };
    }
    const understood = fill(data.messages.calculator_understood, { date: inWords(deleted, data) });
    try {
      return { understood, ...describe(data, deleted, now) };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { state: "error", understood, text: fill(data.messages[error.key], error.params) };
    }
  }

  // The page's restore checklist, printed alone with the two dates filled in
  // (as on a personal handout): the print styles show only the element marked
  // .vk-print-sheet while the root has data-vk-print, until the print is done.
  function paragraph(label, value) {
    const line = document.createElement("p");
    if (label) {
      const strong = document.createElement("strong");
      strong.textContent = label;
      line.append(strong, " ");
    }
    line.append(value);
    return line;
  }

  function printChecklist(sheet, data, shown) {
    let dates = sheet.querySelector(".vk-print-dates");
    if (!dates) {
      dates = document.createElement("div");
      dates.className = "vk-print-dates";
      const title = sheet.querySelector(".vk-checklist__title");
      if (title) title.after(dates);
      else sheet.prepend(dates);
    }
    const note = data.windowNote;
    dates.replaceChildren(
      paragraph(data.messages.handout_deleted_on, inWords(shown.deleted, data)),
      paragraph(data.messages.handout_restore_before, inWords(shown.lastDay, data)),
      paragraph("", note),
    );
    sheet.classList.add("vk-print-sheet");
    document.documentElement.dataset.vkPrint = "checklist";
    window.print();
  }

  window.addEventListener("afterprint", () => {
    delete document.documentElement.dataset.vkPrint;
    for (const sheet of document.querySelectorAll(".vk-print-sheet")) sheet.classList.remove("vk-print-sheet");
  });

  // The result's text, with the last day (in words) as its own element, to stand out.
  function resultNodes(shown, data) {
    if (!shown.lastDay) return [shown.text];
    const day = inWords(shown.lastDay, data);
    const at = shown.text.indexOf(day);
    if (at < 0) return [shown.text];
    const strong = document.createElement("strong");
    strong.className = "vk-deadline-calculator__last-day";
    strong.textContent = day;
    return [shown.text.slice(0, at), strong, shown.text.slice(at + day.length)];
  }

  function setUp(element) {
    const data = JSON.parse(element.querySelector(".vk-deadline-calculator__data").textContent);
    const field = element.querySelector(".vk-deadline-calculator__date");
    const understood = element.querySelector(".vk-deadline-calculator__understood");
    const output = element.querySelector(".vk-deadline-calculator__result");
    const printLine = element.querySelector(".vk-deadline-calculator__print");
    const sheet = document.querySelector(".vk-checklist--restore");
    const hint = field.getAttribute("aria-describedby");
    let shown;
    // What the live region says now: written again only when it changes.
    let said = null;
    const say = (answer) => {
      const text = `${answer.understood}\u0000${answer.text}`;
      if (text === said) return;
      said = text;
      understood.textContent = answer.understood;
      output.replaceChildren(...resultNodes(answer, data));
    };
    const mark = (state) => {
      element.dataset.state = state;
      const wrong = state === "error" || state === "incomplete";
      if (wrong) {
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("aria-describedby", `${output.id} ${hint}`);
      } else {
        field.removeAttribute("aria-invalid");
        field.setAttribute("aria-describedby", hint);
      }
    };
    // `settle`: the reader has finished (left the field, pressed Enter), so say whatever the answer is.
    const show = (settle) => {
      shown = result(data, field.value, today(element));
      const whole = shown.understood !== "" || shown.state === "empty";
      if (settle || whole) {
        say(shown);
        mark(shown.state);
      } else {
        // Still typing: take the old answer away (silently), say nothing yet.
        if (said !== "") {
          said = "";
          understood.textContent = "";
          output.replaceChildren();
        }
        mark("typing");
      }
      printLine.hidden = !(sheet && (element.dataset.state === "open" || element.dataset.state === "last"));
    };
    printLine.querySelector("button").addEventListener("click", () => printChecklist(sheet, data, shown));
    field.addEventListener("input", () => {
      // A phone's decimal key may give a comma: the date's separator is a dot.
      if (field.value.includes(",") && /^[0-9.,]*$/.test(field.value)) {
        const caret = field.selectionStart;
        field.value = field.value.replaceAll(",", ".");
        field.setSelectionRange(caret, caret);
      }
      show(false);
    });
    field.addEventListener("change", () => show(true));
    field.addEventListener("blur", () => show(true));
    field.addEventListener("keydown", (event) => {
      if (event.key === "Enter") show(true);
    });
    show(true);
    element.hidden = false;
    return { data, show, result: (value) => result(data, value, today(element)), read: (value) => readDate(value, data) };
  }

  function setUpAll() {
    for (const element of document.querySelectorAll("[data-vk-deadline-calculator]")) {
      if (!element.vkdocsCalculator) element.vkdocsCalculator = setUp(element);
    }
  }

  // For the browser tests and the curious: vkdocsDeadline.result(element, "01.10.2026").
  // vkdocsDeadline.read(element, "1 октября 2026") is {year, month, day} or {error: key}, as vkdocs.dates.read_date.
  window.vkdocsDeadline = {
    result: (element, value) => element.vkdocsCalculator.result(value),
    read: (element, value) => {
      try {
        return element.vkdocsCalculator.read(value);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        return { error: error.key };
      }
    },
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
