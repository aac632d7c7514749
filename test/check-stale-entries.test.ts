import { describe, expect, it } from "vitest";
import { checkLeavesCovered } from "../scripts/check/leaves-covered.js";
import { checkProvisionalTypes } from "../scripts/check/provisional-types.js";
import { checkStaleEntries } from "../scripts/check/stale-entries.js";
import { deriveFields } from "../scripts/derive/fields.js";
import { updateLock } from "../scripts/derive/field-codes.js";
import { parseLock } from "../scripts/load/lock.js";
import { derive, eventSchema, fixtureConnector, schemaOrderRules } from "./fixtures/build/definition.js";

describe("checkStaleEntries", () => {
  it("warns about lock entries and labels for paths no trigger has, and excludes that name nothing", () => {
    const connector = fixtureConnector();
    connector.locales.en.fields["event_data.removed"] = "Removed";
    connector.locales.en.lines["fields.event_data.removed"] = 40;
    connector.triggers[1]!.exclude = { "event_data.nothing": "gone" };
    const fixture = derive(connector, undefined, '{\n  "event_data.removed": "eventDataRemoved"\n}\n');
    const { stale } = updateLock(fixture.lock, fixture.triggerFields.flatMap((event) => event.fields.map((field) => field.path)));
    const problems = checkStaleEntries(connector, fixture.triggerFields, fixture.lock, stale);
    expect(problems.map((problem) => [problem.rule, problem.place.file, problem.place.line])).toEqual([
      ["staleLockEntry", "connector/field-codes.lock.json", 2],
      ["staleLabel", "connector/locales/en.yaml", 40],
      ["staleExclude", "connector/triggers.yaml", 9],
    ]);
    expect(problems[0]!.message).toContain('"event_data.removed" is no field of any trigger any more');
  });

  it("is silent when everything is in use", () => {
    const fixture = derive();
    expect(checkStaleEntries(fixture.connector, fixture.triggerFields, parseLock(undefined).lock, [])).toEqual([]);
  });
});

describe("checkProvisionalTypes", () => {
  it("names every trigger whose event type is not confirmed, in one warning", () => {
    const problems = checkProvisionalTypes(derive().manifest);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^1 provisional event type .*: promocode_attach \(promoCodeAssigned\)$/);
  });
});

describe("checkLeavesCovered", () => {
  it("turns each unmappable leaf into a problem at its schema pointer, once", () => {
    const odd = eventSchema("odd", { type: "object", properties: { untyped: {} } });
    const rules = schemaOrderRules(odd);
    const problems = checkLeavesCovered([deriveFields(odd, rules), deriveFields(odd, rules)], "connector/fields.yaml");
    expect(problems).toHaveLength(1);
    expect(problems[0]!.place).toEqual({ file: "schemas/events/odd.schema.json", pointer: "/properties/untyped" });
    expect(problems[0]!.message).toContain('"untyped" cannot be an Albato field');
    expect(problems[0]!.message).toContain("x-albato-exclude");
  });
});
