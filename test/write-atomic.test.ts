/**
 * The atomic writes under injected file-system failures (so these paths are tested on every machine,
 * root or not, mount or no mount): a failing write or rename of any of the errors a disk gives is one
 * line naming the path and the reason, removes every temporary file, and leaves what was there before.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rejectionLines } from "./fixtures/errors.js";
import { tempDir } from "./fixtures/temp.js";

/** What the next writeFile / rename does: succeed, or fail with this code. */
const inject: { writeFile?: string; rename?: string; renameAfter?: number; renames: number } = { renames: 0 };

vi.mock("node:fs/promises", async (original) => {
  const real = await original<typeof import("node:fs/promises")>();
  const fail = (code: string, path: unknown) => Object.assign(new Error(`${code}: injected`), { code, path: String(path) });
  return {
    ...real,
    writeFile: async (...args: Parameters<typeof real.writeFile>) => {
      if (inject.writeFile !== undefined) {
        // A real failing write leaves the bytes it managed to write: so does this one.
        await real.writeFile(args[0], "partial");
        throw fail(inject.writeFile, args[0]);
      }
      return real.writeFile(...args);
    },
    rename: async (from: string, to: string) => {
      if (inject.rename !== undefined && inject.renames++ >= (inject.renameAfter ?? 0)) throw fail(inject.rename, to);
      return real.rename(from, to);
    },
  };
});

const { StagedFiles, writeFileAtomic } = await import("../scripts/write/atomic.js");

const dir = tempDir("write-atomic");
afterEach(() => {
  delete inject.writeFile;
  delete inject.rename;
  delete inject.renameAfter;
  inject.renames = 0;
});

const CODES: Array<[string, string]> = [
  ["ENOSPC", "no space left on the device (ENOSPC)"],
  ["EROFS", "read-only file system (EROFS)"],
  ["EACCES", "permission denied (EACCES)"],
  ["EDQUOT", "disk quota exceeded (EDQUOT)"],
  ["EIO", "input/output error (EIO)"],
];

describe("writeFileAtomic", () => {
  for (const [code, reason] of CODES) {
    for (const step of ["writeFile", "rename"] as const) {
      it(`a ${step === "writeFile" ? "write" : "rename"} failing with ${code}: one line, no temporary file, the old content kept`, async () => {
        const folder = join(dir, `${step}-${code}`);
        mkdirSync(folder);
        const target = join(folder, "out.json");
        writeFileSync(target, "old\n");
        inject[step] = code;
        expect(await rejectionLines(writeFileAtomic(target, "new\n"))).toBe(`${target}: cannot write: ${reason}`);
        expect(readdirSync(folder)).toEqual(["out.json"]);
        expect(readFileSync(target, "utf8")).toBe("old\n");
      });
    }
  }
});

describe("StagedFiles", () => {
  it("a stage failing part-way (ENOSPC on the third file) discards every temporary file", async () => {
    const folder = join(dir, "staged-write");
    mkdirSync(folder);
    const staged = new StagedFiles();
    await staged.stage(join(folder, "a"), "a");
    await staged.stage(join(folder, "b"), "b");
    inject.writeFile = "ENOSPC";
    expect(await rejectionLines(staged.stage(join(folder, "c"), "c"))).toBe(`${join(folder, "c")}: cannot write: no space left on the device (ENOSPC)`);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("a commit failing on its second rename names that file and leaves no temporary file", async () => {
    const folder = join(dir, "staged-rename");
    mkdirSync(folder);
    const staged = new StagedFiles();
    for (const name of ["a", "b", "c"]) await staged.stage(join(folder, name), name);
    inject.rename = "EROFS";
    inject.renameAfter = 1;
    expect(await rejectionLines(staged.commit())).toBe(`${join(folder, "b")}: cannot write: read-only file system (EROFS)`);
    // The first was renamed into place before the failure; no temporary sibling of the others stays.
    expect(readdirSync(folder)).toEqual(["a"]);
  });
});
