/** The setup plan: every App Integrator entry once, under stable ids, in the screens' order, with totals that add up. */
import { describe, expect, it } from "vitest";
import { blockLayout } from "../scripts/derive/setup/blocks.js";
import { estimateMinutes, integratorSteps, setupPlan, triggerSteps } from "../scripts/derive/setup/plan.js";
import { derive, fixtureConnector, REGISTRY } from "./fixtures/build/definition.js";

const { manifest } = derive();
const plan = setupPlan(manifest, REGISTRY);

describe("setupPlan", () => {
  const steps = integratorSteps(plan);

  it("takes the screens in the App Integrator's order: app, authorization, connection, triggers, lists, actions", () => {
    const kinds = steps.map((step) => /^[a-z]+/.exec(step.id)![0]);
    const order = [...new Set(kinds)];
    expect(order).toEqual(["app", "authorization", "connection", "trigger", "list", "action"]);
    // Each kind's steps come together.
    expect(kinds).toEqual([...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(steps.map((step) => step.id).slice(0, 7)).toEqual([
      "app",
      "authorization",
      "authorization/field:token",
      "authorization/test/request",
      "authorization/test/parameters",
      "authorization/test/errors",
      "connection:webhookUrl",
    ]);
    const click = plan.triggers.find((trigger) => trigger.trigger.code === "emailLinkClicked")!;
    expect(triggerSteps(click).map((step) => step.id)).toEqual([
      "trigger:emailLinkClicked",
      "trigger:emailLinkClicked/response",
      ...click.trigger.fields.map((field) => `trigger:emailLinkClicked/field:${field.code}`),
      "trigger:emailLinkClicked/filter",
    ]);
  });

  it("gives every step a unique id and every manifest field exactly one step, with its code, names, type and mapping", () => {
    expect(new Set(steps.map((step) => step.id)).size).toBe(steps.length);
    for (const trigger of manifest.triggers) {
      const fieldSteps = plan.triggers.find((candidate) => candidate.trigger.code === trigger.code)!.fields;
      expect(fieldSteps).toHaveLength(trigger.fields.length);
      trigger.fields.forEach((field, index) => {
        const values = fieldSteps[index]!.entries.map((entry) => entry.value);
        expect(values).toEqual(expect.arrayContaining([field.code, field.names.en, field.names.ru, field.type, field.path]));
        expect(fieldSteps[index]!.block).toBe(field.block);
      });
    }
  });

  it("adds the gear a type calls for: DateTime format and zone, the separator of an array, the phone format", () => {
    const click = plan.triggers.find((trigger) => trigger.trigger.code === "emailLinkClicked")!;
    const labels = (code: string) => click.fields.find((step) => step.id.endsWith(`field:${code}`))!.entries.map((entry) => entry.label.en);
    expect(labels("eventDate")).toEqual(expect.arrayContaining(["Gear: source format", "Gear: time zone"]));
    expect(labels("subscriptionChannel")).toContain("Gear: separator");
    expect(labels("customDataPhone")).toContain("Gear: phone format");
    expect(labels("eventDataLinkUrl").filter((label) => label.startsWith("Gear"))).toEqual([]);
    const separator = click.fields.find((step) => step.id.endsWith("field:subscriptionChannel"))!.entries.find((entry) => entry.label.en === "Gear: separator");
    expect(separator?.value).toBe(", ");
  });

  it("says the filter, the response settings and the provisional note as the manifest has them", () => {
    for (const trigger of plan.triggers) {
      expect(trigger.filter.entries.map((entry) => entry.value)).toEqual(["data.event_type", "equal", trigger.trigger.eventType]);
      expect(trigger.response.entries.map((entry) => entry.value)).toEqual(["JSON", { en: "Yes", ru: "Да" }, ""]);
      expect(trigger.create.note === undefined).toBe(trigger.trigger.eventTypeConfirmed);
    }
    expect(plan.triggers.find((trigger) => !trigger.trigger.eventTypeConfirmed)?.create.note?.en).toContain("promocode_attach");
  });

  it("puts wave 1 (the registry's core events) first and keeps the manifest's order within a wave", () => {
    expect(plan.triggers.map((trigger) => [trigger.wave, trigger.trigger.code])).toEqual([
      [1, "emailLinkClicked"],
      [1, "promoCodeAssigned"],
    ]);
    const clickNotCore = REGISTRY.map((info) => (info.type === "click" ? { ...info, core: false } : info));
    expect(setupPlan(manifest, clickNotCore).triggers.map((trigger) => [trigger.wave, trigger.trigger.code])).toEqual([
      [1, "promoCodeAssigned"],
      [2, "emailLinkClicked"],
    ]);
  });

  it("counts entries, fields and triggers the way the steps hold them", () => {
    expect(plan.totals.entries).toBe(steps.reduce((sum, step) => sum + step.entries.length, 0));
    expect(plan.totals.fields).toBe(manifest.triggers.reduce((sum, trigger) => sum + trigger.fields.length, 0));
    expect(plan.totals.triggers).toBe(manifest.triggers.length);
    expect(plan.totals.lists).toBe(manifest.lists.length);
    expect(plan.totals.actions).toBe(manifest.actions.length);
    expect(plan.totals.actionFields).toBe(manifest.actions.reduce((sum, action) => sum + action.fields.length, 0));
    expect(plan.totals.minutes).toEqual(estimateMinutes(plan.totals.entries, manifest.triggers.length + manifest.lists.length + manifest.actions.length));
  });

  it("is the same for the same manifest, and keeps every id when only a label changes", () => {
    expect(JSON.stringify(setupPlan(derive().manifest, REGISTRY))).toBe(JSON.stringify(plan));
    const connector = fixtureConnector();
    connector.locales.en.fields["event_data.link_url"] = "Clicked link";
    const relabelled = integratorSteps(setupPlan(derive(connector).manifest, REGISTRY));
    expect(relabelled.map((step) => step.id)).toEqual(steps.map((step) => step.id));
    const changed = relabelled.filter((step, index) => JSON.stringify(step) !== JSON.stringify(steps[index]));
    expect(changed.map((step) => step.id)).toEqual(["trigger:emailLinkClicked/field:eventDataLinkUrl"]);
  });
});

describe("estimateMinutes", () => {
  it("grows with entries and triggers, low below high", () => {
    expect(estimateMinutes(0, 0)).toEqual({ low: 0, high: 0 });
    expect(estimateMinutes(60, 0)).toEqual({ low: 8, high: 15 });
    expect(estimateMinutes(0, 2)).toEqual({ low: 3, high: 6 });
  });
});

describe("blockLayout", () => {
  it("lists each distinct block once, shares it between triggers that type the same, and names variants A, B", () => {
    const layout = blockLayout(manifest);
    const event = layout.variants.filter((variant) => variant.block === "event");
    // emailLinkClicked has the link URL and the date; promoCodeAssigned the code and the date.
    expect(event.map((variant) => [variant.id, variant.names.en, variant.triggers])).toEqual([
      ["event", "Event A", ["emailLinkClicked"]],
      ["event-2", "Event B", ["promoCodeAssigned"]],
    ]);
    const recipient = layout.variants.filter((variant) => variant.block === "recipient");
    expect(recipient.map((variant) => [variant.id, variant.names.ru, variant.triggers])).toEqual([["recipient", "Получатель", ["emailLinkClicked", "promoCodeAssigned"]]]);
    for (const trigger of manifest.triggers) {
      const fields = layout.byTrigger.get(trigger.code)!.flatMap((id) => layout.variants.find((variant) => variant.id === id)!.fields);
      expect(fields.map((field) => field.code)).toEqual(trigger.fields.map((field) => field.code));
    }
  });
});
