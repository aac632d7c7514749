import type { Hash } from "node:crypto";
import { sep } from "node:path";
import { CannotRunError } from "../errors.js";
import { EVENT_TYPES, type EventTypeInfo } from "../event-types.js";
import { parseJsonText } from "./json-file.js";
import { checkMetaSchema } from "./json-schema-meta.js";
import { diskFiles, type ProjectFiles } from "./project-files.js";
import type { JsonSchema } from "./json-schema.js";
import { resolveSchema } from "./resolve-refs.js";

/** A schema file as written, with its repo-relative path and its `$id`. */
export interface SchemaDocument {
  /** Path relative to the project root, with forward slashes (e.g. `schemas/events/click.schema.json`). */
  file: string;
  id: string;
  json: JsonSchema;
  /** The raw file text (hashed for caches and copied into the package as is). */
  text: string;
}

/** One event type's schema: as written, and resolved (every `$ref` inlined, every `allOf` merged). */
export interface EventSchema {
  eventType: string;
  document: SchemaDocument;
  resolved: JsonSchema;
}

export interface LoadedSchemas {
  /** Every `*.schema.json` under `schemas/`, by `$id`, sorted by file path. */
  documents: Map<string, SchemaDocument>;
  /** One entry per event type, in the order of the registry (`EVENT_TYPES` unless given). */
  events: Map<string, EventSchema>;
}

export const SCHEMA_ID_BASE = "https://altcraft-albato.dev/";

/** Feed `hash` each document's path and text, in the order given (the loader's: by file path). */
export function hashDocuments(hash: Hash, documents: Iterable<SchemaDocument>): Hash {
  for (const document of documents) hash.update(`${document.file}\0${document.text}\0`);
  return hash;
}

/** Feed `hash` what code is generated from: every schema document and the event types, in order. */
export function hashSchemas(hash: Hash, schemas: LoadedSchemas): Hash {
  return hashDocuments(hash, schemas.documents.values()).update(`events ${[...schemas.events.keys()].join(",")}`);
}

export function toPosix(path: string): string {
  return path.split(sep).join("/");
}

/** Read every schema under `schemas/`; check each has the `$id` its path implies and is a valid JSON Schema. */
export async function readSchemaDocuments(files: ProjectFiles): Promise<Map<string, SchemaDocument>> {
  const documents = new Map<string, SchemaDocument>();
  for (const file of (await files.filesUnder("schemas")).filter((path) => path.endsWith(".schema.json"))) {
    const bytes = await files.read(file);
    if (bytes === undefined) throw new CannotRunError("file not found", { file });
    const text = bytes.toString("utf8");
    const json = parseJsonText(text, file);
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
      throw new CannotRunError("a schema must be a JSON object", { file, pointer: "" });
    }
    const schema = json as JsonSchema;
    const expectedId = SCHEMA_ID_BASE + file;
    if (schema.$id !== expectedId) {
      throw new CannotRunError(`"$id" must be "${expectedId}" (found ${JSON.stringify(schema.$id)})`, {
        file,
        pointer: "/$id",
      });
    }
    checkMetaSchema(schema, file);
    documents.set(expectedId, { file, id: expectedId, json: schema, text });
  }
  return documents;
}

/**
 * Load every schema and resolve one per event type of the registry; report missing or stray ones.
 * `registry` defaults to the real one; benchmarks pass a larger synthetic registry.
 */
export async function loadSchemas(
  root: string,
  registry: readonly EventTypeInfo[] = EVENT_TYPES,
  files: ProjectFiles = diskFiles(root),
): Promise<LoadedSchemas> {
  const documents = await readSchemaDocuments(files);
  const events = new Map<string, EventSchema>();
  const known = new Set(registry.map((info) => info.type));
  for (const document of documents.values()) {
    const match = /^schemas\/events\/(.+)\.schema\.json$/.exec(document.file);
    if (match && !known.has(match[1]!)) {
      throw new CannotRunError(
        `no event type "${match[1]}" in scripts/event-types.ts; add it there or remove the schema`,
        { file: document.file },
      );
    }
  }
  for (const { type } of registry) {
    const file = `schemas/events/${type}.schema.json`;
    const document = documents.get(SCHEMA_ID_BASE + file);
    if (!document) throw new CannotRunError(`missing schema for event type "${type}"`, { file });
    const resolved = resolveSchema(document, documents);
    const constant = resolved.properties?.event_type?.const;
    if (constant !== type) {
      throw new CannotRunError(`"event_type" must be { "const": "${type}" } (found ${JSON.stringify(constant)})`, {
        file,
        pointer: "/properties/event_type/const",
      });
    }
    events.set(type, { eventType: type, document, resolved });
  }
  return { documents, events };
}
