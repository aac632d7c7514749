/**
 * Write the generated code: the committed types (`scripts/generated/events.ts`), their compiled twin in
 * dist (tsc ran before they changed), and one validator module per event type in
 * `dist/generated/validators/`. Each file is written atomically and only when its text changes.
 */
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { LoadedSchemas } from "../load/schemas.js";
import { writeFileAtomic } from "../write/atomic.js";
import { generateTypes } from "./types.js";
import { generateValidators } from "./validators.js";

export const TYPES_FILE = "scripts/generated/events.ts";
/** tsc's output for TYPES_FILE; rewritten here only when the types changed after tsc ran (or are missing). */
const TYPES_TWINS = new Set(["dist/scripts/generated/events.d.ts", "dist/scripts/generated/events.js"]);
export const VALIDATORS_DIR = "dist/generated/validators";

async function readOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Every file this writes, repo-relative, with its text. Sorted by path. */
export async function generatedFiles(schemas: LoadedSchemas): Promise<Map<string, string>> {
  const types = await generateTypes(schemas);
  const files = new Map<string, string>([
    [TYPES_FILE, types],
    // A types-only module: its declaration file is its own text, its JavaScript is empty.
    ["dist/scripts/generated/events.d.ts", types],
    ["dist/scripts/generated/events.js", "export {};\n"],
  ]);
  for (const [eventType, code] of generateValidators(schemas)) files.set(`${VALIDATORS_DIR}/${eventType}.cjs`, code);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Write what changed and delete validator modules of event types that no longer exist; return those paths. */
export async function writeGeneratedCode(root: string, schemas: LoadedSchemas): Promise<string[]> {
  const changed: string[] = [];
  const files = await generatedFiles(schemas);
  const typesChanged = (await readOrUndefined(join(root, TYPES_FILE))) !== files.get(TYPES_FILE);
  for (const [file, text] of files) {
    const path = join(root, file);
    const current = await readOrUndefined(path);
    if (TYPES_TWINS.has(file) ? !typesChanged && current !== undefined : current === text) continue;
    await writeFileAtomic(path, text);
    changed.push(file);
  }
  const existing = await readdir(join(root, VALIDATORS_DIR)).catch(() => [] as string[]);
  for (const name of existing.sort()) {
    const file = `${VALIDATORS_DIR}/${name}`;
    if (name.endsWith(".cjs") && !files.has(file)) {
      await rm(join(root, file), { force: true });
      changed.push(file);
    }
  }
  return changed;
}
