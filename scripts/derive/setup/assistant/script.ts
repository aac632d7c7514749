/**
 * The entry assistant's own script (inline, no network): copy controls put exactly their `data-copy`
 * value on the clipboard; every `data-step` checkbox is kept in localStorage under the page's storage key
 * (the app and its version) with the hash of its step, so a tick holds only while the step asks for the
 * same values; the progress counts the form entries of the ticked steps of the view shown; the language
 * and the view are switched in place.
 */
export const ASSISTANT_SCRIPT = `
(function () {
  "use strict";
  var body = document.body;
  var key = body.getAttribute("data-storage-key");
  function read(name, fallback) {
    try { var value = window.localStorage.getItem(key + name); return value === null ? fallback : value; } catch (e) { return fallback; }
  }
  function write(name, value) {
    try { window.localStorage.setItem(key + name, value); } catch (e) { /* private mode: ticks last for this visit only */ }
  }
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-step]"));
  var ticked = {};
  try {
    var stored = JSON.parse(read("/ticks", "{}"));
    if (stored && typeof stored === "object" && !Array.isArray(stored)) ticked = stored;
  } catch (e) { ticked = {}; }
  function save() {
    var kept = {};
    Object.keys(ticked).sort().forEach(function (id) { kept[id] = ticked[id]; });
    write("/ticks", JSON.stringify(kept));
  }

  function activeView() { return body.getAttribute("data-view") || "setup"; }
  function mark(box) {
    var holder = box.closest("[data-holds-step]");
    if (holder) holder.classList.toggle("done", box.checked);
  }
  function progress() {
    var done = 0, total = 0, view = activeView();
    boxes.forEach(function (box) {
      if (box.closest("[data-view]").getAttribute("data-view") !== view) return;
      var entries = Number(box.getAttribute("data-entries"));
      total += entries;
      if (box.checked) done += entries;
    });
    document.querySelectorAll("[data-progress-done]").forEach(function (node) { node.textContent = String(done); });
    document.querySelectorAll("[data-progress-total]").forEach(function (node) { node.textContent = String(total); });
    var bar = document.querySelector("progress");
    if (bar) { bar.max = total || 1; bar.value = done; }
    document.querySelectorAll("details[data-entity]").forEach(function (details) {
      var own = details.querySelectorAll("input[data-step]"), n = 0;
      own.forEach(function (box) { if (box.checked) n++; });
      var out = details.querySelector("[data-entity-done]");
      if (out) out.textContent = n + "/" + own.length;
    });
  }
  boxes.forEach(function (box) {
    var id = box.getAttribute("data-step");
    box.checked = ticked[id] === box.getAttribute("data-hash");
    // A tick for a step whose values changed since is dropped: the step must be entered again.
    if (!box.checked) delete ticked[id];
    mark(box);
  });

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("input[data-step]")) return;
    if (box.checked) ticked[box.getAttribute("data-step")] = box.getAttribute("data-hash"); else delete ticked[box.getAttribute("data-step")];
    save();
    mark(box);
    progress();
  });

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy refused"));
    });
  }
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("button") : null;
    if (!target) return;
    if (target.hasAttribute("data-copy")) {
      copyText(target.getAttribute("data-copy")).then(function () {
        target.classList.add("copied");
        setTimeout(function () { target.classList.remove("copied"); }, 1200);
      }, function () { target.classList.remove("copied"); });
    } else if (target.hasAttribute("data-set-locale")) {
      setLocale(target.getAttribute("data-set-locale"));
    } else if (target.hasAttribute("data-set-view")) {
      setView(target.getAttribute("data-set-view"));
    }
  });

  function press(selector, attribute, value) {
    document.querySelectorAll(selector).forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute(attribute) === value));
    });
  }
  function setLocale(locale) {
    body.setAttribute("data-locale", locale);
    document.documentElement.lang = locale;
    press("button[data-set-locale]", "data-set-locale", locale);
    write("/locale", locale);
  }
  function setView(view) {
    body.setAttribute("data-view", view);
    document.querySelectorAll("[data-view]").forEach(function (node) { if (node !== body) node.hidden = node.getAttribute("data-view") !== view; });
    press("button[data-set-view]", "data-set-view", view);
    progress();
  }
  setLocale(read("/locale", "en") === "ru" ? "ru" : "en");
  setView(activeView());
})();
`;
