/**
 * Shared subschemas (derive/shared-subschemas.ts): what is factored out, what is left alone, and the
 * property that matters — the generated validators, which compile each shared part once, report exactly
 * the errors (instance path, schema path, keyword, params, message) of a validator compiled from the
 * inlined schema, on the samples and on thousands of seeded mutations of them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { validatorsFromSource } from "../scripts/build/samples.js";
import { factorSharedSubschemas, schemaPathSegment } from "../scripts/derive/shared-subschemas.js";
import { generateValidators, newAjv, validationSchema } from "../scripts/derive/validators.js";
import type { JsonSchema } from "../scripts/load/json-schema.js";
import { loadSchemas, type LoadedSchemas } from "../scripts/load/schemas.js";
import type { AjvError } from "../scripts/runtime/messages.js";
import { root, validSamples } from "./fixtures/validate/build.js";
import { mutations } from "./fixtures/validate/mutations.js";

const envelope = {
  type: "object",
  required: ["id", "data"],
  properties: {
    id: { type: "integer" },
    tags: { type: "array", items: { type: "object", properties: { name: { type: "string" } } } },
  },
} satisfies JsonSchema;

/** An event schema: the envelope plus its own `kind` constant and `data`. */
function event(kind: string, data: JsonSchema): JsonSchema {
  return { ...envelope, properties: { ...envelope.properties, kind: { const: kind }, data } };
}

const tracking: JsonSchema = { type: "object", properties: { ip: { type: "string" }, lat: { type: "number" } } };

describe("factorSharedSubschemas", () => {
  it("moves properties several event schemas share into one core per set of sharers, and leaves each schema its own", () => {
    const factored = factorSharedSubschemas(
      new Map([
        ["a", event("a", tracking)],
        ["b", event("b", tracking)],
        ["c", event("c", { type: "object", properties: { ip: { type: "string" }, url: { type: "string" } } })],
      ]),
    );
    const byId = new Map(factored.shared.map((part) => [part.id, part]));
    const a = factored.events.get("a")!;
    const c = factored.events.get("c")!;
    // Root: the envelope's properties are in all three (one core); `data` is whole in a and b (a ref).
    expect(a.type).toBe("object");
    expect(a.properties).toEqual({ kind: { const: "a" } });
    expect(a.allOf).toHaveLength(2);
    const envelopeCore = byId.get(a.allOf![0]!.$ref!)!;
    expect(envelopeCore).toMatchObject({ pointer: "", schema: { required: ["id"], properties: envelope.properties } });
    const aCore = byId.get(a.allOf![1]!.$ref!)!;
    expect(aCore.schema).toEqual({ required: ["data"], properties: { data: tracking } });
    expect(factored.events.get("b")!.allOf![1]!.$ref).toBe(aCore.id);
    // c shares only the envelope at the root; its data is split: `ip` in a core (shared with a and b), `url` its own.
    expect(c.$ref).toBe(envelopeCore.id);
    expect(c.required).toEqual(["data"]);
    const cData = c.properties!.data!;
    expect(cData.type).toBe("object");
    expect(cData.properties).toEqual({ url: { type: "string" } });
    expect(byId.get(cData.$ref!)).toMatchObject({ pointer: "/properties/data", schema: { properties: { ip: { type: "string" } } } });
    expect(factored.shared.map((part) => part.id)).toEqual([...new Set(factored.shared.map((part) => part.id))]);
  });

  it("shares a subtree only at the same pointer, and leaves a schema with nothing in common as it is", () => {
    const one: JsonSchema = { type: "object", properties: { x: tracking } };
    const two: JsonSchema = { type: "object", properties: { y: tracking } };
    const factored = factorSharedSubschemas(new Map([["one", one], ["two", two]]));
    expect(factored.shared).toEqual([]);
    expect(factored.events.get("one")).toEqual(one);
    expect(factored.events.get("two")).toEqual(two);
  });

  it("does not split an object with keywords that look at all its properties (additionalProperties and others)", () => {
    const sealed = (kind: string): JsonSchema => ({ type: "object", additionalProperties: false, properties: { kind: { const: kind }, id: { type: "integer" } } });
    const factored = factorSharedSubschemas(new Map([["a", sealed("a")], ["b", sealed("b")]]));
    expect(factored.shared).toEqual([]);
    expect(factored.events.get("a")).toEqual(sealed("a"));
  });

  it("writes pointer segments as ajv writes schema paths (~ and / escaped, then percent-encoded)", () => {
    expect(schemaPathSegment("event_data")).toBe("event_data");
    expect(schemaPathSegment("a/b~c d")).toBe("a~1b~0c%20d");
  });
});

/** Stand-in loaded schemas: what generateValidators reads of them. */
function loaded(events: Record<string, JsonSchema>): LoadedSchemas {
  const entries = Object.entries(events).map(([type, resolved]) => [type, { document: { file: `${type}.schema.json` }, resolved }] as const);
  return { events: new Map(entries) } as unknown as LoadedSchemas;
}

/** The errors of a validator as comparable strings, in a fixed order. */
function errorsOf(errors: AjvError[] | null | undefined): string[] {
  return (errors ?? [])
    .map(({ instancePath, schemaPath, keyword, params, message }) => JSON.stringify({ instancePath, schemaPath, keyword, params, message }))
    .sort();
}

describe("schema paths of errors in shared parts", () => {
  it("are the paths in the inlined schema, also under property names that need escaping", () => {
    // additionalProperties keeps the roots whole, so the odd-named subtree is shared as a whole.
    const odd: JsonSchema = { type: "object", properties: { "a/b c~": { type: "object", required: ["n"], properties: { n: { type: "integer" } } } } };
    const events: Record<string, JsonSchema> = { x: { ...odd, additionalProperties: true }, y: { ...odd, additionalProperties: { type: "string" } } };
    expect(factorSharedSubschemas(new Map(Object.entries(events))).shared.map((part) => part.pointer)).toEqual(["/properties/a~1b%20c~0"]);
    const modules = generateValidators(loaded(events));
    const ajv = newAjv();
    for (const [type, schema] of Object.entries(events)) {
      const generated = validatorsFromSource(modules.get(type)!).tolerant;
      const reference = ajv.compile(schema);
      for (const value of [{ "a/b c~": { n: "1" } }, { "a/b c~": {} }, { "a/b c~": 5 }]) {
        expect(generated(value)).toBe(false);
        expect(reference(value)).toBe(false);
        expect(errorsOf(generated.errors)).toEqual(errorsOf(reference.errors));
        expect(generated.errors![0]!.schemaPath).toMatch(/^#\/properties\/a~1b%20c~0\//);
      }
    }
  });
});

describe("the generated validators", () => {
  let schemas: LoadedSchemas;
  let modules: Map<string, string>;
  beforeAll(async () => {
    schemas = await loadSchemas(root);
    modules = generateValidators(schemas);
  }, 120_000);

  it("share the envelope: every event schema's validator calls one compiled core for it", () => {
    const inlined = new Map([...schemas.events].map(([type, loaded]) => [type, validationSchema(loaded.resolved)]));
    const factored = factorSharedSubschemas(inlined);
    const rootCores = [...factored.events.values()].map((schema) => schema.$ref ?? schema.allOf?.[0]?.$ref);
    expect(new Set(rootCores).size).toBe(1);
    const core = factored.shared.find((part) => part.id === rootCores[0])!;
    expect(Object.keys(core.schema.properties!)).toEqual(expect.arrayContaining(["event_date", "account_id", "custom_data", "subscription"]));
    expect(factored.shared.length).toBeLessThan(schemas.events.size);
  });

  it("report exactly the errors of the inlined schema, on every sample and on 3,000 mutated events", () => {
    const ajv = newAjv();
    const reference = new Map([...schemas.events].map(([type, loaded]) => [type, ajv.compile(validationSchema(loaded.resolved))]));
    const generated = new Map([...modules].map(([type, source]) => [type, validatorsFromSource(source).tolerant]));
    const cases: Array<{ type: string; event: unknown; label: string }> = [
      ...validSamples().map((sample) => ({ type: sample.type, event: sample.event, label: sample.file })),
      ...mutations(schemas, 1500, 7).map((m, i) => ({ type: m.sample.type, event: m.event, label: `mutation ${i}` })),
      ...mutations(schemas, 1500, 8, 3).map((m, i) => ({ type: m.sample.type, event: m.event, label: `triple mutation ${i}` })),
      ...[null, [], "click", 7].map((event) => ({ type: "click", event, label: JSON.stringify(event) })),
    ];
    let failing = 0;
    for (const { type, event, label } of cases) {
      const expected = reference.get(type)!;
      const actual = generated.get(type)!;
      const valid = expected(event);
      expect(actual(event), label).toBe(valid);
      expect(errorsOf(actual.errors), label).toEqual(errorsOf(expected.errors));
      if (!valid) failing++;
    }
    // The mutations did break things, at every depth the schemas have.
    expect(failing).toBeGreaterThan(2900);
  });
});
