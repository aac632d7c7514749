/**
 * The API token never appears in anything `call` prints or writes: the bundled CLI runs in a child process
 * (as users run it) through every path — dry runs, successes, lists, an application error, a token error,
 * a 5xx, a timeout, a refused connection, usage mistakes, an answer and an input that echo the token — and
 * its stdout, its stderr and every file in its working folder are searched for the token.
 */
import { spawn } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walkFiles } from "../scripts/load/walk.js";
import { startAltcraftServer, type AltcraftServer } from "./fixtures/altcraft/server.js";
import { build, makeProject, removeProjects, REPO } from "./fixtures/build/project.js";
import { tempDir } from "./fixtures/temp.js";

const CLI = join(REPO, "dist", "bin", "altcraft-albato.cjs");
// Distinctive, so a hit cannot be a coincidence; hex like Altcraft's tokens.
const TOKEN = "5ec7e7a0c0ffee00d15ea5eba5eba11a";

let cwd: string;
let server: AltcraftServer;
let echoing: AltcraftServer;

beforeAll(async () => {
  const root = await makeProject();
  expect((await build(root)).code).toBe(0);
  cwd = tempDir("call-token");
  cpSync(join(root, "dist", "manifest.json"), join(cwd, "manifest.json"));
  server = await startAltcraftServer({ token: TOKEN });
  // An answer that quotes the token back, in an error and in a success.
  echoing = await startAltcraftServer({
    token: TOKEN,
    responses: {
      "profiles-import": { error: 0, error_text: `token ${TOKEN} accepted`, profile_id: "54759eb3c090d83494e2d804" },
      "profiles-get": { error: 401, error_text: `API token required (got ${TOKEN})` },
    },
  });
}, 120_000);

afterAll(async () => {
  await Promise.all([server.close(), echoing.close()]);
  await removeProjects();
});

interface Result {
  code: number | null;
  output: string;
}

/** The CLI with the token in its environment, in the temporary working folder. */
function run(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, "call", "--manifest", "manifest.json", ...args], {
      cwd,
      env: { ...process.env, ALTCRAFT_TOKEN: TOKEN },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("the API token in call's outputs", () => {
  const paths: Array<[string, () => string[], number]> = [
    ["a dry run", () => ["profileImport", "--dry-run", "--host", "ru.altkraft.com", "--input", "database=1", "--input", "email=jim@example.com"], 0],
    ["a dry run, JSON", () => ["profileImport", "--dry-run", "--json", "--host", "ru.altkraft.com", "--input", "database=1"], 0],
    ["a success", () => ["profileImport", "--base-url", server.baseUrl, "--input", "database=1", "--input", "email=jim@example.com"], 0],
    ["a success, JSON", () => ["profileImport", "--json", "--base-url", server.baseUrl, "--input", "database=1", "--input", "email=jim@example.com"], 0],
    ["a list, JSON", () => ["--list", "databases", "--json", "--base-url", server.baseUrl], 0],
    ["a list's dry run", () => ["--list", "databases", "--dry-run", "--json", "--host", "ru.altkraft.com"], 0],
    ["an answer echoing the token", () => ["profileImport", "--json", "--base-url", echoing.baseUrl, "--input", "database=1", "--input", "email=jim@example.com"], 0],
    ["an error echoing the token", () => ["profileGet", "--json", "--base-url", echoing.baseUrl, "--input", "database=1"], 1],
    ["an error echoing the token, as text", () => ["profileGet", "--base-url", echoing.baseUrl, "--input", "database=1"], 1],
    ["an input holding the token", () => ["profileGet", "--json", "--dry-run", "--host", "ru.altkraft.com", "--input", "database=1", "--input", `email=${TOKEN}`], 0],
    ["a usage mistake quoting the token", () => ["profileGet", "--json", "--host", "ru.altkraft.com", "--input", `database=${TOKEN}`], 2],
    ["a refused connection", () => ["profileGet", "--json", "--base-url", "http://127.0.0.1:9", "--input", "database=1"], 2],
    ["a timeout", () => ["profileDelete", "--json", "--timeout", "0.2", "--base-url", server.baseUrl, "--input", "database=1"], 2],
    ["a 5xx", () => ["segmentAdd", "--json", "--base-url", server.baseUrl, "--input", "segment=1", "--input", "database=1", "--input", "profileId=5f33d33ece94481aa9382110"], 1],
  ];

  for (const [what, args, code] of paths) {
    it(`is not in stdout or stderr: ${what}`, async () => {
      if (what === "a timeout") server.setBehaviour("profiles-delete", "timeout");
      if (what === "a 5xx") server.setBehaviour("profiles-segstatic-add", "serverError");
      const result = await run(args());
      server.setBehaviour("*", "normal");
      expect(result.code, result.output).toBe(code);
      expect(result.output.length).toBeGreaterThan(0);
      expect(result.output).not.toContain(TOKEN);
      // Not even a piece of it long enough to mean anything.
      expect(result.output).not.toContain(TOKEN.slice(4, 20));
    });
  }

  it("is in the requests the server received (so the searches above searched where it would be)", () => {
    expect(server.requests.some((request) => (request.body as { token?: string } | undefined)?.token === TOKEN)).toBe(true);
    expect(echoing.requests.every((request) => (request.body as { token?: string }).token === TOKEN)).toBe(true);
  });

  it("is in no file of the working folder", () => {
    const files = walkFiles(cwd, {}).files;
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(file, "utf8"), file).not.toContain(TOKEN);
  });
});
