/**
 * The schemas are compiled as written (load/ajv.ts: ajv resolves the `$ref`s, each referenced document is
 * compiled once). This proves it validates exactly as the inlined schemas the toolchain validated with
 * before (every `$ref` inlined, every `allOf` merged: load/resolve-refs.ts): the same validity and the
 * same instance pointers, keywords and params, on every sample and on 3,000 seeded mutations; and that
 * the build (in memory), the shipped module (`validate`, the library) and `diff` all give the same answer.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sideValidator } from "../scripts/derive/changes/sample-validator.js";
import { compileEventValidators, generateValidatorsModule } from "../scripts/derive/validators.js";
import { createAjv } from "../scripts/load/ajv.js";
import type { JsonSchema, SchemaDocument } from "../scripts/load/json-schema.js";
import { loadSchemas, type LoadedSchemas } from "../scripts/load/schemas.js";
import { FORMATS } from "../scripts/runtime/formats.js";
import type { CreateValidators, ValidateFunction } from "../scripts/runtime/load-validators.js";
import type { AjvError } from "../scripts/runtime/messages.js";
import { pointerSegments, valueAtPointer } from "../scripts/runtime/pointer.js";
import { schemaProblems } from "../scripts/runtime/validate.js";
import { root, validSamples } from "./fixtures/validate/build.js";
import { mutations } from "./fixtures/validate/mutations.js";

/** The schema without the keywords that do not validate (so the reference needs no annotation keywords). */
function validationOnly(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (["title", "description", "examples", "$comment"].includes(key) || key.startsWith("x-")) continue;
    if (key === "properties") out.properties = Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([name, child]) => [name, validationOnly(child)]));
    else if ((key === "items" || key === "additionalProperties") && typeof value === "object" && value !== null) out[key] = validationOnly(value as JsonSchema);
    else out[key] = value;
  }
  return out;
}

/**
 * What must agree: validity; the set of instance pointers, keywords and params of ajv's errors (a schema
 * that says a thing in two parts fails it twice as written); and the problems users read.
 */
function verdict(type: string, validate: ValidateFunction, event: unknown): { valid: boolean; errors: string[]; problems: string[] } {
  const valid = validate(event);
  const raw = (validate.errors ?? []) as AjvError[];
  const errors = [...new Set(raw.map(({ instancePath, keyword, params }) => JSON.stringify([instancePath, keyword, params])))].sort();
  const problems = schemaProblems(type, raw, event).map(({ pointer, keyword, message }) => `${pointer} ${keyword}: ${message}`).sort();
  return { valid, errors, problems };
}

let schemas: LoadedSchemas;
let shipped: Record<string, ValidateFunction>;
let dir: string;
const cases: Array<{ type: string; event: unknown; label: string }> = [];

beforeAll(async () => {
  schemas = await loadSchemas(root);
  dir = mkdtempSync(join(tmpdir(), "validators-as-written-"));
  writeFileSync(join(dir, "validators.cjs"), generateValidatorsModule(schemas));
  shipped = (createRequire(join(root, "package.json"))(join(dir, "validators.cjs")) as CreateValidators)(FORMATS).validators;
  cases.push(
    ...validSamples().map((sample) => ({ type: sample.type, event: sample.event, label: sample.file })),
    ...mutations(schemas, 1500, 7).map((m, i) => ({ type: m.sample.type, event: m.event, label: `mutation ${i}` })),
    ...mutations(schemas, 1500, 8, 3).map((m, i) => ({ type: m.sample.type, event: m.event, label: `triple mutation ${i}` })),
    ...[null, [], "click", 7, {}].map((event) => ({ type: "click", event, label: JSON.stringify(event) })),
  );
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the schemas compiled as written", () => {
  it("validate as the inlined schemas did, on every sample and on 3,000 mutated events", () => {
    const ajv = createAjv();
    const inlined = new Map([...schemas.events].map(([type, event]) => [type, ajv.compile(validationOnly(event.resolved)) as ValidateFunction]));
    let failing = 0;
    for (const { type, event, label } of cases) {
      const expected = verdict(type, inlined.get(type)!, event);
      expect(verdict(type, shipped[type]!, event), label).toEqual(expected);
      if (!expected.valid) failing++;
    }
    // The mutations did break things.
    expect(failing).toBeGreaterThan(2900);
  });

  it("give the same verdict in the build (in memory), in the shipped module and in diff", () => {
    const built = compileEventValidators(schemas);
    const diff = sideValidator({ label: "this tree", kind: "memory", manifest: {} as never, documents: schemas.documents, samples: new Map() });
    for (const { type, event, label } of cases) {
      const expected = verdict(type, shipped[type]!, event);
      expect(verdict(type, built.get(type)!, event), label).toEqual(expected);
      expect(diff.check(type, event).accepted, label).toBe(expected.valid);
    }
  });

  it("name the schema file and the pointer of the keyword that failed, which exist", () => {
    const byFile = new Map<string, SchemaDocument>([...schemas.documents.values()].map((document) => [document.file, document]));
    const files = new Set<string>();
    for (const { type, event, label } of cases.slice(0, 800)) {
      const validate = shipped[type]!;
      if (validate(event)) continue;
      for (const error of validate.errors ?? []) {
        const [file, fragment] = error.schemaPath.split("#");
        const document = byFile.get(file!);
        expect(document, `${label}: ${error.schemaPath}`).toBeDefined();
        const segments = pointerSegments(`#${fragment}`);
        expect(segments.at(-1), label).toBe(error.keyword);
        expect(valueAtPointer(document!.json, `#${fragment}`), `${label}: ${error.schemaPath}`).toBeDefined();
        files.add(file!);
      }
    }
    // Errors come from the event schemas and from the common parts they reference.
    expect([...files].some((file) => file.startsWith("schemas/common/"))).toBe(true);
    expect([...files].some((file) => file.startsWith("schemas/events/"))).toBe(true);
  });
});
