/**
 * Atomic writes, the one implementation: a file is written to a temporary sibling and renamed into place,
 * so readers see the old content or the whole new one, never a part; a failed write removes its temporary
 * file and says which path failed and why (a full disk, a read-only folder, a folder where a file should
 * be) as one line. `StagedFiles` does the same for a set of files that must change together.
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CannotRunError, fsReason } from "../errors.js";
import { makeFolders } from "./folders.js";

/** A sibling temp path, so the final rename stays on one file system. */
export function tempSibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/** One line naming the path written and the reason. */
export function cannotWrite(path: string, error: unknown): CannotRunError {
  if (error instanceof CannotRunError) return error;
  return new CannotRunError(`cannot write: ${fsReason(error)}`, { file: path });
}

/** The folder `path` needs could not be made: which part of it, and why. */
export function cannotMakeFolder(path: string, error: unknown): CannotRunError {
  const culprit = (error as NodeJS.ErrnoException | undefined)?.path;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (culprit === undefined) return cannotWrite(path, error);
  if (code === "ENOTDIR") return new CannotRunError(`cannot write: ${culprit} is a file, not a folder (ENOTDIR)`, { file: path });
  return new CannotRunError(`cannot write: cannot make the folder ${culprit}: ${fsReason(error)}`, { file: path });
}

/** Refuse an existing folder at `path` up front: the rename would fail after the data was written. */
async function refuseFolder(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) throw new CannotRunError("cannot write: is a folder; give a file path", { file: path });
}

/** Write `data` to a temporary sibling of `path` (its folder created); returns the temporary path. */
async function writeTemp(path: string, data: string | Uint8Array): Promise<string> {
  await refuseFolder(path);
  try {
    await makeFolders(dirname(path));
  } catch (error) {
    throw cannotMakeFolder(path, error);
  }
  const temp = tempSibling(path);
  try {
    await writeFile(temp, data);
  } catch (error) {
    await rm(temp, { force: true });
    throw cannotWrite(path, error);
  }
  return temp;
}

/** Write a file atomically; on failure nothing is left behind and the error names the path. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = await writeTemp(path, data);
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw cannotWrite(path, error);
  }
}

/**
 * Files that change together: each is staged as a temporary sibling (only when its bytes differ from
 * what is there), then all are renamed into place by `commit`. Any failure before the commit discards
 * every temporary file, so the previous outputs stay exactly as they were.
 */
export class StagedFiles {
  private readonly staged: Array<{ path: string; temp: string }> = [];

  /** Stage `data` for `path`; returns the temporary file, or undefined when `path` already holds these bytes. */
  async stage(path: string, data: string | Buffer): Promise<string | undefined> {
    const bytes = typeof data === "string" ? Buffer.from(data) : data;
    const current = await readFile(path).catch(() => undefined);
    if (current?.equals(bytes)) return undefined;
    try {
      const temp = await writeTemp(path, bytes);
      this.staged.push({ path, temp });
      return temp;
    } catch (error) {
      await this.discard();
      throw error;
    }
  }

  /** Rename everything into place, in the order staged; returns the paths written. */
  async commit(): Promise<string[]> {
    const written: string[] = [];
    try {
      for (const { path, temp } of this.staged) {
        await rename(temp, path);
        written.push(path);
      }
    } catch (error) {
      const failed = this.staged[written.length]!.path;
      this.staged.splice(0, written.length);
      await this.discard();
      throw cannotWrite(failed, error);
    }
    this.staged.length = 0;
    return written;
  }

  /** Remove every temporary file not yet renamed. */
  async discard(): Promise<void> {
    await Promise.all(this.staged.splice(0).map(({ temp }) => rm(temp, { force: true })));
  }
}
