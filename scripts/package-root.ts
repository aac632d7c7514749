import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const DEFAULT_START = fileURLToPath(import.meta.url);
let cached: string | undefined;

/**
 * The directory of this package (where `package.json`, `schemas/` and `dist/` live), found by walking up
 * from this module: the same answer from `scripts/` in a checkout, from `dist/scripts/` after tsc, from
 * the bundled `dist/bin/` CLI, and from an installed package. Code finds package files through it, never
 * through a path relative to its own module (the bundle moves modules).
 */
export function packageRoot(from: string = DEFAULT_START): string {
  if (from === DEFAULT_START && cached !== undefined) return cached;
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === "altcraft-albato") {
          if (from === DEFAULT_START) cached = dir;
          return dir;
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
