/**
 * The Altcraft API schemas (`schemas/api/`) as the build's request and response checks use them: each
 * method's request schema compiled by the one ajv setup, and each method's response and request schema
 * resolved (every `$ref` inlined, `allOf` merged) for finding the properties a mapping names. Compiled and
 * resolved on first use, once per build.
 */
import { CannotRunError } from "../errors.js";
import { createAjv } from "../load/ajv.js";
import { SCHEMA_ID_BASE, type JsonSchema, type SchemaDocument } from "../load/json-schema.js";
import { resolveSchema } from "../load/resolve-refs.js";
import type { ValidateFunction } from "../runtime/load-validators.js";
import { API_SCHEMA_DIR, requestSchemaFile, responseSchemaFile } from "./api-request.js";

export interface ApiSchemas {
  /** The method's request validator; undefined when it has no request schema. */
  validator(method: string): ValidateFunction | undefined;
  request(method: string): JsonSchema | undefined;
  response(method: string): JsonSchema | undefined;
}

export function isApiSchema(document: SchemaDocument): boolean {
  return document.file.startsWith(`${API_SCHEMA_DIR}/`);
}

export function apiSchemas(documents: ReadonlyMap<string, SchemaDocument>): ApiSchemas {
  const api = [...documents.values()].filter(isApiSchema);
  let ajv: ReturnType<typeof createAjv> | undefined;
  const validators = new Map<string, ValidateFunction | undefined>();
  const resolved = new Map<string, JsonSchema | undefined>();
  const resolve = (file: string): JsonSchema | undefined => {
    if (!resolved.has(file)) {
      const document = documents.get(SCHEMA_ID_BASE + file);
      resolved.set(file, document ? resolveSchema(document, documents) : undefined);
    }
    return resolved.get(file);
  };
  return {
    validator(method) {
      if (!validators.has(method)) {
        ajv ??= createAjv(api);
        const id = SCHEMA_ID_BASE + requestSchemaFile(method);
        try {
          validators.set(method, documents.has(id) ? (ajv.getSchema(id) as ValidateFunction) : undefined);
        } catch (error) {
          throw new CannotRunError(`ajv cannot compile the schema: ${(error as Error).message}`, { file: requestSchemaFile(method) });
        }
      }
      return validators.get(method);
    },
    request: (method) => resolve(requestSchemaFile(method)),
    response: (method) => resolve(responseSchemaFile(method)),
  };
}
