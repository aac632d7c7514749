/**
 * The request widgets of the Altcraft API side (the connection test, dynamic lists, actions): the Request
 * tab (POST to the method's path on the connection's host, JSON, the Parameters rows with the API token
 * first) and the Errors tab, both from the facts scripts/api-methods.ts records, so confirming a fact
 * there changes every request at once.
 */
import { apiMethod, INVALID_CREDENTIAL_CODES, SUCCESS_CODE, TOKEN_PLACEMENT } from "../api-methods.js";
import { parseTemplate, connectionTemplate, fieldTemplate } from "../load/template.js";
import type { ConnectorApi, ConnectorRow } from "../model/connector.js";
import type { AlbatoFieldType, ErrorRule, ManifestRequest, ParameterRow } from "../model/manifest.js";

export const API_SCHEMA_DIR = "schemas/api";

export function requestSchemaFile(method: string): string {
  return `${API_SCHEMA_DIR}/${method}.request.schema.json`;
}

export function responseSchemaFile(method: string): string {
  return `${API_SCHEMA_DIR}/${method}.response.schema.json`;
}

/** What requests know of the fields they name: an action field's code and type by its id. */
export interface FieldLookup {
  code(id: string): string;
  type(id: string): AlbatoFieldType | undefined;
}

export const NO_FIELDS: FieldLookup = { code: (id) => id, type: () => undefined };

/** A written row as the manifest has it: field ids become codes, the type defaults to the field's (else String). */
export function manifestRow(row: ConnectorRow, fields: FieldLookup): ParameterRow {
  const template = parseTemplate(row.value);
  if (!("error" in template) && template.kind === "field") {
    return { key: row.key, value: fieldTemplate(fields.code(template.name)), type: row.type ?? fields.type(template.name) ?? "String" };
  }
  return { key: row.key, value: row.value, type: row.type ?? "String" };
}

/** The Request tab: the token row first, then `rows` as given. */
export function deriveRequest(method: string, api: ConnectorApi, rows: readonly ParameterRow[]): ManifestRequest {
  const path = apiMethod(method)?.path ?? `/api/v1.1/${method}`;
  return {
    method: "POST",
    url: `https://${connectionTemplate(api.hostField)}${path}`,
    contentType: "JSON",
    parameters: [{ key: TOKEN_PLACEMENT.bodyKey, value: connectionTemplate(api.tokenField), type: "String" }, ...rows],
    source: { method, requestSchema: requestSchemaFile(method), responseSchema: responseSchemaFile(method) },
  };
}

const ERROR_MESSAGE = "Altcraft error {{data.error}}: {{data.error_text}}";

/**
 * The Errors tab of every Altcraft request. Application errors come back with HTTP 200 and a non-zero
 * `error` (inferred, APP_ERROR_HTTP_STATUS), so the blocks test the body: a token error is InvalidCredential
 * (Albato then asks the user to fix the connection), any other non-zero code is Default. The blocks do not
 * overlap, so their order does not matter.
 */
export function errorRules(): ErrorRule[] {
  const credential = INVALID_CREDENTIAL_CODES.map((code): ErrorRule => ({
    type: "InvalidCredential",
    all: [{ variable: "data.error", operator: "equal", value: String(code) }],
    message: ERROR_MESSAGE,
  }));
  const other: ErrorRule = {
    type: "Default",
    all: [SUCCESS_CODE, ...INVALID_CREDENTIAL_CODES].map((code) => ({ variable: "data.error", operator: "not equal", value: String(code) })),
    message: ERROR_MESSAGE,
  };
  return [...credential, other];
}
