/**
 * Checks across app.yaml, lists.yaml and actions.yaml: the API block names a host connection field and a
 * token authorization field of the right types; authorization and connection field codes do not clash
 * (requests name both as `{{connection.<code>}}`); every connection value a request names exists; every
 * list a field names exists, and every list is used.
 */
import type { ParsedNode } from "yaml";
import type { AppYaml } from "./connector-app.js";
import type { ActionsYaml } from "./connector-actions.js";
import type { ListsYaml } from "./connector-lists.js";
import type { RowEntry } from "./connector-requests.js";
import { didYouMean } from "./nearest-key.js";
import { parseTemplate } from "./template.js";
import type { YamlReader } from "./yaml-file.js";

export interface ApiReaders {
  app: YamlReader;
  lists: YamlReader;
  actions: YamlReader;
}

function checkApiBlock(reader: YamlReader, app: AppYaml): void {
  if (!app.api || !app.authorization) return;
  const { api, nodes } = app.api;
  const host = app.connectionFields.find((field) => field.code === api.hostField);
  if (api.hostField && !host) {
    reader.report(nodes.hostField, `host_field: no connection field "${api.hostField}"${didYouMean(api.hostField, app.connectionFields.map((field) => field.code))}`);
  } else if (host && host.type !== "string") {
    reader.report(nodes.hostField, `host_field: connection field "${host.code}" is of type ${host.type}; the account's host is typed in, so it must be a string field`);
  }
  const fields = app.authorization.authorization.fields;
  const token = fields.find((field) => field.code === api.tokenField);
  if (api.tokenField && !token) {
    reader.report(nodes.tokenField, `token_field: no authorization field "${api.tokenField}"${didYouMean(api.tokenField, fields.map((field) => field.code))}`);
  } else if (token && token.type !== "password") {
    reader.report(nodes.tokenField, `token_field: authorization field "${token.code}" is of type ${token.type}; a token must be a password field (masked)`);
  }
  for (const field of fields) {
    const clash = app.connectionFields.find((other) => other.code === field.code);
    if (clash) {
      reader.report(app.authorization.nodes.fields.get(field.code), `authorization field "${field.code}" has the code of a connection field (line ${clash.place.line}); requests name both as {{connection.${field.code}}}`);
    }
  }
}

/** `fieldless`: what the rows belong to when they have no fields to name (a list, the connection test). */
function checkConnectionValues(reader: YamlReader, rows: readonly RowEntry[], known: readonly string[], fieldless?: string): void {
  for (const row of rows) {
    const template = parseTemplate(row.row.value);
    if ("error" in template) continue;
    if (template.kind === "field" && fieldless !== undefined) {
      reader.report(row.nodes.value, `value: ${fieldless} has no fields for {{${template.name}}} to name; write a literal or {{connection.<field>}}`);
      continue;
    }
    if (template.kind !== "connection") continue;
    if (!known.includes(template.name)) {
      reader.report(row.nodes.value, `value: no authorization or connection field "${template.name}"${didYouMean(template.name, known)} (they are in connector/app.yaml)`);
    }
  }
}

function checkLists(readers: ApiReaders, lists: ListsYaml, actions: ActionsYaml): void {
  const codes = lists.entries.map((entry) => entry.list.code).filter(Boolean);
  const used = new Set<string>();
  for (const entry of actions.entries) {
    for (const field of entry.action.fields) {
      if (field.list === undefined) continue;
      used.add(field.list);
      if (!codes.includes(field.list)) {
        readers.actions.report(entry.nodes.lists.get(field.id) as ParsedNode | undefined, `list: no list "${field.list}"${didYouMean(field.list, codes)} in connector/lists.yaml`, entry.nodes.entry);
      }
    }
  }
  for (const entry of lists.entries) {
    if (entry.list.code && !used.has(entry.list.code)) {
      readers.lists.report(entry.nodes.code, `list "${entry.list.code}" is used by no action field; remove it or use it (a dynamic list is fetched for every connection)`, entry.nodes.entry);
    }
  }
}

export function checkApiDefinitions(readers: ApiReaders, app: AppYaml, lists: ListsYaml, actions: ActionsYaml): void {
  checkApiBlock(readers.app, app);
  const known = [...(app.authorization?.authorization.fields ?? []), ...app.connectionFields].map((field) => field.code).filter(Boolean);
  if (app.authorization) checkConnectionValues(readers.app, app.authorization.test.rows, known, "the connection test");
  for (const entry of lists.entries) if (entry.request) checkConnectionValues(readers.lists, entry.request.rows, known, `list "${entry.list.code}"`);
  for (const entry of actions.entries) checkConnectionValues(readers.actions, entry.request.rows, known);
  checkLists(readers, lists, actions);
}
