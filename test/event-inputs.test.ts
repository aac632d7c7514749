/**
 * What `send` and `infer` make of malformed or foreign input, one way for both (load/event-inputs.ts):
 * a line that is not JSON, a value that is no event, bytes that are not UTF-8 are problems at their place,
 * all collected (infer reports them and goes on, exit 1; send refuses to replay, listing them all, exit 2);
 * an empty capture, a HAR file or a capture of refused requests only hold no events (exit 2, saying what
 * was found instead); a capture cut anywhere in its last record (what a SIGKILL can leave) yields every
 * whole record and one note about the torn line, never a problem.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readEventInputs, TORN_LINE_REASON } from "../scripts/load/event-inputs.js";
import { errorLines, REPO, runBin } from "./fixtures/run-bin.js";
import { tempDir } from "./fixtures/temp.js";

const dir = tempDir("event-inputs");
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const click = JSON.parse(readFileSync(join(REPO, "schemas/samples/click/full.json"), "utf8")) as Record<string, unknown>;
const record = (body: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ receivedAt: "2024-05-14T09:00:00.000Z", method: "POST", path: "/{token}", headers: {}, bodyBytes: Buffer.byteLength(body), body, ...extra });

describe("infer on malformed and foreign input", () => {
  it("reports a line that is not JSON and goes on with the rest, exit 1", async () => {
    const file = write("mixed.ndjson", `${JSON.stringify(click)}\n{"event_type": click}\n${JSON.stringify(click)}\nnot json at all\n`);
    const result = await runBin(["infer", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Read 2 events from 1 file.");
    expect(result.stdout).toContain("2 problems in the input (passed over; the rest was read):");
    expect(result.stdout).toMatch(new RegExp(`  ${file.replace(/[.]/g, "\\.")}:2:\\d+: not valid JSON: `));
    expect(result.stdout).toMatch(new RegExp(`  ${file.replace(/[.]/g, "\\.")}:4:\\d+: not valid JSON: `));
    expect(result.stdout).toContain("click: 2 events");
  });

  const nothing: Array<[string, () => string, RegExp]> = [
    ["an empty capture", () => write("empty.ndjson", ""), /no events to infer from in .*empty\.ndjson; found instead: .*empty\.ndjson: empty file \(no lines\)/],
    ["a HAR file", () => write("hooks.har.json", JSON.stringify({ log: { version: "1.2", entries: [{ request: { postData: { text: "[]" } } }] } })), /this is a HAR file: export the request bodies, or capture the hooks with `listen`/],
    ["a capture of refused requests only", () => write("refused.ndjson", `${record("", { refused: "not the token path (404)" })}\n`), /refused by listen \(not the token path \(404\)\); its body was not kept/],
    ["a file of blank lines", () => write("blank.ndjson", "\n\n  \n"), /empty file \(no lines\)/],
  ];
  for (const [name, make, says] of nothing) {
    it(`${name}: exit 2, one line saying what was found instead`, async () => {
      const result = await runBin(["infer", make()]);
      expect(result.code).toBe(2);
      const lines = errorLines(result.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(says);
      expect(result.stdout).toBe("");
    });
  }

  it("events without an event_type are named so, with no `--event-type (no event_type)` advice", async () => {
    const { event_type: _type, ...untyped } = click;
    const result = await runBin(["infer", write("untyped.json", JSON.stringify([untyped, click]))]);
    expect(result.stdout).toContain("1 event without an event_type (or with one that is not a non-empty string)");
    expect(result.stdout).not.toContain("--event-type (no event_type)");
  });
});

describe("send on malformed input", () => {
  it("refuses to replay, naming every malformed place at once, exit 2", async () => {
    const file = write("bad.ndjson", Buffer.concat([Buffer.from(`${JSON.stringify(click)}\n{oops\n`), Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), Buffer.from('{"a":1}\n')]));
    const result = await runBin(["send", file, "--to", "http://127.0.0.1:9/"]);
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([
      "the input has 3 problems:",
      expect.stringMatching(/bad\.ndjson:2:2: not valid JSON: /),
      `${file}:3: not UTF-8 text (a replay could not send these bytes as they are)`,
      `${file}:4: an object without any key of an event (event_type, event_date, account_id, is_test, event_data); expected an event, a batch of events or a capture record`,
    ]);
  });
});

describe("a capture cut anywhere in its last record (what a SIGKILL mid-write leaves)", () => {
  it("gives every whole record's events and one note about the torn line, never a problem (every cut point)", async () => {
    const whole = [record(JSON.stringify([click, click])), record(JSON.stringify([click]))].map((line) => `${line}\n`);
    const last = record(JSON.stringify([{ ...click, note: "й".repeat(50) }]));
    const file = join(dir, "torn.ndjson");
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: Buffer.byteLength(last) - 1 }), async (cut) => {
        writeFileSync(file, Buffer.concat([Buffer.from(whole.join("")), Buffer.from(last).subarray(0, cut)]));
        const input = await readEventInputs([file]);
        expect(input.events).toHaveLength(3);
        expect(input.problems).toEqual([]);
        expect(input.skipped).toEqual([{ place: { file, line: 3 }, reason: TORN_LINE_REASON }]);
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  it("reads a last record that only lacks its newline as whole", async () => {
    const file = write("no-newline.ndjson", record(JSON.stringify([click])));
    const input = await readEventInputs([file]);
    expect(input.events).toHaveLength(1);
    expect(input.skipped).toEqual([]);
  });
});
