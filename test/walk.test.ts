/** The one directory walker: each real file once (links, hard links, loops), sizes from its own look, FIFOs noted. */
import { spawnSync } from "node:child_process";
import { linkSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { walkFiles } from "../scripts/load/walk.js";
import { tempDir } from "./fixtures/temp.js";

describe("walkFiles", () => {
  it("visits each real file and folder once, in code-unit order, with its size", () => {
    const top = tempDir("walk");
    mkdirSync(join(top, "b", "deep"), { recursive: true });
    writeFileSync(join(top, "a.json"), "{}");
    writeFileSync(join(top, "b", "deep", "c.json"), "[1,2]");
    symlinkSync("../a.json", join(top, "b", "link-to-a.json")); // a symbolic link to a file already seen
    linkSync(join(top, "a.json"), join(top, "b", "hard-a.json")); // the same file by a second name
    symlinkSync("..", join(top, "b", "deep", "up")); // a loop
    symlinkSync(".", join(top, "self")); // another
    const walked = walkFiles(top);
    expect(walked.files).toEqual([join(top, "a.json"), join(top, "b", "deep", "c.json")]);
    expect([...walked.sizes]).toEqual([
      [join(top, "a.json"), 2],
      [join(top, "b", "deep", "c.json"), 5],
    ]);
    expect(walked.skipped).toEqual([]);
  });

  it("skips what is not a regular file with a note, and names a dangling link", () => {
    const top = tempDir("walk-special");
    writeFileSync(join(top, "a.json"), "{}");
    spawnSync("mkfifo", [join(top, "pipe.json")]);
    symlinkSync("missing.json", join(top, "dangling.json"));
    const walked = walkFiles(top);
    expect(walked.files).toEqual([join(top, "a.json")]);
    expect(walked.skipped).toEqual([
      { path: join(top, "dangling.json"), reason: "cannot be read: no such file or directory (ENOENT)" },
      { path: join(top, "pipe.json"), reason: "a FIFO, not read" },
    ]);
  });
});
