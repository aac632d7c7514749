/**
 * Where generated code goes, repo-relative, for the modules that only need the paths (the build's
 * pipeline and cache) without loading the generators.
 */

/** The committed types. */
export const TYPES_FILE = "scripts/generated/events.ts";

/** One validator module per event type. */
export const VALIDATORS_DIR = "dist/generated/validators";

/**
 * The types' twins in tsc's output: the build writes them when the types change after tsc ran. A types-only
 * module's declaration file is its own text; its JavaScript is empty.
 */
export function typeTwins(types: string): Array<[string, string]> {
  return [
    ["dist/scripts/generated/events.d.ts", types],
    ["dist/scripts/generated/events.js", "export {};\n"],
  ];
}

/** Is `path` one of the twins (tsc rewrites them, so their bytes say nothing about the schemas)? */
export function isTypeTwin(path: string): boolean {
  return path.startsWith("dist/scripts/generated/");
}
