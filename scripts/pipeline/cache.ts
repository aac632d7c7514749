/**
 * The build record, the build's one cache, under `<root>/node_modules/.cache/altcraft-albato/`: a key of
 * every input and of the toolchain that built, and the state of every output written. When the key is
 * the same and every output still holds the bytes written, the build has nothing to do and replays its
 * summary. Node built-ins only: this is the path an unchanged rebuild takes.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "../package-root.js";
import { writeFileAtomic } from "../write/atomic.js";
import { sha256 } from "../hash.js";
import { readInputs } from "./inputs.js";

export const RECORD_FORMAT = 3;

/** What the record keeps of an output: its hash, and its size and mtime to skip re-hashing it. */
export interface OutputState {
  sha256: string;
  size: number;
  mtimeMs: number;
}

export interface BuildRecord {
  format: typeof RECORD_FORMAT;
  key: string;
  /** Inputs outside `schemas/` and `connector/` that the last build read (e.g. a logo elsewhere). */
  extraInputs: string[];
  /** Output path (relative to the root, or absolute) → its state when written. */
  outputs: Record<string, OutputState>;
  /** The last build's `--json` summary, replayed when nothing changed. */
  summary: unknown;
  /** The last build's warning lines, replayed on stderr. */
  warnings: string[];
}

export function recordFile(root: string, out: string): string {
  return join(root, "node_modules", ".cache", "altcraft-albato", `build-${sha256(resolve(out)).slice(0, 16)}.json`);
}

/**
 * The toolchain that builds, as cheaply as it can be told apart: the size and mtime of this module's own
 * file (tsc and the bundler rewrite every file of the toolchain they build) and of package-lock.json.
 * A new toolchain build costs one full rebuild, never a stale answer.
 */
function toolchainStamp(): string {
  const files = [fileURLToPath(import.meta.url), join(packageRoot(), "package-lock.json")];
  return files
    .map((file) => {
      try {
        const stats = statSync(file);
        return `${stats.size}:${stats.mtimeMs}`;
      } catch {
        return "missing";
      }
    })
    .join(",");
}

/** The key of everything a build depends on. */
export function recordKey(inputs: ReadonlyMap<string, Buffer>, out: string): string {
  const hash = createHash("sha256").update(`format ${RECORD_FORMAT}\0toolchain ${toolchainStamp()}\0out ${resolve(out)}\0`);
  for (const [path, bytes] of inputs) hash.update(`${path}\0${sha256(bytes)}\0`);
  return hash.digest("hex");
}

function readRecord(file: string): BuildRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, "utf8")) as BuildRecord;
    return record.format === RECORD_FORMAT ? record : undefined;
  } catch {
    return undefined;
  }
}

const absolute = (root: string, path: string): string => (isAbsolute(path) ? path : join(root, path));

/** The state of outputs just written (`hashes`: path → SHA-256 of the bytes written). */
export function outputStates(root: string, hashes: Record<string, string>): Record<string, OutputState> {
  const states: Record<string, OutputState> = {};
  for (const [path, hash] of Object.entries(hashes)) {
    try {
      const stats = statSync(absolute(root, path));
      states[path] = { sha256: hash, size: stats.size, mtimeMs: stats.mtimeMs };
    } catch {
      // Gone already: the next probe misses, which is right.
    }
  }
  return states;
}

/**
 * Do the outputs still hold the bytes the record says (nobody edited or deleted them)? Same size and
 * mtime means untouched; otherwise the content decides (a `touch` alone does not force a rebuild).
 */
function outputsUnchanged(record: BuildRecord, root: string): boolean {
  for (const [path, expected] of Object.entries(record.outputs)) {
    try {
      const file = absolute(root, path);
      const stats = statSync(file);
      if (stats.size !== expected.size) return false;
      if (stats.mtimeMs !== expected.mtimeMs && sha256(readFileSync(file)) !== expected.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Replace the record; a record that cannot be written only costs the next build its shortcut. */
export async function writeRecord(file: string, record: BuildRecord): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(record)}\n`).catch(() => undefined);
}

export interface CacheProbe {
  file: string;
  inputs: Map<string, Buffer>;
  /** The record, when the inputs and outputs are exactly those of the last successful build. */
  hit?: BuildRecord;
}

/** Read and hash the inputs, and compare them (and the outputs) with the last build's record. */
export function probeCache(root: string, out: string): CacheProbe {
  const file = recordFile(root, out);
  const record = readRecord(file);
  const inputs = readInputs(root, record?.extraInputs ?? []);
  const hit = record !== undefined && record.key === recordKey(inputs, out) && outputsUnchanged(record, root) ? record : undefined;
  return { file, inputs, ...(hit ? { hit } : {}) };
}
