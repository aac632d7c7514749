/**
 * Write the generated code: the committed types (`scripts/generated/events.ts`), their compiled twin in
 * dist (tsc ran before they changed), and one validator module per event type in
 * `dist/generated/validators/`. Each file is written atomically and only when its text changes.
 */
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { LoadedSchemas } from "../load/schemas.js";
import { writeFileAtomic } from "../write/atomic.js";
import { isTypeTwin, TYPES_FILE, typeTwins, VALIDATORS_DIR } from "./generated-paths.js";
import { isCurrentTypes, stampTypes, typesSourceHash } from "./types-stamp.js";
import { generateValidators } from "./validators.js";

export { TYPES_FILE, VALIDATORS_DIR };

async function readOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * The committed types if their stamp says they are current (types-stamp.ts), else freshly generated and
 * stamped. json-schema-to-typescript is loaded only in the second case.
 */
export async function stampedTypes(schemas: LoadedSchemas, committed: string | undefined): Promise<string> {
  const sourceHash = typesSourceHash(schemas);
  if (committed !== undefined && isCurrentTypes(committed, sourceHash)) return committed;
  const { generateTypes } = await import("./types.js");
  return stampTypes(await generateTypes(schemas), sourceHash);
}

export interface GenerateOptions {
  /** false: leave the types alone and generate only the validators. */
  types?: boolean;
}

/**
 * Every file this writes, repo-relative, with its text, sorted by path, given the types' text (or
 * undefined to leave the types out). Synchronous: the validators are compiled on this thread.
 */
export function generatedFilesWith(schemas: LoadedSchemas, types: string | undefined): Map<string, string> {
  const files = new Map<string, string>();
  if (types !== undefined) {
    files.set(TYPES_FILE, types);
    for (const [path, text] of typeTwins(types)) files.set(path, text);
  }
  for (const [eventType, code] of generateValidators(schemas)) files.set(`${VALIDATORS_DIR}/${eventType}.cjs`, code);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Every file this writes, repo-relative, with its text, all generated afresh. Sorted by path. */
export async function generatedFiles(schemas: LoadedSchemas, options: GenerateOptions = {}): Promise<Map<string, string>> {
  const types = options.types === false ? undefined : await stampedTypes(schemas, undefined);
  return generatedFilesWith(schemas, types);
}

/** Write what changed and delete validator modules of event types that no longer exist; return those paths. */
export async function writeGeneratedCode(root: string, schemas: LoadedSchemas, options: GenerateOptions = {}): Promise<string[]> {
  const changed: string[] = [];
  const files = await generatedFiles(schemas, options);
  const typesChanged = (await readOrUndefined(join(root, TYPES_FILE))) !== files.get(TYPES_FILE);
  for (const [file, text] of files) {
    const path = join(root, file);
    const current = await readOrUndefined(path);
    // tsc's twins are rewritten only when the types changed after tsc ran (or are missing).
    if (isTypeTwin(file) ? !typesChanged && current !== undefined : current === text) continue;
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
