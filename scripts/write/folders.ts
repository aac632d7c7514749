/**
 * Making the folders an output needs, the one implementation every writer uses. Not Node's
 * `mkdir(…, { recursive: true })`: on Node 20 it never returns when a folder cannot be made inside an
 * existing one that refuses new entries with ENOENT (`/proc/x/y` spins forever), and it says EEXIST when
 * a file stands where a folder must be. Here each missing folder is made in turn, from the deepest one
 * that exists, so every failure is the error of one `mkdir` (ENOENT, EACCES, EROFS, ENOSPC) or ENOTDIR
 * naming the file in the way.
 */
import { mkdirSync, statSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { dirname } from "node:path";

function notAFolder(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${path} is not a folder`), { code: "ENOTDIR", path });
}

/** The folders to make, outermost first, once the deepest existing ancestor is found (and is a folder). */
function missingFolders(folder: string, isFolder: (path: string) => boolean | undefined): string[] {
  const missing: string[] = [];
  let current = folder;
  for (;;) {
    const found = isFolder(current);
    if (found === true) break;
    if (found === false) throw notAFolder(current);
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return missing.reverse();
}

/** true for a folder, false for something else, undefined when nothing is there (or it cannot be seen). */
function statKind(path: string): boolean | undefined {
  try {
    return statSync(path).isDirectory();
  } catch {
    return undefined;
  }
}

/** Make `folder` and any missing parents; an fs error (with its `code`) when one cannot be made. */
export function makeFoldersSync(folder: string): void {
  for (const path of missingFolders(folder, statKind)) {
    try {
      mkdirSync(path);
    } catch (error) {
      // Made meanwhile by someone else: fine, as long as it is a folder.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || statKind(path) !== true) throw error;
    }
  }
}

/** The asynchronous `makeFoldersSync`. */
export async function makeFolders(folder: string): Promise<void> {
  const kinds = new Map<string, boolean | undefined>();
  // Walk up asynchronously first, then decide with the answers (the walk is a handful of stats).
  let current = folder;
  for (;;) {
    const info = await stat(current).catch(() => undefined);
    kinds.set(current, info?.isDirectory());
    if (info !== undefined) break;
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const path of missingFolders(folder, (path) => kinds.get(path))) {
    try {
      await mkdir(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || !(await stat(path).catch(() => undefined))?.isDirectory()) throw error;
    }
  }
}
