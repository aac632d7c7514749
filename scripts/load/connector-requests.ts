/**
 * Requests as the connector YAML writes them (the connection test, dynamic lists, actions): the Altcraft
 * API method by its id in scripts/api-methods.ts, and Parameters rows `{ key, value, type }`. What one
 * file shows is checked here (key syntax, template syntax, known types, a key written twice, a method of
 * the right kind); what rows name elsewhere (fields, connection values) is checked by the callers.
 */
import { isScalar, type ParsedNode } from "yaml";
import { apiMethod, apiMethods, TOKEN_PLACEMENT, type ApiMethodKind } from "../api-methods.js";
import { ALBATO_FIELD_TYPES, type AlbatoFieldType } from "../model/manifest.js";
import type { ConnectorRequest, ConnectorRow } from "../model/connector.js";
import { didYouMean } from "./nearest-key.js";
import { parseTemplate } from "./template.js";
import { describeNode, type YamlReader } from "./yaml-file.js";

/** A dotted path in a JSON body: `db_id`, `data._fname`, `timeout.minutes` (no array indexes: Albato's syntax for them is not documented). */
export const BODY_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** A row's node, where later checks point. */
export interface RowEntry {
  row: ConnectorRow;
  nodes: { entry: ParsedNode; value: ParsedNode | null | undefined };
}

export interface RequestEntry {
  request: ConnectorRequest;
  rows: RowEntry[];
  nodes: { method: ParsedNode | null | undefined };
}

/** An Albato field type named in YAML. */
export function readFieldType(reader: YamlReader, node: ParsedNode | null | undefined, what: string, fallback?: ParsedNode | null): AlbatoFieldType | undefined {
  const type = reader.string(node, what, fallback);
  if (type === undefined) return undefined;
  if (!(ALBATO_FIELD_TYPES as readonly string[]).includes(type)) {
    reader.report(node, `${what}: unknown Albato field type "${type}"${didYouMean(type, ALBATO_FIELD_TYPES)} (known: ${ALBATO_FIELD_TYPES.join(", ")})`);
    return undefined;
  }
  return type as AlbatoFieldType;
}

/** A scalar written as text: `1000`, `true` and `"1000"` all give the text a Parameters row holds. */
export function readScalarText(reader: YamlReader, node: ParsedNode | null | undefined, what: string, fallback?: ParsedNode | null): string | undefined {
  if (node === undefined) return undefined;
  if (!isScalar(node) || node.value === null || typeof node.value === "object") {
    reader.report(node, `${what}: expected text, a number or true/false, found ${describeNode(node)}`, fallback);
    return undefined;
  }
  const text = String((node as { source?: string }).source ?? node.value);
  if (text === "") reader.report(node, `${what}: expected a value, found an empty string`, fallback);
  return text;
}

export function readBodyKey(reader: YamlReader, node: ParsedNode | null | undefined, what: string, fallback?: ParsedNode | null): string | undefined {
  const key = reader.string(node, what, fallback);
  if (key === undefined) return undefined;
  if (!BODY_KEY_PATTERN.test(key)) {
    reader.report(node, `${what}: "${key}" is not a body key (expected a dotted path such as db_id or data._fname)`);
    return undefined;
  }
  if (key === TOKEN_PLACEMENT.bodyKey) {
    reader.report(node, `${what}: every request carries "${key}" already (the API token, from the authorization); remove the row`);
    return undefined;
  }
  return key;
}

function readRow(reader: YamlReader, node: ParsedNode): RowEntry | undefined {
  const keys = reader.mapping(node, "parameter", { required: ["key", "value"], optional: ["type"] });
  if (!keys) return undefined;
  const key = readBodyKey(reader, keys.key, "key", node);
  const value = readScalarText(reader, keys.value, "value", node);
  const type = keys.type === undefined ? undefined : readFieldType(reader, keys.type, "type", node);
  if (value !== undefined) {
    const template = parseTemplate(value);
    if ("error" in template) reader.report(keys.value, `value: ${template.error}`);
  }
  if (key === undefined || value === undefined) return undefined;
  const row: ConnectorRow = { key, value, ...(type ? { type } : {}), place: reader.place(node) };
  return { row, nodes: { entry: node, value: keys.value } };
}

/** `parameters:` rows, each key once. */
export function readRows(reader: YamlReader, node: ParsedNode | null | undefined, fallback: ParsedNode): RowEntry[] {
  const rows: RowEntry[] = [];
  for (const item of reader.list(node, "parameters", fallback) ?? []) {
    const entry = readRow(reader, item);
    if (entry) rows.push(entry);
  }
  return rows;
}

/** The method id, which must name a registered method of the given kind (any kind when none is given). */
export function readMethod(reader: YamlReader, node: ParsedNode | null | undefined, kind: ApiMethodKind | undefined, fallback: ParsedNode): string {
  const method = reader.string(node, "method", fallback) ?? "";
  if (!method) return method;
  const info = apiMethod(method);
  const candidates = apiMethods()
    .filter((candidate) => kind === undefined || candidate.kind === kind)
    .map((candidate) => candidate.id);
  if (info === undefined) {
    reader.report(node, `method: unknown Altcraft API method "${method}"${didYouMean(method, candidates)}; the methods are in scripts/api-methods.ts`);
  } else if (kind !== undefined && info.kind !== kind) {
    reader.report(node, `method: "${method}" is ${info.kind === "list" ? "a list" : "an action"} method; ${kind === "list" ? "a list" : "an action"} calls one of ${candidates.join(", ")}`);
  }
  return method;
}

/** A request: its method and its rows, as written on one entry. */
export function readRequest(
  reader: YamlReader,
  nodes: { method: ParsedNode | null | undefined; parameters: ParsedNode | null | undefined },
  kind: ApiMethodKind | undefined,
  entry: ParsedNode,
): RequestEntry {
  const method = readMethod(reader, nodes.method, kind, entry);
  const rows = nodes.parameters === undefined ? [] : readRows(reader, nodes.parameters, entry);
  return { request: { method, rows: rows.map((row) => row.row), place: reader.place(entry) }, rows, nodes: { method: nodes.method } };
}

/** Two rows (or a field and a row) filling the same body key: Albato would send one of them. */
export function reportRepeatedKeys(reader: YamlReader, keyed: ReadonlyArray<{ key: string; node: ParsedNode }>, what: string): void {
  const first = new Map<string, ParsedNode>();
  for (const { key, node } of keyed) {
    const earlier = first.get(key);
    if (earlier) reader.report(node, `${what}: body key "${key}" is already filled at line ${reader.line(earlier)}`);
    else first.set(key, node);
  }
}
