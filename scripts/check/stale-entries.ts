/**
 * Leftovers that still build (so `diff` can report a removal) but that someone should clean up once the
 * removal is published: lock entries and field labels for paths no schema has (a path left out on purpose
 * keeps its code, without a word), trigger `exclude` entries and field-policy entries that name nothing.
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
  const excluded = new Set(triggerFields.flatMap((event) => event.excluded.map((leaf) => leaf.path)));
  const isExcluded = (path: string): boolean => [...excluded].some((other) => path === other || path.startsWith(`${other}.`) || path.startsWith(`${other}[]`));
  for (const path of stalePaths) {
    if (isExcluded(path)) continue;
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
  const named = new Set(triggerFields.flatMap((event) => [...event.fields, ...event.excluded].map((leaf) => leaf.path)));
  const policy = connector.fieldPolicy;
  const policyPaths = [
    ...policy.blocks.flatMap((block) => block.paths.map((path) => ({ path, place: block.place }))),
    ...[policy.exclude, ...Object.values(policy.excludeFor.family), ...Object.values(policy.excludeFor.channel)].flat(),
  ];
  for (const { path, place } of policyPaths) {
    if (named.has(path)) continue;
    problems.push({ rule: "stalePolicyEntry", place, message: `"${path}" names no leaf of any trigger's schema; remove it` });
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
