/** Fields from event schemas: flattening, arrays, open objects, exclusions, types, order, sources. */
import { describe, expect, it } from "vitest";
import { deriveFields, mappingPath, pointerOfPath, schemaPath } from "../scripts/derive/fields.js";
import { fieldRules } from "../scripts/derive/field-rules.js";
import type { EventTypeInfo } from "../scripts/event-types.js";
import { scalarTypeOf } from "../scripts/derive/field-types.js";
import type { JsonSchema } from "../scripts/load/json-schema.js";
import { eventSchema, fixtureEvents, fixturePolicy, fixtureRules, schemaOrderRules } from "./fixtures/build/definition.js";

const click = fixtureEvents().get("click")!;

function follow(schema: JsonSchema, pointer: string): JsonSchema | undefined {
  let node: unknown = schema;
  for (const key of pointer.split("/").slice(1)) node = (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")];
  return node as JsonSchema | undefined;
}

describe("deriveFields", () => {
  const result = deriveFields(click, fixtureRules({ "event_data.ip": "Personal data." }));
  const byPath = new Map(result.fields.map((field) => [field.path, field]));

  it("flattens nested objects and orders the fields as the policy's blocks list them, whatever the schema's order", () => {
    expect(result.fields.map((field) => [field.block, field.path])).toEqual([
      ["event", "event_data.link_url"],
      ["event", "event_date"],
      ["recipient", "custom_data.email"],
      ["recipient", "custom_data.phone"],
      ["message", "event_data.campaign_id"],
      ["message", "is_test"],
      ["message", "subscription[].channel"],
      ["message", "subscription[].priority"],
      ["place", "event_data.lat"],
      ["ids", "account_id"],
    ]);
  });

  it("reports a leaf the policy neither places nor excludes as unplaced, and makes no field of it", () => {
    const policy = fixturePolicy();
    policy.blocks[3]!.paths = ["event_data.ip"];
    const derived = deriveFields(click, fieldRules(policy, {}, undefined));
    expect(derived.unplaced.map((leaf) => [leaf.path, leaf.source.pointer])).toEqual([["event_data.lat", "/properties/event_data/properties/lat"]]);
    expect(derived.fields.map((field) => field.path)).not.toContain("event_data.lat");
  });

  it("lets the policy exclude a whole object, by family, and the trigger's reason win over the policy's", () => {
    const policy = fixturePolicy();
    policy.exclude.push({ path: "custom_data", reason: "Profile data.", place: { file: policy.file, line: 30 } });
    policy.excludeFor.family.tracking = [{ path: "event_data.lat", reason: "Not for tracking.", place: { file: policy.file, line: 31 } }];
    const info: EventTypeInfo = { type: "click", channel: "email", family: "tracking", confirmed: true, core: true };
    const derived = deriveFields(click, fieldRules(policy, { "event_data.lat": "Ours." }, info));
    expect(derived.excluded.map((leaf) => [leaf.path, leaf.by, leaf.reason])).toEqual([
      ["event_type", "policy", "The trigger's filter tests it."],
      ["custom_data", "policy", "Profile data."],
      ["event_data.lat", "trigger", "Ours."],
      ["subscription[].ccsub", "schema", "Keys are chosen per resource."],
    ]);
    expect(deriveFields(click, fieldRules(policy, {}, info)).excluded.find((leaf) => leaf.path === "event_data.lat")?.by).toBe("policy");
    expect(deriveFields(click, fieldRules(policy, {}, undefined)).fields.map((field) => field.path)).toContain("event_data.lat");
  });

  it("maps JSON types to Albato types (DateTime, Int, Decimal, Boolean, Phone override, arrays of object leaves)", () => {
    expect(byPath.get("event_date")?.type).toBe("DateTime");
    expect(byPath.get("account_id")?.type).toBe("Int");
    expect(byPath.get("event_data.lat")?.type).toBe("Decimal");
    expect(byPath.get("is_test")?.type).toBe("Boolean");
    expect(byPath.get("custom_data.email")?.type).toBe("String");
    expect(byPath.get("custom_data.phone")?.type).toBe("Phone");
    expect(byPath.get("subscription[].channel")?.type).toBe("StringArray");
    expect(byPath.get("subscription[].priority")?.type).toBe("IntArray");
  });

  it("records schema exclusions and the trigger's exclusions, and skips them", () => {
    expect(result.excluded).toEqual([
      expect.objectContaining({ path: "event_type", by: "policy" }),
      expect.objectContaining({ path: "event_data.ip", by: "trigger", reason: "Personal data." }),
      expect.objectContaining({ path: "subscription[].ccsub", by: "schema", reason: "Keys are chosen per resource." }),
    ]);
    expect(byPath.has("event_data.ip")).toBe(false);
    expect(result.unusedExcludes).toEqual([]);
    expect(deriveFields(click, fixtureRules({ "event_data.nope": "x" })).unusedExcludes).toEqual(["event_data.nope"]);
  });

  it("marks fields optional unless every property on the way is required", () => {
    expect(byPath.get("event_date")?.optional).toBe(false);
    expect(byPath.get("event_data.campaign_id")?.optional).toBe(false);
    expect(byPath.get("event_data.lat")?.optional).toBe(true);
    expect(byPath.get("subscription[].channel")?.optional).toBe(true);
  });

  it("gives every field a source pointer that resolves to its leaf and matches its path", () => {
    for (const field of result.fields) {
      expect(field.source.schema).toBe("schemas/events/click.schema.json");
      expect(field.source.pointer).toBe(pointerOfPath(field.path));
      const node = follow(click.resolved, field.source.pointer);
      expect(node, field.path).toBeDefined();
      expect(node?.properties).toBeUndefined();
    }
    expect(byPath.get("event_data.link_url")?.source.pointer).toBe("/properties/event_data/properties/link_url");
    expect(byPath.get("subscription[].channel")?.source.pointer).toBe("/properties/subscription/items/properties/channel");
    expect(mappingPath("subscription[].channel")).toBe("data.subscription[].channel");
    expect(schemaPath("data.event_data.ip")).toBe("event_data.ip");
  });

  it("reports leaves it cannot map instead of dropping them", () => {
    const odd = eventSchema("odd", {
      type: "object",
      properties: {
        untyped: {},
        matrix: { type: "array", items: { type: "array", items: { type: "integer" } } },
        list: { type: "array" },
        mixed: { type: ["string", "object"] },
        "a.b": { type: "string" },
        bad: { type: "string", "x-albato-type": "Email" },
        tags: { type: "array", items: { type: "string" } },
        either: { type: ["integer", "number", "null"] },
        constant: { const: 3 },
        empty: { type: "object" },
      },
    });
    const derived = deriveFields(odd, schemaOrderRules(odd));
    expect(derived.unmappable.map((leaf) => leaf.path).sort()).toEqual(["a.b", "bad", "list", "matrix", "mixed", "untyped"]);
    expect(derived.fields.map((field) => [field.path, field.type])).toEqual([
      ["tags", "StringArray"],
      ["either", "Decimal"],
      ["constant", "Int"],
    ]);
  });
});

describe("scalarTypeOf", () => {
  it("treats null as no type change and date-time strings as DateTime", () => {
    expect(scalarTypeOf({ type: ["string", "null"] })).toEqual({ type: "String" });
    expect(scalarTypeOf({ type: ["string", "null"], format: "date-time" })).toEqual({ type: "DateTime" });
    expect(scalarTypeOf({ type: "string", format: "email" })).toEqual({ type: "String" });
    expect(scalarTypeOf({ type: ["integer", "string"] })).toEqual({ type: "String" });
    expect(scalarTypeOf({ enum: ["a", "b"] })).toEqual({ type: "String" });
    expect(scalarTypeOf({ type: "null" })).toHaveProperty("unmappable");
  });
});

describe("deriveFields on generated schemas (property-style)", () => {
  /** A deterministic pseudo-random generator, so failures reproduce. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  function generate(next: () => number, depth: number, counter: { leaves: number }): JsonSchema {
    const roll = next();
    if (depth > 0 && roll < 0.3) {
      const properties: Record<string, JsonSchema> = {};
      const count = 1 + Math.floor(next() * 4);
      for (let i = 0; i < count; i++) properties[`p${i}_${Math.floor(next() * 100)}`] = generate(next, depth - 1, counter);
      return { type: "object", properties };
    }
    if (depth > 0 && roll < 0.4) {
      const item = generate(next, 0, counter);
      if (next() < 0.5) return { type: ["array", "null"], items: item };
      counter.leaves++;
      return { type: ["array", "null"], items: { type: "object", properties: { leaf: item, other: { type: "boolean" } } } };
    }
    counter.leaves++;
    const scalars: JsonSchema[] = [{ type: "integer" }, { type: "number" }, { type: "boolean" }, { type: "string" }, { type: ["string", "null"], format: "date-time" }];
    const leaf = scalars[Math.floor(next() * scalars.length)]!;
    return next() < 0.1 ? { ...leaf, "x-albato-exclude": "test" } : leaf;
  }

  it("accounts for every leaf exactly once, with valid unique paths and resolvable pointers", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const counter = { leaves: 0 };
      const schema = generate(next, 3, counter);
      const root: JsonSchema = schema.properties ? schema : { type: "object", properties: { only: schema } };
      const event = eventSchema("gen", root);
      const derived = deriveFields(event, schemaOrderRules(event));
      const paths = [...derived.fields.map((field) => field.path), ...derived.excluded.map((leaf) => leaf.path)];
      expect(new Set(paths).size, `seed ${seed}`).toBe(paths.length);
      expect(derived.unmappable, `seed ${seed}`).toEqual([]);
      expect(paths.length, `seed ${seed}`).toBe(counter.leaves);
      for (const field of derived.fields) {
        const node = follow(root, field.source.pointer);
        expect(node, `seed ${seed} ${field.path}`).toBeDefined();
        expect(field.source.pointer).toBe(pointerOfPath(field.path));
        expect(field.type.endsWith("Array")).toBe(field.path.includes("[]") || (node?.type as string[] | undefined)?.includes?.("array") === true);
      }
    }
  });
});
