/**
 * The build's input files: everything under `schemas/` and `connector/` (event and manifest schemas,
 * samples, YAML, locales, lock, logo). Read once, as bytes, synchronously: the no-change path of the
 * cache hashes them before anything heavy loads, and the pipeline reuses the same bytes for the package.
 * Light on purpose: only node built-ins.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { listFiles } from "../load/project-files.js";

export { listFiles };

export const INPUT_DIRS = ["connector", "schemas"] as const;

/** Every input file's bytes by repo-relative path, in sorted order, plus any `extra` files that exist. */
export function readInputs(root: string, extra: readonly string[] = []): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const paths = [...INPUT_DIRS.flatMap((dir) => listFiles(root, dir))];
  for (const path of extra) if (!paths.includes(path)) paths.push(path);
  for (const path of paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    try {
      files.set(path, readFileSync(join(root, path)));
    } catch {
      // A file that vanished or cannot be read: the loaders report it with its place.
    }
  }
  return files;
}
