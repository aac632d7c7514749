/**
 * The manifest against its own JSON Schema (`schemas/manifest/*.schema.json`, one per entity, Zapier
 * style). Compiled with ajv at build time from the documents the loader already read.
 */
import AjvModule from "ajv";
import Ajv2020Module from "ajv/dist/2020.js";
import { setErrorSchemaPath } from "../load/ajv-schema-path.js";
import type { SchemaDocument } from "../load/schemas.js";
import { SCHEMA_ID_BASE } from "../load/schemas.js";
import type { AjvError } from "../runtime/messages.js";
import { problemPointer, schemaMessage } from "../runtime/messages.js";
import type { RuleProblem } from "./problem.js";

// ajv is CommonJS with a `default` export; under nodenext the default import is `module.exports`.
const Ajv2020 = Ajv2020Module.default;
type Ajv = InstanceType<typeof AjvModule.default>;

export const MANIFEST_SCHEMA_DIR = "schemas/manifest/";
export const MANIFEST_SCHEMA_ID = `${SCHEMA_ID_BASE}${MANIFEST_SCHEMA_DIR}manifest.schema.json`;
/** Where each manifest schema keeps its anti-examples (`[{ example, reason }]`), an annotation for ajv. */
export const ANTI_EXAMPLES_KEYWORD = "x-antiExamples";

export function isManifestSchema(document: SchemaDocument): boolean {
  return document.file.startsWith(MANIFEST_SCHEMA_DIR);
}

/** An ajv instance holding every manifest schema (strict: an unknown keyword is a mistake). */
export function manifestAjv(documents: Iterable<SchemaDocument>): Ajv {
  // Each schema file was checked against the meta-schema when it was loaded (load/json-schema-meta.ts).
  // Each schema is compiled once (inlineRefs: false), not into every schema that refers to it; its
  // errors still say which file they come from ("code.schema.json/pattern"), as inlined ones would.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, validateSchema: false, inlineRefs: false });
  ajv.addKeyword({ keyword: ANTI_EXAMPLES_KEYWORD, schemaType: "array" });
  for (const document of documents) {
    if (!isManifestSchema(document)) continue;
    ajv.addSchema(document.json);
    if (document.id !== MANIFEST_SCHEMA_ID) setErrorSchemaPath(ajv, document.id, document.file.slice(MANIFEST_SCHEMA_DIR.length));
  }
  return ajv;
}


export type ManifestCheck = (manifest: unknown, file: string) => RuleProblem[];

/** Compile the manifest schema once; the returned check names `file` in messages. */
export function compileManifestCheck(documents: Iterable<SchemaDocument>): ManifestCheck {
  const ajv = manifestAjv(documents);
  const validate = ajv.getSchema(MANIFEST_SCHEMA_ID);
  return (manifest, file) => {
    if (!validate) {
      return [{ rule: "manifestSchema", place: { file: `${MANIFEST_SCHEMA_DIR}manifest.schema.json` }, message: "the manifest schema is missing" }];
    }
    if (validate(manifest)) return [];
    return ((validate.errors ?? []) as AjvError[])
      // `if`/`then` repeat the failure of their branch; the branch's own error says it better.
      .filter((error) => error.keyword !== "if")
      .map((error) => ({
        rule: "manifestSchema",
        place: { file, pointer: problemPointer(error) },
        message: `${schemaMessage(error, manifest)} (${error.schemaPath})`,
      }));
  };
}

/** Validate a manifest; `file` names it in messages (it is not written before it passes). */
export function checkManifestSchema(manifest: unknown, documents: Iterable<SchemaDocument>, file: string): RuleProblem[] {
  return compileManifestCheck(documents)(manifest, file);
}
