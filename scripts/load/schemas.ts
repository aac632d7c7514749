/**
 * Load every JSON Schema under `schemas/`: parsed with positions, each checked against the JSON Schema
 * 2020-12 meta-schema and for the `$id` its path implies, and one resolved view per event type of the
 * registry. Every broken file, dangling or cyclic `$ref` is collected, so one run reports them all.
 */
import { CannotRunError, ProblemListError, problemsOf, type Problem } from "../errors.js";
import { EVENT_TYPES, eventSchemaFile, type EventTypeInfo } from "../event-types.js";
import { parseJson } from "./json.js";
import { SCHEMA_ID_BASE, type JsonSchema, type SchemaDocument } from "./json-schema.js";
import { metaSchemaProblem } from "./json-schema-meta.js";
import { unknownKeywords } from "./schema-keywords.js";
import { diskFiles, type ProjectFiles } from "./project-files.js";
import { resolveSchema } from "./resolve-refs.js";

export type { SchemaDocument } from "./json-schema.js";

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

/** A schema document from its text: a JSON object with the `$id` its path implies. */
export function schemaDocument(text: string, file: string): SchemaDocument {
  const json = parseJson(text, file);
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new CannotRunError("a schema must be a JSON object", { file, pointer: "" });
  }
  const schema = json as JsonSchema;
  const expectedId = SCHEMA_ID_BASE + file;
  if (schema.$id !== expectedId) {
    throw new CannotRunError(`"$id" must be "${expectedId}" (found ${JSON.stringify(schema.$id) ?? "none"})`, { file, pointer: "/$id" });
  }
  const meta = metaSchemaProblem(schema);
  if (meta) throw new CannotRunError(meta.message, { file, pointer: meta.pointer });
  const unknown = unknownKeywords(schema);
  if (unknown.length > 0) throw new ProblemListError(unknown.map(({ pointer, message }) => ({ place: { file, pointer }, message })), file);
  return { file, id: expectedId, json: schema, text };
}

/** Every schema under `schemas/` that can be one, and a problem for each file that cannot. */
async function collectSchemaDocuments(files: ProjectFiles): Promise<{ documents: Map<string, SchemaDocument>; problems: Problem[]; broken: string[] }> {
  const documents = new Map<string, SchemaDocument>();
  const problems: Problem[] = [];
  const broken: string[] = [];
  for (const file of (await files.filesUnder("schemas")).filter((path) => path.endsWith(".schema.json"))) {
    try {
      const bytes = await files.read(file);
      if (bytes === undefined) throw new CannotRunError("file not found", { file });
      const document = schemaDocument(bytes.toString("utf8"), file);
      documents.set(document.id, document);
    } catch (error) {
      if (!(error instanceof CannotRunError)) throw error;
      problems.push(...problemsOf(error, { file }));
      broken.push(file);
    }
  }
  return { documents, problems, broken };
}

/** Every schema under `schemas/`; every file that cannot be one is a problem (all of them, in one throw). */
export async function readSchemaDocuments(files: ProjectFiles): Promise<Map<string, SchemaDocument>> {
  const { documents, problems } = await collectSchemaDocuments(files);
  if (problems.length > 0) throw new ProblemListError(problems, "schemas/");
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
  // The files that cannot be schemas are reported with everything the others show (dangling or cyclic
  // refs, missing types): one run reports it all. A ref to a broken file is that file's problem only.
  const { documents, problems, broken } = await collectSchemaDocuments(files);
  const brokenIds = broken.map((file) => `"${SCHEMA_ID_BASE}${file}#`);
  const known = new Set(registry.map((info) => info.type));
  for (const document of documents.values()) {
    const match = /^schemas\/events\/(.+)\.schema\.json$/.exec(document.file);
    if (match && !known.has(match[1]!)) {
      problems.push({ place: { file: document.file }, message: `no event type "${match[1]}" in scripts/event-types.ts; add it there or remove the schema` });
    }
  }
  const events = new Map<string, EventSchema>();
  for (const { type } of registry) {
    const file = eventSchemaFile(type);
    const document = documents.get(SCHEMA_ID_BASE + file);
    if (!document) {
      if (!broken.includes(file)) problems.push({ place: { file }, message: `missing schema for event type "${type}"` });
      continue;
    }
    try {
      const resolved = resolveSchema(document, documents);
      const constant = resolved.properties?.event_type?.const;
      if (constant !== type) {
        throw new CannotRunError(`"event_type" must be { "const": "${type}" } (found ${JSON.stringify(constant) ?? "none"})`, {
          file,
          pointer: "/properties/event_type/const",
        });
      }
      events.set(type, { eventType: type, document, resolved });
    } catch (error) {
      if (!(error instanceof CannotRunError)) throw error;
      problems.push(...problemsOf(error, { file }).filter((problem) => !brokenIds.some((id) => problem.message.includes(id))));
    }
  }
  if (problems.length > 0) throw new ProblemListError(problems, "schemas/");
  return { documents, events };
}
