/**
 * What commands print: `--json` documents on stdout, and the one-line errors on stderr. The place of a
 * problem becomes text here, at the edge, and nowhere else.
 */
import { EXIT_CANNOT_RUN, isUserError } from "../errors.js";

/** Print one JSON document (2-space, trailing newline) on stdout: the only thing `--json` prints there. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** The stderr lines of a failure, each prefixed with the tool's name, and its exit code. */
export function failureLines(error: unknown): { lines: string[]; exitCode: number } {
  if (isUserError(error)) return { lines: error.lines().map((line) => `altcraft-albato: ${line}`), exitCode: error.exitCode };
  // Anything else is a bug in this tool: keep the stack for the report.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { lines: [`altcraft-albato: internal error (please report it): ${detail}`], exitCode: EXIT_CANNOT_RUN };
}

/** Print a failure on stderr; returns the exit code it calls for. */
export function reportFailure(error: unknown): number {
  const { lines, exitCode } = failureLines(error);
  process.stderr.write(`${lines.join("\n")}\n`);
  return exitCode;
}
