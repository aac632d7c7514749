/**
 * Turn the paths on the command line into the inputs to read: files as given, directories walked
 * recursively for *.json / *.ndjson / *.jsonl (sorted, so output is deterministic), `-` for stdin.
 * Every path is checked before anything is validated: an unreadable one stops the command (exit 2).
 */
// Synchronous on purpose: a command line tool with nothing else to do starts faster without the promise API.
import { accessSync, constants, readdirSync, statSync, type Dirent, type Stats } from "node:fs";
import { join } from "node:path";
import { CannotRunError } from "../errors.js";

export interface Input {
  /** The name problems show: the path as typed (joined for files found in a directory), or `<stdin>`. */
  name: string;
  /** Undefined for stdin. */
  path?: string;
  /** NDJSON by extension; other inputs are recognised from their content. */
  lines: boolean;
  /** Size in bytes of a regular file, to read small ones in one go. */
  size?: number;
}

export const STDIN_NAME = "<stdin>";
const WALKED = /\.(json|ndjson|jsonl)$/i;
const LINE_EXTENSIONS = /\.(ndjson|jsonl)$/i;

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    ENOENT: "no such file or directory",
    EACCES: "permission denied",
    ELOOP: "too many symbolic links",
    ENOTDIR: "not a directory",
  };
  return code === undefined ? (error as Error).message : `${known[code] ?? code} (${code})`;
}

function isDirectoryLink(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function walk(dir: string, found: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new CannotRunError(`cannot read directory: ${reason(error)}`, { file: dir });
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() || (entry.isSymbolicLink() && isDirectoryLink(path))) walk(path, found);
    else if (WALKED.test(entry.name)) found.push(path);
  }
}

function fileSize(path: string): number | undefined {
  try {
    const info = statSync(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined; // reading it will say why
  }
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function resolveInputs(paths: readonly string[]): Input[] {
  const inputs: Input[] = [];
  if (paths.filter((path) => path === "-").length > 1) throw new CannotRunError('"-" (stdin) can be given only once');
  for (const path of paths) {
    if (path === "-") {
      inputs.push({ name: STDIN_NAME, lines: false });
      continue;
    }
    let info: Stats;
    try {
      info = statSync(path);
      if (!info.isDirectory()) accessSync(path, constants.R_OK);
    } catch (error) {
      throw new CannotRunError(`cannot read: ${reason(error)}`, { file: path });
    }
    if (info.isDirectory()) {
      const found: string[] = [];
      walk(path, found);
      if (found.length === 0) throw new CannotRunError("no *.json, *.ndjson or *.jsonl files in this directory", { file: path });
      for (const file of found.sort(byPath)) inputs.push({ name: file, path: file, lines: LINE_EXTENSIONS.test(file), size: fileSize(file) });
    } else {
      // A FIFO or device has no size to trust: it is always streamed.
      inputs.push({ name: path, path, lines: LINE_EXTENSIONS.test(path), size: info.isFile() ? info.size : undefined });
    }
  }
  return inputs;
}
