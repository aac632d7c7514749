/**
 * The preview page's CSS, inlined into the page. System fonts only; no external resource of any kind.
 *
 * Readable everywhere: every text colour is at least 4.5:1 against the background it sits on (WCAG AA) and
 * no text is smaller than 0.8125rem (12.2 px); test/preview.test.ts measures both in the page.
 *
 * Layout. Wide screens: the picker is a sticky column whose list scrolls on its own, as in Albato. The
 * footer is the layout's last row, so the box the sticky picker is kept inside ends where the page ends
 * (but for main's bottom padding), and the picker's height leaves room for the top bar above and that
 * padding below: at the bottom of the page nothing pushes it up under the top bar. Phones (760 px and
 * less): one column and one scroll, the page's. The whole list is in the page, its head (title and
 * search) sticks under the top bar while the list passes, and the detail follows, with a button back to
 * the list.
 */

/** A magnifier for the search box, as an inline SVG data URI (in the muted text colour, 3:1 or more). */
const SEARCH_ICON =
  "data:image/svg+xml;charset=utf-8," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="#5d6879" stroke-width="1.6"><circle cx="7" cy="7" r="5"/><path d="m11 11 3.5 3.5" stroke-linecap="round"/></svg>',
  );

export const PREVIEW_CSS = `
:root {
  --bg: #f4f5f8; --surface: #ffffff; --text: #1b2330; --muted: #5d6879; --line: #e2e6ec;
  --accent: #4338ca; --accent-soft: #eef0ff; --accent-line: #c7cbf5; --warn: #9a4d05; --warn-line: #f3d49b; --warn-soft: #fff6e5;
  --radius: 14px; --topbar-h: 3.5rem; --small: 0.875rem; --smallest: 0.8125rem;
  color-scheme: light;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
  font-size: 15px; line-height: 1.5; color: var(--text); background: var(--bg);
  -webkit-text-size-adjust: 100%;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
button { font: inherit; color: inherit; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: var(--small); }
code { background: var(--bg); border: 1px solid var(--line); border-radius: 5px; padding: 0.05em 0.35em; overflow-wrap: anywhere; }
.nobreak { white-space: nowrap; }

.topbar { position: sticky; top: 0; z-index: 5; height: var(--topbar-h); display: flex; align-items: center; justify-content: space-between; gap: 1rem;
  padding: 0 1.5rem; background: var(--surface); border-bottom: 1px solid var(--line); }
.topbar-title { display: flex; align-items: baseline; gap: 0.625rem; min-width: 0; }
.topbar-title strong { font-weight: 650; white-space: nowrap; }
.topbar-title span { color: var(--muted); font-size: var(--small); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.lang { display: inline-flex; padding: 3px; border: 1px solid var(--line); border-radius: 999px; background: var(--bg); flex: none; }
.lang button { border: 0; background: transparent; padding: 0.2rem 0.8rem; border-radius: 999px; font-size: var(--smallest); font-weight: 650; color: var(--muted); cursor: pointer; }
.lang button[aria-pressed="true"] { background: var(--surface); color: var(--text); box-shadow: 0 1px 2px rgba(16,24,40,0.12); }

main { max-width: 1180px; margin: 0 auto; padding: 1.5rem; }
.intro { margin: 0 0 1rem; padding: 0.875rem 1.25rem; max-width: 100%; background: var(--surface); border: 1px solid var(--line);
  border-left: 4px solid var(--accent); border-radius: 10px; font-size: var(--small); }
.intro strong { font-weight: 650; }
.app-card { display: grid; grid-template-columns: 64px minmax(0, 1fr); column-gap: 1.25rem; align-items: start; padding: 1.25rem 1.5rem;
  margin-bottom: 1.5rem; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); }
.app-card > :not(.app-logo) { grid-column: 2; }
.app-logo { grid-row: 1 / span 3; width: 64px; height: 64px; border-radius: 16px; display: block; }
.app-logo-fallback { display: grid; place-items: center; background: var(--accent); color: #fff; font-weight: 700; font-size: 1.75rem; }
.app-card h1 { margin: 0; font-size: 1.5rem; line-height: 1.25; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.app-card p { margin: 0.375rem 0 0.75rem; color: var(--muted); max-width: 70ch; }
.links { display: flex; flex-wrap: wrap; gap: 0.375rem 1.25rem; font-size: var(--small); }
.pill { display: inline-block; padding: 0.1rem 0.55rem; border: 1px solid var(--line); border-radius: 999px; background: var(--bg);
  color: var(--muted); font-size: var(--smallest); font-weight: 600; }

.layout { display: grid; grid-template-columns: 330px minmax(0, 1fr); grid-template-rows: auto auto; column-gap: 1.5rem; align-items: start; }
.picker { grid-column: 1; grid-row: 1 / span 2; position: sticky; top: calc(var(--topbar-h) + 1rem); display: flex; flex-direction: column;
  max-height: calc(100vh - var(--topbar-h) - 2.5rem); background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); overflow: hidden; }
.detail { grid-column: 2; grid-row: 1; }
.layout > footer { grid-column: 2; grid-row: 2; }
.picker-head { padding: 1rem 1rem 0.75rem; border-bottom: 1px solid var(--line); background: var(--surface); }
.picker-head h2 { margin: 0 0 0.625rem; font-size: 1rem; display: flex; justify-content: space-between; align-items: baseline; }
/* The "Triggers | Actions" switch stands where the title is, the count beside it. */
.picker-title { margin: 0 0 0.625rem; display: flex; justify-content: space-between; align-items: center; gap: 0.75rem; }
.views { display: inline-flex; padding: 3px; border: 1px solid var(--line); border-radius: 10px; background: var(--bg); }
.views [role="tab"] { border: 0; background: transparent; padding: 0.3rem 0.85rem; border-radius: 7px; font-size: 0.9375rem; font-weight: 650; color: var(--muted); cursor: pointer; white-space: nowrap; }
.views [role="tab"]:hover { color: var(--text); }
.views [role="tab"][aria-selected="true"] { background: var(--surface); color: var(--accent); box-shadow: 0 1px 2px rgba(16,24,40,0.12); }
.count { color: var(--muted); font-size: var(--smallest); font-weight: 500; }
.search { width: 100%; padding: 0.55rem 0.75rem 0.55rem 2.1rem; border: 1px solid var(--line); border-radius: 9px;
  background: var(--bg) url("${SEARCH_ICON}") no-repeat 0.7rem center; font: inherit; font-size: 0.9375rem; color: var(--text); }
.search::placeholder { color: var(--muted); opacity: 1; }
.search:focus { background-color: var(--surface); border-color: var(--accent-line); outline: 3px solid var(--accent-soft); }
.search-hint { margin: 0.375rem 0 0; color: var(--muted); font-size: var(--smallest); line-height: 1.4; }
.trigger-list { overflow-y: auto; padding: 0.25rem 0.5rem 0.75rem; }
.group h3 { margin: 0.875rem 0.625rem 0.25rem; font-size: var(--smallest); font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); }
.group ul { list-style: none; margin: 0; padding: 0; }
/* The name flows as text and the badge follows it, moving to the next line only when the name fills this one. */
.pick { display: block; width: 100%; padding: 0.45rem 0.625rem; border: 0; border-radius: 8px; background: transparent; text-align: left; cursor: pointer; }
.pick .badge-provisional { margin-left: 0.375rem; vertical-align: 0.05em; }
.pick:hover { background: var(--bg); }
.pick[aria-current="true"] { background: var(--accent-soft); color: var(--accent); font-weight: 600; }
.empty { margin: 1rem 0.625rem; color: var(--muted); font-size: var(--small); }

.badge-provisional { display: inline-block; padding: 0.05rem 0.5rem; border: 1px solid var(--warn-line); border-radius: 999px;
  background: var(--warn-soft); color: var(--warn); font-size: var(--smallest); font-weight: 650; white-space: nowrap; line-height: 1.4; }
.detail { scroll-margin-top: calc(var(--topbar-h) + 0.75rem); min-width: 0; padding: 1.5rem 1.75rem; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); }
.to-list { display: none; }
.eyebrow { color: var(--muted); font-size: var(--smallest); font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; }
.detail h2 { margin: 0.25rem 0 0.5rem; font-size: 1.5rem; line-height: 1.3; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.detail h2 .badge-provisional { font-size: var(--smallest); }
.description { margin: 0; color: var(--muted); max-width: 75ch; }
.meta { display: flex; flex-wrap: wrap; gap: 0.375rem 1.5rem; margin: 0.875rem 0 0; font-size: var(--small); color: var(--muted); }
.meta b { font-weight: 600; color: var(--text); margin-right: 0.25rem; }
.callout { margin: 1rem 0 0; padding: 0.75rem 1rem; border: 1px solid var(--warn-line); border-radius: 10px; background: var(--warn-soft);
  color: #6f3d06; font-size: var(--small); }
.section-title { margin: 1.75rem 0 0.625rem; font-size: 1.0625rem; display: flex; align-items: baseline; gap: 0.625rem; }
.nothing-found h2 { margin: 0 0 0.5rem; }
.nothing-found p { margin: 0 0 1rem; color: var(--muted); }
.clear-search { padding: 0.4rem 0.9rem; border: 1px solid var(--accent-line); border-radius: 9px; background: var(--accent-soft); color: var(--accent); font-weight: 600; cursor: pointer; }

table.fields { width: 100%; border-collapse: collapse; font-size: var(--small); }
.fields th { padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--line); color: var(--muted); font-size: var(--smallest); font-weight: 700;
  letter-spacing: 0.05em; text-align: left; text-transform: uppercase; }
.fields td { padding: 0.6rem 0.75rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.fields tbody tr:last-child td { border-bottom: 0; }
.fields td.label { font-weight: 550; }
.fields td.code { color: var(--muted); }
.fields td.code code { white-space: nowrap; overflow-wrap: normal; font-size: var(--smallest); }
.fields td.example { color: #344054; overflow-wrap: anywhere; max-width: 24rem; }
.fields td.example .mono { font-size: var(--smallest); }
.missing { color: var(--muted); font-style: italic; font-family: inherit; }
.type { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 6px; font-size: var(--smallest); font-weight: 650; white-space: nowrap;
  background: #eef1f5; color: #3f4a5a; }
.type-Int, .type-Decimal { background: #e7f6ec; color: #17663a; }
.type-Boolean { background: #f3ecfd; color: #6331b8; }
.type-DateTime { background: #fdf0e3; color: #9a4d05; }
.type-Phone { background: #e4f5f7; color: #0e6470; }
.type-array { box-shadow: inset 0 0 0 1px currentColor; }

.section-hint { margin: -0.375rem 0 0.625rem; color: var(--muted); font-size: var(--small); max-width: 75ch; }
.empty-section { margin: 0; color: var(--muted); font-size: var(--small); font-style: italic; }
.fields .field-name { font-weight: 550; }
.fields td.label { max-width: 26rem; }
.req { display: inline-block; margin-left: 0.25rem; font-size: var(--smallest); white-space: nowrap; vertical-align: 0.05em; }
.req-yes { padding: 0 0.45rem; border-radius: 999px; background: var(--accent-soft); color: var(--accent); font-weight: 650; }
.req-no { color: var(--muted); font-weight: 500; }
.fields .hint { margin: 0.25rem 0 0; color: var(--muted); font-size: var(--smallest); font-weight: 400; line-height: 1.45; }
.fields td.list { color: var(--text); }
.fields td.list .none { color: var(--muted); }
.fields td.response code { font-size: var(--smallest); overflow-wrap: anywhere; }
.list-cards { display: grid; gap: 0.75rem; }
.list-card { padding: 0.75rem 1rem; border: 1px solid var(--line); border-radius: 10px; }
.list-card h4 { margin: 0; font-size: 0.9375rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.375rem 0.625rem; }
.list-card .list-code { font-size: var(--smallest); font-weight: 400; }
.list-items { margin: 0.5rem 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 0.375rem 1.25rem; font-size: var(--small); }
.list-items code { font-size: var(--smallest); }
.list-source { margin: 0.5rem 0 0; color: var(--muted); font-size: var(--small); max-width: 75ch; }
.list-card .list-api { margin-top: 0.375rem; }

ol.steps { margin: 0; padding: 0; list-style: none; counter-reset: step; }
.steps li { position: relative; margin: 0 0 0.75rem; padding-left: 2.25rem; max-width: 75ch; }
.steps li::before { counter-increment: step; content: counter(step); position: absolute; left: 0; top: 0.05rem; width: 1.5rem; height: 1.5rem;
  border-radius: 999px; background: var(--accent-soft); color: var(--accent); font-size: var(--smallest); font-weight: 700; display: grid; place-items: center; }
.steps strong { font-weight: 650; }
footer { padding: 1.5rem 1rem 0; color: var(--muted); font-size: var(--smallest); text-align: center; }

@media (max-width: 760px) {
  .topbar { padding: 0 1rem; }
  .topbar-title span { display: none; }
  main { padding: 1rem; }
  .intro { padding: 0.75rem 1rem; }
  .app-card { grid-template-columns: 44px minmax(0, 1fr); column-gap: 0.75rem; padding: 1rem; margin-bottom: 1rem; }
  .app-card > :not(.app-logo) { grid-column: 1 / -1; }
  .app-card > h1:not(.app-logo) { grid-column: 2; grid-row: 1; align-self: center; }
  .app-card > .app-logo { grid-column: 1; grid-row: 1; width: 44px; height: 44px; border-radius: 11px; }
  .app-card p { margin-top: 0.75rem; }
  .app-card h1 { font-size: 1.25rem; }
  .layout { grid-template-columns: minmax(0, 1fr); grid-template-rows: none; row-gap: 1rem; }
  .picker, .detail, .layout > footer { grid-column: 1; grid-row: auto; }
  .picker { position: static; max-height: none; overflow: visible; scroll-margin-top: calc(var(--topbar-h) + 0.75rem); }
  .picker-head { position: sticky; top: var(--topbar-h); z-index: 3; border-radius: var(--radius) var(--radius) 0 0; }
  .trigger-list { overflow: visible; }
  .pick { padding: 0.55rem 0.625rem; }
  .detail { padding: 1.125rem 1rem; }
  .to-list { display: inline-block; margin: 0 0 0.75rem; padding: 0.3rem 0.75rem; border: 1px solid var(--accent-line); border-radius: 999px;
    background: var(--accent-soft); color: var(--accent); font-size: var(--small); font-weight: 600; cursor: pointer; }
  .detail h2 { font-size: 1.3rem; }
  .fields td.code code { white-space: normal; overflow-wrap: anywhere; }
  table.fields thead { display: none; }
  table.fields, .fields tbody { display: block; }
  .fields tr { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.125rem 0.75rem; padding: 0.625rem 0; border-bottom: 1px solid var(--line); }
  .fields tbody tr:last-child { border-bottom: 0; }
  .fields td { display: block; padding: 0; border: 0; }
  .fields td.type-cell { grid-column: 2; grid-row: 1; }
  .fields td.label { max-width: none; }
  /* On a phone each field is a card: a field that picks from no list says nothing about lists. */
  .fields td.list-none { display: none; }
  .fields td.code, .fields td.example, .fields td.list, .fields td.response { grid-column: 1 / -1; max-width: none; }
  .fields td.code::before, .fields td.example::before, .fields td.list::before, .fields td.response::before { content: attr(data-th) " "; color: var(--muted); font-family: system-ui, sans-serif; font-size: var(--smallest); }
  footer { padding-top: 0.5rem; }
}
`;
