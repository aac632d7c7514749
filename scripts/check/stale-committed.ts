/**
 * `build --check`: would a build change a committed file? The field-code lock (a new field's code not
 * recorded yet) and each generated TypeScript file (the schemas changed, or the file was edited).
 */
import type { FieldCodeLock } from "../load/lock.js";
import type { RuleProblem } from "./problem.js";

export function checkStaleCommitted(
  lock: { read: FieldCodeLock; rendered: string; added: ReadonlyArray<{ path: string }> },
  generatedFiles: ReadonlyArray<{ file: string; committed: string | undefined; generated: string }>,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (lock.read.text !== lock.rendered) {
    const added = lock.added.map((entry) => entry.path);
    problems.push({
      rule: "stale",
      place: { file: lock.read.file },
      message: `stale: a build would ${added.length > 0 ? `add codes for ${added.join(", ")}` : "rewrite it (sorted, 2-space JSON)"}; run \`npm run build\` and commit it`,
    });
  }
  for (const types of generatedFiles) {
    if (types.committed === types.generated) continue;
    problems.push({
      rule: "stale",
      place: { file: types.file },
      message:
        types.committed === undefined
          ? "missing: run `npm run build` and commit it"
          : "stale: it is not what the schemas generate (they changed, or it was edited); run `npm run build` and commit it",
    });
  }
  return problems;
}
