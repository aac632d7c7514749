/**
 * Errors that reach the user. A command throws `UsageError` or `InputError` for mistakes in what the user
 * gave it; the CLI prints the one-line message (never a stack) and exits with the code DESIGN fixes:
 * 1 = input read and found wanting, 2 = the command could not do its job.
 */
export const EXIT_OK = 0;
export const EXIT_FOUND_WANTING = 1;
export const EXIT_CANNOT_RUN = 2;

/** Where a problem is: a file and optionally a line/column (1-based) or a JSON pointer. */
export interface Place {
  file: string;
  line?: number;
  column?: number;
  pointer?: string;
}

export function formatPlace(place: Place): string {
  let text = place.file;
  if (place.line !== undefined) text += `:${place.line}`;
  if (place.line !== undefined && place.column !== undefined) text += `:${place.column}`;
  if (place.pointer !== undefined) text += ` ${place.pointer === "" ? "(root)" : place.pointer}`;
  return text;
}

/** The command could not do its job (bad usage, unreadable or malformed input, bad definitions): exit 2. */
export class CannotRunError extends Error {
  readonly exitCode = EXIT_CANNOT_RUN;
  constructor(message: string, readonly place?: Place) {
    super(place ? `${formatPlace(place)}: ${message}` : message);
    this.name = "CannotRunError";
  }
}

/** The input was read and found wanting (failed checks): exit 1. */
export class FoundWantingError extends Error {
  readonly exitCode = EXIT_FOUND_WANTING;
  constructor(message: string, readonly place?: Place) {
    super(place ? `${formatPlace(place)}: ${message}` : message);
    this.name = "FoundWantingError";
  }
}

export type UserError = CannotRunError | FoundWantingError;

export function isUserError(error: unknown): error is UserError {
  return error instanceof CannotRunError || error instanceof FoundWantingError;
}

/** One problem found while reading or checking a definition. */
export interface Problem {
  place: Place;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${formatPlace(problem.place)}: ${problem.message}`;
}

/** Problems in file, line, column order (then by text), duplicates dropped, so output is deterministic. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const byKey = new Map<string, Problem>();
  for (const problem of problems) byKey.set(formatProblem(problem), problem);
  return [...byKey.values()].sort(
    (a, b) =>
      (a.place.file < b.place.file ? -1 : a.place.file > b.place.file ? 1 : 0) ||
      (a.place.line ?? 0) - (b.place.line ?? 0) ||
      (a.place.column ?? 0) - (b.place.column ?? 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/**
 * Several problems at once (a definition is checked whole, so one run reports everything): exit 2.
 * One problem reads as one line; several as a count, then one `file:line:col: message` line each.
 */
export class ProblemListError extends CannotRunError {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[], what = "the definition") {
    const sorted = sortProblems(problems);
    const lines = sorted.map(formatProblem);
    super(lines.length === 1 ? lines[0]! : `${what} has ${lines.length} problems:\n${lines.join("\n")}`);
    this.problems = sorted;
    this.name = "ProblemListError";
  }
}
