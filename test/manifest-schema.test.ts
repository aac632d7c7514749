/**
 * The manifest's JSON Schemas document and test themselves (Zapier's pattern): every property has a
 * description, and every schema's `examples` are valid and its `x-antiExamples` invalid.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ANTI_EXAMPLES_KEYWORD,
  compileManifestCheck,
  isManifestSchema,
  loadManifestCheck,
  manifestAjv,
  MANIFEST_SCHEMA_ID,
  MANIFEST_VALIDATOR_FILE,
} from "../scripts/check/manifest-schema.js";
import { manifestValidatorSource } from "../scripts/toolchain/precompile-validators.js";
import { derive } from "./fixtures/build/definition.js";
import type { JsonSchema } from "../scripts/load/json-schema.js";
import { diskFiles } from "../scripts/load/project-files.js";
import { readSchemaDocuments } from "../scripts/load/schemas.js";

const root = join(import.meta.dirname, "..");
const documents = [...(await readSchemaDocuments(diskFiles(root))).values()].filter(isManifestSchema);
const ajv = manifestAjv(documents);

interface AntiExample {
  example: unknown;
  reason: string;
}

/** Every property schema under `schema`, with its pointer. */
function propertiesOf(schema: JsonSchema, pointer = ""): Array<[string, JsonSchema]> {
  const found: Array<[string, JsonSchema]> = [];
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    found.push([`${pointer}/properties/${key}`, child], ...propertiesOf(child, `${pointer}/properties/${key}`));
  }
  if (schema.items) found.push(...propertiesOf(schema.items, `${pointer}/items`));
  return found;
}

describe("manifest schemas", () => {
  it("has one schema per entity, the root among them", () => {
    const names = documents.map((document) => document.file.replace(/^schemas\/manifest\//, ""));
    for (const entity of ["manifest", "app", "authorization", "connection-field", "group", "trigger", "field", "localized", "code"]) {
      expect(names).toContain(`${entity}.schema.json`);
    }
    expect(ajv.getSchema(MANIFEST_SCHEMA_ID)).toBeTypeOf("function");
  });

  for (const document of documents) {
    describe(document.file, () => {
      const schema = document.json;
      const validate = ajv.getSchema(document.id)!;

      it("describes itself and every property", () => {
        expect(schema.title).toBeTruthy();
        expect(schema.description).toBeTruthy();
        for (const [pointer, property] of propertiesOf(schema)) {
          expect(property.description, `${document.file}#${pointer}`).toBeTruthy();
        }
      });

      it("accepts every example", () => {
        expect((schema.examples ?? []).length).toBeGreaterThan(0);
        for (const example of schema.examples ?? []) {
          expect(validate(example), `${JSON.stringify(example)}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        }
      });

      it("rejects every anti-example", () => {
        const antiExamples = (schema[ANTI_EXAMPLES_KEYWORD] ?? []) as AntiExample[];
        expect(antiExamples.length).toBeGreaterThan(0);
        for (const { example, reason } of antiExamples) {
          expect(reason).toBeTruthy();
          expect(validate(example), `should reject (${reason}): ${JSON.stringify(example)}`).toBe(false);
        }
      });
    });
  }
});

describe("the precompiled manifest check", () => {
  // A manifest derived from a small definition, as JSON (what the check sees).
  const built = JSON.parse(JSON.stringify(derive().manifest)) as { triggers: Array<{ fields: Array<{ code: string }> }>; app: { version: string } };

  /** The built manifest with some seeded defects: codes, versions and whole entities broken. */
  function brokenManifests(): unknown[] {
    const cases: unknown[] = [built];
    for (let index = 0; index < 40; index++) {
      const copy = structuredClone(built);
      const trigger = copy.triggers[index % copy.triggers.length]!;
      if (index % 4 === 0) trigger.fields[index % trigger.fields.length]!.code = `bad code ${index}`;
      if (index % 4 === 1) copy.app.version = "v1";
      if (index % 4 === 2) (trigger as Record<string, unknown>).names = { en: index };
      if (index % 4 === 3) delete (trigger as Record<string, unknown>).filter;
      cases.push(copy);
    }
    return cases;
  }

  it("is current: npm run build compiles the package's manifest schemas to what is in dist/generated/", async () => {
    expect(readFileSync(join(root, MANIFEST_VALIDATOR_FILE), "utf8")).toBe(await manifestValidatorSource(root));
  });

  it("is the one used for these schemas, and reports what a freshly compiled check reports", () => {
    const path = join(root, MANIFEST_VALIDATOR_FILE);
    const requireHere = createRequire(import.meta.url);
    delete requireHere.cache[path];
    const precompiled = loadManifestCheck(documents);
    expect(requireHere.cache[path]).toBeDefined();
    const compiled = compileManifestCheck(documents);
    let failing = 0;
    for (const manifest of brokenManifests()) {
      const problems = precompiled(manifest, "dist/manifest.json");
      expect(problems).toEqual(compiled(manifest, "dist/manifest.json"));
      if (problems.length > 0) failing++;
    }
    expect(failing).toBe(40);
  });

  it("is not used for manifest schemas other than the ones it was compiled from", () => {
    const stricter = documents.map((document) =>
      document.file.endsWith("/code.schema.json")
        ? { ...document, text: `${document.text} `, json: { ...document.json, maxLength: 3 } }
        : document,
    );
    const problems = loadManifestCheck(stricter)(built, "dist/manifest.json");
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.message).toMatch(/code\.schema\.json\/maxLength/);
  });
});
