/** The change-only setup: just the steps that turn the published manifest into this one, in the screens' order, each with its impact. */
import { describe, expect, it } from "vitest";
import { manifestChanges } from "../scripts/derive/changes/classify.js";
import { changePlan } from "../scripts/derive/setup/changes.js";
import { renderChangesGuide, renderChangesGuides } from "../scripts/derive/setup/markdown-changes.js";
import { setupPlan, triggerSteps } from "../scripts/derive/setup/plan.js";
import type { Manifest } from "../scripts/model/manifest.js";
import { derive, fixtureConnector, REGISTRY } from "./fixtures/build/definition.js";

const before = derive().manifest;

function planFor(after: Manifest) {
  return changePlan(before, after, manifestChanges(before, after), REGISTRY);
}

/** A copy of the fixture manifest, changed by `edit`, at another version. */
function edited(edit: (manifest: Manifest) => void, version = "1.3.0"): Manifest {
  const manifest = structuredClone(before);
  manifest.app.version = version;
  edit(manifest);
  return manifest;
}

describe("changePlan", () => {
  it("has no step when nothing an Albato user sees changed", () => {
    const plan = planFor(edited(() => undefined, "1.2.4"));
    expect(plan.steps).toEqual([]);
    expect(plan.entries).toBe(0);
    expect(renderChangesGuide(plan, before, "en")).toContain("Nothing to change in the App Integrator.");
  });

  it("for a new trigger, gives all of its steps, with the same entries as the full setup", () => {
    const connector = fixtureConnector();
    const added = derive(connector).manifest;
    const without = structuredClone(added);
    without.triggers = without.triggers.filter((trigger) => trigger.code !== "promoCodeAssigned");
    const plan = changePlan(without, added, manifestChanges(without, added), REGISTRY);
    const full = setupPlan(added, REGISTRY).triggers.find((trigger) => trigger.trigger.code === "promoCodeAssigned")!;
    expect(plan.steps.map((step) => step.id)).toEqual(triggerSteps(full).map((step) => `change:${step.id}`));
    expect(plan.steps.map((step) => step.entries)).toEqual(triggerSteps(full).map((step) => step.entries));
    expect(plan.entries).toBe(triggerSteps(full).reduce((sum, step) => sum + step.entries.length, 0));
    expect(plan.steps[0]!.impact.en).toContain("new automations; existing automations do not change");
  });

  it("says a field code cannot be edited: delete and add again, and what that does to automations", () => {
    const plan = planFor(
      edited((manifest) => {
        manifest.triggers[0]!.fields.find((field) => field.path === "data.event_data.link_url")!.code = "linkUrl";
      }, "2.0.0"),
    );
    expect(plan.steps).toHaveLength(1);
    const [step] = plan.steps;
    expect(step!.id).toBe("change:trigger:emailLinkClicked/field:linkUrl/recode");
    expect(step!.instruction.en).toBe("A field code cannot be edited in the App Integrator: delete the field eventDataLinkUrl and add it again with the code linkUrl, then map it.");
    expect(step!.instruction.ru).toContain("Код поля в App Integrator изменить нельзя");
    expect(step!.entries.map((entry) => entry.value)).toContain("linkUrl");
    expect(step!.impact.en).toContain("empty value until they map the new one");
  });

  it("enters only the texts that changed, and orders the steps app, connection, then trigger by trigger in field order", () => {
    const after = edited((manifest) => {
      manifest.app.descriptions.en = "New description.";
      manifest.connectionFields[0]!.hints.ru = "Новая подсказка.";
      const click = manifest.triggers[0]!;
      click.names.ru = "Клик по ссылке";
      click.fields.find((field) => field.path === "data.event_date")!.names.en = "Date";
      click.fields.find((field) => field.path === "data.event_data.link_url")!.names.en = "Link";
      manifest.triggers[1]!.fields = manifest.triggers[1]!.fields.filter((field) => field.path !== "data.event_data.code");
    }, "2.0.0");
    const plan = planFor(after);
    expect(plan.steps.map((step) => step.id)).toEqual([
      "change:app",
      "change:connection:webhookUrl",
      "change:trigger:emailLinkClicked",
      "change:trigger:emailLinkClicked/field:eventDataLinkUrl/names",
      "change:trigger:emailLinkClicked/field:eventDate/names",
      "change:trigger:promoCodeAssigned/field:eventDataCode/delete",
    ]);
    expect(plan.steps[0]!.entries.map((entry) => [entry.label.en, entry.value])).toEqual([["Description in English", "New description."]]);
    expect(plan.steps[1]!.entries.map((entry) => [entry.label.en, entry.value])).toEqual([["Hint in Russian", "Новая подсказка."]]);
    expect(plan.steps[2]!.entries.map((entry) => [entry.label.en, entry.value])).toEqual([["Name in Russian", "Клик по ссылке"]]);
    expect(plan.steps[5]!.impact.en).toContain("get an empty value from then on");
    expect(plan.entries).toBe(plan.steps.reduce((sum, step) => sum + step.entries.length, 0));
  });

  it("gives a removed trigger one delete step and a changed filter the whole filter", () => {
    const plan = planFor(
      edited((manifest) => {
        manifest.triggers[0]!.filter.all[0]!.value = "clicked";
        manifest.triggers.pop();
      }, "2.0.0"),
    );
    expect(plan.steps.map((step) => [step.id, step.entries.length])).toEqual([
      ["change:trigger:emailLinkClicked/filter", 3],
      ["change:trigger:promoCodeAssigned/delete", 0],
    ]);
    expect(plan.steps[1]!.instruction.en).toBe("Delete the trigger.");
  });

  it("gives fields in a new order one Sorting step with every position", () => {
    const after = edited((manifest) => manifest.triggers[0]!.fields.reverse(), "1.2.4");
    const plan = planFor(after);
    expect(plan.steps.map((step) => step.id)).toEqual(["change:trigger:emailLinkClicked/order"]);
    expect(plan.steps[0]!.entries.map((entry) => entry.value)).toEqual(after.triggers[0]!.fields.map((field) => field.code));
    expect(plan.steps[0]!.entries[0]!.label).toEqual({ en: "Position 1", ru: "Позиция 1" });
  });

  it("for a new action, gives all of its steps; for a removed one, one delete step", () => {
    const withoutFirst = structuredClone(before);
    withoutFirst.actions.shift();
    const added = changePlan(withoutFirst, before, manifestChanges(withoutFirst, before), REGISTRY);
    const action = before.actions[0]!;
    expect(added.steps[0]!.id).toBe(`change:action:${action.code}`);
    expect(added.steps[0]!.instruction.en).toBe("Create the action.");
    expect(added.steps.every((step) => step.id.startsWith(`change:action:${action.code}`))).toBe(true);
    expect(added.steps.length).toBe(1 + action.fields.length + 4);
    const removed = changePlan(before, withoutFirst, manifestChanges(before, withoutFirst), REGISTRY);
    expect(removed.steps.map((step) => [step.id, step.instruction.en])).toEqual([[`change:action:${action.code}/delete`, "Delete the action."]]);
  });

  it("for an action field with a new code, deletes the old field and adds the new one; a new parameter row re-enters the rows", () => {
    const after = edited((manifest) => {
      const action = manifest.actions[0]!;
      const field = action.fields[0]!;
      const old = field.code;
      field.code = `${old}Renamed`;
      for (const row of action.request.parameters) row.value = row.value.replace(`{{${old}}}`, `{{${field.code}}}`);
    }, "2.0.0");
    const action = after.actions[0]!;
    const plan = planFor(after);
    const ids = plan.steps.map((step) => step.id);
    expect(ids).toContain(`change:action:${action.code}/field:${action.fields[0]!.code}`);
    expect(ids).toContain(`change:action:${action.code}/field:${before.actions[0]!.fields[0]!.code}/delete`);
    expect(ids).toContain(`change:action:${action.code}/parameters`);
    expect(plan.steps.every((step) => step.impact.en.startsWith("Once the new version is published, Albato replaces the action"))).toBe(true);
  });

  it("creates a changed list anew, naming the fields to repoint, since a list cannot be changed", () => {
    const after = edited((manifest) => {
      manifest.lists[0]!.names.en = "Databases";
    }, "1.2.4");
    const plan = planFor(after);
    const list = after.lists[0]!;
    expect(plan.steps.map((step) => step.id)).toEqual([`change:list:${list.code}/recreate`]);
    const users = after.actions.flatMap((action) => action.fields.filter((field) => field.list === list.code).map((field) => `${action.code}.${field.code}`));
    expect(plan.steps[0]!.instruction.en).toContain("A list cannot be changed once created");
    for (const user of users) expect(plan.steps[0]!.instruction.en).toContain(user);
    expect(plan.steps[0]!.entries.map((entry) => entry.value)).toContain("Databases");
  });

  it("gives a changed authorization field hint its own step, before the connection fields", () => {
    const after = edited((manifest) => {
      manifest.authorization.fields[0]!.hints.en = "Create a token under Settings → Tokens.";
      manifest.connectionFields[0]!.hints.en = "New hint.";
    }, "1.2.4");
    const plan = planFor(after);
    expect(plan.steps.map((step) => step.id)).toEqual(["change:authorization/field:token", "change:connection:webhookUrl"]);
    expect(plan.steps[0]!.entries.map((entry) => entry.value)).toEqual(["Create a token under Settings → Tokens."]);
  });

  it("renders a guide per locale with the versions, the steps in order, their values and impacts", () => {
    const after = edited((manifest) => {
      manifest.triggers[0]!.fields.find((field) => field.path === "data.event_date")!.names.ru = "Дата";
    }, "1.2.4");
    const plan = planFor(after);
    const guides = renderChangesGuides(plan, after);
    expect([...guides.keys()]).toEqual(["SETUP.changes.en.md", "SETUP.changes.ru.md"]);
    const en = guides.get("SETUP.changes.en.md")!;
    expect(en).toContain("changes from 1.2.3 to 1.2.4");
    expect(en).toContain("**1 step, 2 form entries.**");
    expect(guides.get("SETUP.changes.ru.md")).toContain("**1 шаг, 2 значения для ввода.**");
    expect(en).toContain("- [ ] **1. Email link clicked: Event date** Fields tab: enter the field's new names.");
    expect(en).toContain("| Name in Russian | `Дата` |");
    expect(guides.get("SETUP.changes.ru.md")).toContain("_Существующие связки:_ Пользователи увидят новые тексты");
  });
});
