/**
 * The generate step of `npm run build`, run before tsc compiles the library: from `schemas/`, the
 * committed TypeScript types (`scripts/generated/events.ts` of the events, `scripts/generated/api.ts` of
 * the Altcraft API calls, reviewed in diffs) and the runtime validators (`dist/generated/validators.cjs`). Each file is written atomically and only when its text
 * changes. `--no-types` writes the validators only (the test setup: a stale committed type file must
 * fail its test, not be rewritten behind it).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { generatedTypeFiles } from "../derive/generated-types.js";
import { generateValidatorsModule } from "../derive/validators.js";
import { loadSchemas } from "../load/schemas.js";
import { VALIDATORS_FILE } from "../runtime/load-validators.js";
import { writeFileAtomic } from "../write/atomic.js";

/** Write `text` to `root`/`file` unless it is there already; returns whether it wrote. */
async function writeIfChanged(root: string, file: string, text: string): Promise<boolean> {
  const path = join(root, file);
  if ((await readFile(path, "utf8").catch(() => undefined)) === text) return false;
  await writeFileAtomic(path, text);
  return true;
}

export async function generate(root: string, options: { types: boolean }): Promise<string[]> {
  const schemas = await loadSchemas(root);
  const files: Array<[string, string]> = [[VALIDATORS_FILE, generateValidatorsModule(schemas)]];
  if (options.types) files.push(...(await generatedTypeFiles(schemas)));
  const written: string[] = [];
  for (const [file, text] of files) if (await writeIfChanged(root, file, text)) written.push(file);
  return written;
}
