/**
 * The manifest's triggers as `simulate` plays them: every filter condition, response setting and field
 * read and checked once, before any request, so a manifest this tool cannot model stops the run with
 * every reason at once (each naming the trigger and the manifest's JSON pointer) instead of giving
 * values that only look right.
 */
import { ProblemListError, type Problem } from "../errors.js";
import type { AlbatoScalarType, Manifest } from "../model/manifest.js";
import type { Conversion } from "./convert.js";
import { hasEach, parseMappingPath, type MappingPath } from "./mapping-path.js";

/** The comparisons `simulate` can evaluate, by the manifest's operator name. */
const OPERATORS = {
  /** The same text exactly (assumption `filter-per-element`); a value that is not text never equals. */
  equal: (actual: unknown, expected: string): boolean => typeof actual === "string" && actual === expected,
} as const satisfies Record<string, (actual: unknown, expected: string) => boolean>;

export interface PlannedCondition {
  variable: MappingPath;
  test: (actual: unknown) => boolean;
}

export interface PlannedField extends Conversion {
  code: string;
  path: MappingPath;
}

export interface PlannedTrigger {
  code: string;
  /** The English name, for the report. */
  name: string;
  conditions: PlannedCondition[];
  fields: PlannedField[];
}

const SCALARS: readonly AlbatoScalarType[] = ["String", "Int", "Decimal", "Boolean", "DateTime", "Phone"];
/** What `simulate` joins array fields with when the manifest gives no `separator`. */
export const DEFAULT_SEPARATOR = ", ";

function scalarOf(type: unknown): { scalar: AlbatoScalarType; array: boolean } | undefined {
  if (typeof type !== "string") return undefined;
  const array = type.endsWith("Array");
  const scalar = (array ? type.slice(0, -"Array".length) : type) as AlbatoScalarType;
  return SCALARS.includes(scalar) ? { scalar, array } : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every trigger of the manifest, planned; a ProblemListError (exit 2) listing everything it cannot model. */
export function planTriggers(manifest: Manifest, file: string): PlannedTrigger[] {
  const problems: Problem[] = [];
  const planned = manifest.triggers.map((trigger, t) => {
    const at = `/triggers/${t}`;
    const problem = (pointer: string, message: string): void => {
      problems.push({ place: { file, pointer: `${at}${pointer}` }, message: `trigger ${trigger.code}: ${message}` });
    };

    const response = trigger.response as unknown as Record<string, unknown>;
    if (response.contentType !== "JSON") problem("/response/contentType", `content type ${JSON.stringify(response.contentType)}: simulate reads JSON bodies only`);
    if (response.returnDataArray !== true || response.arrayPath !== "") {
      problem("/response", 'simulate models "Data array return" on with an empty path (one run per element of the root array) only');
    }

    const conditions: PlannedCondition[] = [];
    const all = (trigger.filter as unknown as Record<string, unknown>).all;
    if (!Array.isArray(all)) problem("/filter/all", "the filter has no list of conditions (filter.all)");
    else {
      all.forEach((condition: unknown, c) => {
        const where = `/filter/all/${c}`;
        if (!isRecord(condition) || typeof condition.variable !== "string" || typeof condition.value !== "string") {
          return problem(where, "a filter condition needs a text variable and value");
        }
        const operator = condition.operator;
        const compare = typeof operator === "string" && Object.hasOwn(OPERATORS, operator) ? OPERATORS[operator as keyof typeof OPERATORS] : undefined;
        if (!compare) {
          return problem(`${where}/operator`, `filter operator ${JSON.stringify(operator)} is not one simulate knows (${Object.keys(OPERATORS).join(", ")})`);
        }
        const variable = parseMappingPath(condition.variable);
        if ("error" in variable) return problem(`${where}/variable`, `filter variable ${variable.error}`);
        if (hasEach(variable)) return problem(`${where}/variable`, `filter variable "${variable.text}": [] has no meaning in a filter`);
        const expected = condition.value;
        conditions.push({ variable, test: (actual) => compare(actual, expected) });
      });
    }

    const fields: PlannedField[] = [];
    trigger.fields.forEach((field, f) => {
      const where = `/fields/${f}`;
      const kind = scalarOf(field.type);
      if (!kind) return problem(`${where}/type`, `field ${field.code}: type ${JSON.stringify(field.type)} is not an Albato trigger field type`);
      const path = parseMappingPath(field.path);
      if ("error" in path) return problem(`${where}/path`, `field ${field.code}: path ${path.error}`);
      if (hasEach(path) && !kind.array) {
        return problem(`${where}/path`, `field ${field.code}: path "${path.text}" collects array elements, but the type ${field.type} holds one value`);
      }
      if (kind.scalar === "DateTime") {
        const format = field.dateTimeFormat as unknown;
        if (!isRecord(format) || format.format !== "RFC3339" || format.timeZone !== "UTC") {
          return problem(`${where}/dateTimeFormat`, `field ${field.code}: simulate parses DateTime with the source format RFC3339 and time zone UTC only`);
        }
      }
      // `separator` is the gear's joining text for array fields; manifests before it have none.
      const separator = (field as { separator?: unknown }).separator;
      if (separator !== undefined && typeof separator !== "string") {
        return problem(`${where}/separator`, `field ${field.code}: separator must be text`);
      }
      fields.push({ code: field.code, path, ...kind, separator: separator ?? DEFAULT_SEPARATOR });
    });

    const name = (trigger.names as Partial<Record<string, unknown>>).en;
    return { code: trigger.code, name: typeof name === "string" ? name : trigger.code, conditions, fields };
  });
  if (problems.length > 0) throw new ProblemListError(problems, "the manifest");
  return planned;
}
