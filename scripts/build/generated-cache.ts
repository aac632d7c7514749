/**
 * Derived code (types and validators) is the slowest thing a build makes and depends on the schemas
 * alone, so it is cached under `node_modules/.cache/altcraft-albato/` by a hash of the schema texts, the
 * event types and the toolchain. A connector-only change (a label, a trigger name) then rebuilds without
 * loading json-schema-to-typescript at all. One entry is kept.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LoadedSchemas } from "../load/schemas.js";
import { cacheDir } from "./cache.js";
import { toolchainHash } from "./toolchain.js";

const PREFIX = "generated-";
const ENTRY_FORMAT = 2;

/**
 * An entry: one JSON line naming each file and its length, then the texts back to back. Escaping the
 * code into one JSON document cost a quarter second at 500 event types; this costs a copy.
 */
function entryText(files: ReadonlyMap<string, string>): string {
  const header = JSON.stringify({ format: ENTRY_FORMAT, files: [...files].map(([path, text]) => [path, text.length]) });
  return `${header}\n${[...files.values()].join("")}`;
}

/** The files of an entry; undefined when it is not one (an older format, a truncated file). */
function parseEntry(text: string): Map<string, string> | undefined {
  const newline = text.indexOf("\n");
  if (newline < 0) return undefined;
  const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; files?: Array<[string, number]> };
  if (header.format !== ENTRY_FORMAT || !Array.isArray(header.files)) return undefined;
  const files = new Map<string, string>();
  let at = newline + 1;
  for (const [path, length] of header.files) {
    files.set(path, text.slice(at, at + length));
    at += length;
  }
  return at === text.length ? files : undefined;
}

export function generatedKey(root: string, schemas: LoadedSchemas): string {
  const hash = createHash("sha256").update(`toolchain ${toolchainHash(cacheDir(root))}\0`);
  for (const document of schemas.documents.values()) hash.update(`${document.file}\0${document.text}\0`);
  hash.update(`events ${[...schemas.events.keys()].join(",")}`);
  return hash.digest("hex").slice(0, 32);
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
  const file = join(dir, `${PREFIX}${generatedKey(root, schemas)}.txt`);
  if (options.read) {
    try {
      const cached = parseEntry(readFileSync(file, "utf8"));
      if (cached) return () => cached;
    } catch {
      // Not cached (or unreadable): generate.
    }
  }
  const { generatedFilesWith, stampedTypes, TYPES_FILE } = await import("../derive/write-generated.js");
  const committedTypes = options.trustTypesStamp ? readOrUndefined(join(root, TYPES_FILE)) : undefined;
  const types = await stampedTypes(schemas, committedTypes);
  return () => {
    const files = generatedFilesWith(schemas, types);
    if (options.write) saveEntry(dir, file, files);
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

/** Replace the cache's one entry; a failure loses only the shortcut. */
function saveEntry(dir: string, file: string, files: ReadonlyMap<string, string>): void {
  try {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) if (name.startsWith(PREFIX)) rmSync(join(dir, name), { force: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, entryText(files));
    renameSync(temp, file);
  } catch {
    // Only the shortcut is lost.
  }
}

/** The generated files (repo-relative path → text), from the cache or freshly generated. */
export async function cachedGeneratedFiles(root: string, schemas: LoadedSchemas, options: GenerateFromCacheOptions): Promise<Map<string, string>> {
  return (await prepareGeneratedFiles(root, schemas, options))();
}
