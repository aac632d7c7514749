/** The subset of JSON Schema 2020-12 our event schemas use, plus our `x-` annotations. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  title?: string;
  description?: string;
  type?: JsonType | JsonType[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  allOf?: JsonSchema[];
  examples?: unknown[];
  /** Keys of this object are chosen by the Altcraft user (custom_data, ccsub); `--strict` does not report them. */
  "x-open"?: boolean;
  /** Overrides the Albato field type derived from the JSON type (e.g. "Phone"). */
  "x-albato-type"?: string;
  /** Why this property is deliberately not an Albato field. */
  "x-albato-exclude"?: string;
  [keyword: string]: unknown;
}

export type JsonType = "string" | "integer" | "number" | "boolean" | "object" | "array" | "null";

/** Our annotation keywords, registered with ajv so strict mode accepts them. */
export const ANNOTATION_KEYWORDS = ["x-open", "x-albato-type", "x-albato-exclude"] as const;

/** The JSON types a schema allows, `null` included. */
export function typesOf(schema: JsonSchema): JsonType[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** Escape one JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}
