/** Build-time side of validation: the declared-keys tree strict mode walks, the standalone validators module, and the generate step. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declaredKeys } from "../scripts/derive/declared-keys.js";
import { generateValidatorsModule } from "../scripts/derive/validators.js";
import { CannotRunError } from "../scripts/errors.js";
import { eventSchemaId, type JsonSchema } from "../scripts/load/json-schema.js";
import { loadSchemas, type LoadedSchemas } from "../scripts/load/schemas.js";
import { FORMATS } from "../scripts/runtime/formats.js";
import type { CreateValidators, ValidatorsModule } from "../scripts/runtime/load-validators.js";
import { generate } from "../scripts/toolchain/generate.js";
import { problemPointer, schemaMessage } from "../scripts/runtime/messages.js";
import type { DeclaredNode } from "../scripts/runtime/undeclared.js";
import { undeclaredProperties } from "../scripts/runtime/undeclared.js";
import { root } from "./fixtures/validate/build.js";

let schemas: LoadedSchemas;
let moduleText: string;
let loaded: ValidatorsModule;
let dir: string;

beforeAll(async () => {
  schemas = await loadSchemas(root);
  moduleText = generateValidatorsModule(schemas);
  dir = mkdtempSync(join(tmpdir(), "validate-generate-"));
  writeFileSync(join(dir, "validators.cjs"), moduleText);
  loaded = (createRequire(join(root, "package.json"))(join(dir, "validators.cjs")) as CreateValidators)(FORMATS);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("declaredKeys", () => {
  const schema: JsonSchema = {
    type: "object",
    additionalProperties: true,
    properties: {
      id: { type: "integer" },
      data: { type: "object", properties: { a: { type: "string" }, "we/ird~key": { type: "string" } } },
      custom: { type: "object", "x-open": true, properties: { email: { type: "string" } } },
      openWithClosedInside: { type: "object", "x-open": true, properties: { inner: { type: "object", properties: { c: { type: "string" } } } } },
      list: { type: ["array", "null"], items: { type: "object", properties: { b: { type: "integer" } } } },
      scalars: { type: "array", items: { type: "string" } },
      map: { type: "object", additionalProperties: { type: "object", properties: { c: { type: "string" } } } },
      sealed: { type: "object", additionalProperties: false, properties: { d: { type: "string" } } },
      free: { type: "object" },
    },
  };
  const tree = declaredKeys(schema);

  it("closes objects that declare properties, except x-open ones, at every depth; 0 where nothing can be reported", () => {
    expect(tree).toEqual({
      properties: {
        id: 0,
        data: { properties: { a: 0, "we/ird~key": 0 } },
        custom: 0,
        openWithClosedInside: { open: 1, properties: { inner: { properties: { c: 0 } } } },
        list: { items: { properties: { b: 0 } } },
        scalars: 0,
        map: { additionalProperties: { properties: { c: 0 } } },
        // additionalProperties: false: the tolerant validator already reports extras there.
        sealed: 0,
        free: 0,
      },
    });
    expect(declaredKeys({ type: "string" })).toBe(0);
  });

  it("reports each undeclared property at its own place, members' before their object's, none in open ones", () => {
    const event = {
      zz: 1,
      id: 5,
      data: { a: "x", extra: 1, "we/ird~key": "y", "other/one~": 2 },
      custom: { loyalty: "gold", email: "a@b.c" },
      openWithClosedInside: { anything: 1, inner: { c: "x", d: 1 } },
      list: [{ b: 1 }, { b: 2, e: 3 }],
      scalars: ["a"],
      map: { k1: { c: "x" }, k2: { f: 1 } },
      sealed: { d: "x", g: 1 },
      free: { h: 1 },
      aa: 2,
    };
    expect(undeclaredProperties(event, tree).map((error) => [problemPointer(error), error.keyword, error.schemaPath])).toEqual([
      ["/data/extra", "unevaluatedProperties", "#/properties/data/unevaluatedProperties"],
      ["/data/other~1one~0", "unevaluatedProperties", "#/properties/data/unevaluatedProperties"],
      ["/openWithClosedInside/inner/d", "unevaluatedProperties", "#/properties/openWithClosedInside/properties/inner/unevaluatedProperties"],
      ["/list/1/e", "unevaluatedProperties", "#/properties/list/items/unevaluatedProperties"],
      ["/map/k2/f", "unevaluatedProperties", "#/properties/map/additionalProperties/unevaluatedProperties"],
      ["/zz", "unevaluatedProperties", "#/unevaluatedProperties"],
      ["/aa", "unevaluatedProperties", "#/unevaluatedProperties"],
    ]);
    expect(schemaMessage(undeclaredProperties(event, tree).at(-1)!, event)).toBe('unknown property "aa" (not in the schema; reported in strict mode)');
  });

  it("does not look inside values of the wrong type, and reports nothing for a fully declared event", () => {
    const wrongTypes = { data: "text", list: null, map: [1, { f: 1 }], openWithClosedInside: [{ x: 1 }], custom: 3 };
    expect(undeclaredProperties(wrongTypes, tree)).toEqual([]);
    expect(undeclaredProperties([{ zz: 1 }], tree)).toEqual([]);
    expect(undeclaredProperties(null, tree)).toEqual([]);
    expect(undeclaredProperties({ id: 1, data: { a: "x" }, list: [{ b: 1 }] }, tree)).toEqual([]);
    expect(undeclaredProperties({ x: 1 }, 0)).toEqual([]);
  });

  it("treats only own keys as declared (no prototype names, __proto__ as a plain key)", () => {
    const schema = JSON.parse('{"type": "object", "properties": {"__proto__": {"type": "string"}}}') as JsonSchema;
    const parsed = JSON.parse(JSON.stringify(declaredKeys(schema))) as DeclaredNode;
    expect(parsed).toEqual(JSON.parse('{"properties": {"__proto__": 0}}'));
    const event = JSON.parse('{"__proto__": "x", "constructor": 1, "toString": 2}') as unknown;
    expect(undeclaredProperties(event, parsed).map((error) => error.params.unevaluatedProperty)).toEqual(["constructor", "toString"]);
  });

  it("matches the validators' property-by-property view on generated events (property-style)", () => {
    // Every sample with undeclared keys added at random places: each added key is reported once, at its own pointer.
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const [type, event] of schemas.events) {
      const declared = declaredKeys(event.resolved);
      const sample = JSON.parse(readFileSync(join(root, "schemas/samples", type, "full.json"), "utf8")) as Record<string, unknown>;
      expect(undeclaredProperties(sample, declared), type).toEqual([]);
      for (let round = 0; round < 20; round++) {
        const copy = structuredClone(sample);
        const added: string[] = [];
        const visit = (value: unknown, node: DeclaredNode, pointer: string): void => {
          if (node === 0 || typeof value !== "object" || value === null) return;
          if (Array.isArray(value)) {
            value.forEach((item, index) => node.items !== undefined && visit(item, node.items, `${pointer}/${index}`));
            return;
          }
          for (const [key, child] of Object.entries(value)) {
            const next = node.properties?.[key] ?? node.additionalProperties;
            if (next !== undefined) visit(child, next, `${pointer}/${key}`);
          }
          if (node.properties && node.open !== 1 && random() < 0.5) {
            const key = `added_${round}_${added.length}`;
            (value as Record<string, unknown>)[key] = random() < 0.5 ? 1 : { nested: true };
            added.push(`${pointer}/${key}`);
          }
        };
        visit(copy, declared, "");
        expect(new Set(undeclaredProperties(copy, declared).map(problemPointer)), type).toEqual(new Set(added));
        expect(undeclaredProperties(copy, declared)).toHaveLength(added.length);
      }
    }
  });
});

describe("generateValidatorsModule", () => {
  it("writes one CommonJS factory for every event type that needs nothing but ajv's runtime helpers", () => {
    expect(moduleText).toMatch(/^"use strict";\n\/\/ Generated by `npm run build` \(scripts\/toolchain\/generate\.ts\) from schemas\//);
    for (const [, required] of moduleText.matchAll(/require\("([^"]+)"\)/g)) expect(required).toMatch(/^ajv\/dist\/runtime\//);
    expect(Object.keys(loaded.validators)).toEqual([...schemas.events.keys()]);
    expect(Object.keys(loaded.declared)).toEqual([...schemas.events.keys()]);
  });

  it("gives validators that work when loaded with our formats, errors naming the schema file of the keyword", () => {
    const validate = loaded.validators.click!;
    const event = { event_type: "click", event_date: "2024-05-14T09:00:01.120443512Z", account_id: 23, is_test: false, event_data: {} };
    expect(validate(event)).toBe(true);
    expect(validate({ ...event, event_date: "2024-05-14T09:00:01.1204435120Z" })).toBe(false);
    expect(validate({ ...event, account_id: "23" })).toBe(false);
    expect(validate.errors!.map((error) => [error.instancePath, error.keyword, error.schemaPath])).toEqual([
      ["/account_id", "type", "schemas/common/envelope.schema.json#/properties/account_id/type"],
    ]);
    expect(validate({ ...event, event_data: { link_url: 5 } })).toBe(false);
    expect(validate.errors![0]!.schemaPath).toBe("schemas/events/click.schema.json#/properties/event_data/properties/link_url/type");
    expect(validate({ ...event, extra: 1 })).toBe(true);
    expect(loaded.declared.click).toEqual(declaredKeys(schemas.events.get("click")!.resolved));
    expect(undeclaredProperties({ ...event, extra: 1 }, loaded.declared.click!).map(problemPointer)).toEqual(["/extra"]);
  });

  it("is deterministic", () => {
    expect(generateValidatorsModule(schemas)).toBe(moduleText);
  });

  it("names the file and pointer of a format we do not check", () => {
    const click = schemas.documents.get(eventSchemaId("click"))!;
    const json = structuredClone(click.json);
    json.properties!.x = { type: "string", format: "hostname" };
    const broken: LoadedSchemas = { documents: new Map([...schemas.documents, [click.id, { ...click, json }]]), events: schemas.events };
    expect(() => generateValidatorsModule(broken)).toThrow(CannotRunError);
    try {
      generateValidatorsModule(broken);
    } catch (error) {
      expect((error as CannotRunError).place).toEqual({ file: "schemas/events/click.schema.json", pointer: "/properties/x/format" });
      expect((error as CannotRunError).message).toMatch(/^unknown "format" "hostname"/);
    }
  });
});

describe("generate (the step of npm run build before tsc)", () => {
  it("writes the validators and the types, then only what changed", async () => {
    const project = join(dir, "project");
    mkdirSync(project);
    cpSync(join(root, "schemas"), join(project, "schemas"), { recursive: true });
    expect(await generate(project, { types: true })).toEqual(["dist/generated/validators.cjs", "scripts/generated/events.ts", "scripts/generated/api.ts"]);
    expect(readFileSync(join(project, "scripts/generated/events.ts"), "utf8")).toBe(readFileSync(join(root, "scripts/generated/events.ts"), "utf8"));
    expect(readFileSync(join(project, "scripts/generated/api.ts"), "utf8")).toBe(readFileSync(join(root, "scripts/generated/api.ts"), "utf8"));
    expect(readFileSync(join(project, "dist/generated/validators.cjs"), "utf8")).toBe(moduleText);
    expect(await generate(project, { types: true })).toEqual([]);
    writeFileSync(join(project, "scripts/generated/events.ts"), "// edited\n");
    expect(await generate(project, { types: false })).toEqual([]);
    expect(await generate(project, { types: true })).toEqual(["scripts/generated/events.ts"]);
    expect(readdirSync(join(project, "dist/generated"))).toEqual(["validators.cjs"]);
    expect(readdirSync(join(project, "scripts/generated")).sort()).toEqual(["api.ts", "events.ts"]);
  }, 120_000);
});
