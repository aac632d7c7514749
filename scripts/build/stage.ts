/**
 * Outputs are staged as temporary siblings and renamed into place only once everything is built and
 * checked, so a failed build leaves every previous output exactly as it was.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { tempSibling } from "../write/atomic.js";

interface Staged {
  path: string;
  temp: string;
}

/** Write `data` next to `path` (its folder exists) under a temporary name, unless `path` already holds these bytes. */
async function stageFile(path: string, data: string | Buffer): Promise<Staged | undefined> {
  const bytes = typeof data === "string" ? Buffer.from(data) : data;
  const current = await readFile(path).catch(() => undefined);
  if (current?.equals(bytes)) return undefined;
  const temp = tempSibling(path);
  await writeFile(temp, bytes);
  return { path, temp };
}

export class OutputStage {
  private readonly staged: Staged[] = [];
  private readonly removals: string[] = [];

  /**
   * Stage many files at once (their reads and writes overlap); they are committed in the order given.
   * If one fails, the others are still staged, so `discard` removes every temporary file.
   */
  async addAll(files: Iterable<readonly [string, string | Buffer]>): Promise<void> {
    const list = [...files];
    // Each folder once (hundreds of validator modules share one).
    await Promise.all([...new Set(list.map(([path]) => dirname(path)))].map((dir) => mkdir(dir, { recursive: true })));
    const results = await Promise.allSettled(list.map(([path, data]) => stageFile(path, data)));
    for (const result of results) if (result.status === "fulfilled" && result.value) this.staged.push(result.value);
    const failed = results.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
  }

  /** Take over a temporary file already written (and checked) next to `path`. */
  adopt(path: string, temp: string): void {
    this.staged.push({ path, temp });
  }

  /** Delete `path` on commit (an output that no longer exists, e.g. a removed event's validator). */
  remove(path: string): void {
    this.removals.push(path);
  }

  /** Rename everything into place; returns the paths that changed. */
  async commit(): Promise<string[]> {
    const changed: string[] = [];
    for (const { path, temp } of this.staged.splice(0)) {
      await rename(temp, path);
      changed.push(path);
    }
    for (const path of this.removals.splice(0)) {
      await rm(path, { force: true });
      changed.push(path);
    }
    return changed;
  }

  /** Drop every staged file (a later step failed). */
  async discard(): Promise<void> {
    await Promise.all(this.staged.splice(0).map(({ temp }) => rm(temp, { force: true })));
    this.removals.length = 0;
  }
}
