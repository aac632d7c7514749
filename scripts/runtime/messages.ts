/** Plain-English problem messages from ajv errors: what was expected, what was found. */
import { FORMAT_DESCRIPTIONS } from "./formats.js";
import { appendPointer, valueAtPointer } from "./pointer.js";

/** The parts of an ajv error we read. */
export interface AjvError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
}

const MAX_SHOWN = 60;

/** A short description of a JSON value: `string "23"`, `number 1.5`, `an object`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty array" : `an array of ${value.length}`;
  switch (typeof value) {
    case "string":
      return `string ${quote(value)}`;
    case "number":
    case "boolean":
      return `${typeof value} ${String(value)}`;
    case "object":
      return "an object";
    default:
      return "nothing";
  }
}

/** A JSON string literal, shortened in the middle of very long values. */
export function quote(text: string): string {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
  return JSON.stringify(shown);
}

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "a boolean",
  object: "an object",
  array: "an array",
  null: "null",
};

function typeList(types: unknown): string {
  const names = String(types)
    .split(",")
    .map((type) => TYPE_NAMES[type] ?? type);
  return names.length <= 2 ? names.join(" or ") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}


const COMPARISONS: Record<string, string> = {
  ">=": "at least",
  "<=": "at most",
  ">": "greater than",
  "<": "less than",
};

function quoteValue(error: AjvError, data: unknown): string {
  const value = valueAtPointer(data, error.instancePath);
  return typeof value === "string" ? quote(value) : describeValue(value);
}

/** The message of one ajv error about `data` (the whole event). */
export function schemaMessage(error: AjvError, data: unknown): string {
  const params = error.params;
  const found = (): string => describeValue(valueAtPointer(data, error.instancePath));
  switch (error.keyword) {
    case "type":
      return `must be ${typeList(params.type)}, found ${found()}`;
    case "required":
      return `missing required property ${JSON.stringify(params.missingProperty)}`;
    case "const":
      return `must be ${JSON.stringify(params.allowedValue)}, found ${found()}`;
    case "enum":
      return `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(", ")}, found ${found()}`;
    case "format": {
      const format = String(params.format);
      // Formats and patterns apply to strings only, so the value is shown without "string".
      return `must be ${FORMAT_DESCRIPTIONS[format] ?? `a "${format}" string`}, found ${quoteValue(error, data)}`;
    }
    case "pattern":
      return `must match the pattern ${String(params.pattern)}, found ${quoteValue(error, data)}`;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return `must be ${COMPARISONS[String(params.comparison)] ?? String(params.comparison)} ${String(params.limit)}, found ${found()}`;
    case "minLength":
      return `must be at least ${String(params.limit)} characters long, found ${found()}`;
    case "maxLength":
      return `must be at most ${String(params.limit)} characters long, found ${found()}`;
    case "minItems":
      return `must have at least ${String(params.limit)} items, found ${found()}`;
    case "maxItems":
      return `must have at most ${String(params.limit)} items, found ${found()}`;
    case "unevaluatedProperties":
      return `unknown property ${JSON.stringify(params.unevaluatedProperty)} (not in the schema; reported in strict mode)`;
    case "additionalProperties":
      return `property ${JSON.stringify(params.additionalProperty)} is not allowed here`;
    default:
      return `${error.message ?? `fails "${error.keyword}"`}, found ${found()}`;
  }
}

/** Where the problem is: a property the schema does not know is pointed at itself, not its object. */
export function problemPointer(error: AjvError): string {
  const extra = error.params.unevaluatedProperty ?? error.params.additionalProperty;
  if (typeof extra !== "string") return error.instancePath;
  return appendPointer(error.instancePath, extra);
}
