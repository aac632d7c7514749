/** Every schema file against the JSON Schema 2020-12 meta-schema, reported at its place in the file. */
import type { ValidateFunction } from "../runtime/load-validators.js";
import type { AjvError } from "../runtime/messages.js";
import { problemPointer, schemaMessage } from "../runtime/messages.js";
import { createAjv, META_SCHEMA_ID } from "./ajv.js";

let validator: ValidateFunction | undefined;

/** The meta-schema's validator, compiled once per process by the one ajv setup. */
function metaSchemaValidator(): ValidateFunction {
  validator ??= createAjv().getSchema(META_SCHEMA_ID) as ValidateFunction | undefined;
  if (validator === undefined) throw new Error("ajv has no JSON Schema 2020-12 meta-schema");
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
