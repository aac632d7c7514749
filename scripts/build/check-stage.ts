/**
 * Check: everything the build verifies before it writes anything. Definition errors (exit 2): leaves
 * that cannot be fields, functional constraints, the manifest schema, malformed samples. Failed checks
 * (exit 1): samples that no longer validate. Warnings: provisional event types, leftovers.
 */
import { checkConstraints } from "../check/constraints/index.js";
import { checkLeavesCovered } from "../check/leaves-covered.js";
import type { ManifestCheck } from "../check/manifest-schema.js";
import type { BuildProblem } from "../check/problem.js";
import { withSeverity } from "../check/problem.js";
import { checkProvisionalTypes } from "../check/provisional-types.js";
import type { CoverageReport } from "../check/sample-coverage.js";
import { sampleCoverage } from "../check/sample-coverage.js";
import { checkStaleEntries } from "../check/stale-entries.js";
import type { LockUpdate } from "../derive/field-codes.js";
import type { EventFields } from "../derive/fields.js";
import type { Problem } from "../errors.js";
import type { Manifest } from "../model/manifest.js";
import type { ValidateFunction } from "../runtime/load-validators.js";
import type { Loaded } from "./load-stage.js";
import type { LoadedSample } from "./samples.js";
import { checkSamples } from "./samples.js";

export interface CheckInput {
  loaded: Loaded;
  triggerFields: readonly EventFields[];
  update: LockUpdate;
  manifest: Manifest;
  /**
   * The manifest as written (its rendered text, parsed), when it could be rendered: the schema check
   * runs on it, so what is checked is what the package holds, byte for byte, and need not be re-checked.
   */
  written?: unknown;
  /** How messages name the manifest (it is not written yet). */
  manifestFile: string;
  checkManifest: ManifestCheck;
  samples: readonly LoadedSample[];
  sampleProblems: readonly Problem[];
  /** The validators to check samples with; undefined when the code could not be generated. */
  validatorOf?: (eventType: string) => ValidateFunction | undefined;
}

export function checkStage(input: CheckInput): { problems: BuildProblem[]; coverage: CoverageReport } {
  const { loaded, triggerFields, update, manifest } = input;
  const { connector, schemas, lock } = loaded;
  const problems: BuildProblem[] = [];
  const error = (rule: string, found: readonly Problem[]) => problems.push(...withSeverity("error", found.map((p) => ({ ...p, rule }))));

  problems.push(...withSeverity("error", checkLeavesCovered(triggerFields)));
  const constraintProblems = checkConstraints(manifest, { connector, events: schemas.events, lock, codes: update.codes });
  problems.push(...withSeverity("error", constraintProblems));
  // The schema is the safety net for what the constraints do not cover; after a constraint failure its
  // errors would only echo it, pointing into the derived manifest instead of the source.
  if (constraintProblems.length === 0) problems.push(...withSeverity("error", input.checkManifest(input.written ?? manifest, input.manifestFile)));
  error("samples", input.sampleProblems);
  if (input.validatorOf) {
    const schemaFileOf = (eventType: string) => schemas.events.get(eventType)?.document.file ?? eventType;
    const failed = checkSamples(input.samples, input.validatorOf, schemaFileOf);
    problems.push(...withSeverity("failure", failed.map((problem) => ({ ...problem, rule: "samplesValid" }))));
  }
  problems.push(...withSeverity("warning", checkProvisionalTypes(manifest)));
  problems.push(...withSeverity("warning", checkStaleEntries(connector, triggerFields, lock, update.stale)));

  const coverage = sampleCoverage(
    connector.triggers.map((trigger, index) => ({
      trigger: trigger.code,
      eventType: trigger.eventType,
      fields: triggerFields[index]?.fields ?? [],
      samples: input.samples.filter((sample) => sample.trigger === trigger).map((sample) => sample.value),
    })),
  );
  return { problems, coverage };
}
