/**
 * The building blocks of the entry assistant's page: texts in both languages (the page shows one), values
 * with their copy controls, and steps with the checkbox that ticks them.
 */
import { sha256 } from "../../../hash.js";
import { LOCALES, type Localized } from "../../../model/manifest.js";
import { escapeHtml } from "../../html.js";
import type { Entry, Step } from "../step.js";
import { WORDS } from "../text.js";

const TICK: Localized = { en: "tick", ru: "отметьте" };
const NO_TICK: Localized = { en: "leave unticked", ru: "не отмечайте" };

/** Both locales of a text, each in its own element the page shows or hides. */
export function both(texts: Localized, tag = "span"): string {
  return LOCALES.map((locale) => `<${tag} data-l="${locale}">${escapeHtml(texts[locale])}</${tag}>`).join("");
}

/** Its label comes from the styles, in the page's language (thousands of buttons stay small). */
export function copyButton(value: string): string {
  return `<button type="button" class="copy" data-copy="${escapeHtml(value)}"></button>`;
}

/**
 * A value as the step shows it: a value to type in code font with its copy control; a value to pick in
 * code font (nothing to paste into a list); a translated value or an instruction as text.
 */
export function valueHtml(entry: Entry): string {
  if (entry.kind === "check") {
    const on = typeof entry.value === "string" ? entry.value : entry.value.en;
    return both(on === "Yes" || on === "Да" ? TICK : NO_TICK);
  }
  if (typeof entry.value !== "string") {
    const value = entry.value;
    if (entry.kind !== "text") return both(value);
    return LOCALES.map((locale) => `<span data-l="${locale}"><code>${escapeHtml(value[locale])}</code>${copyButton(value[locale])}</span>`).join("");
  }
  if (entry.kind === "text" && entry.value === "") return `<em>${both(WORDS.leaveEmpty)}</em>`;
  return `<code>${escapeHtml(entry.value)}</code>${entry.kind === "text" ? copyButton(entry.value) : ""}`;
}

/**
 * A tick is kept with the hash of what the step asks to enter: after a rebuild, the steps whose values
 * changed come back unticked and the others stay ticked.
 */
export function stepAttributes(step: Step, entries = step.entries.length): string {
  return `data-step="${escapeHtml(step.id)}" data-hash="${sha256(JSON.stringify([step.title, step.entries])).slice(0, 10)}" data-entries="${entries}"`;
}

export function checkbox(step: Step, title: string): string {
  return `<label class="tick"><input type="checkbox" ${stepAttributes(step)}> <span>${title}</span> <span class="count">(${step.entries.length})</span></label>`;
}

export function entryTable(entries: readonly Entry[]): string {
  const rows = entries.map((entry) => `<tr><th>${both(entry.label)}</th><td>${valueHtml(entry)}</td></tr>`).join("");
  return `<table class="entries"><tbody>${rows}</tbody></table>`;
}

export function stepHtml(step: Step): string {
  const note = step.note ? `<p class="note">${both(step.note)}</p>` : "";
  return `<article class="step" data-holds-step>${checkbox(step, both(step.title))}${note}${entryTable(step.entries)}</article>`;
}

/** A step whose entries repeat in rows of `width` (parameters, list items): one table row each. */
export function rowsStepHtml(step: Step, width: number): string {
  const head = step.entries
    .slice(0, width)
    .map((entry) => `<th>${both(entry.label)}</th>`)
    .join("");
  const rows: string[] = [];
  for (let index = 0; index < step.entries.length; index += width) {
    rows.push(`<tr>${step.entries.slice(index, index + width).map((entry) => `<td>${valueHtml(entry)}</td>`).join("")}</tr>`);
  }
  const note = step.note ? `<p class="note">${both(step.note)}</p>` : "";
  return `<article class="step" data-holds-step>${checkbox(step, both(step.title))}${note}<table class="rows"><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></article>`;
}
