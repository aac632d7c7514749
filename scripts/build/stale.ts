/** `build --check`: would a build change a committed file (the field-code lock, the generated types)? */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { BuildProblem } from "../check/problem.js";
import { LOCK_FILE } from "../derive/field-codes.js";
import { isCurrentTypes } from "../derive/types-stamp.js";

export async function staleCommittedFiles(
  root: string,
  lock: { text: string | undefined; rendered: string; added: ReadonlyArray<{ path: string }> },
  types: { file: string; text: string | undefined; sourceHash: string },
): Promise<{ stale: string[]; problems: BuildProblem[] }> {
  const stale: string[] = [];
  const problems: BuildProblem[] = [];
  if (lock.text !== lock.rendered) {
    stale.push(LOCK_FILE);
    const added = lock.added.map((entry) => entry.path);
    problems.push({
      severity: "failure",
      rule: "stale",
      place: { file: LOCK_FILE },
      message: `stale: a build would ${added.length > 0 ? `add codes for ${added.join(", ")}` : "rewrite it (sorted, 2-space JSON)"}; run \`npm run build\` and commit it`,
    });
  }
  const committed = await readFile(join(root, types.file), "utf8").catch(() => undefined);
  if (types.text !== undefined && committed !== types.text) {
    stale.push(types.file);
    // A current stamp on different text: the generator changed, and a build would keep the file.
    const generatorChanged = committed !== undefined && isCurrentTypes(committed, types.sourceHash);
    problems.push({
      severity: "failure",
      rule: "stale",
      place: { file: types.file },
      message: generatorChanged
        ? "stale: the types generator now writes something else for the same schemas; bump TYPES_REVISION in scripts/derive/types-stamp.ts, run `npm run build` and commit both"
        : "stale: the schemas changed since it was generated (or it was edited); run `npm run build` and commit it",
    });
  }
  return { stale, problems };
}
