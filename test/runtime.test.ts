/**
 * The library entry as built (dist/scripts/index.js, which loads dist/generated/validators.cjs): problems by
 * kind, plain messages, strict mode, batches, forced event types.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type * as Library from "../scripts/index.js";
import { importDist, validSamples } from "./fixtures/validate/build.js";

let lib: typeof Library;

beforeAll(async () => {
  lib = await importDist<typeof Library>("index.js");
}, 300_000);

function sample(type: string, name = "full.json"): Record<string, unknown> {
  const found = validSamples().find((s) => s.type === type && s.name === name);
  if (!found) throw new Error(`no sample ${type}/${name}`);
  return structuredClone(found.event);
}

describe("validateEvent", () => {
  it("accepts every valid sample; strict mode too, except samples made to carry extra fields", () => {
    for (const { file, name, event } of validSamples()) {
      expect(lib.validateEvent(event), file).toEqual([]);
      expect(lib.isAltcraftEvent(event), file).toBe(true);
      const strict = lib.validateEvent(event, { strict: true });
      if (name.startsWith("extra-fields")) {
        expect(strict.length, file).toBeGreaterThan(0);
        expect(new Set(strict.map((p) => p.keyword)), file).toEqual(new Set(["unevaluatedProperties"]));
      } else {
        expect(strict, file).toEqual([]);
      }
    }
  });

  it("says what was expected and what was found", () => {
    const event = sample("click");
    event.account_id = "23";
    event.event_date = "2024-05-14 09:00:01";
    delete event.is_test;
    (event.event_data as Record<string, unknown>).lat = "55.75";
    const problems = lib.validateEvent(event);
    const byPointer = Object.fromEntries(problems.map((p) => [`${p.pointer} ${p.keyword}`, p]));
    expect(byPointer["/account_id type"]).toMatchObject({
      kind: "schema",
      eventType: "click",
      message: 'must be an integer, found string "23"',
      schemaPath: "schemas/common/envelope.schema.json#/properties/account_id/type",
    });
    expect(byPointer[" required"]?.message).toBe('missing required property "is_test"');
    expect(byPointer["/event_date format"]?.message).toBe(
      'must be an RFC 3339 date-time with up to 9 fraction digits (like 2024-05-14T09:00:01.120443512Z), found "2024-05-14 09:00:01"',
    );
    expect(byPointer["/event_data/lat type"]?.message).toBe('must be a number, found string "55.75"');
    expect(lib.isAltcraftEvent(event)).toBe(false);
  });

  it("describes nullable types and non-string values", () => {
    const event = sample("deliv");
    event.list_id = 111.5;
    event.custom_data = [1];
    const messages = lib.validateEvent(event).map((p) => `${p.pointer}: ${p.message}`);
    expect(messages).toContain("/list_id: must be an integer or null, found number 111.5");
    expect(messages).toContain("/custom_data: must be an object or null, found an array of 1");
  });

  it("reports what is not an event, by kind", () => {
    for (const value of [null, 5, "click", [], true]) {
      const [problem, ...rest] = lib.validateEvent(value);
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({ kind: "notAnEvent", pointer: "", keyword: "type" });
    }
    expect(lib.validateEvent({ account_id: 1 })).toEqual([
      { kind: "noEventType", pointer: "", keyword: "required", message: 'missing required property "event_type"' },
    ]);
    expect(lib.validateEvent({ event_type: 7 })).toEqual([
      { kind: "noEventType", pointer: "/event_type", keyword: "type", message: "must be a string, found number 7" },
    ]);
  });

  it("reports an unknown event type once, with a suggestion when one is close", () => {
    const event = sample("open");
    event.event_type = "open_email";
    expect(lib.validateEvent(event)).toEqual([
      {
        kind: "unknownEventType",
        eventType: "open_email",
        pointer: "/event_type",
        keyword: "unknownEventType",
        message: 'unknown event type "open_email" (not one of the 37 types Altcraft sends; did you mean "open"?)',
      },
    ]);
    event.event_type = "totally_else";
    expect(lib.validateEvent(event)[0]?.message).toBe('unknown event type "totally_else" (not one of the 37 types Altcraft sends)');
  });

  it("checks against a named event type when asked, as a trigger for that type would", () => {
    const event = sample("uopen");
    expect(lib.validateEvent(event)).toEqual([]);
    const problems = lib.validateEvent(event, { eventType: "open" });
    expect(problems.map((p) => [p.pointer, p.keyword, p.message])).toEqual([
      ["/event_type", "const", 'must be "open", found string "uopen"'],
    ]);
  });

  it("strict mode reports undeclared properties at their own pointer, but not inside open objects", () => {
    const event = sample("click");
    event.new_top_level = 1;
    (event.event_data as Record<string, unknown>).new_in_data = "x";
    (event.custom_data as Record<string, unknown>).loyalty_level = "gold";
    expect(lib.validateEvent(event)).toEqual([]);
    const problems = lib.validateEvent(event, { strict: true });
    expect(problems.map((p) => [p.pointer, p.keyword])).toEqual([
      ["/event_data/new_in_data", "unevaluatedProperties"],
      ["/new_top_level", "unevaluatedProperties"],
    ]);
    expect(problems[1]?.message).toBe('unknown property "new_top_level" (not in the schema; reported in strict mode)');
  });

  it("loads each type's validators once and keeps them", () => {
    const first = lib.validateEvent(sample("send_sms"));
    const second = lib.validateEvent(sample("send_sms"));
    expect(first).toEqual([]);
    expect(second).toEqual([]);
  });
});

describe("validateBatch", () => {
  it("gives each element's problems its index, and an empty list for a valid batch", () => {
    const batch = [sample("send"), sample("deliv"), sample("click")];
    expect(lib.validateBatch(batch)).toEqual([]);
    (batch[1] as Record<string, unknown>).is_test = "false";
    batch.push(42 as never);
    const problems = lib.validateBatch(batch);
    expect(problems.map((p) => ["index" in p ? p.index : undefined, p.pointer, p.keyword])).toEqual([
      [1, "/is_test", "type"],
      [3, "", "type"],
    ]);
  });

  it("reports a batch that is not an array", () => {
    expect(lib.validateBatch({ event_type: "click" })).toEqual([
      { kind: "notABatch", pointer: "", keyword: "type", message: "must be an array of events, found an object" },
    ]);
  });
});

describe("the registry export", () => {
  it("lists 37 event types and marks the provisional ones", () => {
    expect(lib.EVENT_TYPES).toHaveLength(37);
    expect(lib.provisionalEventTypes().sort()).toEqual([
      "deliv_push",
      "launch",
      "pixel_open",
      "promocode_activate",
      "promocode_attach",
    ]);
  });
});
