/**
 * Nothing a user or the file system can put in the way makes a command hang: symbolic-link loops in
 * folders given to `send` and `infer` (each real file read once), FIFOs inside such folders (skipped with
 * a note), a FIFO named explicitly (refused at once, for every command that reads a named file), and paths
 * under /proc where Node's recursive mkdir never returns. Every run is bounded (run-bin kills a hung
 * command and the test fails saying so).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, symlinkSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorLines, REPO, runBin } from "./fixtures/run-bin.js";
import { tempDir } from "./fixtures/temp.js";

const dir = tempDir("hangs");
const loop = join(dir, "L");
const fifo = join(dir, "pipe.json");
const received: string[] = [];
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    received.push(body);
    res.end("OK");
  });
});
let url: string;

beforeAll(async () => {
  // The tree: a link back to the folder itself, one to its parent from below, and a `.` link.
  mkdirSync(join(loop, "sub"), { recursive: true });
  copyFileSync(join(REPO, "schemas/samples/click/full.json"), join(loop, "full.json"));
  symlinkSync("../L", join(loop, "self"));
  symlinkSync("..", join(loop, "sub", "up"));
  symlinkSync(".", join(loop, "dot"));
  execFileSync("mkfifo", [join(loop, "inside.ndjson")]);
  execFileSync("mkfifo", [fifo]);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a folder with link loops and a FIFO inside", () => {
  it("infer reads the one real file once and notes the FIFO", async () => {
    const result = await runBin(["infer", loop], { timeoutMs: 15_000 });
    expect(result.hung).toBe(false);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Read 1 event from 1 file.");
    expect(result.stdout).toMatch(/inside\.ndjson: a FIFO, not read/);
  });

  it("send posts the one event once and notes the FIFO", async () => {
    received.length = 0;
    const result = await runBin(["send", loop, "--to", url], { timeoutMs: 15_000 });
    expect(result.hung).toBe(false);
    expect(result.code, result.stderr).toBe(0);
    expect(received).toHaveLength(1);
    expect((JSON.parse(received[0]!) as unknown[]).length).toBe(1);
    expect(result.stderr).toMatch(/inside\.ndjson: a FIFO, not read/);
  });
});

describe("a FIFO named explicitly is refused at once", () => {
  const commands: Record<string, (path: string) => string[]> = {
    send: (path) => ["send", path, "--to", "http://127.0.0.1:9/"],
    infer: (path) => ["infer", path],
    diff: (path) => ["diff", path, join(REPO, "test/fixtures/diff/base/manifest.json")],
    "preview --manifest": (path) => ["preview", "--manifest", path, "--out", join(dir, "p.html")],
    "asyncapi --manifest": (path) => ["asyncapi", "--manifest", path, "--out", join(dir, "a.json")],
    "build --baseline": (path) => ["build", "--baseline", path, "--out", join(dir, "never-built")],
  };
  for (const [name, args] of Object.entries(commands)) {
    it(name, async () => {
      const result = await runBin(args(fifo), { timeoutMs: 15_000 });
      expect(result.hung, `${name} hung on a FIFO`).toBe(false);
      expect(result.code, result.stderr).toBe(2);
      expect(errorLines(result.stderr)).toContain(`${fifo}: cannot read: it is a FIFO, not a regular file`);
    });
  }

  it("listen --out a FIFO", async () => {
    const result = await runBin(["listen", "--port", "0", "--out", fifo], { timeoutMs: 15_000 });
    expect(result.hung).toBe(false);
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([`${fifo}: cannot open the capture file: it is a FIFO, not a regular file`]);
  });
});

describe("paths under /proc", () => {
  it("infer --write /proc/x ends at once with one line", async () => {
    const result = await runBin(["infer", join(REPO, "schemas/samples/click/full.json"), "--write", "/proc/x"], { timeoutMs: 15_000 });
    expect(result.hung, "infer --write /proc/x spun").toBe(false);
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual(["/proc/x/click.draft.schema.json: cannot write: cannot make the folder /proc/x: no such file or directory (ENOENT)"]);
  });
});
