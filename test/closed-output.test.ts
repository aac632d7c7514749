/**
 * A closed stdout ends any command quietly (test/cli.test.ts covers --help of every command): here with
 * real output larger than a pipe holds, so the write really meets EPIPE, for `diff`, `infer`, `validate`
 * and `build --json`-sized documents: no 'error' event, no stack, nothing on stderr, and the exit code the
 * command had (0, or 1 for what it found) — never a crash's.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, REPO } from "./fixtures/run-bin.js";
import { tempDir } from "./fixtures/temp.js";

const dir = tempDir("closed-output");

// A diff that says a lot: the base manifest against one with 400 more triggers.
const base = join(REPO, "test/fixtures/diff/base/manifest.json");
const manifest = JSON.parse(readFileSync(base, "utf8")) as { triggers: Array<Record<string, unknown>> };
const many = { ...manifest, triggers: [...manifest.triggers, ...Array.from({ length: 400 }, (_, i) => ({ ...manifest.triggers[0]!, code: `extra${i}`, eventType: `extra_${i}` }))] };
const bigger = join(dir, "bigger.json");
writeFileSync(bigger, JSON.stringify(many));
// An infer report and a validate report of two thousand lines and more.
const log = join(dir, "many-types.ndjson");
writeFileSync(log, `${Array.from({ length: 2000 }, (_, i) => JSON.stringify({ event_type: `unknown_type_${i}`, account_id: "x" })).join("\n")}\n`);

const cases: Array<[string, string, number[]]> = [
  ["diff with hundreds of changes", `diff "${base}" "${bigger}"`, [0]],
  ["diff --json of the same", `diff "${base}" "${bigger}" --json`, [0]],
  ["infer of two thousand unknown types", `infer "${log}"`, [0, 1]],
  ["infer --json of the same", `infer "${log}" --json`, [0, 1]],
  ["validate of two thousand invalid events", `validate "${log}"`, [0, 1]],
];

describe("a reader that closes the pipe after one line", () => {
  for (const [name, command, codes] of cases) {
    it(`${name}: ends quietly`, () => {
      for (let round = 0; round < 3; round++) {
        const result = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" "${BIN}" ${command} | head -1 >/dev/null`], { encoding: "utf8", timeout: 30_000 });
        expect(result.stderr).toBe("");
        expect(codes).toContain(result.status);
      }
    });
  }
});
