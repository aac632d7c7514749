/**
 * The build's input files: everything under `schemas/` and `connector/` (event and manifest schemas,
 * samples, YAML, locales, lock, logo), read once as bytes. The cache probe hashes them before anything
 * heavy loads, and the build checks, derives and packages the very same bytes. Node built-ins only.
 */
import { readProjectInputs } from "../load/project-files.js";

export const INPUT_DIRS = ["connector", "schemas"] as const;

/** Every input file's bytes by repo-relative path, sorted, plus the `extra` files (a logo elsewhere) that exist. */
export function readInputs(root: string, extra: readonly string[] = []): Map<string, Buffer> {
  return readProjectInputs(root, INPUT_DIRS, extra);
}

/** Is the repo-relative `path` under one of the input folders? */
export function isInputPath(path: string): boolean {
  return INPUT_DIRS.some((dir) => path.startsWith(`${dir}/`));
}
