/**
 * Errors and problems that reach the user. Every one carries its place as data (file, line, column, JSON
 * pointer); the place is turned into text once, at the edge (`formatProblem`), never baked into a message.
 * Exit codes, everywhere: 0 all good, 1 the input was read and found wanting, 2 the command could not do
 * its job (usage, unreadable or malformed input, a broken definition).
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

/** One problem found while reading or checking something. */
export interface Problem {
  place: Place;
  message: string;
}

export function formatPlace(place: Place): string {
  let text = place.file;
  if (place.line !== undefined) text += `:${place.line}`;
  if (place.line !== undefined && place.column !== undefined) text += `:${place.column}`;
  if (place.pointer !== undefined) text += ` ${place.pointer === "" ? "(root)" : place.pointer}`;
  return text;
}

export function formatProblem(problem: Problem): string {
  return `${formatPlace(problem.place)}: ${problem.message}`;
}

/** The command could not do its job (bad usage, unreadable or malformed input, a broken definition): exit 2. */
export class CannotRunError extends Error {
  readonly exitCode = EXIT_CANNOT_RUN;
  /** Every problem behind the error, each with its place (one for a single mistake). */
  readonly problems: readonly Problem[];
  constructor(message: string, readonly place?: Place) {
    super(message);
    this.name = "CannotRunError";
    this.problems = place ? [{ place, message }] : [];
  }

  /** The lines the CLI prints for it. */
  lines(): string[] {
    return this.place ? [formatProblem({ place: this.place, message: this.message })] : [this.message];
  }
}

/**
 * Several problems at once (a definition is checked whole, so one run reports everything): exit 2. The
 * CLI prints a count, then one `file:line:col: message` line each.
 */
export class ProblemListError extends CannotRunError {
  override readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[], readonly what = "the definition") {
    const sorted = sortProblems(problems);
    super(sorted.length === 1 ? sorted[0]!.message : `${what} has ${sorted.length} problems`, sorted.length === 1 ? sorted[0]!.place : undefined);
    this.name = "ProblemListError";
    this.problems = sorted;
  }

  override lines(): string[] {
    const lines = this.problems.map(formatProblem);
    return lines.length === 1 ? lines : [`${this.what} has ${lines.length} problems:`, ...lines];
  }
}

export function isUserError(error: unknown): error is CannotRunError {
  return error instanceof CannotRunError;
}

/** The problems a user error stands for; a place-less error becomes one problem at `fallback`. */
export function problemsOf(error: CannotRunError, fallback: Place): Problem[] {
  return error.problems.length > 0 ? [...error.problems] : [{ place: fallback, message: error.message }];
}

const FS_REASONS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EEXIST: "already exists",
  EISDIR: "is a directory",
  ENOTDIR: "a part of the path is not a directory",
  ELOOP: "too many symbolic links",
  EMFILE: "too many open files",
  ENAMETOOLONG: "the name is too long",
  EBUSY: "busy",
  EIO: "input/output error",
};

/** A file system error in words, with its code: `permission denied (EACCES)`. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") return error instanceof Error ? error.message : String(error);
  return `${FS_REASONS[code] ?? code.toLowerCase()} (${code})`;
}

const compareValues = (a: string | number | undefined, b: string | number | undefined): number =>
  a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1;

/**
 * Problems in file, line, column, pointer, message order; exact duplicates dropped (the same `key` and
 * text), so output is deterministic. `key` adds what else makes two problems different (a severity).
 */
export function sortProblems<T extends Problem>(problems: readonly T[], key: (problem: T) => string = () => ""): T[] {
  const unique = new Map<string, T>();
  for (const problem of problems) unique.set(`${key(problem)}\0${formatProblem(problem)}`, problem);
  return [...unique.values()].sort(
    (a, b) =>
      compareValues(a.place.file, b.place.file) ||
      compareValues(a.place.line, b.place.line) ||
      compareValues(a.place.column, b.place.column) ||
      compareValues(a.place.pointer, b.place.pointer) ||
      compareValues(a.message, b.message),
  );
}
