/**
 * The setup plan: every value to enter in the App Integrator, screen by screen in its order (app card,
 * authorization, connection fields, triggers with their response settings, fields and filter), then the
 * Altcraft side and the check before publishing. The Markdown guides and the entry assistant both render
 * this one plan, so they list the same entries under the same stable ids (`trigger:emailLinkClicked/
 * field:eventDataLinkUrl`), and their totals agree.
 */
import { EVENT_TYPES, type EventTypeInfo } from "../../event-types.js";
import { LOCALES, type Localized, type Manifest, type ManifestField, type ManifestTrigger } from "../../model/manifest.js";
import { LABELS, SECTIONS, WORDS } from "./text.js";

/**
 * One value to enter: typed or pasted (`text`; an empty text means "leave the input empty"), picked from
 * a list (`choice`), ticked (`check`) or uploaded (`file`).
 */
export interface Entry {
  label: Localized;
  /** Exactly what to type or pick; per locale only where the value is itself a translation. */
  value: string | Localized;
  kind: "text" | "choice" | "check" | "file";
}

export interface Step {
  /** Stable across builds (`trigger:emailLinkClicked/field:eventDataLinkUrl`): the assistant keys its ticks on it. */
  id: string;
  title: Localized;
  entries: Entry[];
  /** A warning or remark shown with the step. */
  note?: Localized;
  /** For a field step: its block (the Markdown guide lists blocks once). */
  block?: string;
}

export interface TriggerPlan {
  trigger: ManifestTrigger;
  /** 1: the events the existing Altcraft app offers; 2: the others. */
  wave: 1 | 2;
  create: Step;
  response: Step;
  fields: Step[];
  filter: Step;
}

export interface SetupPlan {
  manifest: Manifest;
  app: Step;
  authorization: Step;
  connection: Step[];
  triggers: TriggerPlan[];
  totals: Totals;
}

export interface Totals {
  triggers: number;
  fields: number;
  /** Form entries: every value typed, picked, ticked or uploaded. */
  entries: number;
  /** An estimate of the typing time, in minutes: a range. */
  minutes: { low: number; high: number };
}

const text = (value: string): Entry["value"] => value;

function localizedEntries(labels: { en: Localized; ru: Localized }, texts: Localized): Entry[] {
  return LOCALES.map((locale) => ({ label: labels[locale], value: texts[locale], kind: "text" as const }));
}

export function appStep(manifest: Manifest): Step {
  const { app } = manifest;
  return {
    id: "app",
    title: SECTIONS.app.title,
    entries: [
      ...localizedEntries(LABELS.nameIn, app.names),
      ...localizedEntries(LABELS.descriptionIn, app.descriptions),
      { label: LABELS.website, value: app.website, kind: "text" },
      { label: LABELS.docs, value: app.docsUrl, kind: "text" },
      { label: LABELS.logo, value: WORDS.logoValue, kind: "file" },
      ...app.categories.map((category) => ({ label: LABELS.categories, value: text(category), kind: "choice" as const })),
    ],
  };
}

function authorizationStep(manifest: Manifest): Step {
  const none = manifest.authorization.type === "none";
  return {
    id: "authorization",
    title: SECTIONS.authorization.title,
    entries: [
      ...localizedEntries(LABELS.nameIn, manifest.authorization.names),
      { label: LABELS.authorizationType, value: none ? WORDS.noAuthorization : manifest.authorization.type, kind: "choice" },
    ],
  };
}

export function connectionSteps(manifest: Manifest): Step[] {
  return manifest.connectionFields.map((field) => ({
    id: `connection:${field.code}`,
    title: field.names,
    entries: [
      { label: LABELS.fieldCode, value: field.code, kind: "text" },
      { label: LABELS.fieldType, value: field.type, kind: "choice" },
      ...localizedEntries(LABELS.nameIn, field.names),
      ...localizedEntries(LABELS.hintIn, field.hints),
      { label: LABELS.requiredWhenCreating, value: field.requiredWhenCreating ? WORDS.yes : WORDS.no, kind: "check" },
      { label: LABELS.requiredWhenEditing, value: field.requiredWhenEditing ? WORDS.yes : WORDS.no, kind: "check" },
    ],
  }));
}

/** The gear settings a field's type calls for. */
function gearEntries(field: ManifestField): Entry[] {
  const entries: Entry[] = [];
  if (field.dateTimeFormat) {
    entries.push({ label: LABELS.dateTimeFormat, value: WORDS.rfc3339, kind: "choice" }, { label: LABELS.dateTimeZone, value: WORDS.utc, kind: "choice" });
  }
  if (field.type === "Phone" || field.type === "PhoneArray") entries.push({ label: LABELS.phoneFormat, value: WORDS.phoneFormatValue, kind: "choice" });
  if (field.separator !== undefined) entries.push({ label: LABELS.separator, value: field.separator, kind: "text" });
  return entries;
}

export function fieldStep(trigger: ManifestTrigger, field: ManifestField): Step {
  return {
    id: `trigger:${trigger.code}/field:${field.code}`,
    title: field.names,
    block: field.block,
    entries: [
      { label: LABELS.fieldCode, value: field.code, kind: "text" },
      ...localizedEntries(LABELS.nameIn, field.names),
      { label: LABELS.fieldType, value: field.type, kind: "choice" },
      ...gearEntries(field),
      { label: LABELS.mapping, value: field.path, kind: "text" },
    ],
  };
}

/** The registry's core event types (those the existing Altcraft app offers) make wave 1. */
export function triggerPlan(manifest: Manifest, trigger: ManifestTrigger, registry: readonly EventTypeInfo[] = EVENT_TYPES): TriggerPlan {
  const group = manifest.groups.find((candidate) => candidate.code === trigger.group)?.names ?? { en: trigger.group, ru: trigger.group };
  const condition = (index: number) => trigger.filter.all[index]!;
  return {
    trigger,
    wave: registry.find((info) => info.type === trigger.eventType)?.core === true ? 1 : 2,
    create: {
      id: `trigger:${trigger.code}`,
      title: trigger.names,
      entries: [
        { label: LABELS.model, value: "Webhook", kind: "choice" },
        ...localizedEntries(LABELS.nameIn, trigger.names),
        ...localizedEntries(LABELS.descriptionIn, trigger.descriptions),
        { label: LABELS.group, value: group, kind: "choice" },
      ],
      ...(trigger.eventTypeConfirmed ? {} : { note: SECTIONS.triggers.provisional(trigger.eventType) }),
    },
    response: {
      id: `trigger:${trigger.code}/response`,
      title: SECTIONS.triggers.response,
      entries: [
        { label: LABELS.contentType, value: trigger.response.contentType, kind: "choice" },
        { label: LABELS.dataArrayReturn, value: trigger.response.returnDataArray ? WORDS.yes : WORDS.no, kind: "check" },
        { label: LABELS.arrayPath, value: trigger.response.arrayPath, kind: "text" },
      ],
    },
    fields: trigger.fields.map((field) => fieldStep(trigger, field)),
    filter: {
      id: `trigger:${trigger.code}/filter`,
      title: SECTIONS.triggers.filter,
      entries: trigger.filter.all.flatMap((_, index) => [
        { label: LABELS.filterVariable, value: condition(index).variable, kind: "text" as const },
        { label: LABELS.filterOperator, value: condition(index).operator, kind: "choice" as const },
        { label: LABELS.filterValue, value: condition(index).value, kind: "text" as const },
      ]),
    },
  };
}

/** Every step of a trigger, in the order the App Integrator takes them. */
export function triggerSteps(plan: TriggerPlan): Step[] {
  return [plan.create, plan.response, ...plan.fields, plan.filter];
}

/** Every step of the App Integrator part of the plan, in order. */
export function integratorSteps(plan: Pick<SetupPlan, "app" | "authorization" | "connection" | "triggers">): Step[] {
  return [plan.app, plan.authorization, ...plan.connection, ...plan.triggers.flatMap(triggerSteps)];
}

/**
 * The time to type it all, from the entries and the screens: a copy-paste or a pick takes 8–15 s, and
 * every trigger another 1.5–3 minutes of creating it, opening its tabs and saving.
 */
export function estimateMinutes(entries: number, triggers: number): { low: number; high: number } {
  return { low: Math.round((entries * 8) / 60 + triggers * 1.5), high: Math.round((entries * 15) / 60 + triggers * 3) };
}

export function setupPlan(manifest: Manifest, registry: readonly EventTypeInfo[] = EVENT_TYPES): SetupPlan {
  const triggers = manifest.triggers.map((trigger) => triggerPlan(manifest, trigger, registry));
  // Wave 1 first, each wave in the manifest's order (group by group).
  triggers.sort((a, b) => a.wave - b.wave);
  const parts = { app: appStep(manifest), authorization: authorizationStep(manifest), connection: connectionSteps(manifest), triggers };
  const steps = integratorSteps(parts);
  const entries = steps.reduce((sum, step) => sum + step.entries.length, 0);
  const totals: Totals = {
    triggers: triggers.length,
    fields: manifest.triggers.reduce((sum, trigger) => sum + trigger.fields.length, 0),
    entries,
    minutes: estimateMinutes(entries, triggers.length),
  };
  return { manifest, ...parts, totals };
}
