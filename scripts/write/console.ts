/**
 * What commands print: `--json` documents on stdout, and the one-line errors on stderr. The place of a
 * problem becomes text here, at the edge, and nowhere else; so does the escaping of what came from input.
 */
import { EXIT_CANNOT_RUN, isUserError } from "../errors.js";
import { terminalSafe } from "./terminal-text.js";

/** Print one JSON document (2-space, trailing newline) on stdout: the only thing `--json` prints there. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * What a terminal may act on that JSON.stringify leaves as it is: DEL, the C1 controls, the line and
 * paragraph separators, the bidirectional overrides (JSON.stringify escapes only C0 controls).
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `printJson` for a document that carries text from input: those characters are written as `\u` escapes,
 * so the document is the same JSON and nothing in it can act on a terminal it is shown on.
 */
export function printJsonSafely(value: unknown): void {
  const text = JSON.stringify(value, null, 2);
  UNSAFE_IN_JSON.lastIndex = 0;
  const safe = UNSAFE_IN_JSON.test(text) ? text.replace(UNSAFE_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`) : text;
  process.stdout.write(`${safe}\n`);
}

/** The stderr lines of a failure, each prefixed with the tool's name, and its exit code. */
export function failureLines(error: unknown): { lines: string[]; exitCode: number } {
  if (isUserError(error)) return { lines: error.lines().map((line) => `altcraft-albato: ${terminalSafe(line)}`), exitCode: error.exitCode };
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

/**
 * A closed stdout or stderr (`altcraft-albato validate --help | head -1`) ends the command quietly, with
 * the exit code it had, instead of an unhandled 'error' event.
 */
export function exitQuietlyOnClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    });
  }
}
