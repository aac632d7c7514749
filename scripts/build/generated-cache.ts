/**
 * Derived code (types and validators) is the slowest thing a build makes and depends on the schemas
 * alone, so it is cached under `node_modules/.cache/altcraft-albato/` by a hash of the schema texts, the
 * event types and the toolchain. A connector-only change (a label, a trigger name) then rebuilds without
 * loading json-schema-to-typescript at all. One entry is kept.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, rename, rm, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { LoadedSchemas } from "../load/schemas.js";
import { cacheDir } from "./cache.js";
import { toolchainHash } from "./toolchain.js";

const PREFIX = "generated-";

export function generatedKey(root: string, schemas: LoadedSchemas): string {
  const hash = createHash("sha256").update(`toolchain ${toolchainHash(cacheDir(root))}\0`);
  for (const document of schemas.documents.values()) hash.update(`${document.file}\0${document.text}\0`);
  hash.update(`events ${[...schemas.events.keys()].join(",")}`);
  return hash.digest("hex").slice(0, 32);
}

/** The generated files (repo-relative path → text), from the cache or freshly generated. */
export async function cachedGeneratedFiles(
  root: string,
  schemas: LoadedSchemas,
  options: { read: boolean; write: boolean },
): Promise<Map<string, string>> {
  const dir = cacheDir(root);
  const file = join(dir, `${PREFIX}${generatedKey(root, schemas)}.json`);
  if (options.read) {
    try {
      return new Map(Object.entries(JSON.parse(await readFile(file, "utf8")) as Record<string, string>));
    } catch {
      // Not cached (or unreadable): generate.
    }
  }
  const { generatedFiles } = await import("../derive/write-generated.js");
  const files = await generatedFiles(schemas);
  if (options.write) {
    try {
      await mkdir(dir, { recursive: true });
      for (const name of await readdir(dir)) if (name.startsWith(PREFIX)) await rm(join(dir, name), { force: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(Object.fromEntries(files)));
      await rename(temp, file);
    } catch {
      // Only the shortcut is lost.
    }
  }
  return files;
}
