/**
 * A field's value after Albato's type conversion, as `simulate` models it. Where Albato's documentation
 * is silent the rule follows an entry of `assumptions.ts` (named beside each rule). Nothing here throws:
 * whatever the input holds, a value of the field's JS type comes out, or null for "empty".
 */
import type { AlbatoScalarType } from "../model/manifest.js";
import { isDateTime } from "../runtime/formats.js";
import type { Found } from "./mapping-path.js";

/** A field's value: text, a number, a boolean, or null when the field comes out empty. */
export type FieldValue = string | number | boolean | null;

/** What converting needs to know of a field. */
export interface Conversion {
  scalar: AlbatoScalarType;
  /** A `<Type>Array` field: the values are joined into one text. */
  array: boolean;
  /** For array fields: what joins the elements. */
  separator: string;
}

function digits(text: string, start: number, end: number): number {
  return Number(text.slice(start, end));
}

/**
 * An RFC 3339 date-time (0–9 fraction digits, `Z` or `±HH:MM`) as the same instant in UTC, ISO 8601
 * with milliseconds; null for anything else. Further fraction digits are dropped and the value's own
 * offset is honoured (assumptions `datetime-fraction`, `datetime-offset`). A leap second (`:60`, which
 * the format allows at 23:59 UTC) counts as the next second, as Unix time does.
 */
export function rfc3339ToUtc(text: string): string | null {
  if (!isDateTime(text)) return null;
  let at = 19;
  let milliseconds = 0;
  if (text[at] === ".") {
    let end = at + 1;
    while (end < text.length && text[end]! >= "0" && text[end]! <= "9") end++;
    milliseconds = Number(text.slice(at + 1, end).padEnd(3, "0").slice(0, 3));
    at = end;
  }
  let offsetMinutes = 0;
  if (text[at] === "+" || text[at] === "-") {
    offsetMinutes = (text[at] === "+" ? 1 : -1) * (digits(text, at + 1, at + 3) * 60 + digits(text, at + 4, at + 6));
  }
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(digits(text, 0, 4), digits(text, 5, 7) - 1, digits(text, 8, 10));
  date.setUTCHours(digits(text, 11, 13), digits(text, 14, 16) - offsetMinutes, digits(text, 17, 19), milliseconds);
  return date.toISOString();
}

/** One value converted to a scalar type; null when it is absent or of another type (assumption `wrong-type-empty`). */
export function convertScalar(type: AlbatoScalarType, value: unknown): string | number | boolean | null {
  switch (type) {
    case "String":
      return typeof value === "string" ? value : null;
    // Kept as sent: the Phone gear's normalisation is not documented (assumption `phone-as-sent`).
    case "Phone":
      return typeof value === "string" ? value : null;
    case "Int":
      return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
    case "Decimal":
      return typeof value === "number" && Number.isFinite(value) ? value : null;
    case "Boolean":
      return typeof value === "boolean" ? value : null;
    case "DateTime":
      return typeof value === "string" ? rfc3339ToUtc(value) : null;
  }
}

function asText(value: string | number | boolean): string {
  return typeof value === "string" ? value : String(value);
}

/**
 * The elements' values joined into one text with the separator, each converted as the scalar type;
 * elements without a usable value are left out, and none left means empty (assumption `array-join`).
 */
function joinArray(conversion: Conversion, elements: readonly unknown[]): string | null {
  const parts: string[] = [];
  for (const element of elements) {
    const converted = convertScalar(conversion.scalar, element);
    if (converted === null || converted === "") continue;
    parts.push(asText(converted));
  }
  return parts.length === 0 ? null : parts.join(conversion.separator);
}

/**
 * The value of a field from what its path found. A field of one value takes one value of its type; an
 * array field takes the values collected through `[]`, or the elements of a JSON array at a plain path
 * (`data.custom_data.phones`). Anything else comes out empty.
 */
export function convertFound(conversion: Conversion, found: Found): FieldValue {
  if (!conversion.array) return found.kind === "one" ? convertScalar(conversion.scalar, found.value) : null;
  if (found.kind === "many") return joinArray(conversion, found.values);
  return Array.isArray(found.value) ? joinArray(conversion, found.value) : null;
}

/** Does the value count as empty in the report (nothing, or empty text)? */
export function isEmpty(value: FieldValue): boolean {
  return value === null || value === "";
}
