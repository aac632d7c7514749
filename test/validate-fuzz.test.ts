/**
 * Property-based fuzz of validate's input side (seeded, so a failure replays): random inputs made of
 * events, pretty-printed documents, batches, capture records, big integers, deep nesting, text and bytes
 * that are not JSON or not UTF-8, blank lines, CRLF, byte-order marks and torn last lines, read three ways:
 * through the line splitter in random chunks, as one text (the small-file path), and cut into 2 KiB ranges
 * as a large file is. Each way: no exception escapes; the run ends (a generous bound, to catch a hang, not
 * to time anything); memory stays bounded; every finding is exactly one output line; and all three ways
 * find the same.
 */
import { isUtf8 } from "node:buffer";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { captureLine } from "../scripts/listen/capture-record.js";
import { FileChecker } from "../scripts/validate/check-file.js";
import { resolveInputs } from "../scripts/validate/inputs.js";
import { LineSplitter } from "../scripts/validate/line-splitter.js";
import { defaultTuning } from "../scripts/validate/plan.js";
import { formatFinding, RunReport, UnitCollector, type UnitResult } from "../scripts/validate/report.js";
import { checkInputs } from "../scripts/validate/run.js";
import { Threads } from "../scripts/validate/schedule.js";
import { tempDir } from "./fixtures/temp.js";
import { validSamples } from "./fixtures/validate/build.js";
import { CUT_SMALL } from "./fixtures/validate/in-process.js";

const dir = tempDir("validate-fuzz");
const events = validSamples().map((sample) => sample.event);
/** Far more than any case needs: reaching it means a hang. */
const HANG_MS = 20_000;
const HEAP_LIMIT = 512 * 1024 * 1024;

const text = (value: string): Buffer => Buffer.from(value, "utf8");

function capture(body: Buffer, truncated = false): Buffer {
  const line = captureLine({ receivedAt: new Date(0), method: "POST", path: "/{token}", headers: {}, body, bodyBytes: body.length + (truncated ? 10 : 0), truncated }).line;
  return line.subarray(0, line.length - 1); // the separator is the generator's
}

const event = fc.constantFrom(...events);
const fragment: fc.Arbitrary<Buffer> = fc.oneof(
  event.map((value) => text(JSON.stringify(value))),
  event.map((value) => text(JSON.stringify(value, null, 2))),
  fc.array(event, { maxLength: 4 }).map((values) => text(JSON.stringify(values))),
  event.map((value) => text(JSON.stringify({ ...value, account_id: "ACCOUNT" }).replace('"ACCOUNT"', "90071992547409931234"))),
  fc.oneof(
    fc.array(event, { minLength: 1, maxLength: 3 }).map((values) => text(JSON.stringify(values))),
    fc.uint8Array({ maxLength: 24 }).map((bytes) => Buffer.from(bytes)),
    fc.constant(Buffer.alloc(0)),
    fc.string({ maxLength: 30 }).map(text),
  ).chain((body) => fc.boolean().map((truncated) => capture(body, truncated))),
  fc.integer({ min: 1, max: 3000 }).map((depth) => text(`${"[".repeat(depth)}12345678901234567890${"]".repeat(depth)}`)),
  fc.string({ unit: "binary", maxLength: 60 }).map(text),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes)),
  fc.constantFrom("", "   ", "\t", "{", "[", "}", "]", "null", "42", '"x"', '{"event_type":', "\uFEFF{}").map(text),
  event.map((value) => text(JSON.stringify(value).slice(0, 40))),
);

const input: fc.Arbitrary<Buffer> = fc
  .record({
    parts: fc.array(fragment, { maxLength: 12 }),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ parts, crlf, finalNewline, bom }) => {
    const separator = text(crlf ? "\r\n" : "\n");
    const joined: Buffer[] = bom ? [Buffer.from([0xef, 0xbb, 0xbf])] : [];
    parts.forEach((part, index) => joined.push(...(index > 0 ? [separator] : []), part));
    if (finalNewline && parts.length > 0) joined.push(separator);
    return Buffer.concat(joined);
  });

interface Found {
  lines: string[];
  counts: [number, number, number];
}

function found(result: UnitResult): Found {
  return { lines: result.findings.map(formatFinding), counts: [result.events, result.valid, result.invalid] };
}

/** Through the line splitter, the bytes cut at `cuts`. */
function bySplitter(name: string, bytes: Buffer, cuts: number[], forceLines: boolean): Found {
  const collector = new UnitCollector();
  const checker = new FileChecker(name, forceLines, collector, {});
  const splitter = new LineSplitter((line, number, terminated, invalid) => checker.line(line, number, terminated, invalid));
  let start = 0;
  for (const cut of [...cuts.filter((cut) => cut < bytes.length).sort((a, b) => a - b), bytes.length]) {
    splitter.push(bytes.subarray(start, cut));
    start = cut;
  }
  splitter.end();
  checker.end();
  return found(collector.result);
}

/** As one text, the path of a small file that is UTF-8. */
function asText(name: string, bytes: Buffer, forceLines: boolean): Found {
  const collector = new UnitCollector();
  new FileChecker(name, forceLines, collector, {}).text(bytes.toString("utf8"));
  return found(collector.result);
}

/** As a file of the run, cut into small ranges and batches, printed through the run's report. */
async function asRun(path: string): Promise<{ printed: string; found: Found; problems: number; warnings: number }> {
  let printed = "";
  const report = new RunReport({ write: (chunk) => (printed += chunk) });
  const tuning = { ...defaultTuning(), ...CUT_SMALL, threads: 1 };
  await checkInputs(resolveInputs([path]).inputs, {}, report, { tuning, threads: new Threads(1, {}), afterUnit: () => {} });
  const lines = printed === "" ? [] : printed.slice(0, -1).split("\n");
  return { printed, found: { lines, counts: [report.events, report.valid, report.invalid] }, problems: report.problemCount, warnings: report.warningCount };
}

describe("validate's input side under random input (fast-check)", () => {
  it("never throws, ends, stays bounded, prints one line per finding, and reads the same every way", async () => {
    let peakHeap = 0;
    let index = 0;
    await fc.assert(
      fc.asyncProperty(input, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), async (bytes, cutsRaw, forceLines) => {
        const started = Date.now();
        const cuts = cutsRaw.map((cut) => (bytes.length === 0 ? 0 : cut % bytes.length));
        const path = join(dir, `case-${index++}.${forceLines ? "ndjson" : "json"}`);
        writeFileSync(path, bytes);
        const split = bySplitter(path, bytes, cuts, forceLines);
        const whole = bySplitter(path, bytes, [], forceLines);
        expect(split).toEqual(whole);
        if (isUtf8(bytes)) expect(asText(path, bytes, forceLines)).toEqual(whole);
        const run = await asRun(path);
        expect(run.found).toEqual(whole);
        // One line per finding: nothing in a line can break it in two.
        expect(run.printed.split("\n").length - 1).toBe(run.problems + run.warnings);
        for (const line of run.found.lines) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
        expect(Date.now() - started).toBeLessThan(HANG_MS);
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        expect(peakHeap).toBeLessThan(HEAP_LIMIT);
      }),
      { numRuns: 300, seed: 20_260_513 },
    );
  }, 300_000);
});
