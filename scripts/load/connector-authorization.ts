/**
 * The `authorization` and `api` blocks of `connector/app.yaml`: Albato's Custom authorization with the
 * fields a connection asks for (the Altcraft API token) and the connection test request, and which
 * connection and authorization fields hold the account's host and the token.
 */
import { isSeq, type ParsedNode } from "yaml";
import { AUTHORIZATION_FIELD_TYPES, type ConnectorApi, type ConnectorAuthorization, type ConnectorAuthorizationField } from "../model/connector.js";
import { CODE_PATTERN } from "./codes.js";
import { readRequest, type RequestEntry } from "./connector-requests.js";
import { didYouMean } from "./nearest-key.js";
import type { YamlReader } from "./yaml-file.js";

export interface AuthorizationYaml {
  authorization: ConnectorAuthorization;
  test: RequestEntry;
  nodes: { fields: Map<string, ParsedNode> };
}

function readField(reader: YamlReader, node: ParsedNode): ConnectorAuthorizationField | undefined {
  const keys = reader.mapping(node, "authorization field", { required: ["code", "type", "required", "editable"] });
  if (!keys) return undefined;
  const code = reader.string(keys.code, "code", node) ?? "";
  if (code && !CODE_PATTERN.test(code)) reader.report(keys.code, `authorization field code "${code}" must be Latin letters and digits, starting with a letter`);
  const type = reader.string(keys.type, "type", node) ?? "";
  const types: readonly string[] = AUTHORIZATION_FIELD_TYPES;
  if (type && !types.includes(type)) {
    reader.report(keys.type, `type: unknown authorization field type "${type}"${didYouMean(type, types)} (known: ${types.join(", ")})`);
  }
  return {
    code,
    type: type as ConnectorAuthorizationField["type"],
    required: reader.boolean(keys.required, "required", node) ?? false,
    editable: reader.boolean(keys.editable, "editable", node) ?? false,
    place: reader.place(node),
  };
}

export function readAuthorization(reader: YamlReader, node: ParsedNode | null | undefined, fallback: ParsedNode | null): AuthorizationYaml | undefined {
  const keys = reader.mapping(node, "authorization", { required: ["type", "fields", "test"] }, fallback);
  if (!keys) return undefined;
  const type = reader.string(keys.type, "authorization type", node);
  if (type !== undefined && type !== "custom") {
    reader.report(keys.type, `authorization type: expected "custom" (the Altcraft API token is an authorization field), found "${type}"`);
  }
  const fields: ConnectorAuthorizationField[] = [];
  const fieldNodes = new Map<string, ParsedNode>();
  for (const item of reader.list(keys.fields, "authorization fields", node) ?? []) {
    const field = readField(reader, item);
    if (!field) continue;
    if (fieldNodes.has(field.code)) reader.report(item, `authorization field code "${field.code}" is used twice`);
    else fieldNodes.set(field.code, item);
    fields.push(field);
  }
  if (isSeq(keys.fields) && keys.fields.items.length === 0) reader.report(keys.fields, "authorization fields: list at least one (the API token)");
  const testNode = keys.test;
  const testKeys = reader.mapping(testNode, "authorization test", { required: ["method"], optional: ["parameters"] }, node) ?? {};
  const test = readRequest(reader, { method: testKeys.method, parameters: testKeys.parameters }, undefined, testNode ?? (node as ParsedNode));
  return { authorization: { type: "custom", fields, test: test.request, place: reader.place(node) }, test, nodes: { fields: fieldNodes } };
}

export interface ApiYaml {
  api: ConnectorApi;
  nodes: { hostField: ParsedNode | null | undefined; tokenField: ParsedNode | null | undefined };
}

export function readApi(reader: YamlReader, node: ParsedNode | null | undefined, fallback: ParsedNode | null): ApiYaml | undefined {
  const keys = reader.mapping(node, "api", { required: ["host_field", "token_field"] }, fallback);
  if (!keys) return undefined;
  return {
    api: {
      hostField: reader.string(keys.host_field, "host_field", node) ?? "",
      tokenField: reader.string(keys.token_field, "token_field", node) ?? "",
      place: reader.place(node),
    },
    nodes: { hostField: keys.host_field, tokenField: keys.token_field },
  };
}
