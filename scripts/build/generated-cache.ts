/**
 * Derived code (types and validators) is the slowest thing a build makes and depends on the schemas
 * alone, so the cache under `node_modules/.cache/altcraft-albato/` records, for a hash of the schema
 * texts, the event types and the toolchain, the SHA-256 of every file generated from them. The files
 * themselves are the ones the build writes (scripts/generated/, dist/generated/validators/): a later
 * build with the same key reads them back and takes them while every hash matches. A connector-only
 * change (a label, a trigger name) then rebuilds without generating code at all. One record is kept.
 * (Keeping copies of the code in the cache cost a cold build ~30 ms to write them.)
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isTypeTwin, TYPES_FILE, typeTwins } from "../derive/generated-paths.js";
import { hashSchemas, type LoadedSchemas } from "../load/schemas.js";
import { sha256 } from "../write/package.js";
import { cacheDir } from "./cache.js";
import { toolchainHash } from "./toolchain.js";

const PREFIX = "generated-";
const RECORD_FORMAT = 3;

interface GeneratedRecord {
  format: number;
  /** Repo-relative path and SHA-256 of each generated file, sorted by path. */
  files: Array<[string, string]>;
}

/** The recorded files as they are on disk, if every one is there with its recorded hash. */
function recordedFiles(root: string, recordFile: string): Map<string, string> | undefined {
  try {
    const record = JSON.parse(readFileSync(recordFile, "utf8")) as Partial<GeneratedRecord>;
    if (record.format !== RECORD_FORMAT || !Array.isArray(record.files)) return undefined;
    const files = new Map<string, string>();
    for (const [path, hash] of record.files) {
      const text = readFileSync(join(root, path), "utf8");
      if (sha256(text) !== hash) return undefined;
      files.set(path, text);
    }
    const types = files.get(TYPES_FILE);
    if (types !== undefined) for (const [path, text] of typeTwins(types)) files.set(path, text);
    return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  } catch {
    // No record, an unreadable one, or a file gone: generate.
    return undefined;
  }
}

export function generatedKey(root: string, schemas: LoadedSchemas): string {
  return hashSchemas(createHash("sha256").update(`toolchain ${toolchainHash(cacheDir(root))}\0`), schemas).digest("hex").slice(0, 32);
}

export interface GenerateFromCacheOptions {
  read: boolean;
  write: boolean;
  /** Keep committed types whose stamp is current (derive/types-stamp.ts). */
  trustTypesStamp: boolean;
}

/**
 * Get ready to produce the generated files (repo-relative path → text): look in the cache, and on a miss
 * load the generators and settle the types. The returned function then answers synchronously, compiling
 * the validators on this thread if the cache had no entry. Only sync file reads happen in between, so a
 * caller can start work on libuv's threads (the package's compression) that nothing here waits behind.
 */
export async function prepareGeneratedFiles(root: string, schemas: LoadedSchemas, options: GenerateFromCacheOptions): Promise<() => Map<string, string>> {
  const dir = cacheDir(root);
  const file = join(dir, `${PREFIX}${generatedKey(root, schemas)}.json`);
  if (options.read) {
    const recorded = recordedFiles(root, file);
    if (recorded) return () => recorded;
  }
  const { generatedFilesWith, stampedTypes } = await import("../derive/write-generated.js");
  const committedTypes = options.trustTypesStamp ? readOrUndefined(join(root, TYPES_FILE)) : undefined;
  const types = await stampedTypes(schemas, committedTypes);
  return () => {
    const files = generatedFilesWith(schemas, types);
    if (options.write) saveRecord(dir, file, files);
    return files;
  };
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Replace the cache's one record; a failure loses only the shortcut. */
function saveRecord(dir: string, file: string, files: ReadonlyMap<string, string>): void {
  try {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) if (name.startsWith(PREFIX)) rmSync(join(dir, name), { force: true });
    // tsc rewrites the types' twins: they are derived from the types again on a hit, not checked.
    const recorded = [...files].filter(([path]) => !isTypeTwin(path));
    const record: GeneratedRecord = { format: RECORD_FORMAT, files: recorded.map(([path, text]) => [path, sha256(text)]) };
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(record));
    renameSync(temp, file);
  } catch {
    // Only the shortcut is lost.
  }
}

/** The generated files (repo-relative path → text), from the cache or freshly generated. */
export async function cachedGeneratedFiles(root: string, schemas: LoadedSchemas, options: GenerateFromCacheOptions): Promise<Map<string, string>> {
  return (await prepareGeneratedFiles(root, schemas, options))();
}
