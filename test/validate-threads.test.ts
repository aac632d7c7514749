/**
 * One thread and several find the same: every sample, the documented payloads and 10,000 seeded mutations,
 * as files, as NDJSON lines and as captured requests, checked on one thread as users run it, on two
 * threads cut into ranges of 2 KiB and batches of two files, and on one thread cut the same way. The text
 * lines and the `--json` summary must be identical, byte for byte, in the same order.
 */
import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { captureLine } from "../scripts/listen/capture-record.js";
import { loadSchemas } from "../scripts/load/schemas.js";
import { tempDir } from "./fixtures/temp.js";
import { root, samplesDir, validSamples } from "./fixtures/validate/build.js";
import { documentedPayloads } from "./fixtures/validate/documented.js";
import { CUT_SMALL, validateInProcess, type InProcessRun } from "./fixtures/validate/in-process.js";
import { mutations } from "./fixtures/validate/mutations.js";

const dir = tempDir("validate-threads");

function record(body: Buffer | string, extra: { truncated?: boolean; bodyBytes?: number } = {}): Buffer {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  return captureLine({
    receivedAt: new Date(Date.UTC(2024, 4, 14, 9, 0, 0)),
    method: "POST",
    path: "/{token}",
    remoteAddress: "127.0.0.1",
    headers: { "content-type": "application/json" },
    body: bytes,
    bodyBytes: extra.bodyBytes ?? bytes.length,
    truncated: extra.truncated ?? false,
  }).line;
}

async function threeWays(paths: string[]): Promise<InProcessRun[]> {
  const asUsers = await validateInProcess(paths, { threads: 1 });
  const twoThreads = await validateInProcess(paths, { ...CUT_SMALL, threads: 2 });
  const oneThreadCut = await validateInProcess(paths, { ...CUT_SMALL, threads: 1 });
  return [asUsers, twoThreads, oneThreadCut];
}

function expectSame(runs: InProcessRun[]): void {
  const [first, ...others] = runs;
  for (const other of others) {
    expect(other.lines).toEqual(first!.lines);
    expect(JSON.stringify(other.summary)).toBe(JSON.stringify(first!.summary));
  }
}

let mutationLog: string;

beforeAll(async () => {
  const schemas = await loadSchemas(root);
  const made = mutations(schemas, 10_000, 20_260_513);
  const valid = validSamples();
  const lines: string[] = [];
  made.forEach((mutation, i) => {
    // Every third line a batch (a mutated event among valid ones), and now and then a Windows line end.
    const text = i % 3 === 0 ? JSON.stringify([valid[i % valid.length]!.event, mutation.event]) : JSON.stringify(mutation.event);
    lines.push(i % 7 === 0 ? `${text}\r` : text);
  });
  mutationLog = join(dir, "mutations.ndjson");
  writeFileSync(mutationLog, `${lines.join("\n")}\n`);
}, 120_000);

describe("one thread and two find the same", () => {
  it("on every sample, as files (valid and invalid) and as one NDJSON log", async () => {
    cpSync(samplesDir, join(dir, "samples"), { recursive: true });
    const all = validSamples().map((sample) => JSON.stringify(sample.event));
    const log = join(dir, "samples.ndjson");
    // Blank lines, a line that is not JSON, a very long line (longer than a range), a torn last line.
    const long = JSON.stringify({ ...validSamples()[0]!.event, padding: "Анна ".repeat(3000) });
    writeFileSync(log, ["", ...all, "   ", "{not json", long, ...all, '{"event_type":"click","account_id":12'].join("\n"));
    const runs = await threeWays([join(dir, "samples"), log]);
    expect(runs[0]!.summary.events).toBeGreaterThan(2 * all.length);
    expect(runs[0]!.summary.problems.length).toBeGreaterThan(10);
    expectSame(runs);
  });

  it("on the documented payloads, as events, a batch, NDJSON and captured requests", async () => {
    const batch = join(dir, "documented-batch.json");
    writeFileSync(batch, JSON.stringify(documentedPayloads, null, 2));
    const log = join(dir, "documented.ndjson");
    writeFileSync(log, `${documentedPayloads.map((event) => JSON.stringify(event)).join("\n")}\n${JSON.stringify(documentedPayloads)}\n`);
    const capture = join(dir, "documented-capture.ndjson");
    const body = JSON.stringify(documentedPayloads);
    writeFileSync(
      capture,
      Buffer.concat([
        record(body),
        // An id JSON.parse cannot hold (written as text: a JavaScript literal would round it first).
        record(JSON.stringify([documentedPayloads[1]]).replace('"account_id":23', '"account_id":9007199254740993')),
        record(body.slice(0, 100), { truncated: true, bodyBytes: body.length }),
        record(Buffer.from([0x5b, 0xff, 0x5d])),
        record(""),
        record("[{]"),
        // A writer killed mid-record.
        record(body).subarray(0, 300),
      ]),
    );
    const runs = await threeWays([batch, log, capture]);
    expect(runs[0]!.summary.events).toBe(4 + 8 + 4 + 1 + 4);
    expect(runs[0]!.summary.warnings.map((w) => w.keyword)).toEqual(["inexactInteger", "torn"]);
    expectSame(runs);
  });

  it("on 10,000 seeded mutations of the samples", async () => {
    const runs = await threeWays([mutationLog]);
    // Every mutated event has a problem; the valid ones in the batches have none.
    expect(runs[0]!.summary.invalid).toBe(10_000);
    expect(runs[0]!.summary.events).toBe(10_000 + Math.ceil(10_000 / 3));
    expectSame(runs);
  });
});
