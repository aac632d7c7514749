/**
 * README's `call` examples run as written (in a project built by `build`): the dry run against the
 * documented host; the others, which need an Altcraft account, against the fake host by `--base-url` in
 * place of `--host`, with a token in ALTCRAFT_TOKEN as the example sets it.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAltcraftServer, type AltcraftServer } from "./fixtures/altcraft/server.js";
import { build, makeProject, removeProjects, REPO } from "./fixtures/build/project.js";

const CLI = join(REPO, "dist", "bin", "altcraft-albato.cjs");
const TOKEN = "bfc505684d774e52b188fa1f003cd5ed";

/** The shell lines of the first code block under a heading. */
function examples(heading: string): string[] {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf(heading));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  return block.split("\n").filter((line) => line.trim() !== "");
}

/** The CLI in a child process, asynchronously: the fake host answers in this process. */
function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

let root: string;
let server: AltcraftServer;

beforeAll(async () => {
  root = await makeProject();
  expect((await build(root)).code).toBe(0);
  server = await startAltcraftServer({ token: TOKEN });
}, 120_000);

afterAll(async () => {
  await server.close();
  await removeProjects();
});

describe("README: Calling Altcraft", () => {
  const lines = examples("## Calling Altcraft: `call`");

  it("has the three examples: a dry run, an action, a list", () => {
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/--dry-run/);
    expect(lines[2]).toMatch(/--list databases/);
  });

  for (const line of lines) {
    it(line, async () => {
      const words = line.split(/\s+/);
      const env: NodeJS.ProcessEnv = { ...process.env };
      delete env.ALTCRAFT_TOKEN;
      if (words[0]!.startsWith("ALTCRAFT_TOKEN=")) {
        expect(words.shift()).toBe("ALTCRAFT_TOKEN=…");
        env.ALTCRAFT_TOKEN = TOKEN;
      }
      expect(words.splice(0, 2)).toEqual(["npx", "altcraft-albato"]);
      const dryRun = words.includes("--dry-run");
      const args = dryRun ? words : words.join(" ").replace("--host ru.altkraft.com", `--base-url ${server.baseUrl}`).split(" ");
      const result = await runCli(args, root, env);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toBe("");
      if (dryRun) expect(result.stdout.split("\n")[0]).toBe("POST https://ru.altkraft.com/api/v1.1/profiles/get");
      else expect(result.stdout.length).toBeGreaterThan(0);
      expect(result.stdout).not.toContain(TOKEN);
    });
  }
});
