/** What a build reports: the `--json` document and the human-readable lines. */
import type { Place } from "../errors.js";
import { formatPlace } from "../errors.js";
import type { CoverageReport } from "../check/sample-coverage.js";
import type { BuildProblem } from "../check/problem.js";

export interface ReportedProblem {
  severity: BuildProblem["severity"];
  rule: string;
  file: string;
  line?: number;
  column?: number;
  pointer?: string;
  message: string;
}

export interface BuildSummary {
  ok: true;
  check: boolean;
  /** True when nothing changed since the last build and the cache answered. */
  cached: boolean;
  version: string;
  manifest: string;
  package: string;
  sha256: string;
  guides: string[];
  /** The preview page and the AsyncAPI document. */
  reviews: string[];
  triggers: number;
  fields: number;
  /** Schema leaves deliberately not offered as fields, by path, with why and which triggers. */
  excluded: Array<{ path: string; reason: string; triggers: string[] }>;
  lock: { file: string; added: Array<{ path: string; code: string }>; stale: string[] };
  warnings: ReportedProblem[];
  coverage: CoverageReport;
  /** Files this run wrote (empty when everything was up to date). */
  written: string[];
}

export interface FailureSummary {
  ok: false;
  check: boolean;
  exitCode: number;
  problems: ReportedProblem[];
  warnings: ReportedProblem[];
  stale: string[];
}

export function reportProblem(problem: BuildProblem): ReportedProblem {
  const place: Place = problem.place;
  return {
    severity: problem.severity,
    rule: problem.rule,
    file: place.file,
    ...(place.line !== undefined ? { line: place.line } : {}),
    ...(place.column !== undefined ? { column: place.column } : {}),
    ...(place.pointer !== undefined ? { pointer: place.pointer } : {}),
    message: problem.message,
  };
}

/** One stderr line per problem, in the CLI's `file:line:col pointer: message` form. */
export function problemLine(problem: BuildProblem): string {
  const prefix = problem.severity === "warning" ? "warning: " : "";
  return `altcraft-albato: ${prefix}${formatPlace(problem.place)}: ${problem.message}`;
}

export function coverageLine(coverage: CoverageReport): string | undefined {
  const count = coverage.uncovered.length;
  if (count === 0) return undefined;
  return `altcraft-albato: warning: ${count} of ${coverage.optionalFields} optional fields are not exercised by any sample (the list: build --json → coverage.uncovered)`;
}

/** The stdout lines of a successful build. */
export function summaryLines(summary: BuildSummary): string[] {
  if (summary.check) {
    return [`Up to date: ${summary.lock.file} and the generated code match the schemas; every check passed (${summary.triggers} triggers, ${summary.fields} fields).`];
  }
  const lines = [
    summary.cached
      ? `Nothing changed since the last build: ${summary.manifest} and ${summary.package} are up to date.`
      : `Built ${summary.triggers} triggers, ${summary.fields} fields, version ${summary.version}.`,
  ];
  if (!summary.cached) {
    for (const path of [summary.manifest, ...summary.guides, ...summary.reviews, summary.package]) lines.push(`  ${path}`);
    if (summary.excluded.length > 0) {
      lines.push(`Deliberately not fields: ${summary.excluded.map((leaf) => `${leaf.path} (${leaf.triggers.length} trigger${leaf.triggers.length === 1 ? "" : "s"})`).join(", ")}.`);
    }
    if (summary.lock.added.length > 0) {
      lines.push(`Added ${summary.lock.added.length} field code${summary.lock.added.length === 1 ? "" : "s"} to ${summary.lock.file} (commit it):`);
      for (const { path, code } of summary.lock.added) lines.push(`  ${path} → ${code}`);
    }
    lines.push(summary.written.length === 0 ? "Every output was already up to date." : `Wrote ${summary.written.length} file${summary.written.length === 1 ? "" : "s"}.`);
  }
  lines.push(`SHA-256 ${summary.sha256}  ${summary.package}`);
  return lines;
}
