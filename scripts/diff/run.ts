/** `diff <old> <new>`: load both sides, classify, print text or JSON; exit 1 when anything breaks. */
import { EXIT_FOUND_WANTING, EXIT_OK } from "../errors.js";
import type { Change } from "../derive/changes/change.js";
import { diffSides, type DiffReport } from "../derive/changes/classify.js";
import { loadSide } from "../load/release/load.js";
import { printJson, printLines } from "../write/console.js";
import { renderDiffText } from "./render-text.js";

export interface DiffOptions {
  json?: boolean;
  /** Repository for git refs (default: the current directory). */
  repo?: string;
}

/** A change with its keys in the documented order. */
function jsonChange(change: Change): Record<string, string> {
  return {
    ...(change.trigger !== undefined ? { trigger: change.trigger } : {}),
    ...(change.action !== undefined ? { action: change.action } : {}),
    ...(change.list !== undefined ? { list: change.list } : {}),
    ...(change.field !== undefined ? { field: change.field } : {}),
    ...(change.connection !== undefined ? { connection: change.connection } : {}),
    class: change.class,
    message: change.message,
    impact: change.impact,
  };
}

export function diffJson(report: DiffReport): unknown {
  return {
    breaking: report.breaking.map(jsonChange),
    safe: report.safe.map(jsonChange),
    recommendedBump: report.recommendedBump,
    old: report.old,
    new: report.new,
    notes: report.notes,
  };
}

export async function runDiff(oldSpec: string, newSpec: string, options: DiffOptions = {}): Promise<number> {
  const loadOptions = options.repo !== undefined ? { repo: options.repo } : {};
  const before = await loadSide(oldSpec, loadOptions);
  const after = await loadSide(newSpec, loadOptions);
  const report = diffSides(before, after);
  if (options.json) printJson(diffJson(report));
  // Labels and codes come from the packages compared: escaped, line by line, before a terminal sees them.
  else printLines(process.stdout, renderDiffText(report, before.manifest, after.manifest).replace(/\n$/, "").split("\n"));
  return report.breaking.length > 0 ? EXIT_FOUND_WANTING : EXIT_OK;
}
