/**
 * Turn the paths on the command line into the inputs to read: files as given, directories walked
 * recursively for *.json / *.ndjson / *.jsonl (sorted, so output is deterministic), `-` for stdin.
 * Every path is checked before anything is validated: an unreadable one stops the command (exit 2), and
 * so does a path that is neither a regular file nor a folder (a FIFO would block; stdin is "-").
 */
// Synchronous on purpose: a command line tool with nothing else to do starts faster without the promise API.
import { accessSync, constants, statSync, type Stats } from "node:fs";
import { CannotRunError, fsReason } from "../errors.js";
import { kindOf, walkFiles, type Skipped } from "../load/walk.js";
import type { FileInput } from "./plan.js";

/** A file to read, or stdin (`path` undefined). */
export type Input = FileInput | { name: string; path?: undefined; lines: false };

export const STDIN_NAME = "<stdin>";
const WALKED = /\.(json|ndjson|jsonl)$/i;
const LINE_EXTENSIONS = /\.(ndjson|jsonl)$/i;

/**
 * The inputs the paths stand for, and what folders held that is not a file to read (with why).
 * `onFolderFile` hears of each file a folder walk keeps, with the count so far.
 */
export function resolveInputs(paths: readonly string[], onFolderFile: (count: number) => void = () => {}): { inputs: Input[]; skipped: Skipped[] } {
  const inputs: Input[] = [];
  const skipped: Skipped[] = [];
  let found = 0;
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
      // One walk: it looks at every entry once, and its sizes are the ones the plan needs.
      const walked = walkFiles(path, {
        include: (name) => {
          if (!WALKED.test(name)) return false;
          onFolderFile(++found);
          return true;
        },
      });
      if (walked.files.length === 0) throw new CannotRunError("no *.json, *.ndjson or *.jsonl files in this folder", { file: path });
      for (const file of walked.files) inputs.push({ name: file, path: file, lines: LINE_EXTENSIONS.test(file), size: walked.sizes.get(file) });
      skipped.push(...walked.skipped);
    } else if (!info.isFile()) {
      throw new CannotRunError(`cannot read: ${kindOf(info)} (give a file, a folder, or "-" for stdin)`, { file: path });
    } else {
      inputs.push({ name: path, path, lines: LINE_EXTENSIONS.test(path), size: info.size });
    }
  }
  return { inputs, skipped };
}
