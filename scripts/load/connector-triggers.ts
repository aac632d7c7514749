/**
 * `connector/triggers.yaml`: one entry per event type. This file reads the entries and checks what can be
 * checked from the file alone (shapes, code syntax, duplicates); `connector-checks.ts` checks them
 * against the registry, the groups and the files they name.
 */
import type { ParsedNode, Scalar } from "yaml";
import { eventSchemaFile } from "../event-types.js";
import type { ConnectorTrigger } from "../model/connector.js";
import { CODE_PATTERN } from "./connector-app.js";
import type { YamlReader } from "./yaml-file.js";

/** A schema property path as labels and excludes key it: dotted, arrays of objects marked `[]`. */
export const FIELD_PATH_PATTERN = /^[A-Za-z_$][\w$-]*(\[\])?(\.[A-Za-z_$][\w$-]*(\[\])?)*$/;

/** A trigger with the YAML nodes its values came from, so cross-file checks can point at them. */
export interface TriggerEntry {
  trigger: ConnectorTrigger;
  /** Another trigger has the same event type: checks of files by event type would only repeat that. */
  duplicateEventType: boolean;
  nodes: {
    entry: ParsedNode;
    code?: ParsedNode | null;
    eventType?: ParsedNode | null;
    group?: ParsedNode | null;
    schema?: ParsedNode | null;
    /** The listed samples; undefined when the trigger takes every file of its samples folder. */
    samples: Array<{ path: string; node: ParsedNode }> | undefined;
  };
}

export interface TriggersYaml {
  entries: TriggerEntry[];
  /** The `triggers` key, where "no trigger for event type …" points. */
  keyNode: Scalar | undefined;
}

function readExclude(reader: YamlReader, node: ParsedNode | null | undefined): Record<string, string> {
  const exclude: Record<string, string> = {};
  for (const entry of reader.entries(node, "exclude") ?? []) {
    if (!FIELD_PATH_PATTERN.test(entry.key)) {
      reader.report(entry.keyNode, `exclude: "${entry.key}" is not a field path (expected e.g. event_data.ip or subscription[].ccsub)`);
    }
    const reason = reader.string(entry.value, `exclude "${entry.key}": the reason`, entry.keyNode);
    if (reason !== undefined) exclude[entry.key] = reason;
  }
  return exclude;
}

function readSamples(reader: YamlReader, node: ParsedNode | null | undefined, entry: ParsedNode): Array<{ path: string; node: ParsedNode }> | undefined {
  if (node === undefined) return undefined;
  const samples: Array<{ path: string; node: ParsedNode }> = [];
  const items = reader.list(node, "samples", entry);
  if (!items) return samples;
  if (items.length === 0) reader.report(node, "samples: list at least one sample (schemas/samples/<event type>/full.json)");
  for (const item of items) {
    const path = reader.string(item, "samples item", node);
    if (path === undefined) continue;
    if (samples.some((sample) => sample.path === path)) reader.report(item, `samples: "${path}" is listed twice`);
    else samples.push({ path, node: item });
  }
  return samples;
}

function readTrigger(reader: YamlReader, node: ParsedNode): TriggerEntry | undefined {
  const keys = reader.mapping(node, "trigger", {
    required: ["code", "event_type", "group"],
    optional: ["schema", "samples", "exclude"],
  });
  if (!keys) return undefined;
  const code = reader.string(keys.code, "code", node) ?? "";
  if (code && !CODE_PATTERN.test(code)) {
    reader.report(keys.code, `trigger code "${code}" must be Latin letters and digits, starting with a letter (e.g. emailLinkClicked)`);
  }
  const samples = readSamples(reader, keys.samples, node);
  const eventType = reader.string(keys.event_type, "event_type", node) ?? "";
  const trigger: ConnectorTrigger = {
    code,
    eventType,
    group: reader.string(keys.group, "group", node) ?? "",
    // The folder convention fixes both; a trigger names them only to say so explicitly.
    schema: keys.schema === undefined ? eventSchemaFile(eventType) : (reader.string(keys.schema, "schema", node) ?? ""),
    samples: samples?.map((sample) => sample.path) ?? [],
    exclude: keys.exclude === undefined ? {} : readExclude(reader, keys.exclude),
    place: reader.place(node),
  };
  return {
    trigger,
    duplicateEventType: false,
    nodes: { entry: node, code: keys.code, eventType: keys.event_type, group: keys.group, schema: keys.schema, samples },
  };
}

export function readTriggersYaml(reader: YamlReader): TriggersYaml {
  const root = reader.yaml.contents;
  const keys = reader.mapping(root, "triggers.yaml", { required: ["triggers"] }) ?? {};
  const entries: TriggerEntry[] = [];
  const firstByCode = new Map<string, TriggerEntry>();
  const firstByEventType = new Map<string, TriggerEntry>();
  for (const item of reader.list(keys.triggers, "triggers", root) ?? []) {
    const entry = readTrigger(reader, item);
    if (!entry) continue;
    const { code, eventType } = entry.trigger;
    const sameCode = code ? firstByCode.get(code) : undefined;
    if (sameCode) {
      reader.report(entry.nodes.code, `duplicate trigger code "${code}" (first used at line ${reader.line(sameCode.nodes.entry)})`);
    } else if (code) {
      firstByCode.set(code, entry);
    }
    const sameType = eventType ? firstByEventType.get(eventType) : undefined;
    if (sameType) {
      entry.duplicateEventType = true;
      reader.report(
        entry.nodes.eventType,
        `duplicate event type "${eventType}": trigger "${sameType.trigger.code}" at line ${reader.line(sameType.nodes.entry)} already has it`,
      );
    } else if (eventType) {
      firstByEventType.set(eventType, entry);
    }
    entries.push(entry);
  }
  const keyNode = reader.entries(root, "triggers.yaml")?.find((entry) => entry.key === "triggers")?.keyNode;
  return { entries, keyNode };
}
