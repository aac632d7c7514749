/**
 * Replay sends the bytes it read. `send` used to re-serialise events, so `account_id` 9007199254740993
 * arrived as 9007199254740992, `1.0` as `1`, `"\u00e9"` as `"é"`. Now each event keeps its raw text from
 * the input (a sample, a batch, NDJSON, a `listen` capture), and re-batching only re-joins those texts.
 * Also: the detector of integers JSON.parse cannot hold (`unsafeIntegers`), the spans of array elements,
 * and `listen`'s warning about such integers.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arrayElementSpans } from "../scripts/load/json-elements.js";
import { unsafeIntegers } from "../scripts/load/json.js";
import { CaptureWriter } from "../scripts/listen/capture-writer.js";
import { createListenServer } from "../scripts/listen/server.js";
import type { RequestOutcome } from "../scripts/listen/request-line.js";
import { formatRequestLine, PLAIN } from "../scripts/listen/request-line.js";
import { pointerAt } from "../scripts/listen/pointer-at.js";
import { runSend } from "../scripts/send/run.js";
import { tempDir } from "./fixtures/temp.js";
import { realValidator } from "./fixtures/live/harness.js";

const dir = tempDir("replay");
const quiet = { out: () => {}, err: () => {}, userAgent: "test" };
const sendOptions = (to: string, batchSize = "100") => ({ to, batchSize, concurrency: "1", retries: "0", retryDelay: "0", timeout: "10" });

/** A loopback server keeping every body's exact bytes. */
const bodies: Buffer[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    bodies.push(Buffer.concat(chunks));
    res.end("OK");
  });
});
let to: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  to = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

// Raw JSON texts whose spelling a re-encoding would change.
const NUMBERS = ["9007199254740993", "-9007199254740993", "12345678901234567890", "1.0", "1e3", "-0", "0.10", "3.14E-2", "42"];
const number = fc.constantFrom(...NUMBERS);
const escapedString = fc.string({ maxLength: 12 }).map((text) => `"${[...text].map((char) => (char.charCodeAt(0) > 0x7e || char < " " || char === '"' || char === "\\" ? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}` : char)).join("")}"`);
const space = fc.constantFrom("", " ", "\n  ", "\t");
const { value } = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    number,
    escapedString,
    fc.constantFrom("true", "false", "null"),
    fc.array(tie("value"), { maxLength: 3 }).map((items) => `[${items.join(" , ")}]`),
    fc.array(fc.tuple(escapedString, space, tie("value")), { maxLength: 3 }).map((pairs) => `{${pairs.map(([key, s, v]) => `${key}:${s}${v}`).join(",")}}`),
  ),
}));
/** An event's text: an envelope key first (so it is an event), then odd values, odd spacing. */
const eventText = fc.tuple(fc.array(fc.tuple(escapedString, space, value), { maxLength: 4 }), number, space).map(
  ([pairs, account, s]) => `{${s}"event_type":"click",${s}"account_id": ${account}${pairs.map(([key, t, v]) => `,${t}${key}: ${v}`).join("")}${s}}`,
);

/** The element texts of every body received, in order. */
function receivedTexts(): string[] {
  return bodies.flatMap((body) => {
    const text = body.toString("utf8");
    return arrayElementSpans(text)!.map((span) => text.slice(span.start, span.end));
  });
}

describe("send replays the exact texts it read", () => {
  it("a listen capture holding account_id 9007199254740993: the body arrives byte for byte", async () => {
    const capture = join(dir, "big.ndjson");
    const writer = CaptureWriter.open(capture);
    const body = '[{"event_type":"click","account_id":9007199254740993,"event_date":"2024-05-14T09:00:00.000000001+03:00","n":1.0}]';
    const listen = createListenServer({ capture: writer, validate: await realValidator(), maxBody: 1 << 20, okBody: "OK" });
    await new Promise<void>((resolve) => listen.server.listen(0, "127.0.0.1", resolve));
    const response = await fetch(`http://127.0.0.1:${(listen.server.address() as AddressInfo).port}/`, { method: "POST", body });
    expect(response.status).toBe(200);
    await listen.shutdown(1000);
    writer.close();
    bodies.length = 0;
    expect(await runSend([capture], sendOptions(to), quiet)).toBe(0);
    expect(bodies.map((b) => b.toString("utf8"))).toEqual([body]);
  });

  for (const form of ["batch file", "NDJSON log", "capture"] as const) {
    it(`from a ${form}, re-batched in any size: every event's text unchanged and in order (property)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(eventText, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 5 }), async (events, size) => {
          const file = join(dir, form === "batch file" ? "events.json" : "events.ndjson");
          const text =
            form === "batch file"
              ? `[\n${events.join(",\n")}\n]\n`
              : form === "NDJSON log"
                ? `${events.map((event) => event.replace(/\n/g, " ")).join("\n")}\n`
                : `${events.map((event) => JSON.stringify({ receivedAt: "2024-05-14T09:00:00.000Z", method: "POST", path: "/{token}", headers: {}, bodyBytes: 1, body: `[${event}]` })).join("\n")}\n`;
          writeFileSync(file, text);
          bodies.length = 0;
          expect(await runSend([file], sendOptions(to, String(size)), quiet)).toBe(0);
          const expected = form === "NDJSON log" ? events.map((event) => event.replace(/\n/g, " ")) : events;
          expect(receivedTexts()).toEqual(expected);
          expect(bodies).toHaveLength(Math.ceil(events.length / size));
        }),
        { numRuns: 40, seed: 6 },
      );
    });
  }
});

describe("arrayElementSpans", () => {
  it("gives each element's exact text, for any JSON array (property)", () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 8 }), space, (items, s) => {
        const text = `${s}[${s}${items.join(`${s},${s}`)}${s}]${s}`;
        const spans = arrayElementSpans(text)!;
        expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(items);
        expect(spans.map((span) => JSON.parse(text.slice(span.start, span.end)))).toEqual(JSON.parse(text));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it("says undefined for a value that is not an array", () => {
    expect(arrayElementSpans(' {"a":[1,2]} ')).toBeUndefined();
    expect(arrayElementSpans(" [] ")).toEqual([]);
  });
});

describe("unsafeIntegers", () => {
  it("finds exactly the integer literals beyond ±(2^53 − 1), at their offsets, never inside strings (property)", () => {
    const big = fc.bigInt({ min: 2n ** 53n, max: 10n ** 30n }).chain((n) => fc.constantFrom(`${n}`, `-${n}`));
    const safe = fc.oneof(fc.maxSafeInteger().map(String), fc.constantFrom("9007199254740991", "-9007199254740991", "1e300", "12345678901234567.5", "0"));
    const part = fc.oneof(big.map((literal) => ({ literal, big: true })), safe.map((literal) => ({ literal, big: false })), big.map((literal) => ({ literal: `"${literal}"`, big: false })));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 10 }), (parts) => {
        let text = "[";
        const expected: Array<{ offset: number; literal: string }> = [];
        parts.forEach((item, index) => {
          if (index > 0) text += ", ";
          if (item.big) expected.push({ offset: text.length, literal: item.literal });
          text += item.literal;
        });
        text += "]";
        expect(unsafeIntegers(text)).toEqual(expected);
      }),
      { numRuns: 500, seed: 8 },
    );
  });

  it("knows the edge: 2^53 − 1 is safe, 2^53 and 9007199254740993 are not", () => {
    expect(unsafeIntegers("[9007199254740991, -9007199254740991]")).toEqual([]);
    expect(unsafeIntegers('{"a":9007199254740992,"b":"9007199254740993","c":9007199254740993}').map((found) => found.literal)).toEqual(["9007199254740992", "9007199254740993"]);
  });

  it("is paired with a pointer to the value (pointerAt)", () => {
    const text = '[{"event_type":"click","event_data":{"ids":[1, 9007199254740993]}}]';
    const [found] = unsafeIntegers(text);
    expect(pointerAt(text, found!.offset)).toBe("/0/event_data/ids/1");
  });
});

describe("listen warns about integers beyond 2^53", () => {
  it("on the request's console line, with the first one's pointer, and counts them", async () => {
    const outcomes: RequestOutcome[] = [];
    const writer = CaptureWriter.open(join(dir, "warn.ndjson"));
    const listen = createListenServer({ capture: writer, validate: await realValidator(), maxBody: 1 << 20, okBody: "OK", onRequest: (outcome) => outcomes.push(outcome) });
    await new Promise<void>((resolve) => listen.server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(listen.server.address() as AddressInfo).port}/`;
    await fetch(base, { method: "POST", body: '[{"event_type":"click","account_id":1},{"event_type":"click","account_id":9007199254740993,"profile_id":"90071992547409931"}]' });
    await fetch(base, { method: "POST", body: '[{"event_type":"click","account_id":7}]' });
    await listen.shutdown(1000);
    writer.close();
    expect(formatRequestLine(outcomes[0]!, PLAIN)).toMatch(/ {2}1 integer beyond 2\^53 \(first: \/1\/account_id 9007199254740993\): kept exactly in the capture, but JSON\.parse rounds them$/);
    expect(formatRequestLine(outcomes[1]!, PLAIN)).not.toContain("2^53");
    expect(listen.stats.unsafeIntegers).toBe(1);
  });
});
