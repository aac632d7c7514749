/**
 * One side of a comparison (or the input of `preview` / `asyncapi`): a manifest, and — when the side is a
 * package or a build — the schema documents and samples that came with it. Everything is in memory, so the
 * build pipeline can hand over what it already loaded instead of re-reading files.
 */
import type { SchemaDocument } from "../json-schema.js";
import type { Manifest } from "../../model/manifest.js";

/** One sample event (one object of the posted array), e.g. `schemas/samples/click/full.json`. */
export interface Sample {
  eventType: string;
  /** File name without `.json` (`full`, `minimal` …). */
  name: string;
  /** Path inside the package or repo, for messages. */
  file: string;
  data: unknown;
}

export type SideKind = "package" | "manifest" | "git" | "memory";

export interface Side {
  /** How the user named it (a path or a git ref), for messages. */
  label: string;
  kind: SideKind;
  manifest: Manifest;
  /** Every `*.schema.json` by `$id`; empty for a bare manifest. */
  documents: Map<string, SchemaDocument>;
  /** Valid samples by event type, sorted by file; empty for a bare manifest. */
  samples: Map<string, Sample[]>;
  /** The logo's SVG text when the side carries it. */
  logoSvg?: string;
}

/** Group sample files `schemas/samples/<event_type>/<name>.json` (never `invalid/`) by event type. */
export function collectSamples(files: Iterable<{ file: string; data: unknown }>): Map<string, Sample[]> {
  const samples = new Map<string, Sample[]>();
  for (const { file, data } of files) {
    const match = /(?:^|\/)schemas\/samples\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (!match || match[1] === "invalid" || match[2]!.endsWith(".expect")) continue;
    const eventType = match[1]!;
    const list = samples.get(eventType) ?? [];
    list.push({ eventType, name: match[2]!, file, data });
    samples.set(eventType, list);
  }
  for (const list of samples.values()) list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return new Map([...samples].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
