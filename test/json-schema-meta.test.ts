/**
 * The meta-schema check (load/json-schema-meta.ts): the validator the toolchain build precompiles is the
 * current one and judges every schema as ajv's own meta-schema validator does, and a broken schema is
 * reported at the place of the defect.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import Ajv2020Module from "ajv/dist/2020.js";
import { CannotRunError } from "../scripts/errors.js";
import { checkMetaSchema, META_SCHEMA_ID, META_VALIDATOR_FILE, metaSchemaProblem, metaSchemaValidator } from "../scripts/load/json-schema-meta.js";
import { loadSchemas, type LoadedSchemas } from "../scripts/load/schemas.js";
import { metaSchemaValidatorSource } from "../scripts/toolchain/precompile-validators.js";
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

describe("the precompiled meta-schema validator", () => {
  it("is the one the toolchain build writes now (npm run build regenerates it)", () => {
    expect(readFileSync(join(root, META_VALIDATOR_FILE), "utf8")).toBe(metaSchemaValidatorSource());
  });

  it("is the one in use, and judges 2,000 broken schemas exactly as ajv's compiled meta-schema does", () => {
    const precompiled = metaSchemaValidator();
    expect(precompiled).toBe((createRequire(import.meta.url)(join(root, META_VALIDATOR_FILE)) as { validate: unknown }).validate);
    const reference = new Ajv2020Module.default({ allErrors: true }).getSchema(META_SCHEMA_ID)!;
    const documents = [...schemas.documents.values()].map((document) => document.json);
    const next = random(42);
    let invalid = 0;
    for (let index = 0; index < 2000; index++) {
      const schema = index < documents.length ? documents[index] : breakOne(documents[index % documents.length], next);
      const expected = reference(schema);
      expect(precompiled(schema)).toBe(expected);
      expect(JSON.stringify(precompiled.errors ?? null)).toBe(JSON.stringify(reference.errors ?? null));
      if (!expected) invalid++;
    }
    expect(invalid).toBeGreaterThan(500);
  });
});

describe("checkMetaSchema", () => {
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
      checkMetaSchema(schema, "schemas/events/x.schema.json");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CannotRunError);
      expect((error as CannotRunError).place).toEqual({ file: "schemas/events/x.schema.json", pointer: "/properties/a/properties/b/type" });
    }
  });
});
