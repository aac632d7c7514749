/**
 * `connector/fields.yaml`, the field policy: blocks of field paths in display order, and exclusions with
 * their reasons, everywhere or by event family or channel. Checked here for shape, path syntax, known
 * families and channels, and paths named twice; whether every schema leaf is placed or excluded is a
 * build check (it needs the schemas).
 */
import type { ParsedNode } from "yaml";
import type { EventTypeInfo } from "../event-types.js";
import type { FieldPolicy, PolicyExclusion } from "../model/connector.js";
import { CODE_PATTERN } from "./connector-app.js";
import { FIELD_PATH_PATTERN } from "./connector-triggers.js";
import { didYouMean } from "./nearest-key.js";
import type { YamlReader } from "./yaml-file.js";

function readExclusions(reader: YamlReader, node: ParsedNode | null | undefined, what: string): PolicyExclusion[] {
  const exclusions: PolicyExclusion[] = [];
  for (const entry of reader.entries(node, what) ?? []) {
    if (!FIELD_PATH_PATTERN.test(entry.key)) {
      reader.report(entry.keyNode, `${what}: "${entry.key}" is not a field path (expected e.g. event_data.ip or subscription[].provider)`);
      continue;
    }
    const reason = reader.string(entry.value, `${what} "${entry.key}": the reason`, entry.keyNode);
    if (reason !== undefined) exclusions.push({ path: entry.key, reason, place: reader.place(entry.keyNode) });
  }
  return exclusions;
}

/** Exclusions keyed by a family or channel name, which must be one the registry has. */
function readExclusionsBy(reader: YamlReader, node: ParsedNode | null | undefined, what: string, known: readonly string[]): Record<string, PolicyExclusion[]> {
  const byName: Record<string, PolicyExclusion[]> = {};
  for (const entry of reader.entries(node, what) ?? []) {
    if (!known.includes(entry.key)) {
      reader.report(entry.keyNode, `${what}: unknown ${what.split(".").at(-1)} "${entry.key}"${didYouMean(entry.key, known)} (known: ${known.join(", ")})`);
      continue;
    }
    byName[entry.key] = readExclusions(reader, entry.value, `${what}.${entry.key}`);
  }
  return byName;
}

export function readFieldPolicy(reader: YamlReader, registry: readonly EventTypeInfo[]): FieldPolicy {
  const root = reader.yaml.contents;
  const keys = reader.mapping(root, "fields.yaml", { required: ["blocks"], optional: ["exclude", "exclude_for"] }) ?? {};
  const blocks: FieldPolicy["blocks"] = [];
  const placedAt = new Map<string, string>();
  for (const item of reader.list(keys.blocks, "blocks", root) ?? []) {
    const block = reader.mapping(item, "block", { required: ["id", "fields"] });
    if (!block) continue;
    const id = reader.string(block.id, "id", item) ?? "";
    if (id && !CODE_PATTERN.test(id)) reader.report(block.id, `block id "${id}" must be Latin letters and digits, starting with a letter`);
    if (id && blocks.some((other) => other.id === id)) reader.report(block.id, `block "${id}" is listed twice`);
    const paths: string[] = [];
    for (const node of reader.list(block.fields, "fields", item) ?? []) {
      const path = reader.string(node, "fields item", block.fields);
      if (path === undefined) continue;
      if (!FIELD_PATH_PATTERN.test(path)) {
        reader.report(node, `"${path}" is not a field path (expected e.g. event_data.link_url or subscription[].email)`);
        continue;
      }
      const other = placedAt.get(path);
      if (other !== undefined) {
        reader.report(node, `"${path}" is already placed in block "${other}"; a field has one place`);
        continue;
      }
      placedAt.set(path, id);
      paths.push(path);
    }
    blocks.push({ id, paths, place: reader.place(item) });
  }
  const exclude = readExclusions(reader, keys.exclude, "exclude");
  for (const exclusion of exclude) {
    const block = placedAt.get(exclusion.path);
    if (block !== undefined) reader.problems.push({ place: exclusion.place, message: `"${exclusion.path}" is placed in block "${block}" and excluded everywhere; keep one` });
  }
  const by = reader.mapping(keys.exclude_for, "exclude_for", { required: [], optional: ["family", "channel"] }) ?? {};
  const families = [...new Set(registry.map((info) => info.family))].sort();
  const channels = [...new Set(registry.map((info) => info.channel))].sort();
  return {
    file: reader.file,
    blocks,
    exclude,
    excludeFor: {
      family: readExclusionsBy(reader, by.family, "exclude_for.family", families),
      channel: readExclusionsBy(reader, by.channel, "exclude_for.channel", channels),
    },
  };
}
