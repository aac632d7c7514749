/** Build-time side of validation: the declared-keys tree strict mode walks, the standalone validator modules, and writing them. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declaredKeys } from "../scripts/derive/declared-keys.js";
import { generateValidators } from "../scripts/derive/validators.js";
import { writeGeneratedCode } from "../scripts/derive/write-generated.js";
import { CannotRunError } from "../scripts/errors.js";
import { loadSchemas, type LoadedSchemas } from "../scripts/load/schemas.js";
import type { JsonSchema } from "../scripts/load/json-schema.js";
import { FORMATS } from "../scripts/runtime/formats.js";
import { problemPointer, schemaMessage } from "../scripts/runtime/messages.js";
import type { DeclaredNode } from "../scripts/runtime/undeclared.js";
import { undeclaredProperties } from "../scripts/runtime/undeclared.js";
import { root } from "./fixtures/validate/build.js";

let schemas: LoadedSchemas;
let modules: Map<string, string>;
let dir: string;

beforeAll(async () => {
  schemas = await loadSchemas(root);
  modules = generateValidators(schemas);
  dir = mkdtempSync(join(tmpdir(), "validate-generate-"));
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

describe("generateValidators", () => {
  it("writes one CommonJS factory per event type that needs nothing but ajv's runtime helpers", () => {
    expect([...modules.keys()]).toEqual([...schemas.events.keys()]);
    for (const [type, code] of modules) {
      expect(code, type).toMatch(/^"use strict";\n\/\/ Generated by `altcraft-albato build` from schemas\/events\//);
      for (const [, required] of code.matchAll(/require\("([^"]+)"\)/g)) expect(required, type).toMatch(/^ajv\/dist\/runtime\//);
    }
  });

  it("gives validators that work when loaded with our formats", () => {
    const path = join(dir, "click.cjs");
    writeFileSync(path, modules.get("click")!);
    const { tolerant, declared } = (createRequire(join(root, "package.json"))(path) as (formats: typeof FORMATS) => {
      tolerant: (data: unknown) => boolean;
      declared: DeclaredNode;
    })(FORMATS);
    const event = { event_type: "click", event_date: "2024-05-14T09:00:01.120443512Z", account_id: 23, is_test: false, event_data: {} };
    expect(tolerant(event)).toBe(true);
    expect(tolerant({ ...event, event_date: "2024-05-14T09:00:01.1204435120Z" })).toBe(false);
    expect(tolerant({ ...event, extra: 1 })).toBe(true);
    expect(declared).toEqual(declaredKeys(schemas.events.get("click")!.resolved));
    expect(undeclaredProperties({ ...event, extra: 1 }, declared).map(problemPointer)).toEqual(["/extra"]);
  });

  it("is deterministic", () => {
    expect(generateValidators(schemas)).toEqual(modules);
  });

  it("names the file and pointer of a format we do not check", () => {
    const click = schemas.events.get("click")!;
    const broken: LoadedSchemas = {
      documents: schemas.documents,
      events: new Map([
        ["click", { ...click, resolved: { ...click.resolved, properties: { ...click.resolved.properties, x: { type: "string", format: "hostname" } } } }],
      ]),
    };
    expect(() => generateValidators(broken)).toThrow(CannotRunError);
    expect(() => generateValidators(broken)).toThrow(
      /^schemas\/events\/click\.schema\.json \/properties\/x\/format: unknown "format" "hostname"/,
    );
  });
});

describe("writeGeneratedCode", () => {
  it("writes the types, their dist twins and the validators, then only what changed", async () => {
    const project = join(dir, "project");
    mkdirSync(project);
    cpSync(join(root, "schemas"), join(project, "schemas"), { recursive: true });
    const first = await writeGeneratedCode(project, schemas);
    expect(first).toContain("scripts/generated/events.ts");
    expect(first).toContain("dist/scripts/generated/events.d.ts");
    expect(first).toContain("dist/generated/validators/click.cjs");
    expect(first).toHaveLength(3 + schemas.events.size);
    expect(readFileSync(join(project, "scripts/generated/events.ts"), "utf8")).toBe(readFileSync(join(root, "scripts/generated/events.ts"), "utf8"));
    expect(readFileSync(join(project, "dist/scripts/generated/events.js"), "utf8")).toBe("export {};\n");
    // Nothing else is rewritten; a validator of an event type that no longer exists is removed.
    writeFileSync(join(project, "dist/generated/validators/gone.cjs"), "");
    expect(await writeGeneratedCode(project, schemas)).toEqual(["dist/generated/validators/gone.cjs"]);
    expect(existsSync(join(project, "dist/generated/validators/gone.cjs"))).toBe(false);
  }, 120_000);
});
