/**
 * The entry assistant, `setup.html`: one self-contained page (no network: a Content-Security-Policy
 * forbids every request) that walks the setup plan screen by screen, in English and Russian. Every value
 * to type has a copy control carrying it in `data-copy`; every entity and field row has a checkbox with a
 * stable `data-step` id, counted in the progress and kept across reloads. Built with a baseline, it also
 * has a "changes since <version>" view of only the steps that turn the published app into this one.
 * Rendered on the build side (deterministic bytes); the inline script only copies, ticks and switches.
 */
import { LOCALES, type Locale, type Localized } from "../../../model/manifest.js";
import { assertInlineSafe, escapeHtml, pageHead } from "../../html.js";
import type { ChangePlan } from "../changes.js";
import type { Entry, SetupPlan, TriggerPlan } from "../plan.js";
import { triggerSteps } from "../plan.js";
import { ALTCRAFT_STEPS, ASSUMPTION_CHECKS, CHECK_STEPS, LABELS, OPEN_QUESTIONS, SECTIONS, totalsLine } from "../text.js";
import { actionHtml, authorizationHtml, listHtml } from "./api-sections.js";
import { both, checkbox, entryTable, stepAttributes, stepHtml, valueHtml } from "./parts.js";
import { ASSISTANT_SCRIPT } from "./script.js";
import { ASSISTANT_CSS } from "./styles.js";

const t = (en: string, ru: string): Localized => ({ en, ru });

const UI = {
  title: t("setup assistant", "помощник настройки"),
  progress: t("entries done", "значений введено"),
  of: t("of", "из"),
  copy: t("Copy", "Копировать"),
  views: { setup: t("Full setup", "Вся настройка"), changes: (version: string) => t(`Changes since ${version}`, `Изменения после ${version}`) },
  howTo: t(
    "Tick a step once every value in it is entered: ticks are kept in this browser for this version of the app. Copy buttons put exactly the value shown on the clipboard.",
    "Отмечайте шаг, когда все его значения введены: отметки сохраняются в этом браузере для этой версии приложения. Кнопки копирования кладут в буфер обмена ровно то значение, что показано.",
  ),
  wave: (wave: 1 | 2): Localized => SECTIONS.triggers.wave(wave),
  provisional: t("provisional", "предварительный"),
  fieldColumns: [LABELS.fieldCode, LABELS.nameIn.en, LABELS.nameIn.ru, LABELS.fieldType, LABELS.mapping],
  noChanges: t("Nothing to change in the App Integrator.", "В App Integrator ничего менять не нужно."),
} as const;

/** The field rows of a trigger: one checkbox per field, its values in columns. */
function fieldsTable(plan: TriggerPlan): string {
  const head = `<thead><tr><th></th>${UI.fieldColumns.map((label) => `<th>${both(label)}</th>`).join("")}<th>${both(t("Gear", "Шестерёнка"))}</th></tr></thead>`;
  const rows = plan.fields
    .map((step) => {
      const [code, en, ru, type, ...rest] = step.entries;
      const mapping = rest.at(-1)!;
      const gear = rest.slice(0, -1);
      const cellOf = (entry: Entry) => `<td>${valueHtml(entry)}</td>`;
      const gearCell = gear.length === 0 ? "<td></td>" : `<td>${gear.map((entry) => `<div>${both(entry.label)}: ${valueHtml(entry)}</div>`).join("")}</td>`;
      return `<tr class="field-row" data-holds-step><td><input type="checkbox" aria-label="${escapeHtml(step.id)}" ${stepAttributes(step)}></td>${[code!, en!, ru!, type!, mapping].map(cellOf).join("")}${gearCell}</tr>`;
    })
    .join("");
  return `<table class="fields">${head}<tbody>${rows}</tbody></table>`;
}

function triggerHtml(plan: TriggerPlan): string {
  const { trigger } = plan;
  const steps = triggerSteps(plan).length;
  const badges = `<span class="badge">${both(UI.wave(plan.wave))}</span>${trigger.eventTypeConfirmed ? "" : `<span class="badge warn">${both(UI.provisional)}</span>`}`;
  return [
    `<details class="entity" data-entity="${escapeHtml(trigger.code)}" id="${escapeHtml(`trigger-${trigger.code}`)}">`,
    `<summary>${both(trigger.names)} <code>${escapeHtml(trigger.eventType)}</code>${badges} <span class="count" data-entity-done>0/${steps}</span></summary>`,
    `<div class="body">`,
    stepHtml(plan.create),
    stepHtml(plan.response),
    `<h4>${both(SECTIONS.triggers.fields(trigger.fields.length))}</h4>`,
    fieldsTable(plan),
    stepHtml(plan.filter),
    `</div></details>`,
  ].join("");
}

/** Steps outside the App Integrator: ticked and kept like the others, but no form entries to count. */
function numberedList(steps: readonly Localized[], prefix: string): string {
  const item = (step: Localized, index: number) =>
    `<li><label class="tick"><input type="checkbox" ${stepAttributes({ id: `${prefix}:${index + 1}`, title: step, entries: [] }, 0)}> <span>${both(step)}</span></label></li>`;
  return `<ol>${steps.map(item).join("")}</ol>`;
}

/** simulate's assumptions, each with how to check it in Albato: ticked like the steps, keyed by the assumption's id. */
function assumptionList(): string {
  const item = (assumption: (typeof ASSUMPTION_CHECKS)[number]) => {
    const text: Localized = {
      en: `${assumption.id}: ${assumption.text.en} ${SECTIONS.check.checkHow.en} ${assumption.check.en}`,
      ru: `${assumption.id}: ${assumption.text.ru} ${SECTIONS.check.checkHow.ru} ${assumption.check.ru}`,
    };
    return `<li><label class="tick"><input type="checkbox" ${stepAttributes({ id: `assumption:${assumption.id}`, title: text, entries: [] }, 0)}> <span>${both(text)}</span></label></li>`;
  };
  return `<ul>${ASSUMPTION_CHECKS.map(item).join("")}</ul>`;
}

function setupView(plan: SetupPlan): string {
  const { manifest } = plan;
  const waves = ([1, 2] as const)
    .map((wave) => {
      const triggers = plan.triggers.filter((trigger) => trigger.wave === wave);
      if (triggers.length === 0) return "";
      const intro = wave === 1 ? SECTIONS.triggers.firstWave : SECTIONS.triggers.secondWave;
      const title = UI.wave(wave);
      const heading = { en: `${title.en[0]!.toUpperCase()}${title.en.slice(1)} (${triggers.length})`, ru: `${title.ru[0]!.toUpperCase()}${title.ru.slice(1)} (${triggers.length})` };
      return `<h3>${both(heading)}</h3><p>${both(intro)}</p>${triggers.map(triggerHtml).join("")}`;
    })
    .join("");
  const events = manifest.triggers
    .map((trigger) => `<tr><td>${both(trigger.altcraftNames)}</td><td><code>${escapeHtml(trigger.eventType)}</code></td><td>${both(trigger.names)}</td></tr>`)
    .join("");
  return [
    `<section id="app"><h2>1. ${both(SECTIONS.app.title)}</h2><p>${both(SECTIONS.app.intro)}</p>${stepHtml(plan.app)}</section>`,
    `<section id="authorization"><h2>2. ${both(SECTIONS.authorization.title)}</h2><p>${both(SECTIONS.authorization.intro)}</p>${authorizationHtml(plan.authorization)}</section>`,
    `<section id="connection"><h2>3. ${both(SECTIONS.connection.title)}</h2><p>${both(SECTIONS.connection.intro)}</p>${plan.connection.map(stepHtml).join("")}</section>`,
    `<section id="triggers"><h2>4. ${both(SECTIONS.triggers.title)}</h2><p>${both(SECTIONS.triggers.intro)}</p><p>${both(SECTIONS.triggers.arrayNote)}</p>${waves}</section>`,
    `<section id="lists"><h2>5. ${both(SECTIONS.lists.title)}</h2><p>${both(SECTIONS.lists.intro)}</p><p>${both(SECTIONS.requests.variables)}</p>${plan.lists.map(listHtml).join("")}</section>`,
    `<section id="actions"><h2>6. ${both(SECTIONS.actions.title)}</h2><p>${both(SECTIONS.actions.intro)}</p>${plan.actions.map(actionHtml).join("")}</section>`,
    `<section id="altcraft"><h2>7. ${both(SECTIONS.altcraft.title)}</h2><p>${both(SECTIONS.altcraft.intro)}</p>${numberedList(ALTCRAFT_STEPS, "altcraft")}`,
    `<h3>${both(SECTIONS.altcraft.eventsTitle)}</h3><p>${both(SECTIONS.altcraft.eventsNote)}</p>`,
    `<table class="events"><thead><tr><th>${both(t("In Altcraft", "В Altcraft"))}</th><th>${both(t("Event type", "Тип события"))}</th><th>${both(t("Albato trigger", "Триггер Albato"))}</th></tr></thead><tbody>${events}</tbody></table></section>`,
    `<section id="check"><h2>8. ${both(SECTIONS.check.title)}</h2><p>${both(SECTIONS.check.intro)}</p>${numberedList(CHECK_STEPS, "check")}`,
    `<h3>${both(SECTIONS.check.assumptionsTitle)}</h3>${assumptionList()}`,
    `<h3>${both(SECTIONS.check.questionsTitle)}</h3>${numberedList(OPEN_QUESTIONS, "question")}</section>`,
  ].join("\n");
}

function changesView(changes: ChangePlan): string {
  if (changes.steps.length === 0) return `<p>${both(UI.noChanges)}</p>`;
  const steps = changes.steps
    .map(
      (step) =>
        `<article class="step" data-holds-step>${checkbox(step, both(step.title))}<p>${both(step.instruction)}</p>${step.entries.length > 0 ? entryTable(step.entries) : ""}<p class="impact">${both(step.impact)}</p></article>`,
    )
    .join("");
  return `<p>${both(changes.intro)}</p>${steps}`;
}

/** The texts the styles put in place: copy buttons' labels, and the field columns' names on a phone. */
function localeCss(): string {
  const rules: string[] = [];
  const quoted = (text: string) => JSON.stringify(text);
  for (const locale of LOCALES) {
    rules.push(`body[data-locale="${locale}"] .copy::after { content: ${quoted(UI.copy[locale])}; }`);
    UI.fieldColumns.forEach((label, index) => {
      rules.push(`@media (max-width: 700px) { body[data-locale="${locale}"] .fields td:nth-child(${index + 2})::before { content: ${quoted(`${label[locale]}: `)}; } }`);
    });
  }
  return `\n${rules.join("\n")}\n`;
}

export interface AssistantInput {
  plan: SetupPlan;
  /** The steps since the published baseline, when the build has one. */
  changes?: ChangePlan;
}

export function renderSetupAssistant({ plan, changes }: AssistantInput): string {
  const { app } = plan.manifest;
  const storageKey = `altcraft-albato-setup/${app.code}/${app.version}`;
  const title = (locale: Locale) => `${app.names[locale]} · Albato: ${UI.title[locale]} (${app.version})`;
  const views = changes
    ? `<nav class="views">${[
        `<button type="button" data-set-view="setup" aria-pressed="true">${both(UI.views.setup)}</button>`,
        `<button type="button" data-set-view="changes" aria-pressed="false">${both(UI.views.changes(changes.baselineVersion))}</button>`,
      ].join("")}</nav>`
    : "";
  return `${pageHead({
    generator: "altcraft-albato build",
    title: title("en"),
    css: `${ASSISTANT_CSS}${localeCss()}`,
    cssName: "the assistant's CSS",
    // Without an icon of its own, the browser would ask the server for /favicon.ico.
    head: `<link rel="icon" href="data:,">\n`,
  })}<body data-locale="en" data-view="setup" data-storage-key="${escapeHtml(storageKey)}">
<header class="top">
<h1>${both({ en: title("en"), ru: title("ru") })}</h1>
<div class="switch" role="group" aria-label="Language"><button type="button" data-set-locale="en" aria-pressed="true">EN</button><button type="button" data-set-locale="ru" aria-pressed="false">RU</button></div>
<div class="progress"><progress max="${plan.totals.entries}" value="0"></progress><span><span data-progress-done>0</span> ${both(UI.of)} <span data-progress-total>${plan.totals.entries}</span> ${both(UI.progress)}</span></div>
</header>
<main>
<section class="totals"><p><strong>${both(totalsLine(plan.totals))}</strong></p><p>${both(SECTIONS.triggers.firstWave)}</p><p>${both(UI.howTo)}</p></section>
${views}
<div data-view="setup">
${setupView(plan)}
</div>
${changes ? `<div data-view="changes" hidden>\n${changesView(changes)}\n</div>` : ""}
</main>
<script>${assertInlineSafe("the assistant's script", ASSISTANT_SCRIPT)}</script>
</body>
</html>
`;
}
