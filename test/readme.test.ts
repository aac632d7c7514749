/**
 * README's command examples run (a documentation test). Every command of every ```sh block is taken
 * from README.md itself and run, in README order, with bash in a fresh copy of the project, after the
 * setup this table gives it (a git tag, a capture file, a release zip, a local server standing in for a
 * URL that is not ours). An example without an entry here fails the test until it gets one; an entry whose
 * example left README fails too. The only rewriting of an example is the replacement of URLs, listed per
 * example in `urls`.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "./fixtures/run-bin.js";
import { tempDir } from "./fixtures/temp.js";

/** The commands of README's ```sh blocks, one per line, comments and blank lines left out. */
export function readmeExamples(readme: string): string[] {
  const commands: string[] = [];
  for (const block of readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)) {
    for (const raw of block[1]!.split("\n")) {
      const line = raw.replace(/\s+#.*$/, "").trim();
      if (line !== "" && !line.startsWith("#")) commands.push(line);
    }
  }
  return commands;
}

interface Scene {
  /** The project copy every example runs in. */
  root: string;
  /** A local HTTP server: GET serves samples, POST records bodies. */
  local: string;
  posted: string[];
}

interface Setup {
  /** What the example needs, in words. */
  needs: string;
  /** Not run here, and why (`npm test` is this very suite; a call to a real account runs elsewhere against the fake host). */
  self?: string;
  prepare?: (scene: Scene) => void;
  /** URLs of the example replaced by local ones (the only change ever made to an example's text). */
  urls?: (scene: Scene) => Record<string, string>;
  env?: Record<string, string>;
  exit?: number[];
  check?: (result: { stdout: string; stderr: string }, scene: Scene) => void;
}

const CAPTURE = "captures/2024-05-14.ndjson";
const sample = (type: string) => JSON.parse(readFileSync(join(REPO, "schemas/samples", type, "full.json"), "utf8")) as Record<string, unknown>;

/** A `listen` capture of two requests (click, open, deliv_push), as `listen` writes them. */
function writeCapture(scene: Scene): void {
  const file = join(scene.root, CAPTURE);
  if (existsSync(file)) return;
  mkdirSync(join(scene.root, "captures"), { recursive: true });
  const record = (events: unknown[]) => {
    const body = JSON.stringify(events);
    return JSON.stringify({ receivedAt: "2024-05-14T09:00:00.000Z", method: "POST", path: "/{token}", headers: { "content-type": "application/json" }, bodyBytes: Buffer.byteLength(body), body });
  };
  writeFileSync(file, `${record([sample("click"), sample("open")])}\n${record([sample("deliv_push")])}\n`);
}

function git(root: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.name=readme-test", "-c", "user.email=readme@test.invalid", ...args], { cwd: root, stdio: "pipe" });
}

/** Where `curl` is missing (a fresh Debian), a stand-in for `curl -s <url>` in Node, on PATH for that example. */
function curlPath(scene: Scene): string | undefined {
  if (spawnSync("sh", ["-c", "command -v curl"]).status === 0) return undefined;
  const bin = join(scene.root, ".readme-test-bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, "curl"), `#!/usr/bin/env node\nfetch(process.argv.at(-1)).then(async (r) => process.stdout.write(Buffer.from(await r.arrayBuffer())));\n`);
  chmodSync(join(bin, "curl"), 0o755);
  return bin;
}

/** One entry per README example, by its exact text. */
const SETUPS: Record<string, Setup> = {
  "npm ci && npm run build": {
    needs: "a fresh copy of the project without node_modules or dist (npm's cache serves the packages)",
    env: { npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false" },
    exit: [0],
    check: (_, scene) => {
      for (const file of ["dist/manifest.json", "dist/altcraft-albato-1.0.0.zip", "dist/bin/altcraft-albato.cjs", "dist/scripts/index.js"]) expect(existsSync(join(scene.root, file)), file).toBe(true);
    },
  },
  "npm test": {
    needs: "nothing more",
    self: "this suite is `npm test`: run from inside it, it would run itself (checked instead: the script is `vitest run`, which runs this file)",
  },
  "npx altcraft-albato build --check": { needs: "the build above", exit: [0] },
  "npx altcraft-albato build --json": {
    needs: "the build above",
    exit: [0],
    // npx keeps stdout clean (npm run cli would put npm's banner there): the whole of it is one document.
    check: ({ stdout }) => expect(JSON.parse(stdout)).toMatchObject({ ok: true, version: "1.0.0" }),
  },
  "npx altcraft-albato build --baseline v1.0.0": {
    needs: "a git repository with the release tagged v1.0.0",
    prepare: (scene) => {
      git(scene.root, "init", "-q");
      git(scene.root, "add", "-A");
      git(scene.root, "commit", "-qm", "release 1.0.0");
      git(scene.root, "tag", "v1.0.0");
    },
    exit: [0],
  },
  "npx altcraft-albato validate schemas/samples/click/full.json": { needs: "nothing more", exit: [0] },
  "npx altcraft-albato validate --strict captures/ hooks.ndjson": {
    needs: "a capture in captures/ and an NDJSON log hooks.ndjson of valid events",
    prepare: (scene) => {
      writeCapture(scene);
      writeFileSync(join(scene.root, "hooks.ndjson"), `${JSON.stringify(sample("click"))}\n${JSON.stringify([sample("open"), sample("deliv")])}\n`);
    },
    exit: [0],
    check: ({ stderr }) => expect(stderr).not.toMatch(/^\s+at |internal error/m),
  },
  "curl -s https://example.com/hook.json | npx altcraft-albato validate --json -": {
    needs: "the hook served locally instead of example.com (and curl, or a stand-in where it is not installed)",
    urls: (scene) => ({ "https://example.com/hook.json": `${scene.local}/hook.json` }),
    exit: [0],
    check: ({ stdout }) => expect(JSON.parse(stdout)).toMatchObject({ events: 1, invalid: 0 }),
  },
  "npx altcraft-albato diff v1.0.0 dist/altcraft-albato-1.1.0.zip": {
    needs: "the v1.0.0 tag above, and a 1.1.0 package built from the project with its version raised",
    prepare: (scene) => {
      const app = join(scene.root, "connector/app.yaml");
      writeFileSync(app, readFileSync(app, "utf8").replace(/^version: 1\.0\.0$/m, "version: 1.1.0"));
      execFileSync("npx", ["altcraft-albato", "build"], { cwd: scene.root, stdio: "pipe" });
    },
    exit: [0],
    check: ({ stdout }) => expect(stdout).toMatch(/patch|minor|no changes|bump/i),
  },
  "npx altcraft-albato send captures/2024-05-14.ndjson --to http://127.0.0.1:8787/ --batch-size 50": {
    needs: "the capture above, and a local receiver instead of a listen on port 8787",
    prepare: writeCapture,
    urls: (scene) => ({ "http://127.0.0.1:8787/": `${scene.local}/hook` }),
    exit: [0],
    check: (_, scene) => expect(scene.posted.flatMap((body) => JSON.parse(body) as unknown[])).toHaveLength(3),
  },
  "npx altcraft-albato simulate schemas/samples/click/full.json": {
    needs: "the build above",
    exit: [0],
    check: ({ stdout }) => expect(stdout).toContain("1 request (1 element) through dist/manifest.json: 1 run, every element started a trigger."),
  },
  "npx altcraft-albato simulate captures/ --json": {
    needs: "the capture above",
    prepare: writeCapture,
    exit: [0],
    check: ({ stdout }) => expect(JSON.parse(stdout)).toMatchObject({ requests: 2, unmatched: [] }),
  },
  "npx altcraft-albato call profileGet --dry-run --host ru.altkraft.com --input database=1 --input email=jim@example.com": {
    needs: "the build above (a dry run sends nothing)",
    exit: [0],
    check: ({ stdout }) => expect(stdout).toContain("https://ru.altkraft.com/api/v1.1/profiles/get"),
  },
  "ALTCRAFT_TOKEN=… npx altcraft-albato call profileImport --host ru.altkraft.com --input database=1 --input email=jim@example.com --json": {
    needs: "an Altcraft account",
    self: "it calls a real Altcraft account; test/readme-call.test.ts runs it against the fake Altcraft host instead",
  },
  "ALTCRAFT_TOKEN=… npx altcraft-albato call --list databases --host ru.altkraft.com": {
    needs: "an Altcraft account",
    self: "it calls a real Altcraft account; test/readme-call.test.ts runs it against the fake Altcraft host instead",
  },
  "npx altcraft-albato infer captures/2024-05-14.ndjson --event-type deliv_push --write": {
    needs: "the capture above (it holds a deliv_push event)",
    prepare: writeCapture,
    exit: [0],
    check: ({ stdout }, scene) => {
      expect(stdout).toContain("evidence for confirming `deliv_push`: 1 event seen");
      expect(existsSync(join(scene.root, "captures/drafts/deliv_push.draft.schema.json"))).toBe(true);
    },
  },
};

/** Run `command` with bash in the scene; its exit status and output. */
function run(command: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["-o", "pipefail", "-c", command], { cwd: scene.root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 240_000);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const readme = readFileSync(join(REPO, "README.md"), "utf8");
const examples = readmeExamples(readme);

const scene: Scene = { root: "", local: "", posted: [] };
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    if (req.method === "POST") {
      scene.posted.push(body);
      res.end("OK");
    } else {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(sample("click")));
    }
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  scene.local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  scene.root = tempDir("readme");
  // What a clone holds: the committed files (not node_modules, not dist).
  for (const name of ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.test.json", "rolldown.config.ts", "README.md", ".gitignore", "scripts", "schemas", "connector", "bench"]) {
    cpSync(join(REPO, name), join(scene.root, name), { recursive: true });
  }
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("README's command examples", () => {
  it("are found (the quick start first)", () => {
    expect(examples.slice(0, 2)).toEqual(["npm ci && npm run build", "npm test"]);
  });

  it("each have a setup here, and every setup an example there", () => {
    expect(examples.filter((example) => !(example in SETUPS)), "README examples without a setup in test/readme.test.ts").toEqual([]);
    expect(Object.keys(SETUPS).filter((example) => !examples.includes(example)), "setups whose example is no longer in README").toEqual([]);
  });

  it("npm test is vitest run, which runs this file", () => {
    const scripts = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.test).toBe("vitest run");
  });

  for (const example of examples) {
    const setup = SETUPS[example];
    if (setup?.self !== undefined) continue;
    it(`runs: ${example}`, async () => {
      expect(setup, `no setup for ${example}`).toBeDefined();
      setup!.prepare?.(scene);
      let command = example;
      for (const [from, to] of Object.entries(setup!.urls?.(scene) ?? {})) {
        expect(command, `the URL ${from} to replace`).toContain(from);
        command = command.replaceAll(from, to);
      }
      const stand = command.startsWith("curl ") ? curlPath(scene) : undefined;
      scene.posted.length = 0;
      // Not spawnSync: the local server answering the example lives in this process.
      const result = await run(command, { ...process.env, NO_COLOR: "1", ...(stand ? { PATH: `${stand}:${process.env.PATH}` } : {}), ...setup!.env });
      expect(setup!.exit ?? [0], `${command}\n${result.stderr}`).toContain(result.status);
      setup!.check?.({ stdout: result.stdout, stderr: result.stderr }, scene);
    }, 300_000);
  }
});
