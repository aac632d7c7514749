/**
 * Where the loaders read a project's files from: the disk, or the bytes a build already read (its
 * inputs), so a build reads every input once and checks, derives and packages the very same bytes.
 * Paths are repo-relative with forward slashes.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { lstat, readFile, readlink, stat } from "node:fs/promises";
import { join, sep } from "node:path";
import { CannotRunError, fsReason } from "../errors.js";
import { kindOf, walkFiles } from "./walk.js";

export interface ProjectFiles {
  /** A file's bytes; undefined when there is no regular file there. Other read failures throw. */
  read(file: string): Promise<Buffer | undefined>;
  isFile(file: string): Promise<boolean>;
  /** The names of the regular files directly in `dir`, sorted; undefined when there is no such folder. */
  filesIn(dir: string): Promise<string[] | undefined>;
  /** The paths of the regular files anywhere under `dir`, sorted. */
  filesUnder(dir: string): Promise<string[]>;
  /**
   * Why there is no regular file at `file`, for a message: "not found", "a folder", "a symbolic link to
   * ../x.svg, which does not exist", so a message never says "not found" of something that is there.
   */
  absence(file: string): Promise<string>;
}

/** What stands at `path` instead of a regular file, in words. */
export async function absenceAt(path: string): Promise<string> {
  const own = await lstat(path).catch(() => undefined);
  if (own === undefined) return "not found";
  if (own.isSymbolicLink()) {
    const target = await readlink(path).catch(() => "?");
    const info = await stat(path).catch(() => undefined);
    if (info === undefined) return `a symbolic link to ${target}, which does not exist`;
    return `a symbolic link to ${info.isDirectory() ? "a folder" : kindOf(info)} (${target})`;
  }
  return own.isDirectory() ? "a folder" : kindOf(own);
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

/** Repo-relative paths of the regular files under `dir`, sorted; dotfiles skipped; none when `dir` is absent. */
export function listFiles(root: string, dir: string): string[] {
  const folder = join(root, dir);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return [];
  const prefix = root.length + (root.endsWith(sep) ? 0 : 1);
  return walkFiles(folder, { skipDotfiles: true })
    .files.map((path) => toPosix(path.slice(prefix)))
    .sort(byCodeUnit);
}

/** Every file's bytes under `dirs`, plus `extra` files that exist, by repo-relative path, sorted. */
export function readProjectInputs(root: string, dirs: readonly string[], extra: readonly string[] = []): Map<string, Buffer> {
  const paths = dirs.flatMap((dir) => listFiles(root, dir));
  for (const path of extra) if (!paths.includes(path) && isRegularFile(join(root, path))) paths.push(path);
  const files = new Map<string, Buffer>();
  for (const path of paths.sort(byCodeUnit)) {
    try {
      files.set(path, readFileSync(join(root, path)));
    } catch (error) {
      throw new CannotRunError(`cannot read: ${fsReason(error)}`, { file: path });
    }
  }
  return files;
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * A project root given by the user (`--root`) must be a folder holding schemas/ or connector/: otherwise
 * one line naming it, instead of a problem for every file it lacks.
 */
export function checkProjectRoot(root: string, given: string): void {
  let info;
  try {
    info = statSync(root);
  } catch (error) {
    throw new CannotRunError(`the project folder (--root) cannot be read: ${fsReason(error)}`, { file: given });
  }
  if (!info.isDirectory()) throw new CannotRunError("the project folder (--root) is not a folder", { file: given });
  if (!existsSync(join(root, "schemas")) && !existsSync(join(root, "connector"))) {
    throw new CannotRunError("not a project folder: it holds neither schemas/ nor connector/ (give --root the folder that does)", { file: given });
  }
}

export function diskFiles(root: string): ProjectFiles {
  return {
    async read(file) {
      const info = await stat(join(root, file)).catch(() => undefined);
      if (!info?.isFile()) return undefined;
      try {
        return await readFile(join(root, file));
      } catch (error) {
        throw new CannotRunError(`cannot read: ${fsReason(error)}`, { file });
      }
    },
    isFile: async (file) => (await stat(join(root, file)).catch(() => undefined))?.isFile() ?? false,
    async filesIn(dir) {
      const info = await stat(join(root, dir)).catch(() => undefined);
      if (!info?.isDirectory()) return undefined;
      return listFiles(root, dir)
        .map((path) => path.slice(dir.length + 1))
        .filter((name) => !name.includes("/"));
    },
    filesUnder: async (dir) => listFiles(root, dir),
    absence: (file) => absenceAt(join(root, file)),
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
    // A covered folder's listing holds every regular file in it; what else stands there the disk can say.
    absence: (file) => elsewhere.absence(file),
  };
}
