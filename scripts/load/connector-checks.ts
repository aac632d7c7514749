/**
 * Checks across files: triggers against the event-type registry and the groups of app.yaml, the schema
 * and sample files they name, and the logo.
 */
import type { ParsedNode } from "yaml";
import { eventSamplesDir, eventSchemaFile, type EventTypeInfo } from "../event-types.js";
import type { AppYaml } from "./connector-app.js";
import type { TriggersYaml } from "./connector-triggers.js";
import { didYouMean } from "./nearest-key.js";
import type { ProjectFiles } from "./project-files.js";
import type { YamlReader } from "./yaml-file.js";

export const LOGO_MAX_BYTES = 64 * 1024;

/** A repo-relative path that stays inside the repo (no absolute paths, no `..`, forward slashes). */
export function isRepoPath(path: string): boolean {
  return !path.startsWith("/") && !/^[A-Za-z]:/.test(path) && !path.includes("\\") && !path.split("/").includes("..");
}

/**
 * Every trigger names a known event type, a declared group, its own schema and existing samples; every
 * registry type has a trigger.
 */
export async function checkTriggers(
  files: ProjectFiles,
  reader: YamlReader,
  triggers: TriggersYaml,
  groups: readonly string[],
  registry: readonly EventTypeInfo[],
): Promise<void> {
  const known = registry.map((info) => info.type);
  const isKnown = new Set(known);
  const covered = new Set<string>();
  await Promise.all(
    triggers.entries.map(async ({ trigger, nodes, duplicateEventType }) => {
      const { eventType, group, schema } = trigger;
      if (eventType) {
        covered.add(eventType);
        if (!isKnown.has(eventType)) {
          reader.report(nodes.eventType, `unknown event type "${eventType}"${didYouMean(eventType, known)}; known types are in scripts/event-types.ts`);
        }
      }
      if (group && !groups.includes(group)) {
        reader.report(nodes.group, `unknown group "${group}"${didYouMean(group, groups)}; groups are listed in connector/app.yaml`);
      }
      if (duplicateEventType) return;
      // A schema named explicitly must be the one the convention fixes (a missing one is the schema loader's to report).
      if (nodes.schema !== undefined && schema && eventType) {
        const expected = eventSchemaFile(eventType);
        if (!isRepoPath(schema)) {
          reader.report(nodes.schema, `schema: expected a path inside the repository (${expected}), found "${schema}"`);
        } else if (isKnown.has(eventType) && schema !== expected) {
          reader.report(nodes.schema, `the schema of event type "${eventType}" is ${expected}, not ${schema}; remove the key (it is the default)`);
        }
      }
      if (eventType) trigger.samples = await checkSamples(files, reader, eventType, nodes.samples, nodes.entry);
    }),
  );
  for (const type of known) {
    if (!covered.has(type)) {
      reader.report(triggers.keyNode, `no trigger for event type "${type}" (every type in scripts/event-types.ts needs one)`, reader.yaml.contents);
    }
  }
}

/**
 * A trigger's samples: every `*.json` in `schemas/samples/<type>/` unless it lists them, in which case each
 * listed one exists there and every one there is listed (so every sample is checked and packaged).
 */
async function checkSamples(
  files: ProjectFiles,
  reader: YamlReader,
  eventType: string,
  listed: Array<{ path: string; node: ParsedNode }> | undefined,
  entry: ParsedNode,
): Promise<string[]> {
  const folder = `${eventSamplesDir(eventType)}/`;
  const present = ((await files.filesIn(eventSamplesDir(eventType))) ?? []).filter((name) => name.endsWith(".json")).map((name) => folder + name);
  if (listed === undefined) {
    if (present.length === 0) reader.report(entry, `no samples for event type "${eventType}": add at least ${folder}full.json (one event object)`);
    return present;
  }
  for (const { path, node } of listed) {
    if (!isRepoPath(path)) {
      reader.report(node, `samples: expected a path inside the repository (under ${folder}), found "${path}"`);
    } else if (!(path.startsWith(folder) && !path.slice(folder.length).includes("/"))) {
      reader.report(node, `samples of event type "${eventType}" live in ${folder}, not at ${path}`);
    } else if (!(await files.isFile(path))) {
      const absence = await files.absence(path);
      reader.report(node, absence === "not found" ? `sample file not found: ${path}` : `sample ${path} is ${absence}, not a file`);
    }
  }
  const names = new Set(listed.map((sample) => sample.path));
  for (const path of present) {
    if (!names.has(path) && listed.length > 0) {
      reader.report(listed[listed.length - 1]!.node, `sample ${path} exists but is not listed; add it to "samples" (or remove the key: every sample there is then taken)`);
    }
  }
  return listed.map((sample) => sample.path);
}

/** The logo exists inside the repo, is an SVG, and is small enough to upload. */
export async function checkLogo(files: ProjectFiles, reader: YamlReader, app: AppYaml): Promise<void> {
  const logo = app.app.logo;
  const node = app.nodes.logo;
  if (!logo) return;
  if (!isRepoPath(logo)) {
    reader.report(node, `logo: expected a path inside the repository (e.g. connector/logo.svg), found "${logo}"`);
    return;
  }
  const bytes = await files.read(logo).catch(() => undefined);
  if (bytes === undefined) {
    const absence = await files.absence(logo);
    reader.report(node, absence === "not found" ? `logo file not found: ${logo}` : `logo ${logo} is ${absence}, not a file`);
    return;
  }
  if (bytes.length > LOGO_MAX_BYTES) {
    reader.report(node, `logo ${logo} is ${bytes.length} bytes; keep it at most ${LOGO_MAX_BYTES} bytes (64 KB)`);
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (!((text.startsWith("<svg") || text.startsWith("<?xml")) && text.includes("<svg"))) {
    reader.report(node, `logo ${logo} is not an SVG file (expected it to start with "<svg" or "<?xml" and contain an <svg> element)`);
    return;
  }
  const active = activeSvgContent(text);
  if (active) reader.report(node, `logo ${logo} has ${active}; Albato shows the logo to every user, so it must be a plain drawing (remove it)`);
}

/** What in an SVG could run or load something: scripts, event handlers, javascript: links, embedded HTML. */
export function activeSvgContent(svg: string): string | undefined {
  if (/<script[\s>/]/i.test(svg)) return "a <script> element";
  const handler = /\s(on[a-z]+)\s*=/i.exec(svg);
  if (handler) return `an event handler attribute (${handler[1]})`;
  if (/(?:href|src)\s*=\s*["']?\s*javascript:/i.test(svg)) return "a javascript: link";
  if (/<foreignObject[\s>/]/i.test(svg)) return "a <foreignObject> element (embedded HTML)";
  return undefined;
}
