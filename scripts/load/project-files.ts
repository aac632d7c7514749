/**
 * Where the loaders read a project's files from: the disk, or the bytes the build already read (its
 * inputs, build/inputs.ts), so a build reads every input once and checks, derives and packages the
 * very same bytes. Paths are repo-relative with forward slashes.
 */
import { readdirSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";

export interface ProjectFiles {
  /** A file's bytes; undefined when there is no file there. Other read failures throw (errno `code` set). */
  read(file: string): Promise<Buffer | undefined>;
  isFile(file: string): Promise<boolean>;
  /** The names of the regular files directly in `dir`, sorted; undefined when there is no such folder. */
  filesIn(dir: string): Promise<string[] | undefined>;
  /** The paths of the regular files anywhere under `dir`, sorted. */
  filesUnder(dir: string): Promise<string[]>;
}

// Dotfiles (.DS_Store, editor swap files) are never project files, on disk or in the build's inputs.
const isDotfile = (name: string): boolean => name.startsWith(".");
// Sorted by code unit, not by readdir order, so hashes and the zip never depend on the file system.
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Repo-relative paths (forward slashes) of the regular files under `dir`, sorted; dotfiles skipped. */
export function listFiles(root: string, dir: string): string[] {
  const found: string[] = [];
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (isDotfile(entry.name)) continue;
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) found.push(...listFiles(root, path));
    else if (entry.isFile()) found.push(path);
  }
  return found.sort(byCodeUnit);
}

export function diskFiles(root: string): ProjectFiles {
  return {
    async read(file) {
      try {
        return await readFile(join(root, file));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT" || code === "EISDIR") return undefined;
        throw error;
      }
    },
    isFile: async (file) => (await stat(join(root, file)).catch(() => undefined))?.isFile() ?? false,
    async filesIn(dir) {
      const entries = await readdir(join(root, dir), { withFileTypes: true }).catch(() => undefined);
      return entries?.filter((entry) => entry.isFile() && !isDotfile(entry.name)).map((entry) => entry.name).sort(byCodeUnit);
    },
    filesUnder: async (dir) => listFiles(root, dir),
  };
}

/**
 * The files of a map (repo-relative path → bytes) for the folders it covers (`dirs`: all of their files
 * are in it), and `elsewhere` for any other path.
 */
export function memoryFiles(files: ReadonlyMap<string, Buffer>, dirs: readonly string[], elsewhere: ProjectFiles): ProjectFiles {
  const covered = (path: string): boolean => dirs.some((dir) => path === dir || path.startsWith(`${dir}/`));
  const under = (dir: string): string[] => [...files.keys()].filter((path) => path.startsWith(`${dir}/`)).sort(byCodeUnit);
  return {
    read: async (file) => (covered(file) ? files.get(file) : elsewhere.read(file)),
    isFile: async (file) => (covered(file) ? files.has(file) : elsewhere.isFile(file)),
    async filesIn(dir) {
      if (!covered(dir)) return elsewhere.filesIn(dir);
      const names = under(dir).map((path) => path.slice(dir.length + 1));
      // A folder is there when something is in it.
      return names.length === 0 ? undefined : names.filter((name) => !name.includes("/"));
    },
    filesUnder: async (dir) => (covered(dir) ? under(dir) : elsewhere.filesUnder(dir)),
  };
}
