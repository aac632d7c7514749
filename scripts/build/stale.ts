/** `build --check`: would a build change a committed file (the field-code lock, the generated types)? */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { BuildProblem } from "../check/problem.js";
import { LOCK_FILE } from "../derive/field-codes.js";

export async function staleCommittedFiles(
  root: string,
  lock: { text: string | undefined; rendered: string; added: ReadonlyArray<{ path: string }> },
  types: { file: string; text: string | undefined },
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
  if (types.text !== undefined && (await readFile(join(root, types.file), "utf8").catch(() => undefined)) !== types.text) {
    stale.push(types.file);
    problems.push({
      severity: "failure",
      rule: "stale",
      place: { file: types.file },
      message: "stale: the schemas changed since it was generated; run `npm run build` and commit it",
    });
  }
  return { stale, problems };
}
