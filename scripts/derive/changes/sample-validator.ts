/**
 * Validate samples against one side's event schemas, compiled by the one ajv setup (load/ajv.ts) from
 * the documents that side carries, so a sample means the same to `diff` as to the build and `validate`.
 */
import { CannotRunError } from "../../errors.js";
import { createAjv, type Ajv } from "../../load/ajv.js";
import { eventSchemaId } from "../../load/json-schema.js";
import type { Side } from "../../load/release/side.js";
import type { ValidateFunction } from "../../runtime/load-validators.js";
import type { AjvError } from "../../runtime/messages.js";

export interface SampleProblem {
  pointer: string;
  keyword: string;
  message: string;
}

export type SampleVerdict = { accepted: true } | { accepted: false; problems: SampleProblem[] };

export interface SideValidator {
  /** Whether the side has a schema for this event type. */
  has(eventType: string): boolean;
  check(eventType: string, data: unknown): SampleVerdict;
}

function problemOf(error: AjvError): SampleProblem {
  const missing = error.keyword === "required" ? (error.params as { missingProperty: string }).missingProperty : undefined;
  const pointer = missing === undefined ? error.instancePath : `${error.instancePath}/${missing}`;
  return { pointer, keyword: error.keyword, message: error.message ?? error.keyword };
}

export function sideValidator(side: Side): SideValidator {
  let ajv: Ajv;
  try {
    ajv = createAjv(side.documents.values());
  } catch (error) {
    throw new CannotRunError(`its schemas are rejected by ajv: ${(error as Error).message}`, { file: side.label });
  }
  const compiled = new Map<string, ValidateFunction>();
  const validatorOf = (eventType: string): ValidateFunction | undefined => {
    const id = eventSchemaId(eventType);
    const document = side.documents.get(id);
    if (!document) return undefined;
    let validate = compiled.get(id);
    if (!validate) {
      try {
        validate = ajv.getSchema(id) as ValidateFunction;
      } catch (error) {
        throw new CannotRunError(`schema does not compile: ${(error as Error).message}`, { file: `${side.label}: ${document.file}` });
      }
      compiled.set(id, validate);
    }
    return validate;
  };
  return {
    has: (eventType) => side.documents.has(eventSchemaId(eventType)),
    check(eventType, data) {
      const validate = validatorOf(eventType);
      if (!validate || validate(data)) return { accepted: true };
      return { accepted: false, problems: (validate.errors ?? []).map(problemOf) };
    },
  };
}
