/**
 * The preview page: one self-contained HTML file showing the app as Albato users meet it (app card,
 * trigger picker by channel with search, each trigger's fields with example values and the Altcraft setup
 * steps, en/ru). Inline CSS and JS only; a Content-Security-Policy forbids every network request, so the
 * page cannot fetch anything even by mistake. Deterministic: the same input gives the same bytes.
 */
import { previewData, type PreviewInput } from "./preview/model.js";
import { PREVIEW_SCRIPT } from "./preview/script.js";
import { UI_STRINGS } from "./preview/strings.js";
import { PREVIEW_CSS } from "./preview/styles.js";

export type { PreviewInput } from "./preview/model.js";

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script> element: no `<`, `>` or `&` (so no `</script>`), no line separators. */
export function scriptJson(value: unknown): string {
  // One pass over the (large) JSON text, each character escaped as \uXXXX.
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function assertInlineSafe(name: string, text: string): string {
  if (/<\/(script|style)/i.test(text)) throw new Error(`preview ${name} must not contain a closing </script> or </style>`);
  return text;
}

export function renderPreviewHtml(input: PreviewInput): string {
  const data = previewData(input);
  const title = UI_STRINGS.en.pageTitle.replace("{app}", input.manifest.app.names.en);
  const favicon = data.app.logo ?? "data:,";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="altcraft-albato preview">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="${escapeHtml(favicon)}">
<style>${assertInlineSafe("CSS", PREVIEW_CSS)}</style>
</head>
<body>
<header class="topbar">
  <div class="topbar-title"><strong data-i18n="previewOf">${escapeHtml(UI_STRINGS.en.previewOf)}</strong><span data-i18n="previewNote">${escapeHtml(UI_STRINGS.en.previewNote)}</span></div>
  <div class="lang" id="lang-switch" role="group" aria-label="${escapeHtml(UI_STRINGS.en.language)}">
    <button type="button" data-lang="en" aria-pressed="true">EN</button><button type="button" data-lang="ru" aria-pressed="false">RU</button>
  </div>
</header>
<main>
  <section class="app-card" id="app-card"></section>
  <div class="layout">
    <aside class="picker" aria-labelledby="picker-title">
      <div class="picker-head">
        <h2><span id="picker-title" data-i18n="triggers">${escapeHtml(UI_STRINGS.en.triggers)}</span><span class="count" id="trigger-count"></span></h2>
        <input class="search" id="search" type="search" autocomplete="off" spellcheck="false">
      </div>
      <nav class="trigger-list" id="trigger-list"></nav>
    </aside>
    <section class="detail" id="detail" aria-live="polite"></section>
  </div>
</main>
<footer data-i18n="footer">${escapeHtml(UI_STRINGS.en.footer)}</footer>
<noscript><p style="text-align:center">This preview needs JavaScript.</p></noscript>
<script type="application/json" id="preview-data">${scriptJson({ data, strings: UI_STRINGS })}</script>
<script>${assertInlineSafe("script", PREVIEW_SCRIPT)}</script>
</body>
</html>
`;
}
