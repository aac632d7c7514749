/**
 * Terminal escape injection, closed everywhere outside validate: what a remote sender, a package or a
 * project file says reaches the operator's terminal only escaped. A sender's event_type
 * `ESC]0;…BEL ESC[2J` (set the window title, clear the screen) on listen's console, in infer's report,
 * an answer body in send's lines, labels in a diff, a YAML key in a build problem, a file name in
 * preview's "wrote" line; and `--json` documents, which JSON.stringify leaves holding C1 controls and
 * bidirectional overrides, carry them as \u escapes.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject, removeProjects } from "./fixtures/build/project.js";
import { startBinListen } from "./fixtures/listen-bin.js";
import { REPO, runBin } from "./fixtures/run-bin.js";
import { tempDir } from "./fixtures/temp.js";

const dir = tempDir("terminal-output");
const EVIL = "\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e";
/** A control character a terminal acts on (newlines and tabs excepted: they separate lines and columns). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function expectSafe(text: string, what: string): void {
  const found = CONTROL.exec(text);
  expect(found, `${what} holds U+${found?.[0].charCodeAt(0).toString(16).padStart(4, "0")}: ${JSON.stringify(text.slice(Math.max(0, (found?.index ?? 0) - 40), (found?.index ?? 0) + 20))}`).toBeNull();
}

const evilEvent = { event_type: EVIL, account_id: 1, event_date: "2024-05-14T09:00:00Z", is_test: false, event_data: { [EVIL]: EVIL } };
const answerServer = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.statusCode = 400;
    res.end(`refused ${EVIL}`);
  });
});
let answerUrl: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => answerServer.listen(0, "127.0.0.1", resolve));
  answerUrl = `http://127.0.0.1:${(answerServer.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => answerServer.close(() => resolve()));
  await removeProjects();
});

describe("text from input reaches the terminal escaped", () => {
  it("listen: a remote sender's event_type, keys and first problem on the console and in the summary", async () => {
    const listen = await startBinListen(["--out", join(dir, "listen.ndjson")]);
    expect((await fetch(listen.url, { method: "POST", body: JSON.stringify([evilEvent]) })).status).toBe(200);
    expect((await fetch(`${listen.url}x?q=%1b%5d0;t%07`, { method: "POST", body: "{" })).status).toBe(400);
    listen.child.kill("SIGINT");
    expect(await listen.exited).toBe(0);
    expectSafe(listen.stdout(), "listen's stdout");
    expectSafe(listen.stderr(), "listen's stderr");
    expect(listen.stdout()).toContain("\\x1b]0;pwned\\x07\\x1b[2J");
  });

  it("infer: the report of a capture with such types and keys, and its --json document", async () => {
    const file = join(dir, "evil.ndjson");
    writeFileSync(file, `${JSON.stringify(evilEvent)}\n${JSON.stringify({ ...evilEvent, event_type: "click" })}\n`);
    const report = await runBin(["infer", file]);
    expect(report.code).toBe(0);
    expectSafe(report.stdout, "infer's report");
    expect(report.stdout).toContain("\\x1b]0;pwned");
    const json = await runBin(["infer", file, "--json"]);
    expectSafe(json.stdout, "infer --json");
    expect((JSON.parse(json.stdout) as { types: Array<{ eventType: string }> }).types.map((type) => type.eventType)).toContain(EVIL);
  });

  it("send: an answer body quoted in a batch line", async () => {
    const file = join(dir, "one.json");
    writeFileSync(file, JSON.stringify({ event_type: "click", account_id: 1 }));
    const result = await runBin(["send", file, "--to", answerUrl, "--retries", "0"]);
    expect(result.code).toBe(1);
    expectSafe(result.stdout + result.stderr, "send's output");
    expect(result.stdout).toContain("refused \\x1b]0;pwned");
  });

  it("diff: labels from the packages compared", async () => {
    const base = JSON.parse(readFileSync(join(REPO, "test/fixtures/diff/base/manifest.json"), "utf8")) as { triggers: Array<{ names: Record<string, string> }> };
    base.triggers[0]!.names.en = `Clicked ${EVIL}`;
    const changed = join(dir, "changed-manifest.json");
    writeFileSync(changed, JSON.stringify(base));
    const result = await runBin(["diff", join(REPO, "test/fixtures/diff/base/manifest.json"), changed]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("\\x1b]0;pwned");
    expectSafe(result.stdout + result.stderr, "diff's output");
    const json = await runBin(["diff", join(REPO, "test/fixtures/diff/base/manifest.json"), changed, "--json"]);
    expectSafe(json.stdout, "diff --json");
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain("pwned");
  });

  it("build: a problem quoting a YAML key from the project", async () => {
    const root = await makeProject();
    const app = join(root, "connector/app.yaml");
    writeFileSync(app, readFileSync(app, "utf8").replace("docs_url:", '"docs\\e]0;x\\a_url":'));
    const result = await runBin(["build", "--root", root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown key "docs\\x1b]0;x\\x07_url"');
    expectSafe(result.stderr + result.stdout, "build's output");
  });

  it("preview: the path in its 'wrote' line", async () => {
    const out = join(dir, `page${EVIL.replace(/[\u202e]/g, "")}.html`);
    const result = await runBin(["preview", "--manifest", join(REPO, "test/fixtures/preview/manifest.json"), "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^wrote .*page\\x1b\]0;pwned/);
    expectSafe(result.stderr, "preview's line");
  });
});
