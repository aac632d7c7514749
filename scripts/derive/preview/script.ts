/**
 * The preview page's behaviour, inlined into the page after the search (search-script.ts): render the app
 * card, the trigger picker and the trigger on show from the embedded JSON; search; switch language. Every
 * piece of data goes into the page through `textContent` or attribute setters, never as HTML, so labels
 * and sample values stay text.
 *
 * The detail follows the search: it shows the trigger the user chose while the search keeps it in the
 * list, otherwise the first trigger listed, otherwise a "nothing found" state; clearing the search brings
 * the chosen trigger back. Plain ES2017 so any current browser runs it as is.
 */
export const PREVIEW_SCRIPT = String.raw`
(function () {
  "use strict";
  var payload = JSON.parse(document.getElementById("preview-data").textContent);
  var DATA = payload.data;
  var STRINGS = payload.strings;
  var SYNONYMS = payload.synonyms;
  var PHONE = "(max-width: 760px)";
  var state = { lang: "en", query: "", chosen: null };

  var triggers = [];
  var indexed = {};
  var groupOf = {};
  DATA.groups.forEach(function (group) {
    group.triggers.forEach(function (trigger) {
      triggers.push(trigger);
      indexed[trigger.code] = PreviewSearch.index(trigger.search);
      groupOf[trigger.code] = group;
    });
  });
  var fromHash = decodeURIComponent(location.hash.replace(/^#/, ""));
  state.chosen = triggers.some(function (t) { return t.code === fromHash; }) ? fromHash : (triggers[0] ? triggers[0].code : null);

  function t(key, values) {
    var text = STRINGS[state.lang][key];
    if (text === undefined) text = STRINGS.en[key];
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function fieldsCount(count) {
    if (state.lang === "ru") {
      var mod10 = count % 10, mod100 = count % 100;
      if (mod10 === 1 && mod100 !== 11) return t("fieldsCountOne", { count: count });
      if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return t("fieldsCountFew", { count: count });
      return t("fieldsCount", { count: count });
    }
    return t(count === 1 ? "fieldsCountOne" : "fieldsCount", { count: count });
  }

  /** el("a", { href: url, className: "x" }, ["text", childNode]) */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === undefined || value === null || value === false) return;
      if (key === "className") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.indexOf("on") === 0) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === "") return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function replace(id, children) {
    var host = document.getElementById(id);
    while (host.firstChild) host.removeChild(host.firstChild);
    children.forEach(function (child) { if (child) host.appendChild(child); });
  }

  /** Text as nodes whose hyphenated words never break at the hyphen ("AK-Pixel", "Push-уведомление"). */
  function proseParts(text) {
    return String(text).split(/(\S+-\S+)/).map(function (part, i) {
      return i % 2 === 1 ? el("span", { className: "nobreak", text: part }) : part;
    });
  }

  function prose(text, props, tag) {
    return el(tag || "span", props, proseParts(text));
  }

  function provisionalBadge(trigger) {
    return el("span", { className: "badge-provisional", title: t("provisionalShort"), "data-provisional": trigger.code, text: t("provisional") });
  }

  function renderChrome() {
    document.documentElement.lang = state.lang;
    document.title = t("pageTitle", { app: DATA.app.names[state.lang] });
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (node) {
      while (node.firstChild) node.removeChild(node.firstChild);
      proseParts(t(node.getAttribute("data-i18n"), { app: DATA.app.names[state.lang] })).forEach(function (part) {
        if (part !== "") node.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
      });
    });
    var search = document.getElementById("search");
    search.setAttribute("placeholder", t("search"));
    search.setAttribute("aria-label", t("search"));
    Array.prototype.forEach.call(document.querySelectorAll("[data-lang]"), function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-lang") === state.lang));
    });
    document.getElementById("lang-switch").setAttribute("aria-label", t("language"));
  }

  function renderApp() {
    var app = DATA.app;
    var name = app.names[state.lang];
    var logo = app.logo
      ? el("img", { className: "app-logo", src: app.logo, alt: "", width: 64, height: 64 })
      : el("div", { className: "app-logo app-logo-fallback", "aria-hidden": "true", text: name.charAt(0) });
    var links = [];
    if (app.website) links.push(el("a", { href: app.website, rel: "noopener noreferrer", target: "_blank", text: t("website") }));
    if (app.docsUrl) links.push(el("a", { href: app.docsUrl, rel: "noopener noreferrer", target: "_blank", text: t("docs") }));
    replace("app-card", [
      logo,
      el("h1", { id: "app-name" }, [name, " ", el("span", { className: "pill", text: t("version") + " " + app.version })]),
      prose(app.descriptions[state.lang], { id: "app-description" }, "p"),
      el("div", { className: "links" }, links),
    ]);
  }

  /** The triggers the search keeps, in list order. */
  function listed() {
    var compiled = PreviewSearch.compile(state.query, SYNONYMS);
    return triggers.filter(function (trigger) { return PreviewSearch.matches(indexed[trigger.code], compiled); });
  }

  /** The trigger the detail shows: the chosen one while it is listed, else the first listed, else none. */
  function onShow(list) {
    if (list.some(function (trigger) { return trigger.code === state.chosen; })) return state.chosen;
    return list[0] ? list[0].code : null;
  }

  function renderList(list, shownCode) {
    var keep = {};
    list.forEach(function (trigger) { keep[trigger.code] = true; });
    var groups = DATA.groups.map(function (group) {
      var items = group.triggers.filter(function (trigger) { return keep[trigger.code]; });
      if (items.length === 0) return null;
      return el("section", { className: "group", "data-group": group.code }, [
        el("h3", { text: group.names[state.lang] }),
        el("ul", {}, items.map(function (trigger) {
          return el("li", {}, [
            el("button", {
              type: "button",
              className: "trigger",
              "data-trigger": trigger.code,
              "aria-current": trigger.code === shownCode ? "true" : "false",
              onclick: function () { choose(trigger.code); },
            }, [prose(trigger.names[state.lang], { className: "trigger-name" }), trigger.confirmed ? null : provisionalBadge(trigger)]),
          ]);
        })),
      ]);
    });
    if (list.length === 0) groups = [el("p", { className: "empty", text: t("noMatch", { query: state.query.trim() }) })];
    replace("trigger-list", groups);
    document.getElementById("trigger-count").textContent = t("shown", { shown: list.length, total: triggers.length });
  }

  function exampleCell(field) {
    if (field.example === null) return el("span", { className: "missing", text: t("noExample") });
    return el("span", { className: "mono", text: field.example });
  }

  function backToList(code) {
    return el("button", {
      type: "button",
      className: "to-list",
      onclick: function () {
        var button = document.querySelector('[data-trigger="' + CSS.escape(code) + '"]');
        if (!button) return;
        button.scrollIntoView({ block: "center" });
        button.focus({ preventScroll: true });
      },
      text: t("backToList"),
    });
  }

  function renderNothingFound() {
    replace("detail", [
      el("div", { className: "nothing-found", id: "detail-empty" }, [
        el("h2", { text: t("nothingFound") }),
        el("p", { text: t("nothingFoundHint", { total: triggers.length }) }),
        el("button", { type: "button", className: "clear-search", onclick: function () { setQuery(""); }, text: t("clearSearch") }),
      ]),
    ]);
  }

  function renderDetail(code) {
    var trigger = triggers.filter(function (candidate) { return candidate.code === code; })[0];
    if (!trigger) { renderNothingFound(); return; }
    var lang = state.lang;
    var rows = trigger.fields.map(function (field) {
      var scalar = field.type.replace(/Array$/, "");
      var typeClass = "type type-" + scalar + (scalar !== field.type ? " type-array" : "");
      return el("tr", { "data-field": field.code }, [
        el("td", { className: "label" }, [prose(field.names[lang])]),
        el("td", { className: "type-cell" }, [el("span", { className: typeClass, text: field.type })]),
        el("td", { className: "code", "data-th": t("code") }, [el("code", { title: field.path, text: field.code })]),
        el("td", { className: "example", "data-th": t("example") }, [exampleCell(field)]),
      ]);
    });
    var steps = trigger.steps[lang].map(function (segments) {
      return el("li", {}, segments.map(function (segment) {
        if (segment.strong !== undefined) return el("strong", {}, [prose(segment.strong)]);
        if (segment.code !== undefined) return el("code", { text: segment.code });
        return prose(segment.text);
      }));
    });
    replace("detail", [
      backToList(trigger.code),
      el("div", { className: "eyebrow", text: t("webhookTrigger") }),
      el("h2", { id: "trigger-title" }, [prose(trigger.names[lang]), trigger.confirmed ? null : provisionalBadge(trigger)]),
      prose(trigger.descriptions[lang], { className: "description", id: "trigger-description" }, "p"),
      el("div", { className: "meta" }, [
        el("span", {}, [el("b", { text: t("eventType") }), el("code", { text: trigger.eventType })]),
        el("span", {}, [el("b", { text: t("group") }), groupOf[trigger.code].names[lang]]),
        el("span", {}, [el("b", { text: t("code") }), el("code", { text: trigger.code })]),
      ]),
      trigger.confirmed ? null : el("p", { className: "callout", role: "note", id: "provisional-note", text: t("provisionalLong", { type: trigger.eventType }) }),
      el("h3", { className: "section-title" }, [t("fields"), el("span", { className: "count", text: fieldsCount(trigger.fields.length) })]),
      el("table", { className: "fields", id: "fields" }, [
        el("thead", {}, [el("tr", {}, [
          el("th", { scope: "col", text: t("label") }),
          el("th", { scope: "col", text: t("type") }),
          el("th", { scope: "col", text: t("code") }),
          el("th", { scope: "col", text: t("example") }),
        ])]),
        el("tbody", {}, rows),
      ]),
      el("h3", { className: "section-title", text: t("setup") }),
      el("ol", { className: "steps", id: "setup-steps" }, steps),
    ]);
  }

  /** Re-render what depends on the search: the list, the count and the detail. */
  function renderResults() {
    var list = listed();
    var code = onShow(list);
    renderList(list, code);
    renderDetail(code);
  }

  function setQuery(query) {
    state.query = query;
    var search = document.getElementById("search");
    if (search.value !== query) search.value = query;
    renderResults();
  }

  function choose(code) {
    state.chosen = code;
    Array.prototype.forEach.call(document.querySelectorAll("[data-trigger]"), function (button) {
      button.setAttribute("aria-current", button.getAttribute("data-trigger") === code ? "true" : "false");
    });
    renderDetail(code);
    try { history.replaceState(null, "", "#" + encodeURIComponent(code)); } catch (ignored) { /* file: URLs may refuse */ }
    if (window.matchMedia(PHONE).matches) document.getElementById("detail").scrollIntoView({ block: "start" });
  }

  function renderAll() {
    renderChrome();
    renderApp();
    renderResults();
  }

  document.getElementById("search").addEventListener("input", function (event) {
    setQuery(event.target.value);
    // On a phone the list is part of the page: keep its head in view as the list grows or shrinks.
    var picker = document.getElementById("picker");
    var topbar = document.querySelector(".topbar").getBoundingClientRect();
    if (window.matchMedia(PHONE).matches && picker.getBoundingClientRect().top < topbar.bottom) picker.scrollIntoView({ block: "start" });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-lang]"), function (button) {
    button.addEventListener("click", function () {
      state.lang = button.getAttribute("data-lang");
      renderAll();
    });
  });
  renderAll();
})();
`;
