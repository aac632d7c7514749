/**
 * Leftovers that still build (so `diff` can report a removal) but that someone should clean up once the
 * removal is published: lock entries and field labels for paths no schema has, and trigger `exclude`
 * entries that name nothing.
 */
import type { EventFields } from "../derive/fields.js";
import { parseActionFieldKey, type FieldCodeLock } from "../load/lock.js";
import type { ConnectorDefinition } from "../model/connector.js";
import { LOCALES } from "../model/manifest.js";
import type { RuleProblem } from "./problem.js";

export function checkStaleEntries(
  connector: ConnectorDefinition,
  triggerFields: readonly EventFields[],
  lock: FieldCodeLock,
  stalePaths: readonly string[],
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const path of stalePaths) {
    const action = parseActionFieldKey(path);
    problems.push({
      rule: "staleLockEntry",
      place: { file: lock.file, line: lock.lines.get(path) },
      message: `"${path}" is no field of ${action ? `action "${action.action}"` : "any trigger"} any more; its code stays recorded (a published code must never be reused), delete the entry only if it was never published`,
    });
  }
  const fieldPaths = new Set(triggerFields.flatMap((event) => event.fields.map((field) => field.path)));
  for (const locale of LOCALES) {
    const labels = connector.locales[locale];
    for (const path of Object.keys(labels.fields).sort()) {
      if (fieldPaths.has(path)) continue;
      problems.push({
        rule: "staleLabel",
        place: { file: labels.file, line: labels.lines[`fields.${path}`] },
        message: `label fields.${path} names no field of any trigger (removed or excluded?); delete it once the removal is published`,
      });
    }
  }
  connector.triggers.forEach((trigger, index) => {
    for (const path of triggerFields[index]?.unusedExcludes ?? []) {
      problems.push({
        rule: "staleExclude",
        place: trigger.place,
        message: `trigger "${trigger.code}" excludes "${path}", which its schema does not have`,
      });
    }
  });
  return problems;
}
