/**
 * The manifest against its own JSON Schema (`schemas/manifest/*.schema.json`, one per entity, Zapier
 * style), compiled by the one ajv setup from the documents the loader already read.
 */
import { createAjv } from "../load/ajv.js";
import { SCHEMA_ID_BASE, type SchemaDocument } from "../load/json-schema.js";
import type { ValidateFunction } from "../runtime/load-validators.js";
import { problemPointer, schemaMessage } from "../runtime/messages.js";
import type { RuleProblem } from "./problem.js";

export const MANIFEST_SCHEMA_DIR = "schemas/manifest/";
export const MANIFEST_SCHEMA_ID = `${SCHEMA_ID_BASE}${MANIFEST_SCHEMA_DIR}manifest.schema.json`;
/** Where each manifest schema keeps its anti-examples (`[{ example, reason }]`), an annotation for ajv. */
export const ANTI_EXAMPLES_KEYWORD = "x-antiExamples";

export function isManifestSchema(document: SchemaDocument): boolean {
  return document.file.startsWith(MANIFEST_SCHEMA_DIR);
}

export type ManifestCheck = (manifest: unknown, file: string) => RuleProblem[];

/** Compile the manifest schema once; the returned check names `file` in messages. */
export function compileManifestCheck(documents: Iterable<SchemaDocument>): ManifestCheck {
  const validate = createAjv([...documents].filter(isManifestSchema)).getSchema(MANIFEST_SCHEMA_ID) as ValidateFunction | undefined;
  return (manifest, file) => {
    if (!validate) {
      return [{ rule: "manifestSchema", place: { file: `${MANIFEST_SCHEMA_DIR}manifest.schema.json` }, message: "the manifest schema is missing" }];
    }
    if (validate(manifest)) return [];
    return (validate.errors ?? [])
      // `if`/`then` repeat the failure of their branch; the branch's own error says it better.
      .filter((error) => error.keyword !== "if")
      .map((error) => ({
        rule: "manifestSchema",
        place: { file, pointer: problemPointer(error) },
        message: `${schemaMessage(error, manifest)} (${error.schemaPath})`,
      }));
  };
}
