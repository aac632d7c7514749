/**
 * The manifest's JSON Schemas document and test themselves (Zapier's pattern): every property has a
 * description, and every schema's `examples` are valid and its `x-antiExamples` invalid.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ANTI_EXAMPLES_KEYWORD, compileManifestCheck, isManifestSchema, MANIFEST_SCHEMA_ID } from "../scripts/check/manifest-schema.js";
import { createAjv } from "../scripts/load/ajv.js";
import { derive } from "./fixtures/build/definition.js";
import type { JsonSchema } from "../scripts/load/json-schema.js";
import { diskFiles } from "../scripts/load/project-files.js";
import { readSchemaDocuments } from "../scripts/load/schemas.js";

const root = join(import.meta.dirname, "..");
const documents = [...(await readSchemaDocuments(diskFiles(root))).values()].filter(isManifestSchema);
const ajv = createAjv(documents);

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
    for (const entity of ["manifest", "app", "authorization", "connection-field", "group", "trigger", "field", "localized", "code", "authorization-field", "list", "action", "action-field", "request", "parameter", "response-field", "error-rule"]) {
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

describe("the manifest check", () => {
  // A manifest derived from a small definition, as JSON (what the check sees).
  const built = JSON.parse(JSON.stringify(derive().manifest)) as { triggers: Array<{ fields: Array<{ code: string }> }>; app: { version: string } };

  it("passes a derived manifest and reports each seeded defect at its pointer, naming the schema file of the keyword", () => {
    const check = compileManifestCheck(documents);
    expect(check(built, "dist/manifest.json")).toEqual([]);
    const copy = structuredClone(built);
    copy.triggers[0]!.fields[0]!.code = "bad code";
    copy.app.version = "v1";
    const problems = check(copy, "dist/manifest.json");
    expect(problems.map((problem) => problem.place)).toEqual(
      expect.arrayContaining([
        { file: "dist/manifest.json", pointer: "/app/version" },
        { file: "dist/manifest.json", pointer: "/triggers/0/fields/0/code" },
      ]),
    );
    expect(problems.find((problem) => problem.place.pointer === "/triggers/0/fields/0/code")!.message).toMatch(/\(schemas\/manifest\/code\.schema\.json#\/pattern\)$/);
  });

  it("reports a defect on the API side at its pointer: a request on a fixed host, a response field a user must fill", () => {
    const check = compileManifestCheck(documents);
    const copy = JSON.parse(JSON.stringify(derive().manifest)) as {
      actions: Array<{ request: { url: string }; fields: Array<{ editable: boolean; required: boolean }> }>;
    };
    copy.actions[0]!.request.url = "https://ru.altkraft.com/api/v1.1/profiles/get";
    copy.actions[0]!.fields[3]!.required = true;
    expect(check(copy, "dist/manifest.json").map((problem) => problem.place.pointer)).toEqual(
      expect.arrayContaining(["/actions/0/request/url", "/actions/0/fields/3/required"]),
    );
  });

  it("follows the manifest schemas it is given", () => {
    const stricter = documents.map((document) =>
      document.file.endsWith("/code.schema.json") ? { ...document, json: { ...document.json, maxLength: 3 } } : document,
    );
    const problems = compileManifestCheck(stricter)(built, "dist/manifest.json");
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.message).toMatch(/code\.schema\.json#\/maxLength/);
  });
});
