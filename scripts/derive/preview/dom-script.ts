/**
 * The preview page's DOM helpers, inlined into the page ahead of the scripts that use them (the action
 * detail, then the page script). Every piece of data goes into the page through `textContent` or
 * attribute setters, never as HTML, so labels and sample values stay text. Plain ES2017.
 */
export const DOM_SCRIPT = String.raw`
var PreviewDom = (function () {
  "use strict";

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

  /**
   * A UI string with some of its {placeholders} filled by nodes (a <code>), the rest of it as prose: the
   * string is split at the placeholders, so a value never passes through the string's text.
   */
  function template(text, nodes) {
    var parts = [];
    String(text).split(/(\{\w+\})/).forEach(function (part, i) {
      var name = part.slice(1, -1);
      if (i % 2 === 1 && Object.prototype.hasOwnProperty.call(nodes, name)) parts.push(nodes[name]);
      else parts.push.apply(parts, proseParts(part));
    });
    return parts;
  }

  return { el: el, replace: replace, proseParts: proseParts, prose: prose, template: template };
})();
`;
