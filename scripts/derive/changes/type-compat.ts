/**
 * Which Albato field type changes keep existing mappings working. A change is a safe widening when every
 * value of the old type is still a valid value of the new one, as later automation steps receive it.
 * Scalar ↔ array changes are never safe: a step mapped to one value would get a list, or the reverse.
 */
import type { AlbatoFieldType, AlbatoScalarType } from "../../model/manifest.js";

/** old scalar type → the scalar types it may widen to. */
export const SAFE_WIDENINGS: Readonly<Record<AlbatoScalarType, readonly AlbatoScalarType[]>> = {
  Int: ["Decimal", "String"],
  Decimal: ["String"],
  Boolean: ["String"],
  DateTime: ["String"],
  Phone: ["String"],
  String: [],
};

export type TypeChange = "same" | "widened" | "incompatible";

function split(type: string): { scalar: string; array: boolean } {
  return type.endsWith("Array") ? { scalar: type.slice(0, -"Array".length), array: true } : { scalar: type, array: false };
}

export function compareFieldTypes(before: AlbatoFieldType | string, after: AlbatoFieldType | string): TypeChange {
  if (before === after) return "same";
  const a = split(before);
  const b = split(after);
  if (a.array !== b.array) return "incompatible";
  const widenings: readonly string[] = SAFE_WIDENINGS[a.scalar as AlbatoScalarType] ?? [];
  return widenings.includes(b.scalar) ? "widened" : "incompatible";
}
