/**
 * The action on show in the preview, inlined into the page after the DOM helpers (dom-script.ts) and
 * before the page script, which calls `PreviewActionDetail.render(action, context)`: its name, description
 * and the Altcraft API method it calls; a note when it is provisional; its input fields (label and hint,
 * required or not, type, the list it picks from, code); its response fields (what it gives the next
 * steps, and the response variable each is filled from); the lists it uses, with a static list's items.
 * The context gives the language, the UI strings, the lists by code and the pieces the triggers' detail
 * shares (the back-to-list button, the provisional badge). Plain ES2017.
 */
export const ACTION_DETAIL_SCRIPT = String.raw`
var PreviewActionDetail = (function () {
  "use strict";
  var el = PreviewDom.el, prose = PreviewDom.prose, template = PreviewDom.template;

  function typeBadge(type) {
    var scalar = type.replace(/Array$/, "");
    return el("span", { className: "type type-" + scalar + (scalar !== type ? " type-array" : ""), text: type });
  }

  function call(api) {
    return el("code", { text: api.verb + " " + api.path });
  }

  /** The Altcraft API method called and its request line, then any more entries of the same row. */
  function apiMeta(api, ctx, props, more) {
    return el("div", { className: "meta" + (props.className ? " " + props.className : ""), id: props.id }, [
      el("span", {}, [el("b", { text: ctx.t("apiMethod") }), el("code", { "data-api-method": "", text: api.method })]),
      el("span", {}, [el("b", { text: ctx.t("request") }), call(api)]),
    ].concat(more || []));
  }

  function sectionTitle(text, count) {
    return el("h3", { className: "section-title" }, [text, count === undefined ? null : el("span", { className: "count", text: count })]);
  }

  function inputRow(field, ctx) {
    var list = field.list === null ? null : ctx.lists[field.list];
    return el("tr", { "data-field": field.code, "data-required": String(field.required) }, [
      el("td", { className: "label" }, [
        prose(field.names[ctx.lang], { className: "field-name" }),
        " ",
        field.required
          ? el("span", { className: "req req-yes", text: ctx.t("required") })
          : el("span", { className: "req req-no", text: ctx.t("optional") }),
        field.hints[ctx.lang] ? prose(field.hints[ctx.lang], { className: "hint" }, "p") : null,
      ]),
      el("td", { className: "type-cell" }, [typeBadge(field.type)]),
      el("td", { className: field.list === null ? "list list-none" : "list", "data-th": ctx.t("list") }, [
        field.list === null
          ? el("span", { className: "none", text: "—" })
          : prose(list ? list.names[ctx.lang] : field.list, { className: "list-name", "data-list": field.list }),
      ]),
      el("td", { className: "code", "data-th": ctx.t("code") }, [el("code", { text: field.code })]),
    ]);
  }

  function outputRow(field, ctx) {
    return el("tr", { "data-field": field.code }, [
      el("td", { className: "label" }, [prose(field.names[ctx.lang], { className: "field-name" })]),
      el("td", { className: "type-cell" }, [typeBadge(field.type)]),
      el("td", { className: "code", "data-th": ctx.t("code") }, [el("code", { text: field.code })]),
      el("td", { className: "response", "data-th": ctx.t("responseKey") }, [
        field.key === null ? el("span", { className: "missing", text: ctx.t("notFilled") }) : el("code", { text: field.key }),
      ]),
    ]);
  }

  function table(id, headings, rows) {
    return el("table", { className: "fields", id: id }, [
      el("thead", {}, [el("tr", {}, headings.map(function (text) { return el("th", { scope: "col", text: text }); }))]),
      el("tbody", {}, rows),
    ]);
  }

  function listCard(list, ctx) {
    var kind = list.type === "static"
      ? el("span", { className: "pill", text: ctx.t("staticList") + " · " + ctx.plural("itemsCount", list.items.length) })
      : el("span", { className: "pill", text: ctx.t("dynamicList") });
    var body = list.type === "static"
      ? el("ul", { className: "list-items" }, list.items.map(function (item) {
          return el("li", { "data-key": item.key }, [prose(item.names[ctx.lang], { className: "item-name" }), " ", el("code", { text: item.key })]);
        }))
      : el("div", {}, [
          prose(ctx.t("dynamicListNote"), { className: "list-source" }, "p"),
          apiMeta(list.api, ctx, { className: "list-api" }),
        ]);
    return el("section", { className: "list-card", "data-list": list.code }, [
      el("h4", {}, [
        prose(list.names[ctx.lang], { className: "list-title" }),
        kind,
        list.provisional ? ctx.badge(list.code, ctx.t("provisional"), ctx.t("provisionalListShort")) : null,
        el("code", { className: "list-code", text: list.code }),
      ]),
      body,
    ]);
  }

  function render(action, ctx) {
    var lang = ctx.lang, t = ctx.t;
    var lists = action.lists.map(function (code) { return ctx.lists[code]; }).filter(Boolean);
    return [
      ctx.backButton,
      el("div", { className: "eyebrow", text: t("actionKind") }),
      el("h2", { id: "action-title" }, [
        prose(action.names[lang]),
        action.provisional ? ctx.badge(action.code, t("provisionalAction"), t("provisionalActionShort")) : null,
      ]),
      prose(action.descriptions[lang], { className: "description", id: "action-description" }, "p"),
      apiMeta(action.api, ctx, { id: "action-api" }, [
        el("span", {}, [el("b", { text: t("group") }), ctx.groupName]),
        el("span", {}, [el("b", { text: t("code") }), el("code", { text: action.code })]),
      ]),
      action.provisional
        ? el("p", { className: "callout", role: "note", id: "provisional-note" },
            template(t("provisionalActionLong"), { method: el("code", { text: action.api.method }), command: el("code", { text: "altcraft-albato call " + action.code }) }))
        : null,
      sectionTitle(t("inputFields"), ctx.plural("fieldsCount", action.inputs.length)),
      el("p", { className: "section-hint", text: t("inputFieldsHint") }),
      action.inputs.length > 0
        ? table("inputs", [t("label"), t("type"), t("list"), t("code")], action.inputs.map(function (field) { return inputRow(field, ctx); }))
        : el("p", { className: "empty-section", id: "no-inputs", text: t("noInputs") }),
      sectionTitle(t("outputFields"), ctx.plural("fieldsCount", action.outputs.length)),
      el("p", { className: "section-hint", text: t("outputFieldsHint") }),
      action.outputs.length > 0
        ? table("outputs", [t("label"), t("type"), t("code"), t("responseKey")], action.outputs.map(function (field) { return outputRow(field, ctx); }))
        : el("p", { className: "empty-section", id: "no-outputs", text: t("noOutputs") }),
      lists.length > 0 ? sectionTitle(t("lists")) : null,
      lists.length > 0 ? el("p", { className: "section-hint", text: t("listsHint") }) : null,
      lists.length > 0 ? el("div", { className: "list-cards", id: "action-lists" }, lists.map(function (list) { return listCard(list, ctx); })) : null,
    ];
  }

  return { render: render };
})();
`;
