/**
 * The catalogue of bad inputs: one table (test/fixtures/catalogue/, a file of rows per command) of
 * command lines across every command, each with the files it needs, the exit code it must end with and
 * the first error line it must print. Every row is also held to what README promises for any input: it
 * ends (bounded time), no stack trace or internal error, no "undefined" in a message, nothing on stderr
 * a terminal would act on, one line per problem, and with --json exactly one JSON document on stdout,
 * whose `error` is that first line.
 * Every command of scripts/commands/ gets two generic rows (an unknown option, --help) and must have rows
 * of its own: a command added without rows fails here.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../scripts/commands/index.js";
import type { Case, Scene } from "./fixtures/catalogue/case.js";
import { copyProject } from "./fixtures/catalogue/helpers.js";
import { CATALOGUE } from "./fixtures/catalogue/index.js";
import { REPO, runBin, type BinResult } from "./fixtures/run-bin.js";
import { tempDir } from "./fixtures/temp.js";

const MIN_ROWS = 100;
const MIN_ROWS_PER_COMMAND = 3;
const dir = tempDir("catalogue");
const scene = {} as Scene;
const servers: Server[] = [];
const net = createNetServer();

beforeAll(async () => {
  const project = copyProject(REPO, join(dir, "scene"));
  const built = await runBin(["build", "--root", project], { timeoutMs: 60_000 });
  if (built.code !== 0) throw new Error(`the scene's project did not build:\n${built.stderr}`);
  const fifo = join(dir, "scene", "pipe.json");
  execFileSync("mkfifo", [fifo]);
  const file = join(dir, "scene", "a-file");
  writeFileSync(file, "a file, not a folder\n");
  const serve = async (status: number): Promise<string> => {
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.statusCode = status;
        res.end(status === 200 ? "OK" : "failing");
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  };
  await new Promise<void>((resolve) => net.listen(0, "127.0.0.1", resolve));
  Object.assign(scene, {
    repo: REPO,
    project,
    sample: join(REPO, "schemas/samples/click/full.json"),
    manifest: join(REPO, "test/fixtures/diff/base/manifest.json"),
    fifo,
    file,
    receiver: await serve(200),
    failing: await serve(500),
    busyPort: (net.address() as AddressInfo).port,
  } satisfies Scene);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await new Promise((resolve) => net.close(resolve));
});

/** The rows every command gets, whatever it is. */
function genericRows(name: string): Case[] {
  return [
    { name: "an unknown option", args: () => [name, "--no-such-option"], exit: 2, first: "error: unknown option '--no-such-option'" },
    { name: "--help", args: () => [name, "--help"], exit: 0, check: (result) => expect(result.stdout).toContain(`Usage: altcraft-albato ${name}`) },
  ];
}

/** The first error line: the tool's own (prefix removed), or commander's usage error. Warnings and notes are not errors. */
function firstErrorLine(stderr: string): string | undefined {
  for (const line of stderr.split("\n")) {
    if (line.startsWith("altcraft-albato: warning:")) continue;
    if (line.startsWith("altcraft-albato: ")) return line.slice("altcraft-albato: ".length);
    if (line.startsWith("error: ")) return line;
  }
  return undefined;
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function holdToPromises(row: Case, args: string[], result: BinResult, own: string): void {
  expect(result.hung, `${args.join(" ")} did not end`).toBe(false);
  expect(result.code, `exit code of ${args.join(" ")}\n${result.stderr}`).toBe(row.exit);
  expect(result.stderr).not.toMatch(/^\s+at |internal error/m);
  // A message names what it found, never JavaScript's word for nothing.
  expect(result.stderr).not.toMatch(/\b(undefined|NaN|\[object Object\])\b/);
  expect(CONTROL.test(result.stderr), "stderr holds a control character").toBe(false);
  const first = firstErrorLine(result.stderr);
  const expected = typeof row.first === "function" ? row.first(scene, own) : row.first;
  if (row.exit === 2) expect(expected, "a row that exits 2 says its first line").toBeDefined();
  if (expected !== undefined) {
    expect(first, result.stderr).toBeDefined();
    if (typeof expected === "string") expect(first).toBe(expected);
    else expect(first).toMatch(expected);
  }
  // One line per problem: a count announces exactly the lines that follow it.
  const count = /has (\d+) problems:$/.exec(first ?? "");
  if (count) {
    const lines = result.stderr.split("\n").filter((line) => line.startsWith("altcraft-albato: ") && !line.includes("warning:") && !line.includes("build stopped"));
    expect(lines).toHaveLength(Number(count[1]) + 1);
  }
  if (args.includes("--json")) {
    expect(result.stdout.endsWith("\n"), "a --json document ends its line").toBe(true);
    const document = JSON.parse(result.stdout) as { ok?: boolean; error?: string };
    if (row.exit === 2 && document.error !== undefined) {
      expect(document.ok).toBe(false);
      expect(document.error).toBe(first?.replace(/^error: /, ""));
    }
  }
  row.check?.(result, scene, own);
}

const all = Object.entries(CATALOGUE);

describe("the catalogue", () => {
  it(`has at least ${MIN_ROWS} rows of its own, and rows for every command`, () => {
    expect(all.reduce((sum, [, rows]) => sum + rows.length, 0)).toBeGreaterThanOrEqual(MIN_ROWS);
    for (const { name } of COMMANDS) expect(CATALOGUE[name]?.length ?? 0, `rows for ${name} in test/fixtures/catalogue/`).toBeGreaterThanOrEqual(MIN_ROWS_PER_COMMAND);
  });
});

for (const { name } of COMMANDS) {
  const rows = [...genericRows(name), ...(CATALOGUE[name] ?? [])];
  describe.concurrent(name, () => {
    for (const row of rows) {
      it(`${row.name} → exit ${row.exit}`, async () => {
        const own = mkdtempSync(join(dir, `${name}-`));
        mkdirSync(own, { recursive: true });
        await row.setup?.(scene, own);
        const args = row.args(scene, own);
        const result = await runBin(args, { cwd: row.cwd?.(scene, own) ?? scene.project, timeoutMs: 45_000, ...(row.stdin !== undefined ? { input: row.stdin } : {}) });
        holdToPromises(row, args, result, own);
      }, 60_000);
    }
  });
}
