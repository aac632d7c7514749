/**
 * The setup plan: every value to enter in the App Integrator, screen by screen in its order (app card,
 * authorization, connection fields, triggers with their response settings, fields and filter, lists,
 * actions with their fields and request widget), then the Altcraft side and the check before publishing. The Markdown guides and the entry assistant both render
 * this one plan, so they list the same entries under the same stable ids (`trigger:emailLinkClicked/
 * field:eventDataLinkUrl`), and their totals agree.
 */
import { EVENT_TYPES, type EventTypeInfo } from "../../event-types.js";
import type { Manifest, ManifestField, ManifestTrigger } from "../../model/manifest.js";
import { actionPlan, actionSteps, authorizationPlan, listPlan, type ActionPlan, type AuthorizationPlan, type ListPlan } from "./plan-api.js";
import { entryCount, localizedEntries, type Entry, type Step, type Totals } from "./step.js";
import { LABELS, SECTIONS, WORDS, yesNo } from "./text.js";

export type { Entry, Step, Totals } from "./step.js";

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
  authorization: AuthorizationPlan;
  connection: Step[];
  triggers: TriggerPlan[];
  lists: ListPlan[];
  actions: ActionPlan[];
  totals: Totals;
}


const text = (value: string): Entry["value"] => value;

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

export function connectionSteps(manifest: Manifest): Step[] {
  return manifest.connectionFields.map((field) => ({
    id: `connection:${field.code}`,
    title: field.names,
    entries: [
      { label: LABELS.fieldCode, value: field.code, kind: "text" },
      { label: LABELS.fieldType, value: field.type, kind: "choice" },
      ...localizedEntries(LABELS.nameIn, field.names),
      ...localizedEntries(LABELS.hintIn, field.hints),
      { label: LABELS.requiredWhenCreating, value: yesNo(field.requiredWhenCreating), kind: "check" },
      { label: LABELS.requiredWhenEditing, value: yesNo(field.requiredWhenEditing), kind: "check" },
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
        { label: LABELS.dataArrayReturn, value: yesNo(trigger.response.returnDataArray), kind: "check" },
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
/** The authorization's steps in the order its screens take them. */
export function authorizationSteps(plan: AuthorizationPlan): Step[] {
  return [plan.settings, ...plan.fields, ...plan.test];
}

/** Every step of the App Integrator part of the plan, in order. */
export function integratorSteps(plan: Pick<SetupPlan, "app" | "authorization" | "connection" | "triggers" | "lists" | "actions">): Step[] {
  return [
    plan.app,
    ...authorizationSteps(plan.authorization),
    ...plan.connection,
    ...plan.triggers.flatMap(triggerSteps),
    ...plan.lists.flatMap((list) => list.steps),
    ...plan.actions.flatMap(actionSteps),
  ];
}

/**
 * The time to type it all, from the entries and the entities: a copy-paste or a pick takes 8–15 s, and
 * every trigger, list or action another 1.5–3 minutes of creating it, opening its tabs and saving.
 */
export function estimateMinutes(entries: number, entities: number): { low: number; high: number } {
  return { low: Math.round((entries * 8) / 60 + entities * 1.5), high: Math.round((entries * 15) / 60 + entities * 3) };
}

export function setupPlan(manifest: Manifest, registry: readonly EventTypeInfo[] = EVENT_TYPES): SetupPlan {
  const triggers = manifest.triggers.map((trigger) => triggerPlan(manifest, trigger, registry));
  // Wave 1 first, each wave in the manifest's order (group by group).
  triggers.sort((a, b) => a.wave - b.wave);
  const parts = {
    app: appStep(manifest),
    authorization: authorizationPlan(manifest),
    connection: connectionSteps(manifest),
    triggers,
    lists: manifest.lists.map(listPlan),
    actions: manifest.actions.map((action) => actionPlan(manifest, action)),
  };
  const entries = entryCount(integratorSteps(parts));
  const totals: Totals = {
    triggers: triggers.length,
    fields: manifest.triggers.reduce((sum, trigger) => sum + trigger.fields.length, 0),
    lists: manifest.lists.length,
    actions: manifest.actions.length,
    actionFields: manifest.actions.reduce((sum, action) => sum + action.fields.length, 0),
    entries,
    minutes: estimateMinutes(entries, triggers.length + manifest.lists.length + manifest.actions.length),
  };
  return { manifest, ...parts, totals };
}
