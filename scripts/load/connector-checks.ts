/**
 * Checks across files: triggers against the event-type registry and the groups of app.yaml, the schema
 * and sample files they name, and the logo.
 */
import type { ParsedNode } from "yaml";
import type { EventTypeInfo } from "../event-types.js";
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
      if (schema) {
        const expected = `schemas/events/${eventType}.schema.json`;
        if (!isRepoPath(schema) || !(await files.isFile(schema))) {
          reader.report(nodes.schema, `schema file not found: ${schema}`);
        } else if (isKnown.has(eventType) && schema !== expected) {
          reader.report(nodes.schema, `the schema of event type "${eventType}" is ${expected}, not ${schema}`);
        }
      }
      await checkSamples(files, reader, trigger.eventType, nodes.samples);
    }),
  );
  for (const type of known) {
    if (!covered.has(type)) {
      reader.report(triggers.keyNode, `no trigger for event type "${type}" (every type in scripts/event-types.ts needs one)`, reader.yaml.contents);
    }
  }
}

/**
 * Listed samples exist under `schemas/samples/<type>/`, and every sample there is listed (so every one is
 * checked and packaged).
 */
async function checkSamples(
  files: ProjectFiles,
  reader: YamlReader,
  eventType: string,
  samples: Array<{ path: string; node: ParsedNode }>,
): Promise<void> {
  const folder = `schemas/samples/${eventType}/`;
  const present = eventType ? (await files.filesIn(folder.slice(0, -1)))?.filter((name) => name.endsWith(".json")) : undefined;
  for (const { path, node } of samples) {
    if (!isRepoPath(path) || !(await files.isFile(path))) {
      reader.report(node, `sample file not found: ${path}`);
    } else if (eventType && !(path.startsWith(folder) && !path.slice(folder.length).includes("/"))) {
      reader.report(node, `samples of event type "${eventType}" live in ${folder}, not at ${path}`);
    }
  }
  const listed = new Set(samples.map((sample) => sample.path));
  for (const name of present ?? []) {
    if (!listed.has(folder + name) && samples.length > 0) {
      reader.report(samples[samples.length - 1]!.node, `sample ${folder}${name} exists but is not listed; add it to "samples"`);
    }
  }
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
    reader.report(node, `logo file not found: ${logo}`);
    return;
  }
  if (bytes.length > LOGO_MAX_BYTES) {
    reader.report(node, `logo ${logo} is ${bytes.length} bytes; keep it at most ${LOGO_MAX_BYTES} bytes (64 KB)`);
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (!((text.startsWith("<svg") || text.startsWith("<?xml")) && text.includes("<svg"))) {
    reader.report(node, `logo ${logo} is not an SVG file (expected it to start with "<svg" or "<?xml" and contain an <svg> element)`);
  }
}
