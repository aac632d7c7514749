/** The `listen` receiver in process: every request captured first, the right status for each case, still serving. */
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./fixtures/temp.js";
import { recordBodyBytes, type CaptureRecord } from "../scripts/model/capture.js";
import { CaptureWriter } from "../scripts/listen/capture-writer.js";
import { formatRequestLine, formatSummary, PLAIN, type RequestOutcome } from "../scripts/listen/request-line.js";
import { createListenServer, type ListenServer } from "../scripts/listen/server.js";
import { markedEvents, readNdjson, realValidator } from "./fixtures/live/harness.js";

const dir = tempDir("listen");
const TOKEN = "s3cret-Token_1234";
const MAX_BODY = 64 * 1024;

let listener: ListenServer;
let capture: CaptureWriter;
let capturePath: string;
let base: string;
const outcomes: RequestOutcome[] = [];

beforeAll(async () => {
  capturePath = join(dir, "capture.ndjson");
  capture = CaptureWriter.open(capturePath);
  listener = createListenServer({
    capture,
    validate: await realValidator(),
    token: TOKEN,
    maxBody: MAX_BODY,
    okBody: "OK",
    onRequest: (outcome) => outcomes.push(outcome),
  });
  await new Promise<void>((resolve) => listener.server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(listener.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await listener.shutdown(1000);
  capture.close();
});

const hook = () => `${base}/${TOKEN}`;

async function post(body: string | Uint8Array, url = hook(), method = "POST"): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(url, { method, body: method === "GET" ? undefined : typeof body === "string" ? body : new Blob([Uint8Array.from(body)]), headers: { "content-type": "application/json" } });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** The records captured since `before` records were there. */
function capturedSince(before: number): CaptureRecord[] {
  return (readNdjson(capturePath) as CaptureRecord[]).slice(before);
}

function recordCount(): number {
  return readNdjson(capturePath).length;
}

describe("listen answers like the endpoint Altcraft expects", () => {
  it("200 OK for a batch, counting events by type and problems per event", async () => {
    const before = recordCount();
    const events = markedEvents(3);
    const invalid = { ...events[0]!, account_id: "23" };
    const result = await post(JSON.stringify([...events, invalid]));
    expect(result).toMatchObject({ status: 200, text: "OK" });
    const outcome = outcomes.at(-1)!;
    expect([...outcome.eventCounts.values()].reduce((a, b) => a + b)).toBe(4);
    expect(outcome.problems).toBe(1);
    expect(outcome.firstProblem).toContain("/account_id");
    const [record] = capturedSince(before);
    expect(record!.path).toBe("/{token}");
    expect(JSON.parse(record!.body)).toEqual([...events, invalid]);
    expect(record!.headers["content-type"]).toBe("application/json");
  });

  it("accepts one event object and an empty array", async () => {
    expect((await post(JSON.stringify(markedEvents(1)[0]))).status).toBe(200);
    expect((await post("[]")).status).toBe(200);
  });

  it("flags provisional and unknown event types (and counts an unknown type as a problem)", async () => {
    const [event] = markedEvents(1);
    await post(JSON.stringify([{ ...event, event_type: "deliv_push" }, { ...event, event_type: "delivered" }]));
    const line = formatRequestLine(outcomes.at(-1)!, PLAIN);
    expect(line).toContain("deliv_push×1 (provisional)");
    expect(line).toContain("delivered×1 (unknown type)");
    expect(outcomes.at(-1)!.problems).toBeGreaterThanOrEqual(1);
  });

  // Every bad request: its status, a one-line reason, and still one capture record with the exact bytes.
  const refusals: { name: string; body: string | Uint8Array; status: number; reason: RegExp; url?: () => string; method?: string }[] = [
    { name: "malformed JSON", body: '[{"event_type":"click",}]', status: 400, reason: /^not JSON: / },
    { name: "an empty body", body: "", status: 400, reason: /^empty body/ },
    { name: "whitespace only", body: " \n\t ", status: 400, reason: /^empty body/ },
    { name: "a JSON string", body: '"click"', status: 400, reason: /^not events: the body is a string, not an event object/ },
    { name: "an array of numbers", body: '[{"event_type":"click"}, 1]', status: 400, reason: /^not events: item 1 is a number/ },
    { name: "nested arrays", body: '[[{"event_type":"click"}]]', status: 400, reason: /^not events: item 0 is an array/ },
    { name: "an object that is no event", body: '{"a":1}', status: 400, reason: /^not events: the body is an object without any key of an event \(event_type, event_date, account_id, is_test, event_data\)/ },
    { name: "an array holding an empty object", body: "[{}]", status: 400, reason: /^not events: item 0 is an object without any key of an event/ },
    { name: "bytes that are not UTF-8", body: new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]), status: 400, reason: /^body is not UTF-8 text$/ },
    { name: "a wrong token", body: "[]", status: 404, reason: /^not found$/, url: () => `${base}/wrong` },
    { name: "no token", body: "[]", status: 404, reason: /^not found$/, url: () => `${base}/` },
    { name: "a token prefix", body: "[]", status: 404, reason: /^not found$/, url: () => `${base}/${TOKEN.slice(0, -1)}` },
    { name: "PUT", body: "[]", status: 405, reason: /^method not allowed: use POST$/, method: "PUT" },
    { name: "GET", body: "", status: 405, reason: /^method not allowed: use POST$/, method: "GET" },
  ];
  for (const refusal of refusals) {
    it(`${refusal.status} for ${refusal.name}, captured all the same (a wrong path without its headers and body)`, async () => {
      const before = recordCount();
      const result = await post(refusal.body, refusal.url?.() ?? hook(), refusal.method);
      expect(result.status).toBe(refusal.status);
      expect(result.text.endsWith("\n") && !result.text.slice(0, -1).includes("\n")).toBe(true);
      expect(result.text.trim()).toMatch(refusal.reason);
      if (refusal.status === 405) expect(result.headers.get("allow")).toBe("POST");
      const records = capturedSince(before);
      expect(records).toHaveLength(1);
      expect(records[0]!.method).toBe(refusal.method ?? "POST");
      const sent = typeof refusal.body === "string" ? Buffer.from(refusal.body) : Buffer.from(refusal.body);
      if (refusal.status === 404) {
        // A stranger's guess at the secret path: counted and sized, its headers and body never kept.
        expect(records[0]).toMatchObject({ refused: "not the token path (404)", headers: {}, body: "", bodyBytes: sent.length });
      } else {
        expect(recordBodyBytes(records[0]!).equals(sent)).toBe(true);
      }
      // The real token never reaches the file.
      expect(JSON.stringify(records[0])).not.toContain(TOKEN);
      // And the server is still serving.
      expect((await post("[]")).status).toBe(200);
    });
  }

  it("keeps the query string, with the token hidden", async () => {
    const before = recordCount();
    expect((await post("[]", `${hook()}?hook=7`)).status).toBe(200);
    expect(capturedSince(before)[0]!.path).toBe("/{token}?hook=7");
  });

  it("413 for a body over the limit (streamed or declared), a record noting the truncation, then serves on", async () => {
    for (const size of [MAX_BODY + 1, MAX_BODY * 20]) {
      const before = recordCount();
      const huge = `[${" ".repeat(size - 2)}]`;
      const result = await post(huge);
      expect(result.status).toBe(413);
      expect(result.text).toBe("body larger than 64 KiB\n");
      const [record] = capturedSince(before);
      expect(record!.truncated).toBe(true);
      expect(record!.headers["content-length"]).toBe(String(size));
      expect(record!.body.length).toBeLessThanOrEqual(4096);
      expect((await post("[]")).status).toBe(200);
    }
    // Chunked, no length announced: cut off while reading.
    const before = recordCount();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(hook(), { method: "POST" }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on("error", reject);
      for (let i = 0; i < 20; i++) req.write(" ".repeat(8192));
      req.end();
    });
    expect(status).toBe(413);
    const [record] = capturedSince(before);
    expect(record!.truncated).toBe(true);
    expect(record!.bodyBytes).toBeGreaterThan(MAX_BODY);
    expect((await post("[]")).status).toBe(200);
  });

  it("captures a request whose sender went away mid-body, and serves on", async () => {
    const before = recordCount();
    await new Promise<void>((resolve) => {
      const req = request(hook(), { method: "POST", headers: { "content-length": "1000" } });
      req.on("error", () => resolve());
      req.write('[{"event_type":"click"', () => setTimeout(() => req.destroy(), 50));
    });
    // The record is written when the server notices the close.
    for (let i = 0; i < 100 && recordCount() === before; i++) await new Promise((r) => setTimeout(r, 10));
    const [record] = capturedSince(before);
    expect(record).toMatchObject({ truncated: true, body: '[{"event_type":"click"', bodyBytes: 22 });
    expect((await post("[]")).status).toBe(200);
  });

  it("writes one record per request, in one whole line each, under 200 concurrent requests", async () => {
    const before = recordCount();
    const events = markedEvents(200);
    const results = await Promise.all(events.map((event, index) => post(index % 10 === 9 ? "{oops" : JSON.stringify([event]))));
    expect(results.filter((result) => result.status === 200)).toHaveLength(180);
    expect(results.filter((result) => result.status === 400)).toHaveLength(20);
    const records = capturedSince(before);
    expect(records).toHaveLength(200);
    const marks = records.filter((r) => r.body !== "{oops").map((r) => (JSON.parse(r.body) as [{ profile_id: string }])[0].profile_id);
    expect(new Set(marks).size).toBe(180);
  });

  it("summarises what it saw", () => {
    const text = formatSummary(listener.stats, capturePath, PLAIN).join("\n");
    expect(text).toMatch(/^Requests: \d+ \(200×\d+ 400×\d+ 404×3 405×2 413×3 aborted×1\)/);
    expect(text).toMatch(/deliv_push×\d+ \(provisional\)/);
    expect(text).toContain("delivered×1 (unknown type)");
    expect(text).toContain(`Capture: ${capturePath}`);
    expect(text).toContain(`Next: altcraft-albato infer ${capturePath}`);
    expect(listener.stats.requests).toBe(recordCount());
  });
});

describe("listen with a custom answer and no token", () => {
  it("answers --ok-body on any path", async () => {
    const path = join(dir, "custom.ndjson");
    const writer = CaptureWriter.open(path);
    const custom = createListenServer({ capture: writer, validate: () => [], maxBody: 1024, okBody: "accepted: OK" });
    await new Promise<void>((resolve) => custom.server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(custom.server.address() as AddressInfo).port}`;
    expect(await post("[]", `${url}/any/path`)).toMatchObject({ status: 200, text: "accepted: OK" });
    await custom.shutdown(1000);
    writer.close();
    expect((readNdjson(path) as CaptureRecord[])[0]!.path).toBe("/any/path");
  });

  it("answers 500 and keeps serving when the capture file refuses a record", async () => {
    let refuse = true;
    const { CaptureWriteError } = await import("../scripts/listen/capture-writer.js");
    const kept: CaptureRecord[] = [];
    const flaky = createListenServer({
      capture: {
        appendAll: (lines) => {
          if (refuse) throw new CaptureWriteError("ENOSPC");
          kept.push(...lines.map((line) => JSON.parse(line.toString()) as CaptureRecord));
        },
      },
      validate: () => [],
      maxBody: 1024,
      okBody: "OK",
    });
    await new Promise<void>((resolve) => flaky.server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(flaky.server.address() as AddressInfo).port}/`;
    const refused = await post("[]", url);
    expect(refused.status).toBe(500);
    expect(refused.text).toContain("ENOSPC");
    refuse = false;
    expect((await post("[]", url)).status).toBe(200);
    expect(kept).toHaveLength(1);
    await flaky.shutdown(1000);
  });
});
