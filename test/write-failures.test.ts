/**
 * Write failures of every command that writes (`build --out`, `preview --out`, `asyncapi --out`,
 * `infer --write`, `listen --out`), each under real conditions that hold for root too: a file where a
 * folder must be (ENOTDIR), an existing folder as the target (EISDIR), a path under /proc (ENOENT, where
 * Node's recursive mkdir used to spin forever) or /sys (EACCES), a read-only tmpfs (EROFS) and a full one
 * (ENOSPC). Each is one line naming the path and the reason, exit 2, no stack, in bounded time, and no
 * temporary file left behind.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject, removeProjects } from "./fixtures/build/project.js";
import { errorLines, REPO, runBin } from "./fixtures/run-bin.js";
import { tempDir } from "./fixtures/temp.js";
import { canMount, mountTmpfs } from "./fixtures/tmpfs.js";

const dir = tempDir("write-failures");
const mounting = canMount();
let project: string;
let readOnly: string;
let full: string;

beforeAll(async () => {
  project = await makeProject();
  // Built once, so preview and asyncapi have a package to read.
  const built = await runBin(["build", "--root", project], { timeoutMs: 60_000 });
  expect(built.code, built.stderr).toBe(0);
  if (mounting) {
    readOnly = mountTmpfs("read-only", { sizeKiB: 64, readOnly: true });
    full = mountTmpfs("full", { sizeKiB: 64 });
    // Fill it to the last block.
    let size = 64 * 1024;
    for (let index = 0; size >= 1; index++) {
      try {
        writeFileSync(join(full, `filler-${index}`), Buffer.alloc(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  }
}, 120_000);
afterAll(removeProjects);

const sample = join(REPO, "schemas/samples/click/full.json");

/** Each writer, given where its output goes (a file for preview and asyncapi, a folder otherwise). */
const writers: Record<string, { target: "file" | "folder"; args: (out: string) => string[] }> = {
  "build --out": { target: "folder", args: (out) => ["build", "--root", project, "--out", out, "--no-cache"] },
  "preview --out": { target: "file", args: (out) => ["preview", "--manifest", join(project, "dist/manifest.json"), "--out", out] },
  "asyncapi --out": { target: "file", args: (out) => ["asyncapi", "--manifest", join(project, "dist/manifest.json"), "--out", out] },
  "infer --write": { target: "folder", args: (out) => ["infer", sample, "--write", out] },
};

interface Condition {
  name: string;
  needsMount?: boolean;
  /** Where the output goes, and what the one line must say (after the path). */
  make: (writer: string, target: "file" | "folder") => { out: string; says: RegExp; folder?: string };
}

const conditions: Condition[] = [
  {
    name: "a file where a folder must be (ENOTDIR)",
    make: (writer) => {
      const file = join(dir, `${slug(writer)}-in-the-way`);
      writeFileSync(file, "not a folder\n");
      return { out: join(file, "sub", "out"), says: new RegExp(`cannot write: ${escape(file)} is a file, not a folder \\(ENOTDIR\\)$`) };
    },
  },
  {
    name: "an existing folder where the file must go (EISDIR)",
    make: (writer, target) => {
      if (target === "file") {
        const folder = join(dir, `${slug(writer)}-folder`);
        mkdirSync(folder);
        return { out: folder, says: /cannot write: is a folder; give a file path$/, folder };
      }
      if (writer === "build --out") {
        const file = join(dir, "build-out-is-a-file");
        writeFileSync(file, "");
        return { out: file, says: /the output folder is a file; give --out a folder$/ };
      }
      const folder = join(dir, `${slug(writer)}-drafts`);
      mkdirSync(join(folder, "click.draft.schema.json"), { recursive: true });
      return { out: folder, says: /click\.draft\.schema\.json: cannot write: is a folder; give a file path$/, folder };
    },
  },
  {
    name: "a folder that cannot be made under /proc (ENOENT; Node's recursive mkdir spins there)",
    make: (writer) => ({ out: join("/proc", `altcraft-${slug(writer)}`, "out"), says: /cannot write: cannot make the folder \/proc\/altcraft-[a-z-]+: no such file or directory \(ENOENT\)$/ }),
  },
  {
    name: "a path under /sys (EACCES for a file, EPERM for a folder, even for root)",
    make: (writer) => ({ out: join("/sys", `altcraft-${slug(writer)}`), says: /(permission denied \(EACCES\)|operation not permitted \(EPERM\))$/ }),
  },
  {
    name: "a read-only file system (EROFS)",
    needsMount: true,
    make: (writer) => ({ out: join(readOnly, slug(writer)), says: /read-only file system \(EROFS\)$/ }),
  },
  {
    name: "a full disk (ENOSPC), leaving no temporary file",
    needsMount: true,
    make: (writer, target) => ({ out: target === "file" ? join(full, `${slug(writer)}.out`) : full, says: /no space left on the device \(ENOSPC\)$/, folder: full }),
  },
];

function slug(text: string): string {
  return text.replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "");
}
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("a write that fails", () => {
  for (const [writer, { target, args }] of Object.entries(writers)) {
    for (const condition of conditions) {
      const run = condition.needsMount && !mounting ? it.skip : it;
      run(`${writer}, ${condition.name}: one line naming the path and the reason, exit 2`, async () => {
        const { out, says, folder } = condition.make(writer, target);
        const before = folder !== undefined ? readdirSync(folder).sort() : [];
        const result = await runBin(args(out), { timeoutMs: 30_000 });
        expect(result.hung, "the command hung").toBe(false);
        expect(result.code, result.stderr).toBe(2);
        const lines = errorLines(result.stderr);
        expect(lines, result.stderr).toHaveLength(1);
        expect(lines[0]!.startsWith(out), `${lines[0]} names ${out}`).toBe(true);
        expect(lines[0]).toMatch(says);
        expect(result.stderr).not.toMatch(/^\s+at |internal error/m);
        // Nothing half-written stays: no temporary sibling, nothing new at all.
        if (folder !== undefined) expect(readdirSync(folder).sort()).toEqual(before);
      });
    }
  }
});

describe("listen --out that cannot be appended to", () => {
  const cases: Array<[string, () => string, RegExp, boolean?]> = [
    ["a file where a folder must be", () => (writeFileSync(join(dir, "listen-file"), ""), join(dir, "listen-file", "c.ndjson")), /is a file, not a folder \(ENOTDIR\)$/],
    ["a folder", () => dir, /cannot open the capture file: is a directory \(EISDIR\)$/],
    ["under /proc", () => "/proc/altcraft-listen/c.ndjson", /cannot make the folder \/proc\/altcraft-listen: no such file or directory \(ENOENT\)$/],
    ["a read-only file system", () => join(readOnly, "c.ndjson"), /cannot open the capture file: read-only file system \(EROFS\)$/, true],
  ];
  for (const [name, out, says, needsMount] of cases) {
    (needsMount && !mounting ? it.skip : it)(`${name}: one line, exit 2, before it listens`, async () => {
      const path = out();
      const result = await runBin(["listen", "--port", "0", "--out", path], { timeoutMs: 15_000 });
      expect(result.hung).toBe(false);
      expect(result.code, result.stderr).toBe(2);
      const lines = errorLines(result.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^${escape(path)}: `));
      expect(lines[0]).toMatch(says);
      expect(result.stdout).not.toContain("Listening on");
    });
  }

  (mounting ? it : it.skip)("on a full disk: answers 500 for each request it could not keep, says so, keeps serving, no partial line", async () => {
    const { startBinListen } = await import("./fixtures/listen-bin.js");
    const capture = join(full, "full.ndjson");
    const listen = await startBinListen(["--out", capture]);
    const answers: number[] = [];
    for (let i = 0; i < 3; i++) answers.push((await fetch(listen.url, { method: "POST", body: JSON.stringify([{ event_type: "click", n: i, pad: "x".repeat(2000) }]) })).status);
    listen.child.kill("SIGINT");
    expect(await listen.exited).toBe(0);
    expect(answers).toEqual([500, 500, 500]);
    expect(listen.stdout()).toMatch(/500 POST \/ {2}could not write the capture file \(ENOSPC\); the request was not kept, send it again/);
    expect(readdirSync(full).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});
