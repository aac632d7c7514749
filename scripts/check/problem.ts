/**
 * What the build's checks report. Every problem names a place (file, line or JSON pointer); its severity
 * decides the exit code: `error` = a bad definition (exit 2), `failure` = a failed check (exit 1),
 * `warning` = something users must know (stderr, exit unchanged).
 */
import type { Problem } from "../errors.js";
import { EXIT_CANNOT_RUN, EXIT_FOUND_WANTING, EXIT_OK, sortProblems } from "../errors.js";

export type Severity = "error" | "failure" | "warning";

/** A problem from one rule; `rule` is the rule's id (e.g. `uniqueTriggerCodes`), shown in `--json`. */
export interface RuleProblem extends Problem {
  rule: string;
}

export interface BuildProblem extends RuleProblem {
  severity: Severity;
}

export function withSeverity(severity: Severity, problems: readonly RuleProblem[]): BuildProblem[] {
  return problems.map((problem) => ({ ...problem, severity }));
}

/** The exit code a set of problems calls for: 2 beats 1 beats 0. */
export function exitCodeOf(problems: readonly BuildProblem[]): number {
  if (problems.some((problem) => problem.severity === "error")) return EXIT_CANNOT_RUN;
  if (problems.some((problem) => problem.severity === "failure")) return EXIT_FOUND_WANTING;
  return EXIT_OK;
}

/** Sorted by place and message, exact duplicates dropped (the one sorter, with the severity as part of the key). */
export function sortBuildProblems(problems: readonly BuildProblem[]): BuildProblem[] {
  return sortProblems(problems, (problem) => problem.severity);
}
