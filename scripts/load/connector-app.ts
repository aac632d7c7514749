/**
 * `connector/app.yaml`: the app's identity, links, logo, authorization (the Altcraft API token and the
 * connection test), where API requests find the account, connection fields and trigger groups.
 */
import { isSeq, type ParsedNode } from "yaml";
import {
  CONNECTION_FIELD_TYPES,
  type ConnectorApp,
  type ConnectorConnectionField,
} from "../model/connector.js";
import { CODE_PATTERN } from "./codes.js";
import { readApi, readAuthorization, type ApiYaml, type AuthorizationYaml } from "./connector-authorization.js";
import { didYouMean } from "./nearest-key.js";
import type { YamlReader } from "./yaml-file.js";

export { CODE_PATTERN };

/**
 * semver.org's grammar without build metadata: major.minor.patch and an optional pre-release. The
 * version names the package file and is the manifest's `app.version`, whose schema
 * (schemas/manifest/app.schema.json) takes no `+build` part; test/connector-version.test.ts keeps every
 * version this accepts one that schema accepts.
 */
export const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?$/;

export interface AppYaml {
  app: ConnectorApp;
  /** Undefined when the block is missing or malformed (a problem says why). */
  authorization: AuthorizationYaml | undefined;
  api: ApiYaml | undefined;
  connectionFields: ConnectorConnectionField[];
  groups: string[];
  /** Nodes later checks point at. */
  nodes: { logo: ParsedNode | null | undefined; groups: ParsedNode | null | undefined; connectionFields: Map<string, ParsedNode> };
}

function httpsUrl(reader: YamlReader, node: ParsedNode | null | undefined, what: string): string {
  const text = reader.string(node, what);
  if (text === undefined) return "";
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== "https:") reader.report(node, `${what}: expected an https:// URL, found "${text}"`);
  return text;
}

function readConnectionField(reader: YamlReader, node: ParsedNode): ConnectorConnectionField | undefined {
  const what = "connection field";
  const keys = reader.mapping(node, what, {
    required: ["code", "type", "required_when_creating", "required_when_editing"],
  });
  if (!keys) return undefined;
  const code = reader.string(keys.code, "code", node) ?? "";
  if (code && !CODE_PATTERN.test(code)) {
    reader.report(keys.code, `connection field code "${code}" must be Latin letters and digits, starting with a letter`);
  }
  const type = reader.string(keys.type, "type", node) ?? "";
  const types: readonly string[] = CONNECTION_FIELD_TYPES;
  if (type && !types.includes(type)) {
    reader.report(keys.type, `type: unknown connection field type "${type}"${didYouMean(type, types)} (known: ${types.join(", ")})`);
  }
  return {
    code,
    type: type as ConnectorConnectionField["type"],
    requiredWhenCreating: reader.boolean(keys.required_when_creating, "required_when_creating", node) ?? false,
    requiredWhenEditing: reader.boolean(keys.required_when_editing, "required_when_editing", node) ?? false,
    place: reader.place(node),
  };
}

function readConnectionFields(reader: YamlReader, node: ParsedNode | null | undefined, nodes: Map<string, ParsedNode>): ConnectorConnectionField[] {
  const fields: ConnectorConnectionField[] = [];
  for (const item of reader.list(node, "connection_fields") ?? []) {
    const field = readConnectionField(reader, item);
    if (!field) continue;
    if (fields.some((other) => other.code === field.code)) {
      reader.report(item, `connection field code "${field.code}" is used twice`);
    } else {
      nodes.set(field.code, item);
    }
    fields.push(field);
  }
  const webhooks = fields.filter((field) => field.type === "Webhook");
  if (isSeq(node) && webhooks.length !== 1) {
    reader.report(node, `connection_fields: expected exactly one field of type Webhook (webhook triggers need it), found ${webhooks.length}`);
  }
  return fields;
}

function readGroups(reader: YamlReader, node: ParsedNode | null | undefined): string[] {
  const groups: string[] = [];
  for (const item of reader.list(node, "groups") ?? []) {
    const group = reader.string(item, "group code", node);
    if (group === undefined) continue;
    if (!CODE_PATTERN.test(group)) {
      reader.report(item, `group code "${group}" must be Latin letters and digits, starting with a letter`);
    } else if (groups.includes(group)) {
      reader.report(item, `group "${group}" is listed twice`);
    } else {
      groups.push(group);
    }
  }
  if (isSeq(node) && node.items.length === 0) reader.report(node, "groups: list at least one group");
  return groups;
}

export function readAppYaml(reader: YamlReader): AppYaml {
  const root = reader.yaml.contents;
  const keys =
    reader.mapping(root, "app.yaml", {
      required: ["code", "version", "website", "docs_url", "logo", "categories", "authorization", "api", "connection_fields", "groups"],
    }) ?? {};
  const code = reader.string(keys.code, "code", root) ?? "";
  if (code && !CODE_PATTERN.test(code)) {
    reader.report(keys.code, `code "${code}" must be Latin letters and digits, starting with a letter`);
  }
  const version = reader.string(keys.version, "version", root) ?? "";
  if (version && !SEMVER.test(version)) {
    const build = /^[^+]*(\+.*)$/.exec(version)?.[1];
    reader.report(
      keys.version,
      build !== undefined && SEMVER.test(version.slice(0, -build.length))
        ? `version "${version}": build metadata ("${build}") is not taken (the version names the package and is the app's version on Albato); use major.minor.patch with an optional pre-release, e.g. ${version.slice(0, -build.length)}`
        : `version "${version}" is not a semantic version (expected e.g. 1.2.0 or 1.2.0-rc.1)`,
    );
  }
  const categories = reader.stringList(keys.categories, "categories", root) ?? [];
  const connectionFieldNodes = new Map<string, ParsedNode>();
  if (isSeq(keys.categories) && keys.categories.items.length === 0) {
    reader.report(keys.categories, "categories: list at least one category");
  }
  return {
    app: {
      code,
      version,
      website: httpsUrl(reader, keys.website, "website"),
      docsUrl: httpsUrl(reader, keys.docs_url, "docs_url"),
      logo: reader.string(keys.logo, "logo", root) ?? "",
      categories,
      place: reader.place(root),
    },
    authorization: keys.authorization === undefined ? undefined : readAuthorization(reader, keys.authorization, root),
    api: keys.api === undefined ? undefined : readApi(reader, keys.api, root),
    connectionFields: readConnectionFields(reader, keys.connection_fields, connectionFieldNodes),
    groups: readGroups(reader, keys.groups),
    nodes: { logo: keys.logo, groups: keys.groups, connectionFields: connectionFieldNodes },
  };
}
