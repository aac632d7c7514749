/**
 * The preview page's behaviour, inlined into the page after the search (search-script.ts), the DOM
 * helpers (dom-script.ts) and the action detail (action-script.ts): render the app card, the picker and
 * the item on show from the embedded JSON; search; switch between triggers and actions; switch language.
 * Every piece of data goes into the page through `textContent` or attribute setters, never as HTML, so
 * labels and sample values stay text.
 *
 * The picker has two views, triggers and actions (the second only when the manifest has actions), each
 * with its own chosen item; the search box is shared. The URL's hash names what is on show (`#<trigger
 * code>` or `#action:<action code>`), so a reload or a shared link opens the same view and item.
 *
 * The detail follows the search: it shows the item the user chose while the search keeps it in the list,
 * otherwise the first item listed, otherwise a "nothing found" state; clearing the search brings the
 * chosen item back. Plain ES2017 so any current browser runs it as is.
 */
export const PREVIEW_SCRIPT = String.raw`
(function () {
  "use strict";
  var payload = JSON.parse(document.getElementById("preview-data").textContent);
  var DATA = payload.data;
  var STRINGS = payload.strings;
  var SYNONYMS = payload.synonyms;
  var PHONE = "(max-width: 760px)";
  var ACTION_HASH = "action:";
  var el = PreviewDom.el, replace = PreviewDom.replace, proseParts = PreviewDom.proseParts, prose = PreviewDom.prose;

  // What differs between the two views of the picker: where the items are, how their buttons are
  // marked, and the strings that name them.
  var VIEWS = {
    triggers: {
      groups: DATA.groups, itemsOf: function (group) { return group.triggers; }, attribute: "data-trigger",
      search: "search", hint: "searchHint", noMatch: "noMatch", nothingFoundHint: "nothingFoundHint", back: "backToList",
      provisional: function (trigger) { return !trigger.confirmed; },
    },
    actions: {
      groups: DATA.actionGroups, itemsOf: function (group) { return group.actions; }, attribute: "data-action",
      search: "searchActions", hint: "searchHintActions", noMatch: "noMatchActions", nothingFoundHint: "nothingFoundHintActions", back: "backToActions",
      provisional: function (action) { return action.provisional; },
    },
  };
  Object.keys(VIEWS).forEach(function (name) {
    var view = VIEWS[name];
    view.name = name;
    view.items = [];
    view.indexed = {};
    view.groupOf = {};
    view.groups.forEach(function (group) {
      view.itemsOf(group).forEach(function (item) {
        view.items.push(item);
        view.indexed[item.code] = PreviewSearch.index(item.search);
        view.groupOf[item.code] = group;
      });
    });
  });
  var LISTS = {};
  DATA.lists.forEach(function (list) { LISTS[list.code] = list; });
  var hasActions = VIEWS.actions.items.length > 0;

  function has(view, code) {
    return view.items.some(function (item) { return item.code === code; });
  }
  function first(view) {
    return view.items[0] ? view.items[0].code : null;
  }

  var state = { lang: "en", query: "", view: "triggers", chosen: { triggers: first(VIEWS.triggers), actions: first(VIEWS.actions) } };
  var fromHash = decodeURIComponent(location.hash.replace(/^#/, ""));
  if (hasActions && fromHash.indexOf(ACTION_HASH) === 0) {
    state.view = "actions";
    var code = fromHash.slice(ACTION_HASH.length);
    if (has(VIEWS.actions, code)) state.chosen.actions = code;
  } else if (has(VIEWS.triggers, fromHash)) {
    state.chosen.triggers = fromHash;
  } else if (VIEWS.triggers.items.length === 0 && hasActions) {
    state.view = "actions";
  }
  function current() { return VIEWS[state.view]; }

  function t(key, values) {
    var text = STRINGS[state.lang][key];
    if (text === undefined) text = STRINGS.en[key];
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /** "{count} fields" in the language's plural form: key, keyOne, and in Russian keyFew. */
  function plural(key, count) {
    if (state.lang === "ru") {
      var mod10 = count % 10, mod100 = count % 100;
      if (mod10 === 1 && mod100 !== 11) return t(key + "One", { count: count });
      if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return t(key + "Few", { count: count });
      return t(key, { count: count });
    }
    return t(count === 1 ? key + "One" : key, { count: count });
  }

  function badge(code, text, title) {
    return el("span", { className: "badge-provisional", title: title, "data-provisional": code, text: text });
  }

  function itemBadge(view, item) {
    if (!view.provisional(item)) return null;
    return view.name === "actions" ? badge(item.code, t("provisionalAction"), t("provisionalActionShort")) : badge(item.code, t("provisional"), t("provisionalShort"));
  }

  function renderChrome() {
    var view = current();
    document.documentElement.lang = state.lang;
    document.title = t("pageTitle", { app: DATA.app.names[state.lang] });
    var hint = document.getElementById("search-hint");
    hint.setAttribute("data-i18n", view.hint);
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (node) {
      while (node.firstChild) node.removeChild(node.firstChild);
      proseParts(t(node.getAttribute("data-i18n"), { app: DATA.app.names[state.lang] })).forEach(function (part) {
        if (part !== "") node.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
      });
    });
    var search = document.getElementById("search");
    search.setAttribute("placeholder", t(view.search));
    search.setAttribute("aria-label", t(view.search));
    Array.prototype.forEach.call(document.querySelectorAll("[data-lang]"), function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-lang") === state.lang));
    });
    document.getElementById("lang-switch").setAttribute("aria-label", t("language"));
    if (hasActions) {
      document.getElementById("view-switch").setAttribute("aria-label", t("views"));
      Array.prototype.forEach.call(document.querySelectorAll("[data-view]"), function (tab) {
        var selected = tab.getAttribute("data-view") === state.view;
        tab.setAttribute("aria-selected", String(selected));
        tab.setAttribute("tabindex", selected ? "0" : "-1");
      });
      document.getElementById("picker").setAttribute("aria-labelledby", "view-" + state.view);
      document.getElementById("trigger-list").setAttribute("aria-labelledby", "view-" + state.view);
    }
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

  /** The items of the current view the search keeps, in list order. */
  function listed() {
    var view = current();
    var compiled = PreviewSearch.compile(state.query, SYNONYMS);
    return view.items.filter(function (item) { return PreviewSearch.matches(view.indexed[item.code], compiled); });
  }

  /** The item the detail shows: the chosen one while it is listed, else the first listed, else none. */
  function onShow(list) {
    var chosen = state.chosen[state.view];
    if (list.some(function (item) { return item.code === chosen; })) return chosen;
    return list[0] ? list[0].code : null;
  }

  function renderList(list, shownCode) {
    var view = current();
    var keep = {};
    list.forEach(function (item) { keep[item.code] = true; });
    var groups = view.groups.map(function (group) {
      var items = view.itemsOf(group).filter(function (item) { return keep[item.code]; });
      if (items.length === 0) return null;
      return el("section", { className: "group", "data-group": group.code }, [
        el("h3", { text: group.names[state.lang] }),
        el("ul", {}, items.map(function (item) {
          var props = { type: "button", className: "pick", "aria-current": item.code === shownCode ? "true" : "false", onclick: function () { choose(item.code); } };
          props[view.attribute] = item.code;
          return el("li", {}, [el("button", props, [prose(item.names[state.lang], { className: "pick-name" }), itemBadge(view, item)])]);
        })),
      ]);
    });
    if (list.length === 0) groups = [el("p", { className: "empty", text: t(view.noMatch, { query: state.query.trim() }) })];
    replace("trigger-list", groups);
    document.getElementById("trigger-count").textContent = t("shown", { shown: list.length, total: view.items.length });
  }

  function buttonFor(view, code) {
    return document.querySelector("[" + view.attribute + '="' + CSS.escape(code) + '"]');
  }

  function backToList(view, code) {
    return el("button", {
      type: "button",
      className: "to-list",
      onclick: function () {
        var button = buttonFor(view, code);
        if (!button) return;
        button.scrollIntoView({ block: "center" });
        button.focus({ preventScroll: true });
      },
      text: t(view.back),
    });
  }

  function renderNothingFound() {
    replace("detail", [
      el("div", { className: "nothing-found", id: "detail-empty" }, [
        el("h2", { text: t("nothingFound") }),
        el("p", { text: t(current().nothingFoundHint, { total: current().items.length }) }),
        el("button", { type: "button", className: "clear-search", onclick: function () { setQuery(""); }, text: t("clearSearch") }),
      ]),
    ]);
  }

  function exampleCell(field) {
    if (field.example === null) return el("span", { className: "missing", text: t("noExample") });
    return el("span", { className: "mono", text: field.example });
  }

  function triggerDetail(trigger) {
    var view = VIEWS.triggers;
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
    return [
      backToList(view, trigger.code),
      el("div", { className: "eyebrow", text: t("webhookTrigger") }),
      el("h2", { id: "trigger-title" }, [prose(trigger.names[lang]), itemBadge(view, trigger)]),
      prose(trigger.descriptions[lang], { className: "description", id: "trigger-description" }, "p"),
      el("div", { className: "meta" }, [
        el("span", {}, [el("b", { text: t("eventType") }), el("code", { text: trigger.eventType })]),
        el("span", {}, [el("b", { text: t("group") }), view.groupOf[trigger.code].names[lang]]),
        el("span", {}, [el("b", { text: t("code") }), el("code", { text: trigger.code })]),
      ]),
      trigger.confirmed ? null : el("p", { className: "callout", role: "note", id: "provisional-note", text: t("provisionalLong", { type: trigger.eventType }) }),
      el("h3", { className: "section-title" }, [t("fields"), el("span", { className: "count", text: plural("fieldsCount", trigger.fields.length) })]),
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
    ];
  }

  function actionDetail(action) {
    var view = VIEWS.actions;
    return PreviewActionDetail.render(action, {
      lang: state.lang,
      t: t,
      plural: plural,
      lists: LISTS,
      groupName: view.groupOf[action.code].names[state.lang],
      backButton: backToList(view, action.code),
      badge: badge,
    });
  }

  function renderDetail(code) {
    var view = current();
    var item = view.items.filter(function (candidate) { return candidate.code === code; })[0];
    if (!item) { renderNothingFound(); return; }
    replace("detail", view.name === "actions" ? actionDetail(item) : triggerDetail(item));
  }

  /** Re-render what depends on the search and the view: the list, the count and the detail. */
  function renderResults() {
    var list = listed();
    var code = onShow(list);
    renderList(list, code);
    renderDetail(code);
    return code;
  }

  function remember(code) {
    var hash = state.view === "actions" ? "#" + ACTION_HASH + (code === null ? "" : encodeURIComponent(code)) : (code === null ? "" : "#" + encodeURIComponent(code));
    try { history.replaceState(null, "", hash || location.pathname + location.search); } catch (ignored) { /* file: URLs may refuse */ }
  }

  function setQuery(query) {
    state.query = query;
    var search = document.getElementById("search");
    if (search.value !== query) search.value = query;
    renderResults();
  }

  function choose(code) {
    var view = current();
    state.chosen[view.name] = code;
    Array.prototype.forEach.call(document.querySelectorAll("[" + view.attribute + "]"), function (button) {
      button.setAttribute("aria-current", button.getAttribute(view.attribute) === code ? "true" : "false");
    });
    renderDetail(code);
    remember(code);
    if (window.matchMedia(PHONE).matches) document.getElementById("detail").scrollIntoView({ block: "start" });
  }

  function setView(name) {
    if (name === state.view || !VIEWS[name]) return;
    state.view = name;
    renderChrome();
    remember(renderResults());
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
  if (hasActions) {
    var tabs = Array.prototype.slice.call(document.querySelectorAll("[data-view]"));
    tabs.forEach(function (tab, index) {
      tab.addEventListener("click", function () { setView(tab.getAttribute("data-view")); });
      // The tabs pattern: one tab stop; the arrow keys, Home and End move to a tab and show it.
      tab.addEventListener("keydown", function (event) {
        var to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (to === undefined) return;
        event.preventDefault();
        var next = tabs[(to + tabs.length) % tabs.length];
        setView(next.getAttribute("data-view"));
        next.focus();
      });
    });
  }
  renderAll();
})();
`;
