/**
 * The identity of the toolchain that builds: the bytes of its code (the folder of the code that runs,
 * minus generated code) and of package.json / package-lock.json. A new tool version or dependency
 * must invalidate the build cache; a new mtime alone (tsc rewrites everything) must not.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "../package-root.js";

/**
 * The folder of the code that runs, given this module's folder: `scripts/` (or tsc's `dist/scripts/`)
 * above `build/`, or the bundle's own folder (`dist/bin/`), where every module is a chunk side by side.
 */
export function toolchainDir(moduleDir: string): string {
  return basename(moduleDir) === "build" ? dirname(moduleDir) : moduleDir;
}

const TOOLCHAIN_DIR = toolchainDir(fileURLToPath(new URL(".", import.meta.url)));

function codeFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated") found.push(...codeFiles(path));
    } else if (/\.(c|m)?(js|ts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      found.push(path);
    }
  }
  return found.sort();
}

let memo: string | undefined;

/**
 * A chunk of the bundle (`dist/bin/<name>-<hash>.cjs`): rolldown's hash covers its content and, through
 * the hashed names it imports, everything it loads. Its name alone is then its identity.
 */
const HASHED_CHUNK = /-[A-Za-z0-9_-]{8}\.c?js$/;

function contentHash(files: readonly string[], root: string, namesSuffice: (path: string) => boolean): string {
  const hash = createHash("sha256");
  for (const path of files) {
    hash.update(path.slice(root.length)).update("\0");
    try {
      if (!namesSuffice(path)) hash.update(readFileSync(path));
    } catch {
      hash.update("(missing)");
    }
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** A cheap key of the files' paths, sizes and mtimes: while it holds, the content hash does too. */
function statKey(files: readonly string[]): string {
  const hash = createHash("sha256");
  for (const path of files) {
    try {
      const stats = statSync(path);
      hash.update(`${path}\0${stats.size}\0${stats.mtimeMs}\0`);
    } catch {
      hash.update(`${path}\0missing\0`);
    }
  }
  return hash.digest("hex");
}

/**
 * The toolchain's content hash. Reading every file costs more than the rest of a no-change build, so
 * `cacheDir` keeps it under a stat key; tsc rewriting identical files changes the key, not the hash.
 */
export function toolchainHash(cacheDir?: string): string {
  if (memo !== undefined) return memo;
  const root = packageRoot();
  const files = [...codeFiles(TOOLCHAIN_DIR), join(root, "package.json"), join(root, "package-lock.json")];
  const key = statKey(files);
  const file = cacheDir === undefined ? undefined : join(cacheDir, "toolchain.json");
  if (file !== undefined) {
    try {
      const recorded = JSON.parse(readFileSync(file, "utf8")) as { key: string; hash: string };
      if (recorded.key === key) return (memo = recorded.hash);
    } catch {
      // No record yet.
    }
  }
  // In the bundle (dist/bin/), hashed chunk names stand for their content: reading a megabyte of code
  // was most of the cache probe of a cold build. Compiled or source code is read in full.
  const bundleDir = basename(TOOLCHAIN_DIR) === "bin" ? resolve(TOOLCHAIN_DIR) : undefined;
  memo = contentHash(files, root, (path) => dirname(path) === bundleDir && HASHED_CHUNK.test(basename(path)));
  if (file !== undefined) {
    try {
      mkdirSync(cacheDir!, { recursive: true });
      writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify({ key, hash: memo }));
      renameSync(`${file}.${process.pid}.tmp`, file);
    } catch {
      // Only the shortcut is lost.
    }
  }
  return memo;
}
