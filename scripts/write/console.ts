/**
 * What commands print: `--json` documents on stdout, and the one-line errors on stderr. The place of a
 * problem becomes text here, at the edge, and nowhere else; so does the escaping of what came from input.
 */
import { EXIT_CANNOT_RUN, isUserError, type Problem } from "../errors.js";
import { terminalSafe } from "./terminal-text.js";

/**
 * Characters JSON.stringify leaves as they are although a terminal may act on them or a reader may
 * misread them: DEL, the C1 controls (U+009B is CSI on some terminals), line and paragraph separators,
 * bidirectional overrides. Written as `\uXXXX`, the document still parses to the same value.
 */
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

let jsonDocuments = 0;

/** JSON text with those characters escaped: the same value, safe on a terminal. */
export function terminalSafeJson(text: string): string {
  return text.replace(JSON_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A value as JSON text (2-space, trailing newline) that is safe to show on a terminal. */
export function jsonText(value: unknown): string {
  return `${terminalSafeJson(JSON.stringify(value, null, 2))}\n`;
}

/** Print one JSON document on stdout: the only thing `--json` prints there. */
export function printJson(value: unknown): void {
  jsonDocuments++;
  process.stdout.write(jsonText(value));
}

/** Has this process printed its `--json` document yet? (A failure after it must not print a second one.) */
export function printedJson(): boolean {
  return jsonDocuments > 0;
}

/** Lines whose text may hold input, escaped for a terminal, one write. */
export function printLines(stream: NodeJS.WritableStream, lines: readonly string[]): void {
  if (lines.length > 0) stream.write(`${lines.map(terminalSafe).join("\n")}\n`);
}

/** The stderr lines of a failure, each prefixed with the tool's name, and its exit code. */
export function failureLines(error: unknown): { lines: string[]; exitCode: number } {
  if (isUserError(error)) return { lines: error.lines().map((line) => `altcraft-albato: ${terminalSafe(line)}`), exitCode: error.exitCode };
  // Anything else is a bug in this tool: keep the stack for the report.
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { lines: [`altcraft-albato: internal error (please report it): ${detail}`], exitCode: EXIT_CANNOT_RUN };
}

/** A problem as `--json` documents give it: its place as fields, never formatted into the message. */
export function jsonProblem(problem: Problem): Record<string, string | number> {
  const { file, line, column, pointer } = problem.place;
  return {
    file,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    ...(pointer !== undefined ? { pointer } : {}),
    message: problem.message,
  };
}

/**
 * The `--json` document of a command that could not do its job: `{ ok: false, exitCode, error, problems }`,
 * `error` being the first line stderr shows (without the tool's name), `problems` each with its place.
 */
export function failureDocument(error: unknown): { ok: false; exitCode: number; error: string; problems: Record<string, string | number>[] } {
  if (isUserError(error)) {
    return { ok: false, exitCode: error.exitCode, error: error.lines()[0] ?? error.message, problems: error.problems.map(jsonProblem) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, exitCode: EXIT_CANNOT_RUN, error: `internal error (please report it): ${message}`, problems: [] };
}

/**
 * Print a failure on stderr (and, for `--json`, as the one document on stdout unless the command printed
 * it already); returns the exit code it calls for.
 */
export function reportFailure(error: unknown, options: { json?: boolean } = {}): number {
  const { lines, exitCode } = failureLines(error);
  process.stderr.write(`${lines.join("\n")}\n`);
  if (options.json === true && !printedJson()) printJson(failureDocument(error));
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
