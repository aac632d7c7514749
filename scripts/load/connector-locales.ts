/**
 * `connector/locales/<locale>.yaml`: every text an Albato user reads, keyed by stable ids (connection
 * field code, group code, trigger code, schema field path; authorization field code, list code and static
 * item key, action code, action field id). An unknown id is a typo or a leftover and is reported with the
 * nearest valid id; a missing label is the labelsComplete and actionLabelsComplete checks' to report, with
 * every other gap of the definition in the same run.
 */
import type { ParsedNode, Scalar } from "yaml";
import type { LocaleLabels } from "../model/connector.js";
import type { Locale } from "../model/manifest.js";
import { FIELD_PATH_PATTERN } from "./connector-triggers.js";
import { didYouMean } from "./nearest-key.js";
import type { YamlReader } from "./yaml-file.js";

/** The ids the definition has, which every locale must label. */
export interface ExpectedLabels {
  connection: readonly string[];
  groups: readonly string[];
  triggers: readonly string[];
  blocks: readonly string[];
  /** Labelled under `connection`, beside the connection fields (one screen for the user). */
  authorizationFields: readonly string[];
  /** List codes, with the item keys of static lists (none for a dynamic list). */
  lists: ReadonlyMap<string, readonly string[]>;
  actions: readonly string[];
  /** Input and response field ids of every action. */
  actionFields: readonly string[];
}


/** Reads one locale file, remembering the line of every key for later messages. */
class LocaleFileReader {
  readonly lines: Record<string, number> = {};
  private readonly keyNodes = new Map<string, Scalar>();

  constructor(readonly reader: YamlReader) {}

  remember(path: string, keyNode: Scalar): void {
    this.lines[path] = this.reader.line(keyNode);
    this.keyNodes.set(path, keyNode);
  }

  /** A fixed set of text labels under `prefix` (e.g. `name` and `hint` of a connection field). */
  texts<K extends string>(node: ParsedNode | null | undefined, prefix: string, keys: readonly K[]): Record<K, string> {
    const texts = {} as Record<K, string>;
    for (const key of keys) texts[key] = "";
    for (const entry of this.reader.entries(node, prefix) ?? []) {
      const path = `${prefix}.${entry.key}`;
      if (!(keys as readonly string[]).includes(entry.key)) {
        this.reader.report(entry.keyNode, `${prefix}: unknown key "${entry.key}"${didYouMean(entry.key, keys)}`);
        continue;
      }
      this.remember(path, entry.keyNode);
      texts[entry.key as K] = this.reader.string(entry.value, path, entry.keyNode) ?? "";
    }
    return texts;
  }

  /** Labels keyed by the ids the definition has (`connection`, `triggers`), each a set of texts. */
  byId<K extends string>(
    node: ParsedNode | null | undefined,
    section: string,
    ids: readonly string[],
    keys: readonly K[],
    kind: string,
  ): Record<string, Record<K, string>> {
    const labels: Record<string, Record<K, string>> = {};
    for (const entry of this.reader.entries(node, section) ?? []) {
      if (!ids.includes(entry.key)) {
        this.reader.report(entry.keyNode, `${section}: label for unknown ${kind} "${entry.key}"${didYouMean(entry.key, ids)}`);
        continue;
      }
      this.remember(`${section}.${entry.key}`, entry.keyNode);
      labels[entry.key] = this.texts(entry.value, `${section}.${entry.key}`, keys);
    }
    return labels;
  }

  /** One text per id (`groups`, `blocks`). */
  names(node: ParsedNode | null | undefined, section: string, ids: readonly string[], kind: string): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const entry of this.reader.entries(node, section) ?? []) {
      if (!ids.includes(entry.key)) {
        this.reader.report(entry.keyNode, `${section}: label for unknown ${kind} "${entry.key}"${didYouMean(entry.key, ids)}`);
        continue;
      }
      this.remember(`${section}.${entry.key}`, entry.keyNode);
      labels[entry.key] = this.reader.string(entry.value, `${section}.${entry.key}`, entry.keyNode) ?? "";
    }
    return labels;
  }

  /** Field labels: any schema path (completeness against the schemas is a build check). */
  fields(node: ParsedNode | null | undefined): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const entry of this.reader.entries(node, "fields") ?? []) {
      if (!FIELD_PATH_PATTERN.test(entry.key)) {
        this.reader.report(entry.keyNode, `fields: "${entry.key}" is not a field path (expected e.g. event_data.link_url or subscription[].channel)`);
        continue;
      }
      this.remember(`fields.${entry.key}`, entry.keyNode);
      labels[entry.key] = this.reader.string(entry.value, `fields.${entry.key}`, entry.keyNode) ?? "";
    }
    return labels;
  }

  /** `lists`: each list's name and, for a static list, its items' names by key. */
  lists(node: ParsedNode | null | undefined, expected: ReadonlyMap<string, readonly string[]>): Record<string, { name: string; items: Record<string, string> }> {
    const labels: Record<string, { name: string; items: Record<string, string> }> = {};
    const codes = [...expected.keys()];
    for (const entry of this.reader.entries(node, "lists") ?? []) {
      const itemKeys = expected.get(entry.key);
      if (itemKeys === undefined) {
        this.reader.report(entry.keyNode, `lists: label for unknown list "${entry.key}"${didYouMean(entry.key, codes)}`);
        continue;
      }
      const path = `lists.${entry.key}`;
      this.remember(path, entry.keyNode);
      const list = { name: "", items: {} as Record<string, string> };
      const keys = this.reader.mapping(entry.value, path, { required: [], optional: ["name", "items"] }, entry.keyNode) ?? {};
      for (const sub of this.reader.entries(entry.value, path) ?? []) this.remember(`${path}.${sub.key}`, sub.keyNode);
      if (keys.name !== undefined) list.name = this.reader.string(keys.name, `${path}.name`, entry.keyNode) ?? "";
      for (const item of this.reader.entries(keys.items, `${path}.items`, entry.keyNode) ?? []) {
        if (!itemKeys.includes(item.key)) {
          const why = itemKeys.length === 0 ? "a dynamic list's items come from the API" : `no item "${item.key}"${didYouMean(item.key, itemKeys)}`;
          this.reader.report(item.keyNode, `${path}.items: ${why}`);
          continue;
        }
        this.remember(`${path}.items.${item.key}`, item.keyNode);
        list.items[item.key] = this.reader.string(item.value, `${path}.items.${item.key}`, item.keyNode) ?? "";
      }
      this.unique(list.items, `${path}.items`, "");
      labels[entry.key] = list;
    }
    return labels;
  }

  /** Two triggers (or groups, or connection fields) with the same name would be indistinguishable in Albato. */
  unique(labels: Record<string, string>, section: string, what: string): void {
    const firstByText = new Map<string, string>();
    for (const [id, text] of Object.entries(labels)) {
      if (!text) continue;
      const first = firstByText.get(text.toLowerCase());
      if (first === undefined) {
        firstByText.set(text.toLowerCase(), id);
        continue;
      }
      const path = `${section}.${id}${what ? `.${what}` : ""}`;
      const node = this.keyNodes.get(path);
      this.reader.report(node, `${path}: "${text}" is already the ${what || "name"} of ${section}.${first}; every one must be distinguishable`);
    }
  }
}

export function readLocaleYaml(reader: YamlReader, locale: Locale, expected: ExpectedLabels): LocaleLabels {
  const root = reader.yaml.contents;
  const keys =
    reader.mapping(root, `${locale}.yaml`, {
      // Every section may be missing: the labelsComplete check reports each label a missing one lacks.
      required: [],
      optional: ["app", "authorization", "connection", "groups", "triggers", "blocks", "fields", "lists", "actions", "actionFields"],
    }) ?? {};
  const file = new LocaleFileReader(reader);
  for (const entry of reader.entries(root, `${locale}.yaml`) ?? []) file.remember(entry.key, entry.keyNode);
  const actions = file.byId(keys.actions, "actions", expected.actions, ["name", "description"] as const, "action");
  const actionFields = file.byId(keys.actionFields, "actionFields", expected.actionFields, ["name", "hint"] as const, "action field");
  const lists = file.lists(keys.lists, expected.lists);
  const connection = file.byId(keys.connection, "connection", [...expected.connection, ...expected.authorizationFields], ["name", "hint"] as const, "connection or authorization field");
  const triggers = file.byId(keys.triggers, "triggers", expected.triggers, ["name", "description", "altcraft"] as const, "trigger");
  const groups = file.names(keys.groups, "groups", expected.groups, "group");
  const blocks = file.names(keys.blocks, "blocks", expected.blocks, "field block");
  const pick = <K extends string>(labels: Record<string, Record<K, string>>, key: K) =>
    Object.fromEntries(Object.entries(labels).map(([id, texts]) => [id, texts[key]]));
  file.unique(pick(triggers, "name"), "triggers", "name");
  file.unique(pick(connection, "name"), "connection", "name");
  file.unique(groups, "groups", "");
  file.unique(blocks, "blocks", "");
  file.unique(pick(actions, "name"), "actions", "name");
  file.unique(Object.fromEntries(Object.entries(lists).map(([code, list]) => [code, list.name])), "lists", "name");
  return {
    locale,
    file: reader.file,
    app: file.texts(keys.app, "app", ["name", "description"] as const),
    authorization: file.texts(keys.authorization, "authorization", ["name"] as const),
    connection,
    groups,
    triggers,
    blocks,
    fields: file.fields(keys.fields),
    lists,
    actions,
    actionFields,
    lines: file.lines,
  };
}
