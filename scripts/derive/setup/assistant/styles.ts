/**
 * The entry assistant's styles. Every text colour is at least 4.5:1 against its background and every
 * text at least 12 px (the browser test measures both); on a phone the page scrolls as one.
 */
export const ASSISTANT_CSS = `
:root {
  --text: #16213a; --muted: #4a5568; --line: #d5dbe5; --paper: #ffffff; --wash: #f3f5f9;
  --accent: #1d4ed8; --accent-text: #ffffff; --done: #166534; --warn-bg: #fff7e0; --warn-text: #6b4400;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--text); background: var(--paper);
}
* { box-sizing: border-box; }
body { margin: 0; }
body[data-locale="en"] [data-l="ru"], body[data-locale="ru"] [data-l="en"] { display: none; }
.top { position: sticky; top: 0; z-index: 2; background: var(--paper); border-bottom: 1px solid var(--line);
  padding: 10px 16px; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
.top h1 { font-size: 18px; margin: 0; flex: 1 1 260px; }
.top .version { color: var(--muted); font-weight: normal; font-size: 14px; }
.switch button, .views button { font: inherit; font-size: 14px; border: 1px solid var(--accent); background: var(--paper);
  color: var(--accent); padding: 4px 10px; border-radius: 6px; cursor: pointer; }
.switch button[aria-pressed="true"], .views button[aria-pressed="true"] { background: var(--accent); color: var(--accent-text); }
.progress { display: flex; align-items: center; gap: 8px; font-size: 14px; flex: 1 1 260px; }
.progress progress { flex: 1 1 auto; height: 10px; accent-color: var(--done); }
main { max-width: 1100px; margin: 0 auto; padding: 12px 16px 48px; }
h2 { font-size: 20px; margin: 28px 0 8px; }
h3 { font-size: 17px; margin: 20px 0 8px; }
p, li { max-width: 80ch; }
.totals { background: var(--wash); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.totals strong { font-size: 16px; }
.note { background: var(--warn-bg); color: var(--warn-text); border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.views { display: flex; gap: 8px; margin: 16px 0 0; flex-wrap: wrap; }
.step { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; margin: 10px 0; }
.step.done { border-color: var(--done); }
.tick { display: flex; gap: 8px; align-items: baseline; font-weight: 600; cursor: pointer; }
.tick input { width: 18px; height: 18px; flex: none; }
/* Long unbroken values (a date with nine fraction digits) wrap instead of widening the page. */
.tick > span, p, li, td { min-width: 0; overflow-wrap: anywhere; }
.count { color: var(--muted); font-weight: normal; font-size: 14px; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-top: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; width: 34%; }
.fields th { width: auto; }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--wash); color: var(--text);
  padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
.copy { font: inherit; font-size: 12px; margin-left: 6px; padding: 1px 8px; border: 1px solid var(--accent); border-radius: 5px;
  background: var(--paper); color: var(--accent); cursor: pointer; }
.copy.copied { background: var(--done); border-color: var(--done); color: var(--accent-text); }
details.entity { border: 1px solid var(--line); border-radius: 8px; margin: 10px 0; }
details.entity > summary { cursor: pointer; padding: 10px 12px; font-weight: 600; list-style-position: inside; }
details.entity > .body { padding: 0 12px 8px; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; border-radius: 10px; padding: 0 8px; margin-left: 6px;
  background: var(--wash); color: var(--muted); border: 1px solid var(--line); white-space: nowrap; }
.badge.warn { background: var(--warn-bg); color: var(--warn-text); border-color: #e8c46b; }
.field-row.done td { background: #eef8f1; }
.impact { color: var(--muted); font-size: 14px; margin: 6px 0 0; }
@media (max-width: 700px) {
  .top { position: static; }
  table, tbody, tr, th, td { display: block; width: 100%; }
  th { border-top: 1px solid var(--line); padding-bottom: 0; }
  td { border-top: none; }
  .fields tr { border-top: 2px solid var(--line); padding: 4px 0; }
  .fields thead { display: none; }
  .fields td::before { color: var(--muted); font-weight: 600; }
}
`;
