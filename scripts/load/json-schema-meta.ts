/**
 * Every schema file against the JSON Schema 2020-12 meta-schema, reported at its place in the file. The
 * validator is the one the toolchain build compiled ahead of time (toolchain/precompile-validators.ts);
 * where that file is missing (sources run directly), ajv compiles the meta-schema here, once.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { CannotRunError } from "../errors.js";
import { packageRoot } from "../package-root.js";
import type { ValidateFunction } from "../runtime/load-validators.js";
import type { AjvError } from "../runtime/messages.js";
import { problemPointer, schemaMessage } from "../runtime/messages.js";

export const META_SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema";

/** Where the toolchain build puts the compiled meta-schema validator, relative to the package root. */
export const META_VALIDATOR_FILE = "dist/generated/json-schema-2020-12.cjs";


const requireHere = createRequire(import.meta.url);
let validator: ValidateFunction | undefined;

function compiledHere(): ValidateFunction {
  const { default: Ajv2020 } = requireHere("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const validate = new Ajv2020({ allErrors: true }).getSchema(META_SCHEMA_ID);
  if (validate === undefined) throw new Error("ajv has no JSON Schema 2020-12 meta-schema");
  return validate as ValidateFunction;
}

/** The meta-schema's validator: precompiled if the toolchain build wrote it, else compiled now. */
export function metaSchemaValidator(): ValidateFunction {
  if (validator === undefined) {
    try {
      validator = (requireHere(join(packageRoot(), META_VALIDATOR_FILE)) as { validate: ValidateFunction }).validate;
    } catch {
      validator = compiledHere();
    }
  }
  return validator;
}

/** The first problem at the deepest place a schema breaks the meta-schema, or undefined when it does not. */
export function metaSchemaProblem(schema: unknown): { pointer: string; message: string } | undefined {
  const validate = metaSchemaValidator();
  if (validate(schema)) return undefined;
  const errors = validate.errors ?? [];
  // One defect fails several branches of the meta-schema (`type` is an enum value or an array …): the
  // deepest place is the defect, its first error the plainest account of it.
  const depth = (error: AjvError): number => problemPointer(error).split("/").length;
  const deepest = errors.reduce<AjvError | undefined>((best, error) => (best === undefined || depth(error) > depth(best) ? error : best), undefined);
  if (deepest === undefined) return { pointer: "", message: "is not a valid JSON Schema 2020-12 schema" };
  return { pointer: problemPointer(deepest), message: `not a valid JSON Schema: ${schemaMessage(deepest, schema)}` };
}

/** Throw a CannotRunError at the file and pointer where `schema` breaks the meta-schema. */
export function checkMetaSchema(schema: unknown, file: string): void {
  const problem = metaSchemaProblem(schema);
  if (problem) throw new CannotRunError(problem.message, { file, pointer: problem.pointer });
}
