/**
 * Validate samples against one side's event schemas with real ajv (draft 2020-12), compiled at diff
 * time. Lenient about keywords (an older side may use annotations this version does not know), strict
 * about what the schemas say of the payload.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import { CannotRunError } from "../errors.js";
import { Ajv2020 } from "../load/ajv.js";
import { FORMATS } from "../runtime/formats.js";
import { eventSchemaId, type Side } from "./side.js";

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

function problemOf(error: ErrorObject): SampleProblem {
  const pointer =
    error.keyword === "required" ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}` : error.instancePath;
  return { pointer, keyword: error.keyword, message: error.message ?? error.keyword };
}

export function sideValidator(side: Side): SideValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false, formats: { ...FORMATS } });
  for (const document of side.documents.values()) {
    try {
      ajv.addSchema(document.json, document.id);
    } catch (error) {
      throw new CannotRunError(`schema rejected by ajv: ${(error as Error).message}`, { file: `${side.label}: ${document.file}` });
    }
  }
  const compiled = new Map<string, ValidateFunction>();
  const validatorOf = (eventType: string): ValidateFunction | undefined => {
    const id = eventSchemaId(eventType);
    if (!side.documents.has(id)) return undefined;
    let validate = compiled.get(id);
    if (!validate) {
      try {
        validate = ajv.getSchema(id)!;
      } catch (error) {
        const file = side.documents.get(id)!.file;
        throw new CannotRunError(`schema does not compile: ${(error as Error).message}`, { file: `${side.label}: ${file}` });
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
