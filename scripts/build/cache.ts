/**
 * The build cache, under `<root>/node_modules/.cache/altcraft-albato/`: a hash of every input (schemas,
 * connector, samples, logo, the toolchain) and the hashes of the outputs it produced. When neither the
 * inputs nor the outputs changed, the build has nothing to do, and says so. This path must stay fast:
 * it imports node built-ins only (no ajv, no YAML, no zip library).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { readInputs } from "./inputs.js";
import { toolchainHash } from "./toolchain.js";

export const CACHE_FORMAT = 2;

/** What the record keeps of an output: its hash, and its size and mtime to skip re-hashing it. */
export interface OutputState {
  sha256: string;
  size: number;
  mtimeMs: number;
}

export interface CacheRecord {
  format: typeof CACHE_FORMAT;
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

export function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

export function cacheDir(root: string): string {
  return join(root, "node_modules", ".cache", "altcraft-albato");
}

export function cacheFile(root: string, out: string): string {
  return join(cacheDir(root), `build-${sha256Hex(resolve(out)).slice(0, 16)}.json`);
}

/** The hash of everything a build depends on. `variant` distinguishes non-default runs (e.g. a synthetic registry). */
export function inputKey(root: string, inputs: ReadonlyMap<string, Buffer>, out: string, variant = ""): string {
  const hash = createHash("sha256");
  hash.update(`format ${CACHE_FORMAT}\0toolchain ${toolchainHash(cacheDir(root))}\0out ${resolve(out)}\0variant ${variant}\0`);
  for (const [path, bytes] of inputs) hash.update(`${path}\0${sha256Hex(bytes)}\0`);
  return hash.digest("hex");
}

export function readCacheRecord(file: string): CacheRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, "utf8")) as CacheRecord;
    return record.format === CACHE_FORMAT ? record : undefined;
  } catch {
    return undefined;
  }
}

function absolute(root: string, path: string): string {
  return isAbsolute(path) ? path : join(root, path);
}

/** The state of outputs just written (`hashes`: path → SHA-256 of the bytes written). */
export function outputStates(root: string, hashes: Record<string, string>): Record<string, OutputState> {
  const states: Record<string, OutputState> = {};
  for (const [path, sha256] of Object.entries(hashes)) {
    try {
      const stats = statSync(absolute(root, path));
      states[path] = { sha256, size: stats.size, mtimeMs: stats.mtimeMs };
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
export function outputsUnchanged(record: CacheRecord, root: string): boolean {
  for (const [path, expected] of Object.entries(record.outputs)) {
    try {
      const file = absolute(root, path);
      const stats = statSync(file);
      if (stats.size !== expected.size) return false;
      if (stats.mtimeMs !== expected.mtimeMs && sha256Hex(readFileSync(file)) !== expected.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}

export function writeCacheRecord(file: string, record: CacheRecord): void {
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(record)}\n`);
    renameSync(temp, file);
  } catch {
    // A cache that cannot be written only costs the next build its shortcut.
  }
}

export interface CacheProbe {
  file: string;
  key: string;
  inputs: Map<string, Buffer>;
  /** The record, when the inputs and outputs are exactly those of the last successful build. */
  hit?: CacheRecord;
}

/** Hash the inputs and compare them (and the outputs) with the last build's record. */
export function probeCache(root: string, out: string, variant = ""): CacheProbe {
  const file = cacheFile(root, out);
  const record = readCacheRecord(file);
  const inputs = readInputs(root, record?.extraInputs ?? []);
  const key = inputKey(root, inputs, out, variant);
  const hit = record !== undefined && record.key === key && outputsUnchanged(record, root) ? record : undefined;
  return { file, key, inputs, ...(hit ? { hit } : {}) };
}
