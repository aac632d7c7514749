/**
 * `connector/actions.yaml`: one entry per Albato action, in display order. An action names the Altcraft
 * API method it calls, its input fields in the order a user fills them (each with the body keys its
 * value goes to), extra Parameters rows (constants, a field's value sent under a second key or type), and
 * its response fields. Fields several actions share (how the profile is found) are written once under
 * `field_sets` and taken with `- use: <set>`.
 *
 * This file checks what the file alone shows; `connector-api-checks.ts` checks lists, connection values
 * and label coverage across files.
 */
import { isSeq, type ParsedNode, type Scalar } from "yaml";
import type { ConnectorAction, ConnectorActionField, ConnectorResponseField } from "../model/connector.js";
import { CODE_PATTERN } from "./codes.js";
import { BODY_KEY_PATTERN, readBodyKey, readFieldType, readRequest, readScalarText, reportRepeatedKeys, type RequestEntry } from "./connector-requests.js";
import { didYouMean } from "./nearest-key.js";
import { parseTemplate } from "./template.js";
import type { YamlReader } from "./yaml-file.js";

export interface ActionEntry {
  action: ConnectorAction;
  request: RequestEntry;
  nodes: {
    entry: ParsedNode;
    code: ParsedNode | null | undefined;
    /** Each input field's `list` node, by field id, for the list check. */
    lists: Map<string, ParsedNode | null | undefined>;
  };
}

export interface ActionsYaml {
  entries: ActionEntry[];
}

interface FieldEntry {
  field: ConnectorActionField;
  nodes: { entry: ParsedNode; id: ParsedNode | null | undefined; list: ParsedNode | null | undefined; to: Array<{ key: string; node: ParsedNode }> };
  /** Where a problem of this field in this action points: its own entry, or the `- use:` that brought it. */
  at?: ParsedNode;
}

/** An example as the text a user would type: a scalar as written, a list joined with ", " (Albato's array input). */
function readExample(reader: YamlReader, node: ParsedNode | null | undefined, entry: ParsedNode): string {
  if (isSeq(node)) {
    const parts = (node.items as ParsedNode[]).map((item) => readScalarText(reader, item, "example item", node));
    return parts.every((part) => part !== undefined) ? parts.join(", ") : "";
  }
  return readScalarText(reader, node, "example", entry) ?? "";
}

function readTo(reader: YamlReader, node: ParsedNode | null | undefined, entry: ParsedNode): Array<{ key: string; node: ParsedNode }> {
  if (node === undefined) return [];
  const items = isSeq(node) ? (node.items as ParsedNode[]) : [node as ParsedNode];
  if (isSeq(node) && items.length === 0) reader.report(node, "to: name at least one body key", entry);
  const keys: Array<{ key: string; node: ParsedNode }> = [];
  for (const item of items) {
    const key = readBodyKey(reader, item, "to", entry);
    if (key !== undefined) keys.push({ key, node: item });
  }
  return keys;
}

function readField(reader: YamlReader, node: ParsedNode, set: string | undefined): FieldEntry | undefined {
  const keys = reader.mapping(node, "field", { required: ["id", "type", "example", "to"], optional: ["list", "required"] });
  if (!keys) return undefined;
  const id = reader.string(keys.id, "id", node) ?? "";
  if (id && !CODE_PATTERN.test(id)) reader.report(keys.id, `field id "${id}" must be Latin letters and digits, starting with a letter (e.g. firstName)`);
  const type = readFieldType(reader, keys.type, "type", node);
  const list = keys.list === undefined ? undefined : reader.string(keys.list, "list", node);
  const to = readTo(reader, keys.to, node);
  const field: ConnectorActionField = {
    id,
    type: type ?? "String",
    ...(list !== undefined ? { list } : {}),
    required: keys.required === undefined ? false : (reader.boolean(keys.required, "required", node) ?? false),
    example: readExample(reader, keys.example, node),
    to: to.map((entry) => entry.key),
    ...(set !== undefined ? { set } : {}),
    place: reader.place(node),
  };
  return { field, nodes: { entry: node, id: keys.id, list: keys.list, to } };
}

function readResponseField(reader: YamlReader, node: ParsedNode): { field: ConnectorResponseField; idNode: ParsedNode | null | undefined } | undefined {
  const keys = reader.mapping(node, "response field", { required: ["id", "type", "from"] });
  if (!keys) return undefined;
  const id = reader.string(keys.id, "id", node) ?? "";
  if (id && !CODE_PATTERN.test(id)) reader.report(keys.id, `field id "${id}" must be Latin letters and digits, starting with a letter (e.g. profileId)`);
  const from = reader.string(keys.from, "from", node) ?? "";
  if (from && !BODY_KEY_PATTERN.test(from)) reader.report(keys.from, `from: "${from}" is not a response path (expected a dotted path such as profile_id or data._fname)`);
  const type = readFieldType(reader, keys.type, "type", node);
  return { field: { id, type: type ?? "String", from, place: reader.place(node) }, idNode: keys.id };
}

/** `field_sets`: name → the raw field nodes (read again for each action that uses them, so problems name the set). */
function readFieldSets(reader: YamlReader, node: ParsedNode | null | undefined, root: ParsedNode | null): Map<string, { node: Scalar; items: ParsedNode[] }> {
  const sets = new Map<string, { node: Scalar; items: ParsedNode[] }>();
  for (const entry of reader.entries(node, "field_sets", root) ?? []) {
    if (!CODE_PATTERN.test(entry.key)) reader.report(entry.keyNode, `field set name "${entry.key}" must be Latin letters and digits, starting with a letter`);
    const items = reader.list(entry.value, `field set "${entry.key}"`, entry.keyNode);
    if (items && items.length === 0) reader.report(entry.value, `field set "${entry.key}": list at least one field`, entry.keyNode);
    sets.set(entry.key, { node: entry.keyNode, items: items ?? [] });
  }
  return sets;
}

function readAction(reader: YamlReader, node: ParsedNode, sets: ReturnType<typeof readFieldSets>, used: Set<string>, setFields: Map<string, FieldEntry[]>): ActionEntry | undefined {
  const keys = reader.mapping(node, "action", { required: ["code", "method", "fields"], optional: ["parameters", "response"] });
  if (!keys) return undefined;
  const code = reader.string(keys.code, "code", node) ?? "";
  if (code && !CODE_PATTERN.test(code)) reader.report(keys.code, `action code "${code}" must be Latin letters and digits, starting with a letter (e.g. profileImport)`);
  const request = readRequest(reader, { method: keys.method, parameters: keys.parameters }, "action", node);

  const fields: FieldEntry[] = [];
  const fieldItems = reader.list(keys.fields, "fields", node) ?? [];
  if (isSeq(keys.fields) && fieldItems.length === 0) reader.report(keys.fields, "fields: list at least one field");
  for (const item of fieldItems) {
    const use = reader.entries(item, "field")?.find((entry) => entry.key === "use");
    if (use === undefined) {
      const field = readField(reader, item, undefined);
      if (field) fields.push(field);
      continue;
    }
    reader.mapping(item, "field set use", { required: ["use"] });
    const name = reader.string(use.value, "use", item);
    if (name === undefined) continue;
    const set = sets.get(name);
    if (!set) {
      reader.report(use.value, `use: unknown field set "${name}"${didYouMean(name, sets.keys())}; the sets are under field_sets`);
      continue;
    }
    used.add(name);
    // A set's problems are reported once, at the set, however many actions use it.
    let read = setFields.get(name);
    if (!read) {
      read = set.items.flatMap((setItem) => readField(reader, setItem, name) ?? []);
      setFields.set(name, read);
    }
    fields.push(...read.map((entry) => ({ ...entry, field: { ...entry.field }, at: item })));
  }

  const response: ConnectorResponseField[] = [];
  const ids = new Map<string, ParsedNode>();
  const claim = (id: string, at: ParsedNode | null | undefined): void => {
    if (!id) return;
    const earlier = ids.get(id);
    if (earlier) reader.report(at, `action "${code}": field id "${id}" is already used at line ${reader.line(earlier)}`);
    else if (at) ids.set(id, at);
  };
  for (const entry of fields) claim(entry.field.id, entry.at ?? entry.nodes.id);
  for (const item of reader.list(keys.response, "response", node) ?? []) {
    const read = readResponseField(reader, item);
    if (!read) continue;
    claim(read.field.id, read.idNode ?? item);
    response.push(read.field);
  }

  // Extra rows name this action's input fields (a connection value is checked against app.yaml later).
  const inputIds = fields.map((entry) => entry.field.id);
  for (const row of request.rows) {
    const template = parseTemplate(row.row.value);
    if ("error" in template || template.kind !== "field") continue;
    if (!inputIds.includes(template.name)) {
      const isResponse = response.some((field) => field.id === template.name);
      reader.report(
        row.nodes.value,
        isResponse
          ? `value: "${template.name}" is a response field of action "${code}"; a request can only send input fields`
          : `value: action "${code}" has no field "${template.name}"${didYouMean(template.name, inputIds)}`,
      );
    }
  }
  reportRepeatedKeys(
    reader,
    [
      ...fields.flatMap((entry) => entry.nodes.to.map((to) => ({ key: to.key, node: entry.at ?? to.node }))),
      ...request.rows.map((row) => ({ key: row.row.key, node: row.nodes.entry })),
    ],
    `action "${code}"`,
  );

  const lists = new Map(fields.map((entry) => [entry.field.id, entry.nodes.list]));
  return {
    action: { code, request: request.request, fields: fields.map((entry) => entry.field), response, place: reader.place(node) },
    request,
    nodes: { entry: node, code: keys.code, lists },
  };
}

export function readActionsYaml(reader: YamlReader): ActionsYaml {
  const root = reader.yaml.contents;
  const keys = reader.mapping(root, "actions.yaml", { required: ["actions"], optional: ["field_sets"] }) ?? {};
  const sets = readFieldSets(reader, keys.field_sets, root);
  const used = new Set<string>();
  const setFields = new Map<string, FieldEntry[]>();
  const entries: ActionEntry[] = [];
  const first = new Map<string, ActionEntry>();
  for (const item of reader.list(keys.actions, "actions", root) ?? []) {
    const entry = readAction(reader, item, sets, used, setFields);
    if (!entry) continue;
    const earlier = entry.action.code ? first.get(entry.action.code) : undefined;
    if (earlier) reader.report(entry.nodes.code, `duplicate action code "${entry.action.code}" (first used at line ${reader.line(earlier.nodes.entry)})`);
    else if (entry.action.code) first.set(entry.action.code, entry);
    entries.push(entry);
  }
  for (const [name, set] of sets) {
    if (!used.has(name)) reader.report(set.node, `field set "${name}" is used by no action; remove it or use it`);
  }
  return { entries };
}
