/**
 * The manifest against its own JSON Schema (`schemas/manifest/*.schema.json`, one per entity, Zapier
 * style). Compiled with ajv at build time from the documents the loader already read.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Ajv2020, standaloneCode, type Ajv } from "../load/ajv.js";
import { setErrorSchemaPath } from "../load/ajv-schema-path.js";
import type { SchemaDocument } from "../load/schemas.js";
import { hashDocuments, SCHEMA_ID_BASE } from "../load/schemas.js";
import type { ValidateFunction } from "../runtime/load-validators.js";
import { problemPointer, schemaMessage } from "../runtime/messages.js";
import { packageRoot } from "../package-root.js";
import type { RuleProblem } from "./problem.js";

const requireHere = createRequire(import.meta.url);

export const MANIFEST_SCHEMA_DIR = "schemas/manifest/";
export const MANIFEST_SCHEMA_ID = `${SCHEMA_ID_BASE}${MANIFEST_SCHEMA_DIR}manifest.schema.json`;
/** Where `npm run build` puts the precompiled manifest check, relative to the package root. */
export const MANIFEST_VALIDATOR_FILE = "dist/generated/manifest-schema.cjs";
/** Where each manifest schema keeps its anti-examples (`[{ example, reason }]`), an annotation for ajv. */
export const ANTI_EXAMPLES_KEYWORD = "x-antiExamples";

export function isManifestSchema(document: SchemaDocument): boolean {
  return document.file.startsWith(MANIFEST_SCHEMA_DIR);
}

/**
 * An ajv instance holding every manifest schema (strict: an unknown keyword is a mistake); `source`
 * keeps the generated code, for `manifestCheckModule`.
 */
export function manifestAjv(documents: Iterable<SchemaDocument>, options: { source?: boolean } = {}): Ajv {
  // Each schema file was checked against the meta-schema when it was loaded (load/json-schema-meta.ts).
  // Each schema is compiled once (inlineRefs: false), not into every schema that refers to it; its
  // errors still say which file they come from ("code.schema.json/pattern"), as inlined ones would.
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    validateSchema: false,
    inlineRefs: false,
    ...(options.source ? { code: { source: true, lines: false } } : {}),
  });
  ajv.addKeyword({ keyword: ANTI_EXAMPLES_KEYWORD, schemaType: "array" });
  for (const document of documents) {
    if (!isManifestSchema(document)) continue;
    ajv.addSchema(document.json);
    if (document.id !== MANIFEST_SCHEMA_ID) setErrorSchemaPath(ajv, document.id, document.file.slice(MANIFEST_SCHEMA_DIR.length));
  }
  return ajv;
}


export type ManifestCheck = (manifest: unknown, file: string) => RuleProblem[];

/** The check a validate function of the manifest schema makes (none: the schema is missing). */
function manifestCheckOf(validate: ValidateFunction | undefined): ManifestCheck {
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

/** Compile the manifest schema once; the returned check names `file` in messages. */
export function compileManifestCheck(documents: Iterable<SchemaDocument>): ManifestCheck {
  return manifestCheckOf(manifestAjv(documents).getSchema(MANIFEST_SCHEMA_ID) as ValidateFunction | undefined);
}

/** Which manifest schemas a precompiled check was compiled from: their files and texts. */
function manifestSchemasHash(documents: Iterable<SchemaDocument>): string {
  return hashDocuments(createHash("sha256"), [...documents].filter(isManifestSchema)).digest("hex");
}

/**
 * The manifest schema as ajv standalone code (CommonJS: `exports.validate`, and `exports.sourceHash`
 * naming the schemas it was compiled from). `npm run build` writes it for the package's own manifest
 * schemas (toolchain/precompile-validators.ts).
 */
export function manifestCheckModule(documents: Iterable<SchemaDocument>): string {
  const list = [...documents];
  const ajv = manifestAjv(list, { source: true });
  if (ajv.getSchema(MANIFEST_SCHEMA_ID) === undefined) throw new Error("no manifest schema to precompile");
  return `${standaloneCode(ajv, { validate: MANIFEST_SCHEMA_ID })}\nmodule.exports.sourceHash = ${JSON.stringify(manifestSchemasHash(list))};\n`;
}

/**
 * The manifest check: the one `npm run build` precompiled when the project's manifest schemas are the
 * ones it was compiled from (compiling them was ~40 ms of every cold build), else compiled now.
 */
export function loadManifestCheck(documents: Iterable<SchemaDocument>): ManifestCheck {
  const list = [...documents];
  try {
    const precompiled = requireHere(join(packageRoot(), MANIFEST_VALIDATOR_FILE)) as { validate: ValidateFunction; sourceHash: string };
    if (precompiled.sourceHash === manifestSchemasHash(list)) return manifestCheckOf(precompiled.validate);
  } catch {
    // Not precompiled (run from sources): compile.
  }
  return compileManifestCheck(list);
}

/** Validate a manifest; `file` names it in messages (it is not written before it passes). */
export function checkManifestSchema(manifest: unknown, documents: Iterable<SchemaDocument>, file: string): RuleProblem[] {
  return compileManifestCheck(documents)(manifest, file);
}
