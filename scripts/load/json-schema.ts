import { eventSchemaFile } from "../event-types.js";

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

/** The JSON types a schema allows, `null` included. */
export function typesOf(schema: JsonSchema): JsonType[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** A schema file as written, with its repo-relative path and its `$id`. */
export interface SchemaDocument {
  /** Path relative to the project root, with forward slashes (e.g. `schemas/events/click.schema.json`). */
  file: string;
  id: string;
  json: JsonSchema;
  /** The raw file text (copied into the package as is). */
  text: string;
}

/** Every schema's `$id` is this base followed by its repo-relative path. */
export const SCHEMA_ID_BASE = "https://altcraft-albato.dev/";

export function eventSchemaId(eventType: string): string {
  return SCHEMA_ID_BASE + eventSchemaFile(eventType);
}
