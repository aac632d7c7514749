/**
 * The meta-schema check (load/json-schema-meta.ts): compiled by the one ajv setup, it judges every schema
 * as ajv's own meta-schema validator does, and a broken schema is reported at the place of the defect.
 */
import { beforeAll, describe, expect, it } from "vitest";
import Ajv2020Module from "ajv/dist/2020.js";
import { CannotRunError } from "../scripts/errors.js";
import { createAjv, META_SCHEMA_ID } from "../scripts/load/ajv.js";
import { metaSchemaProblem } from "../scripts/load/json-schema-meta.js";
import { loadSchemas, schemaDocument, type LoadedSchemas } from "../scripts/load/schemas.js";
import { random } from "./fixtures/validate/mutations.js";
import { root } from "./fixtures/validate/build.js";

let schemas: LoadedSchemas;

beforeAll(async () => {
  schemas = await loadSchemas(root);
}, 60_000);

/** A copy of `schema` with the value of one keyword somewhere inside it replaced by a wrong one. */
function breakOne(schema: unknown, next: () => number): unknown {
  const copy = structuredClone(schema) as Record<string, unknown>;
  const places: Array<[Record<string, unknown>, string]> = [];
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (!Array.isArray(node)) places.push([node as Record<string, unknown>, key]);
      visit(value);
    }
  };
  visit(copy);
  const [node, key] = places[Math.floor(next() * places.length)]!;
  const wrong = [5, "strnig", [1], { a: 1 }, null, -1, true];
  node[key] = wrong[Math.floor(next() * wrong.length)];
  return copy;
}

describe("the meta-schema validator of the one ajv setup", () => {
  it("judges 2,000 broken schemas exactly as ajv's compiled meta-schema does", () => {
    const precompiled = createAjv().getSchema(META_SCHEMA_ID)!;
    const reference = new Ajv2020Module.default({ allErrors: true }).getSchema(META_SCHEMA_ID)!;
    const documents = [...schemas.documents.values()].map((document) => document.json);
    const next = random(42);
    let invalid = 0;
    for (let index = 0; index < 2000; index++) {
      const schema = index < documents.length ? documents[index] : breakOne(documents[index % documents.length], next);
      const expected = reference(schema);
      expect(precompiled(schema)).toBe(expected);
      // Schema paths differ where the meta-schema refers into its own $defs (compiled once, not inlined).
      const judged = (errors: typeof reference.errors) => JSON.stringify((errors ?? []).map(({ instancePath, keyword, params }) => [instancePath, keyword, params]));
      expect(judged(precompiled.errors)).toBe(judged(reference.errors));
      if (!expected) invalid++;
    }
    expect(invalid).toBeGreaterThan(500);
  });
});

describe("metaSchemaProblem", () => {
  it("passes every schema of the repository", () => {
    for (const document of schemas.documents.values()) expect(metaSchemaProblem(document.json), document.file).toBeUndefined();
  });

  it("reports the deepest place of a defect with a plain message", () => {
    const schema = { type: "object", properties: { a: { type: "object", properties: { b: { type: "strnig" } } }, c: { minimum: "5" } } };
    expect(metaSchemaProblem(schema)).toEqual({
      pointer: "/properties/a/properties/b/type",
      message: expect.stringMatching(/^not a valid JSON Schema: must be one of "array", .*found string "strnig"$/),
    });
    expect(metaSchemaProblem({ required: "id" })).toEqual({ pointer: "/required", message: 'not a valid JSON Schema: must be an array, found string "id"' });
    try {
      const id = "https://altcraft-albato.dev/schemas/events/x.schema.json";
      schemaDocument(JSON.stringify({ $id: id, ...schema }), "schemas/events/x.schema.json");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CannotRunError);
      expect((error as CannotRunError).place).toEqual({ file: "schemas/events/x.schema.json", pointer: "/properties/a/properties/b/type" });
    }
  });
});
