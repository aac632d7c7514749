/**
 * Check: everything the build verifies before it renders or writes anything. Definition errors (exit
 * 2): leaves that cannot be fields, functional constraints, the manifest schema. Failed checks (exit 1):
 * samples that no longer validate, a version too small for the changes since `--baseline`, committed
 * files `--check` finds stale. Warnings: provisional event types, leftovers.
 */
import { checkConstraints } from "../check/constraints/index.js";
import { checkLeavesCovered } from "../check/leaves-covered.js";
import { compileManifestCheck } from "../check/manifest-schema.js";
import type { BuildProblem } from "../check/problem.js";
import { withSeverity } from "../check/problem.js";
import { checkProvisionalActions } from "../check/provisional-actions.js";
import { checkProvisionalTypes } from "../check/provisional-types.js";
import { sampleCoverage, type CoverageReport } from "../check/sample-coverage.js";
import { checkSamplesValid } from "../check/samples-valid.js";
import { checkStaleCommitted } from "../check/stale-committed.js";
import { checkStaleEntries } from "../check/stale-entries.js";
import { checkVersionBump } from "../check/version-bump.js";
import type { Derived } from "./derive.js";
import type { Loaded } from "./load.js";

export interface CheckOptions {
  /** How messages name the manifest (it is not written yet). */
  manifestFile: string;
}

export function checkStage(loaded: Loaded, derived: Derived, options: CheckOptions): { problems: BuildProblem[]; coverage: CoverageReport } {
  const { connector, schemas, lock, samples } = loaded;
  const { manifest, triggerFields } = derived;
  const problems: BuildProblem[] = [];
  const add = (severity: BuildProblem["severity"], found: readonly { rule: string; place: BuildProblem["place"]; message: string }[]) =>
    problems.push(...withSeverity(severity, found));

  add("error", checkLeavesCovered(triggerFields, connector.fieldPolicy.file));
  const constraintProblems = checkConstraints(manifest, { connector, events: schemas.events, lock, codes: derived.lock.codes, api: derived.api });
  add("error", constraintProblems);
  // The schema is the safety net for what the constraints do not cover; after a constraint failure its
  // errors would only echo it, pointing into the derived manifest instead of the source.
  if (constraintProblems.length === 0) add("error", compileManifestCheck(schemas.documents.values())(manifest, options.manifestFile));
  add("failure", checkSamplesValid(samples, (eventType) => derived.validators.get(eventType)).map((problem) => ({ ...problem, rule: "samplesValid" })));
  if (loaded.baseline && derived.release) {
    const bump = checkVersionBump(loaded.baseline, derived.release.side, derived.release.changes);
    if (!bump.ok) add("failure", [{ rule: "versionBump", place: { file: connector.app.place.file, pointer: "/version" }, message: bump.message }]);
  }
  if (derived.types !== undefined) {
    const generated = [...derived.types].map(([file, text]) => ({ file, committed: loaded.committedTypes?.get(file), generated: text }));
    add("failure", checkStaleCommitted({ read: lock, rendered: derived.lockText, added: derived.lock.added }, generated));
  }
  add("warning", checkProvisionalTypes(manifest));
  add("warning", checkProvisionalActions(manifest));
  add("warning", checkStaleEntries(connector, triggerFields, lock, derived.lock.stale));

  const coverage = sampleCoverage(
    connector.triggers.map((trigger, index) => ({
      trigger: trigger.code,
      eventType: trigger.eventType,
      fields: triggerFields[index]?.fields ?? [],
      samples: samples.filter((sample) => sample.trigger === trigger).map((sample) => sample.value),
    })),
  );
  return { problems, coverage };
}
