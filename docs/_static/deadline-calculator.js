// The in-page restore-deadline calculator (the {vk-deadline-calculator} directive).
//
// Plain JavaScript, no third-party code, no network: it works on Read the Docs
// and from a local file. The rules and every word come from the Python helpers
// (vkdocs.deadline, vkdocs.messages), written into the page as inline JSON by
// docs/_ext/vkdocs_calculator.py; this file only repeats vkdocs.deadline's
// arithmetic. The browser tests check it against vkdocs.deadline.describe.
(() => {
  "use strict";

  const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
  const RUSSIAN = /^(\d{2})\.(\d{2})\.(\d{4})$/;
  const MS_PER_DAY = 86400000;

  class InputError extends Error {
    constructor(key, params) {
      super(key);
      this.key = key;
      this.params = params;
    }
  }

  // Python's repr() of a string, as the messages' {value!r} placeholders use it.
  function pyRepr(text) {
    const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
    let body = text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
    if (quote === "'") body = body.replace(/'/g, "\\'");
    return quote + body + quote;
  }

  // str.format for the messages' templates: {name} and {name!r}.
  function fill(template, params) {
    return template.replace(/\{(\w+)(!r)?\}/g, (_, name, repr) => (repr ? pyRepr(String(params[name])) : String(params[name])));
  }

  // Days since 1970-01-01 (proleptic Gregorian, like Python's date), and back.
  function dayNumber(year, month, day) {
    const moment = new Date(0);
    moment.setUTCFullYear(year, month - 1, day);
    return Math.round(moment.getTime() / MS_PER_DAY);
  }

  function fromDayNumber(number) {
    const moment = new Date(number * MS_PER_DAY);
    return { year: moment.getUTCFullYear(), month: moment.getUTCMonth() + 1, day: moment.getUTCDate() };
  }

  function isoFormat(date) {
    const pad = (value, width) => String(value).padStart(width, "0");
    return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
  }

  function exists(year, month, day) {
    if (year < 1 || month < 1 || month > 12 || day < 1) return false;
    const last = fromDayNumber(dayNumber(year, month + 1, 1) - 1).day;
    return day <= last;
  }

  // vkdocs.deadline.parse_date: ISO YYYY-MM-DD or Russian DD.MM.YYYY, spaces ignored.
  function parseDate(value) {
    const text = value.trim();
    let year, month, day, match;
    if ((match = ISO.exec(text))) [, year, month, day] = match;
    else if ((match = RUSSIAN.exec(text))) [, day, month, year] = match;
    else throw new InputError("bad_date_format", { value });
    [year, month, day] = [Number(year), Number(month), Number(day)];
    if (!exists(year, month, day)) throw new InputError("impossible_date", { value });
    return { year, month, day };
  }

  // A long date through the CLDR pattern Babel gave (fields d, M, y; quoted literals).
  function formatLongDate(date, data) {
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
    if (override) return parseDate(override);
    const now = new Date();
    return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  }

  // vkdocs.deadline.describe, for one calculator's data.
  function describe(data, value, now) {
    const deleted = parseDate(value);
    const launch = parseDate(data.vkLaunch);
    const deletedDay = dayNumber(deleted.year, deleted.month, deleted.day);
    if (deletedDay < dayNumber(launch.year, launch.month, launch.day)) {
      throw new InputError("before_vk", { value: isoFormat(deleted), launch: isoFormat(launch) });
    }
    const nowDay = dayNumber(now.year, now.month, now.day);
    if (deletedDay > nowDay) {
      throw new InputError("deleted_after_today", { deleted: isoFormat(deleted), today: isoFormat(now) });
    }
    const deadlineDay = deletedDay + data.windowDays;
    const left = Math.max(deadlineDay - nowDay, 0);
    const deadline = formatLongDate(fromDayNumber(deadlineDay), data);
    const first = left > 0
      ? fill(data.messages.deadline_open, { deadline, days: data.days[left] })
      : fill(data.messages.deadline_closed, { deadline });
    return { state: left > 0 ? "open" : "closed", text: `${first} ${data.messages.deadline_trust_dialog}` };
  }

  // The result for a raw field value, never throwing: { state, text }.
  function result(data, value, now) {
    try {
      return describe(data, value, now);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { state: "error", text: fill(data.messages[error.key], error.params) };
    }
  }

  function setUp(element) {
    const data = JSON.parse(element.querySelector(".vk-deadline-calculator__data").textContent);
    const field = element.querySelector(".vk-deadline-calculator__date");
    const output = element.querySelector(".vk-deadline-calculator__result");
    const show = () => {
      let shown;
      if (field.value === "") {
        const key = field.validity && field.validity.badInput ? "calculator_incomplete" : "calculator_empty";
        shown = { state: "empty", text: data.messages[key] };
      } else {
        shown = result(data, field.value, today(element));
      }
      output.textContent = shown.text;
      element.dataset.state = shown.state;
    };
    field.max = isoFormat(today(element));
    field.addEventListener("input", show);
    field.addEventListener("change", show);
    show();
    element.hidden = false;
    return { data, show, result: (value) => result(data, value, today(element)) };
  }

  function setUpAll() {
    for (const element of document.querySelectorAll("[data-vk-deadline-calculator]")) {
      if (!element.vkdocsCalculator) element.vkdocsCalculator = setUp(element);
    }
  }

  // For the browser tests and the curious: vkdocsDeadline.result(element, "2026-01-31").
  window.vkdocsDeadline = {
    result: (element, value) => element.vkdocsCalculator.result(value),
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
