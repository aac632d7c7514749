/**
 * Directory walking: the one implementation every command uses. Symbolic links are followed, but every
 * real folder and file is visited once (by device and inode), so a link back up the tree cannot loop and
 * a folder linked twice is not read twice. What is neither a folder nor a regular file (a FIFO, a socket,
 * a device, a dangling link) is skipped with a note, never opened: reading a FIFO would block.
 * Entries are sorted by code unit, so the order never depends on the file system.
 */
import { readdirSync, statSync, type Stats } from "node:fs";
import { join } from "node:path";
import { CannotRunError, fsReason } from "../errors.js";

export interface WalkOptions {
  /** Which file names to keep (all by default). */
  include?: (name: string) => boolean;
  /** Which folder names to descend into (all by default). */
  descend?: (name: string) => boolean;
  /** Skip names starting with "." (editor swap files, .DS_Store, .git). */
  skipDotfiles?: boolean;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface WalkResult {
  /** Regular files, as `dir` joined with their relative path, sorted. */
  files: string[];
  /** Each file's size in bytes, from the walk's own look at it (no second stat for callers that need it). */
  sizes: Map<string, number>;
  skipped: Skipped[];
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What a non-regular file is, for the note. */
export function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a regular file";
}

/** The regular files under `dir`; an unreadable folder is an error naming it. */
export function walkFiles(dir: string, options: WalkOptions = {}): WalkResult {
  const result: WalkResult = { files: [], sizes: new Map(), skipped: [] };
  // Inodes seen, by device: numbers, no key string to build for every entry of a large folder.
  const seenByDevice = new Map<number, Set<number>>();
  /** True the first time a file or folder is met (by device and inode), false after. */
  const firstVisit = (stats: Stats): boolean => {
    let inodes = seenByDevice.get(stats.dev);
    if (inodes === undefined) seenByDevice.set(stats.dev, (inodes = new Set()));
    if (inodes.has(stats.ino)) return false;
    inodes.add(stats.ino);
    return true;
  };

  const visit = (folder: string, stats: Stats): void => {
    if (!firstVisit(stats)) return;
    let names: string[];
    try {
      names = readdirSync(folder).sort(byCodeUnit);
    } catch (error) {
      throw new CannotRunError(`cannot read the folder: ${fsReason(error)}`, { file: folder });
    }
    for (const name of names) {
      if (options.skipDotfiles && name.startsWith(".")) continue;
      const path = join(folder, name);
      let entry: Stats;
      try {
        entry = statSync(path);
      } catch (error) {
        result.skipped.push({ path, reason: `cannot be read: ${fsReason(error)}` });
        continue;
      }
      if (entry.isDirectory()) {
        if (!options.descend || options.descend(name)) visit(path, entry);
      } else if (!options.include || options.include(name)) {
        if (!entry.isFile()) {
          result.skipped.push({ path, reason: `${kindOf(entry)}, not read` });
        } else if (firstVisit(entry)) {
          result.files.push(path);
          result.sizes.set(path, entry.size);
        }
      }
    }
  };

  let top: Stats;
  try {
    top = statSync(dir);
  } catch (error) {
    throw new CannotRunError(`cannot read: ${fsReason(error)}`, { file: dir });
  }
  if (!top.isDirectory()) throw new CannotRunError("not a folder", { file: dir });
  visit(dir, top);
  result.files.sort(byCodeUnit);
  return result;
}
