import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface PackageLocation {
  /** The directory holding this package's `package.json`, `schemas/` and `dist/`. */
  root: string;
  version: string;
  /** Its dependencies as package.json pins them (exact versions). */
  dependencies: Record<string, string>;
}

const DEFAULT_START = fileURLToPath(import.meta.url);
let cached: PackageLocation | undefined;

/**
 * This package, found by walking up from a module to the `package.json` named altcraft-albato: the same
 * answer from `scripts/` in a checkout, from `dist/scripts/` after tsc, from the bundled `dist/bin/` CLI,
 * and from an installed package. Code finds package files through it, never through a path relative to
 * its own module (the bundle moves modules). Read once per process: the CLI's start-up needs it.
 */
export function findPackage(from: string = DEFAULT_START): PackageLocation {
  if (from === DEFAULT_START && cached !== undefined) return cached;
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        const json = JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown; version?: unknown; dependencies?: Record<string, string> };
        if (json.name === "altcraft-albato") {
          const found = { root: dir, version: String(json.version), dependencies: { ...json.dependencies } };
          if (from === DEFAULT_START) cached = found;
          return found;
        }
      } catch {
        // Not ours (or unreadable): keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no altcraft-albato package.json above ${from}`);
    dir = parent;
  }
}

/** The package's directory (see findPackage). */
export function packageRoot(from?: string): string {
  return findPackage(from).root;
}
