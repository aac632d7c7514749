/**
 * The one ajv setup. The build's sample check, the generated runtime validators (and so `validate`,
 * `listen` and the library), `diff` and the manifest check all compile schemas here, with these options,
 * so a payload means the same everywhere.
 *
 * Schemas are compiled as written: every document is added under its `$id` and ajv resolves the `$ref`s.
 * A referenced document is compiled once, into a function of its own (`inlineRefs: false`), however many
 * schemas use it. Each document's errors name their file: ajv starts the schema path of a document's
 * errors at its entry's `schemaPath` (ajv's `SchemaEnv`; the version is pinned in package.json), which is
 * set to `<file>#`, so an error reads `schemas/common/envelope.schema.json#/properties/account_id/type`.
 */
import AjvModule, { _ } from "ajv";
import Ajv2020Module from "ajv/dist/2020.js";
import standaloneModule from "ajv/dist/standalone/index.js";
import { FORMATS } from "../runtime/formats.js";
import type { SchemaDocument } from "./json-schema.js";

// ajv is CommonJS with a `default` export; under nodenext the default import is `module.exports`.
const Ajv2020 = Ajv2020Module.default;
export const standaloneCode = standaloneModule.default;
export type Ajv = InstanceType<typeof AjvModule.default>;

/** The parameter name the generated validators module gives the format checks: the `_\`formats\`` below. */
export const FORMATS_PARAMETER = "formats";

export const META_SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema";

/** Every `x-` keyword a schema uses: annotations (OpenAPI's rule), never validation. */
function annotationKeywords(schema: unknown, found: Set<string>): void {
  if (typeof schema !== "object" || schema === null) return;
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith("x-")) found.add(key);
    annotationKeywords(value, found);
  }
}

/** A new ajv holding `documents` (each under its `$id`, errors naming its file). */
export function createAjv(documents: Iterable<SchemaDocument> = []): Ajv {
  const ajv = new Ajv2020({
    allErrors: true,
    // Unknown keywords are mistakes; union types (["string", "null"]) are how our schemas say nullable.
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
    // Every schema file is checked against the meta-schema when it is loaded (load/json-schema-meta.ts).
    validateSchema: false,
    formats: FORMATS,
    inlineRefs: false,
    // `formats` names the format checks in generated code; `optimize: false` skips a pass V8 makes
    // redundant (it was a third of the compile time).
    code: { source: true, formats: _`formats`, lines: false, optimize: false },
  });
  const list = [...documents];
  const keywords = new Set<string>();
  for (const document of list) annotationKeywords(document.json, keywords);
  for (const keyword of [...keywords].sort()) ajv.addKeyword({ keyword });
  for (const document of list) {
    ajv.addSchema(document.json, document.id);
    (ajv.schemas[document.id] as { schemaPath?: string }).schemaPath = `${document.file}#`;
  }
  return ajv;
}
