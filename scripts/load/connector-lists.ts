/**
 * `connector/lists.yaml`: the lists action fields pick their values from, in display order. A static
 * list names its item keys (the values requests send; their names are in the locale files); a dynamic
 * list names the Altcraft API method that fetches it when a connection is made, its Parameters rows, and
 * where the items, their keys and their names are in the response.
 */
import type { ParsedNode } from "yaml";
import type { ConnectorList } from "../model/connector.js";
import { CODE_PATTERN } from "./codes.js";
import { BODY_KEY_PATTERN, readRequest, reportRepeatedKeys, type RequestEntry } from "./connector-requests.js";
import type { YamlReader } from "./yaml-file.js";

/** What a static list's item key may be: it is sent as is, and keys its label in the locale files. */
export const ITEM_KEY_PATTERN = /^[A-Za-z0-9_-]+$/;

export interface ListEntry {
  list: ConnectorList;
  /** Dynamic lists: the request as read, for cross-file checks. */
  request?: RequestEntry;
  nodes: { entry: ParsedNode; code: ParsedNode | null | undefined };
}

export interface ListsYaml {
  entries: ListEntry[];
}

function readPath(reader: YamlReader, node: ParsedNode | null | undefined, what: string, fallback: ParsedNode): string {
  const path = reader.string(node, what, fallback) ?? "";
  if (path && !BODY_KEY_PATTERN.test(path)) reader.report(node, `${what}: "${path}" is not a response path (expected a dotted path such as data or data.id)`);
  return path;
}

function readStaticItems(reader: YamlReader, node: ParsedNode | null | undefined, entry: ParsedNode): Array<{ key: string; place: ReturnType<YamlReader["place"]> }> {
  const items: Array<{ key: string; place: ReturnType<YamlReader["place"]> }> = [];
  const list = reader.list(node, "items", entry);
  if (list && list.length === 0) reader.report(node, "items: list at least one item");
  for (const item of list ?? []) {
    const key = reader.string(item, "item key", node);
    if (key === undefined) continue;
    if (!ITEM_KEY_PATTERN.test(key)) reader.report(item, `item key "${key}" must be Latin letters, digits, "_" or "-" (it is sent as is)`);
    else if (items.some((other) => other.key === key)) reader.report(item, `item "${key}" is listed twice`);
    else items.push({ key, place: reader.place(item) });
  }
  return items;
}

function readList(reader: YamlReader, node: ParsedNode): ListEntry | undefined {
  const keys = reader.mapping(node, "list", { required: ["code", "type", "items"], optional: ["method", "parameters"] });
  if (!keys) return undefined;
  const code = reader.string(keys.code, "code", node) ?? "";
  if (code && !CODE_PATTERN.test(code)) reader.report(keys.code, `list code "${code}" must be Latin letters and digits, starting with a letter (e.g. databases)`);
  const type = reader.string(keys.type, "type", node);
  const place = reader.place(node);
  if (type === "static") {
    for (const key of ["method", "parameters"] as const) {
      if (keys[key] !== undefined) reader.report(keys[key], `${key}: a static list makes no request; remove it (or make the list dynamic)`, node);
    }
    return { list: { code, type: "static", items: readStaticItems(reader, keys.items, node), place }, nodes: { entry: node, code: keys.code } };
  }
  if (type !== "dynamic") {
    if (type !== undefined) reader.report(keys.type, `type: expected static or dynamic, found "${type}"`);
    return undefined;
  }
  if (keys.method === undefined) reader.report(node, "list: missing key \"method\" (a dynamic list fetches its items with it)");
  const request = readRequest(reader, { method: keys.method, parameters: keys.parameters }, "list", node);
  reportRepeatedKeys(reader, request.rows.map((row) => ({ key: row.row.key, node: row.nodes.entry })), "parameters");
  const mapping = reader.mapping(keys.items, "items", { required: ["path", "key", "name"] }, node) ?? {};
  const items = {
    path: readPath(reader, mapping.path, "items path", node),
    key: readPath(reader, mapping.key, "item key", node),
    name: readPath(reader, mapping.name, "item name", node),
    place: reader.place(keys.items, node),
  };
  return { list: { code, type: "dynamic", request: request.request, items, place }, request, nodes: { entry: node, code: keys.code } };
}

export function readListsYaml(reader: YamlReader): ListsYaml {
  const root = reader.yaml.contents;
  const keys = reader.mapping(root, "lists.yaml", { required: ["lists"] }) ?? {};
  const entries: ListEntry[] = [];
  const first = new Map<string, ListEntry>();
  for (const item of reader.list(keys.lists, "lists", root) ?? []) {
    const entry = readList(reader, item);
    if (!entry) continue;
    const earlier = entry.list.code ? first.get(entry.list.code) : undefined;
    if (earlier) reader.report(entry.nodes.code, `duplicate list code "${entry.list.code}" (first used at line ${reader.line(earlier.nodes.entry)})`);
    else if (entry.list.code) first.set(entry.list.code, entry);
    entries.push(entry);
  }
  return { entries };
}
