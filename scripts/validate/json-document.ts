/**
 * The `--json` document of `validate`: `{ events, valid, invalid, files, provisionalEventTypes, problems }`,
 * with `warnings` after them when there are any. When the command could not do its job, `error` comes
 * first (its message, and its place as data: `file`, `line`, `column`, `pointer`), and the counts say what
 * was checked before it stopped. Small and import-free: a usage error builds it before anything is loaded.
 */
import type { FileProblem } from "./findings.js";

export interface Summary {
  files: number;
  events: number;
  valid: number;
  invalid: number;
  problems: FileProblem[];
  warnings: FileProblem[];
  /** Event types whose wire names the documentation does not confirm, among those validated. */
  provisionalEventTypes: string[];
}

export const NOTHING_CHECKED: Readonly<Summary> = Object.freeze({
  files: 0,
  events: 0,
  valid: 0,
  invalid: 0,
  problems: [],
  warnings: [],
  provisionalEventTypes: [],
});

export interface JsonError {
  message: string;
  file?: string;
  line?: number;
  column?: number;
  pointer?: string;
}

export function jsonDocument(summary: Readonly<Summary>, error?: JsonError): Record<string, unknown> {
  const { events, valid, invalid, files, provisionalEventTypes, problems, warnings } = summary;
  return {
    ...(error !== undefined ? { error } : {}),
    events,
    valid,
    invalid,
    files,
    provisionalEventTypes,
    problems,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}
