/**
 * Where the loaders read a project's files from: the disk, or the bytes the build already read (its
 * inputs, build/inputs.ts), so a build reads every input once and checks, derives and packages the
 * very same bytes. Paths are repo-relative with forward slashes.
 */
import type { Dirent } from "node:fs";
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

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function diskFiles(root: string): ProjectFiles {
  const entriesOf = async (dir: string): Promise<Dirent[] | undefined> => readdir(join(root, dir), { withFileTypes: true }).catch(() => undefined);
  const filesUnder = async (dir: string): Promise<string[]> => {
    const found: string[] = [];
    for (const entry of (await entriesOf(dir)) ?? []) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) found.push(...(await filesUnder(path)));
      else if (entry.isFile()) found.push(path);
    }
    return found.sort(byCodeUnit);
  };
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
      const entries = await entriesOf(dir);
      return entries?.filter((entry) => entry.isFile()).map((entry) => entry.name).sort(byCodeUnit);
    },
    filesUnder,
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
