/**
 * `--json` prints exactly one JSON document on stdout whatever happens: for every command that has the
 * option (found from the commands themselves, so a command added later is held to it too), a usage
 * mistake gives `{ ok: false, exitCode: 2, error, problems }`; and each command's own failures (a file
 * that cannot be read, an empty capture, a project folder that is not one) give that document, with the
 * error in it, and the same line on stderr.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../scripts/commands/index.js";
import { errorLines, REPO, runBin } from "./fixtures/run-bin.js";
import { tempDir } from "./fixtures/temp.js";

const dir = tempDir("json-output");

interface FailureDocument {
  ok: false;
  exitCode: number;
  error: string;
  problems: Array<{ file: string; message: string; line?: number; column?: number; pointer?: string }>;
}

/** stdout parses as one JSON document (and nothing else is there). */
function oneDocument(stdout: string): unknown {
  expect(stdout.endsWith("\n")).toBe(true);
  return JSON.parse(stdout);
}

const withJson: string[] = [];
for (const entry of COMMANDS) {
  const command = await entry.load();
  if (command.options.some((option) => option.long === "--json")) withJson.push(entry.name);
}

describe("every command with --json", () => {
  it("is found (diff, send, infer and build at least)", () => {
    expect(withJson).toEqual(expect.arrayContaining(["build", "diff", "send", "infer"]));
  });

  for (const name of withJson) {
    it(`${name}: a usage mistake is one failure document on stdout, exit 2`, async () => {
      const result = await runBin([name, "--json", "--no-such-option"]);
      expect(result.code).toBe(2);
      const document = oneDocument(result.stdout) as FailureDocument;
      expect(document).toMatchObject({ ok: false, exitCode: 2, error: expect.stringContaining("unknown option '--no-such-option'") });
    });
  }
});

const empty = join(dir, "empty.ndjson");
writeFileSync(empty, "");
const broken = join(dir, "broken.json");
writeFileSync(broken, '{"event_type": "click",\n  "account_id": }\n');

const failures: Array<{ name: string; args: string[]; error: RegExp; place?: Partial<FailureDocument["problems"][number]> }> = [
  { name: "diff of a side that is neither a file nor a ref", args: ["diff", "no-such-release", "also-not", "--json"], error: /"no-such-release" is neither a file nor a git ref/ },
  { name: "diff of a manifest that is not JSON", args: ["diff", broken, join(REPO, "test/fixtures/diff/base/manifest.json"), "--json"], error: /broken\.json:2:17: not valid JSON/, place: { file: broken, line: 2, column: 17 } },
  { name: "send of a file that does not exist", args: ["send", join(dir, "missing.json"), "--to", "http://127.0.0.1:9/", "--json"], error: /missing\.json: cannot read: no such file or directory \(ENOENT\)/ },
  { name: "send of a malformed file", args: ["send", broken, "--to", "http://127.0.0.1:9/", "--json"], error: /broken\.json:2:17: not valid JSON/, place: { file: broken, line: 2, column: 17 } },
  { name: "send without --to", args: ["send", broken, "--json"], error: /--to <url> is required/ },
  { name: "infer of an empty capture", args: ["infer", empty, "--json"], error: /no events to infer from in .*empty\.ndjson/ },
  { name: "infer --write where it cannot write", args: ["infer", join(REPO, "schemas/samples/click/full.json"), "--write", "/proc/x", "--json"], error: /cannot make the folder \/proc\/x/ },
  { name: "build --root of a folder that does not exist", args: ["build", "--root", join(dir, "nowhere"), "--json"], error: /nowhere: the project folder \(--root\) cannot be read: no such file or directory \(ENOENT\)/ },
];

describe("each command's own failures", () => {
  for (const failure of failures) {
    it(`${failure.name}: one document with the error, the same line on stderr`, async () => {
      const result = await runBin(failure.args);
      expect(result.code).toBe(2);
      const document = oneDocument(result.stdout) as FailureDocument;
      expect(document.ok).toBe(false);
      expect(document.exitCode).toBe(2);
      expect(document.error).toMatch(failure.error);
      expect(errorLines(result.stderr)[0]).toBe(document.error);
      if (failure.place) expect(document.problems[0]).toMatchObject(failure.place);
    });
  }

  it("a document printed before a failure is not followed by a second one (build --json of a broken project)", async () => {
    const result = await runBin(["build", "--root", join(REPO, "test/fixtures/diff/base"), "--out", join(dir, "out"), "--json"]);
    expect(result.code).toBe(2);
    expect(oneDocument(result.stdout)).toMatchObject({ ok: false });
  });
});
