/**
 * Turn the paths on the command line into the inputs to read: files as given, directories walked
 * recursively for *.json / *.ndjson / *.jsonl (sorted, so output is deterministic), `-` for stdin.
 * Every path is checked before anything is validated: an unreadable one stops the command (exit 2).
 */
// Synchronous on purpose: a command line tool with nothing else to do starts faster without the promise API.
import { accessSync, constants, statSync, type Stats } from "node:fs";
import { CannotRunError, fsReason } from "../errors.js";
import { kindOf, walkFiles, type Skipped } from "../load/walk.js";

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

function fileSize(path: string): number | undefined {
  try {
    const info = statSync(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined; // reading it will say why
  }
}

/** The inputs the paths stand for, and what folders held that is not a file to read (with why). */
export function resolveInputs(paths: readonly string[]): { inputs: Input[]; skipped: Skipped[] } {
  const inputs: Input[] = [];
  const skipped: Skipped[] = [];
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
      throw new CannotRunError(`cannot read: ${fsReason(error)}`, { file: path });
    }
    if (info.isDirectory()) {
      const walked = walkFiles(path, { include: (name) => WALKED.test(name) });
      if (walked.files.length === 0) throw new CannotRunError("no *.json, *.ndjson or *.jsonl files in this folder", { file: path });
      for (const file of walked.files) inputs.push({ name: file, path: file, lines: LINE_EXTENSIONS.test(file), size: fileSize(file) });
      skipped.push(...walked.skipped);
    } else if (!info.isFile()) {
      // A FIFO or a device would block or never end; stdin is "-".
      throw new CannotRunError(`cannot read: ${kindOf(info)} (give a file, a folder, or "-" for stdin)`, { file: path });
    } else {
      inputs.push({ name: path, path, lines: LINE_EXTENSIONS.test(path), size: info.size });
    }
  }
  return { inputs, skipped };
}
