/** The capture file: whole lines only, exact bodies, short writes continued, failed writes undone. */
import { readFileSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./fixtures/temp.js";
import { captureLine, type RecordInput } from "../scripts/listen/capture-record.js";
import { recordBodyBytes, type CaptureRecord } from "../scripts/model/capture.js";
import { CaptureWriteError, CaptureWriter, type WriteFn } from "../scripts/listen/capture-writer.js";
import { readNdjson } from "./fixtures/live/harness.js";

const dir = tempDir("listen-capture");
let fileNumber = 0;
const freshPath = () => join(dir, `capture-${fileNumber++}.ndjson`);

function input(body: Uint8Array, extra: Partial<RecordInput> = {}): RecordInput {
  return {
    receivedAt: new Date("2024-05-14T09:00:00.000Z"),
    method: "POST",
    path: "/",
    headers: { "content-type": "application/json" },
    body: Buffer.from(body),
    bodyBytes: body.length,
    truncated: false,
    ...extra,
  };
}

/** One record's line, as `listen` writes it. */
function record(body: Uint8Array, extra: Partial<RecordInput> = {}): Buffer {
  return captureLine(input(body, extra)).line;
}

/** A disk that takes at most `limit(buffers)` bytes of a `writev`, from the front: a short write. */
function shortWritev(limit: (buffers: readonly Buffer[]) => number): WriteFn {
  return (fd, buffers) => {
    const all = Buffer.concat(buffers);
    return writeSync(fd, all, 0, Math.min(all.length, limit(buffers)));
  };
}

/** Deterministic pseudo-random bytes (a seeded LCG), so a failure can be replayed. */
function randomBytesSeeded(seed: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

describe("capture records", () => {
  it("keep every body exactly: UTF-8 as text, anything else with its bytes in base64 (300 random bodies)", () => {
    const path = freshPath();
    const writer = CaptureWriter.open(path);
    const bodies: Uint8Array[] = [];
    for (let seed = 0; seed < 300; seed++) {
      // Mix random bytes (mostly invalid UTF-8) with texts full of newlines, quotes and astral characters.
      const body =
        seed % 3 === 0
          ? randomBytesSeeded(seed, seed * 7)
          : Buffer.from(`[{"event_type":"click","note":"line\nbreak \\" \u2028 😀 ${"é".repeat(seed)}"}]\r\n`, "utf8");
      bodies.push(body);
      writer.append(record(body));
    }
    writer.close();
    const lines = readNdjson(path) as CaptureRecord[];
    expect(lines).toHaveLength(300);
    lines.forEach((line, index) => {
      expect(Buffer.compare(recordBodyBytes(line), Buffer.from(bodies[index]!))).toBe(0);
      expect(line.bodyBytes).toBe(bodies[index]!.length);
      const utf8 = Buffer.from(Buffer.from(bodies[index]!).toString("utf8"), "utf8").equals(Buffer.from(bodies[index]!));
      expect(line.bodyBase64 === undefined).toBe(utf8);
    });
  });

  it("are the bytes JSON.stringify gives for the decoded record (UTF-8 bodies with every control character)", () => {
    for (let seed = 0; seed < 200; seed++) {
      const chars = Array.from(randomBytesSeeded(seed, 64), (byte) => (byte < 96 ? String.fromCharCode(byte % 40) : byte < 200 ? "ж\"\\😀\u2028"[byte % 6]! : "a"));
      const body = Buffer.from(chars.join(""), "utf8");
      const given = input(body, { headers: { "x-n": String(seed) } });
      const decoded = {
        receivedAt: "2024-05-14T09:00:00.000Z",
        method: "POST",
        path: "/",
        headers: { "x-n": String(seed) },
        bodyBytes: body.length,
        body: body.toString("utf8"),
      };
      const expected = `${JSON.stringify(decoded)}\n`;
      expect(captureLine(given).line.toString("utf8")).toBe(expected);
    }
  });

  it("mark a truncated body and keep its byte count", () => {
    const built = JSON.parse(record(Buffer.from("[{"), { bodyBytes: 99_999_999, truncated: true }).toString()) as CaptureRecord;
    expect(built.truncated).toBe(true);
    expect(built.bodyBytes).toBe(99_999_999);
    expect(built.body).toBe("[{");
  });
});

describe("CaptureWriter", () => {
  it("continues short writes, so a record is still one whole line", () => {
    const path = freshPath();
    // The disk takes at most 7 bytes per call.
    const stingy = shortWritev(() => 7);
    const writer = CaptureWriter.open(path, stingy);
    for (let i = 0; i < 20; i++) writer.append(record(Buffer.from(JSON.stringify([{ event_type: "open", i }]))));
    writer.close();
    const lines = readNdjson(path) as CaptureRecord[];
    expect(lines.map((line) => (JSON.parse(line.body) as [{ i: number }])[0].i)).toEqual([...Array(20).keys()]);
  });

  it("cuts a failed write back off the file and keeps working", () => {
    const path = freshPath();
    let calls = 0;
    // The second record fails after half of it is written (as ENOSPC would).
    const half = Math.ceil(record(Buffer.from("[1]")).length / 2);
    const halves = shortWritev(() => half);
    const failing: WriteFn = (fd, buffers) => {
      calls++;
      if (calls === 4) throw Object.assign(new Error("no space"), { code: "ENOSPC" });
      return halves(fd, buffers);
    };
    const writer = CaptureWriter.open(path, failing);
    writer.append(record(Buffer.from("[1]")));
    expect(() => writer.append(record(Buffer.from("[2]")))).toThrow(CaptureWriteError);
    expect(readFileSync(path, "utf8").endsWith("\n")).toBe(true);
    expect(() => writer.append(record(Buffer.from("[2]")))).not.toThrow();
    writer.close();
    expect((readNdjson(path) as CaptureRecord[]).map((line) => line.body)).toEqual(["[1]", "[2]"]);
    expect(writer.records).toBe(2);
  });

  it("appends to an existing file and cuts off a torn last line left by a killed run", () => {
    const path = freshPath();
    const whole = record(Buffer.from("[1]")).toString();
    writeFileSync(path, `${whole}{"receivedAt":"2024-05-14T09:00:00.000Z","method":"POST","body":"[{\\"ev`);
    const writer = CaptureWriter.open(path);
    expect(writer.repairedTornBytes).toBeGreaterThan(10);
    writer.append(record(Buffer.from("[2]")));
    writer.close();
    expect((readNdjson(path) as CaptureRecord[]).map((line) => line.body)).toEqual(["[1]", "[2]"]);
  });

  it("cuts a file that is one torn line down to nothing, and leaves a whole file alone", () => {
    const torn = freshPath();
    writeFileSync(torn, '{"receivedAt":"x"');
    expect(CaptureWriter.open(torn).repairedTornBytes).toBe(17);
    expect(readFileSync(torn, "utf8")).toBe("");
    const whole = freshPath();
    writeFileSync(whole, "{}\n{}\n");
    const writer = CaptureWriter.open(whole);
    writer.close();
    expect(writer.repairedTornBytes).toBe(0);
    expect(readFileSync(whole, "utf8")).toBe("{}\n{}\n");
  });

  it("writes a group of records in one write, or none of them", () => {
    const path = freshPath();
    let calls = 0;
    const hundreds = shortWritev(() => 100);
    const failSecond: WriteFn = (fd, buffers) => {
      calls++;
      if (calls === 3) throw Object.assign(new Error("disk gone"), { code: "EIO" });
      return hundreds(fd, buffers);
    };
    const writer = CaptureWriter.open(path, failSecond);
    const group = [record(Buffer.from("[1]")), record(Buffer.from("[2]"))];
    expect(() => writer.appendAll(group)).toThrow(CaptureWriteError);
    expect(readFileSync(path, "utf8")).toBe("");
    writer.appendAll(group);
    writer.close();
    expect(calls).toBeGreaterThan(3);
    expect(writer.records).toBe(2);
    expect((readNdjson(path) as CaptureRecord[]).map((line) => line.body)).toEqual(["[1]", "[2]"]);
  });

  it("continues short writes that stop anywhere in a group, even across records (100 seeded groups)", () => {
    const path = freshPath();
    let state = 7;
    const next = (below: number) => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return 1 + (state % below);
    };
    const writer = CaptureWriter.open(path, shortWritev(() => next(300)));
    const expected: Buffer[] = [];
    for (let group = 0; group < 100; group++) {
      const lines = Array.from({ length: next(6) }, (_, index) => record(Buffer.from(JSON.stringify([{ group, index, pad: "x".repeat(next(400)) }]))));
      writer.appendAll(lines);
      expected.push(...lines);
    }
    writer.close();
    expect(readFileSync(path).equals(Buffer.concat(expected))).toBe(true);
    expect(writer.records).toBe(expected.length);
    expect(writer.bytes).toBe(Buffer.concat(expected).length);
  });

  it("refuses to write after close", () => {
    const writer = CaptureWriter.open(freshPath());
    writer.close();
    writer.close();
    expect(() => writer.append(record(Buffer.from("[]")))).toThrow(CaptureWriteError);
  });
});
