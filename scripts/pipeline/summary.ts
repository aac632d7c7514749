/** What a build reports: the `--json` document and the human-readable lines. */
import type { BuildProblem } from "../check/problem.js";
import type { CoverageReport } from "../check/sample-coverage.js";
import type { LockUpdate } from "../derive/field-codes.js";
import type { EventFields } from "../derive/fields.js";
import type { Place } from "../errors.js";
import { formatPlace } from "../errors.js";
import { LOCK_FILE } from "../load/lock.js";
import type { ConnectorDefinition } from "../model/connector.js";
import type { Manifest } from "../model/manifest.js";

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
  /** The setup guides (and the change-only guides, with a baseline) and the entry assistant. */
  guides: string[];
  /** The preview page and the AsyncAPI document. */
  reviews: string[];
  triggers: number;
  fields: number;
  lists: number;
  actions: number;
  /** Input and response fields of every action. */
  actionFields: number;
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

/** Excluded leaves grouped by path: one entry per path, the triggers it is excluded from. */
function excludedSummary(connector: ConnectorDefinition, triggerFields: readonly EventFields[]): BuildSummary["excluded"] {
  const byPath = new Map<string, { path: string; reason: string; triggers: string[] }>();
  triggerFields.forEach((event, index) => {
    for (const leaf of event.excluded) {
      const entry = byPath.get(leaf.path) ?? { path: leaf.path, reason: leaf.reason, triggers: [] };
      entry.triggers.push(connector.triggers[index]!.code);
      byPath.set(leaf.path, entry);
    }
  });
  return [...byPath.values()];
}

export interface SummaryInput {
  check: boolean;
  manifest: Manifest;
  triggerFields: readonly EventFields[];
  connector: ConnectorDefinition;
  lock: LockUpdate;
  coverage: CoverageReport;
  warnings: readonly BuildProblem[];
  /** The documents beside the package (manifest, guides, preview, AsyncAPI), as displayed. */
  documents: readonly string[];
  packagePath: string;
  sha256: string;
  written: string[];
}

export function buildSummary(input: SummaryInput): BuildSummary {
  const isGuide = (path: string): boolean => /(^|\/)(SETUP\.[^/]+\.md|setup\.html)$/.test(path);
  const isManifest = (path: string): boolean => /(^|\/)manifest\.json$/.test(path);
  return {
    ok: true,
    check: input.check,
    cached: false,
    version: input.manifest.app.version,
    manifest: input.documents.find(isManifest) ?? "manifest.json",
    package: input.packagePath,
    sha256: input.sha256,
    guides: input.documents.filter(isGuide),
    reviews: input.documents.filter((path) => !isGuide(path) && !isManifest(path)),
    triggers: input.manifest.triggers.length,
    fields: input.manifest.triggers.reduce((sum, trigger) => sum + trigger.fields.length, 0),
    lists: input.manifest.lists.length,
    actions: input.manifest.actions.length,
    actionFields: input.manifest.actions.reduce((sum, action) => sum + action.fields.length, 0),
    excluded: excludedSummary(input.connector, input.triggerFields),
    lock: { file: LOCK_FILE, added: input.lock.added, stale: input.lock.stale },
    warnings: input.warnings.map(reportProblem),
    coverage: input.coverage,
    written: input.written,
  };
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
    return [`Up to date: ${summary.lock.file} and the generated code match the schemas; every check passed (${summary.triggers} triggers, ${summary.fields} fields, ${summary.lists} lists, ${summary.actions} actions).`];
  }
  const lines = [
    summary.cached
      ? `Nothing changed since the last build: ${summary.manifest} and ${summary.package} are up to date.`
      : `Built ${summary.triggers} triggers, ${summary.fields} fields, ${summary.lists} lists, ${summary.actions} actions with ${summary.actionFields} fields, version ${summary.version}.`,
  ];
  if (!summary.cached) {
    for (const path of [summary.manifest, ...summary.guides, ...summary.reviews, summary.package]) lines.push(`  ${path}`);
    if (summary.excluded.length > 0) {
      // The list is long and the reasons are in the policy file; --json carries every path and trigger.
      const count = summary.excluded.length;
      lines.push(`${count} schema path${count === 1 ? " is" : "s are"} deliberately not fields (connector/fields.yaml and the triggers' exclude say why; --json lists them).`);
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
