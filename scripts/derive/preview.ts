/**
 * The preview page: one self-contained HTML file, a reference for integration engineers. It shows the app
 * as it is declared for Albato (names, descriptions, field types and codes, event types) with a trigger
 * picker like Albato's: search, groups by channel, each trigger's fields with example values and the
 * Altcraft setup steps, English and Russian. A manifest with actions adds a "Triggers | Actions" switch
 * over the picker and an action picker: groups by what an action works on, each action's input and
 * response fields, the Altcraft API method it calls and the lists it uses. Inline CSS and JS only; a Content-Security-Policy forbids every
 * network request, so the page cannot fetch anything even by mistake. Deterministic: the same input gives
 * the same bytes.
 */
import { assertInlineSafe, escapeHtml, pageHead, scriptJson } from "./html.js";
import { previewData, type PreviewInput } from "./preview/model.js";
import { ACTION_DETAIL_SCRIPT } from "./preview/action-script.js";
import { DOM_SCRIPT } from "./preview/dom-script.js";
import { PREVIEW_SCRIPT } from "./preview/script.js";
import { SEARCH_SCRIPT } from "./preview/search-script.js";
import { UI_STRINGS } from "./preview/strings.js";
import { PREVIEW_CSS } from "./preview/styles.js";
import { SEARCH_SYNONYMS } from "./preview/synonyms.js";

export type { PreviewInput } from "./preview/model.js";

export function renderPreviewHtml(input: PreviewInput): string {
  const data = previewData(input);
  // What the page shows before its script runs: the English strings, the app's name filled in.
  const english = (key: keyof typeof UI_STRINGS.en) => UI_STRINGS.en[key].replace("{app}", () => input.manifest.app.names.en);
  const text = (key: keyof typeof UI_STRINGS.en) => escapeHtml(english(key));
  const favicon = data.app.logo ?? "data:,";
  const hasActions = data.actionGroups.length > 0;
  // With actions, a switch stands where the picker's title is (WAI-ARIA tabs; the script moves the focus
  // with the arrow keys), and the list becomes its tab panel.
  const pickerTitle = hasActions
    ? `<div class="picker-title">
          <div class="views" id="view-switch" role="tablist" aria-label="${text("views")}">
            <button type="button" role="tab" id="view-triggers" data-view="triggers" aria-selected="true" aria-controls="trigger-list" tabindex="0" data-i18n="triggers">${text("triggers")}</button><button type="button" role="tab" id="view-actions" data-view="actions" aria-selected="false" aria-controls="trigger-list" tabindex="-1" data-i18n="actions">${text("actions")}</button>
          </div>
          <span class="count" id="trigger-count" aria-live="polite"></span>
        </div>`
    : `<h2><span id="picker-title" data-i18n="triggers">${text("triggers")}</span><span class="count" id="trigger-count" aria-live="polite"></span></h2>`;
  const list = hasActions
    ? `<div class="trigger-list" id="trigger-list" role="tabpanel" aria-labelledby="view-triggers"></div>`
    : `<nav class="trigger-list" id="trigger-list"></nav>`;
  return `${pageHead({ generator: "altcraft-albato preview", title: english("pageTitle"), css: PREVIEW_CSS, cssName: "the preview's CSS", head: `<link rel="icon" href="${escapeHtml(favicon)}">\n` })}<body>
<header class="topbar">
  <div class="topbar-title"><strong data-i18n="pageKind">${text("pageKind")}</strong><span data-i18n="pageAudience">${text("pageAudience")}</span></div>
  <div class="lang" id="lang-switch" role="group" aria-label="${text("language")}">
    <button type="button" data-lang="en" aria-pressed="true">EN</button><button type="button" data-lang="ru" aria-pressed="false">RU</button>
  </div>
</header>
<main>
  <p class="intro" id="intro"><strong data-i18n="introLead">${text("introLead")}</strong> <span data-i18n="intro">${text("intro")}</span>${hasActions ? ` <span data-i18n="introActions">${text("introActions")}</span>` : ""}</p>
  <section class="app-card" id="app-card"></section>
  <div class="layout">
    <aside class="picker" id="picker" aria-labelledby="${hasActions ? "view-triggers" : "picker-title"}">
      <div class="picker-head">
        ${pickerTitle}
        <input class="search" id="search" type="search" autocomplete="off" spellcheck="false" aria-describedby="search-hint">
        <p class="search-hint" id="search-hint" data-i18n="searchHint">${text("searchHint")}</p>
      </div>
      ${list}
    </aside>
    <section class="detail" id="detail"></section>
    <footer data-i18n="footer">${text("footer")}</footer>
  </div>
</main>
<noscript><p style="text-align:center">This page needs JavaScript.</p></noscript>
<script type="application/json" id="preview-data">${scriptJson({ data, strings: UI_STRINGS, synonyms: SEARCH_SYNONYMS })}</script>
<script>${assertInlineSafe("the preview's script", SEARCH_SCRIPT + DOM_SCRIPT + ACTION_DETAIL_SCRIPT + PREVIEW_SCRIPT)}</script>
</body>
</html>
`;
}
