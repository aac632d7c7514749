/**
 * Property-based fuzz (fast-check, seeded) of what reads untrusted bytes: the YAML loader (the connector
 * definition), the JSON loader, the event-input reader of send and infer (NDJSON, batches, captures), the
 * zip reader, and listen's handling of raw HTTP requests. For every input: no throw escapes but the
 * tool's own one-line errors, each run ends within a time bound, memory stays bounded, and every problem
 * is one line that names its place.
 */
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CannotRunError, formatProblem, type Problem } from "../scripts/errors.js";
import { readEventText, type EventInput } from "../scripts/load/event-inputs.js";
import { loadConnector } from "../scripts/load/connector.js";
import { parseJson, tryParseJson } from "../scripts/load/json.js";
import { diskFiles, memoryFiles, readProjectInputs } from "../scripts/load/project-files.js";
import { readZip } from "../scripts/load/zip.js";
import { CaptureWriter } from "../scripts/listen/capture-writer.js";
import { formatRequestLine, PLAIN, type RequestOutcome } from "../scripts/listen/request-line.js";
import { createListenServer, type ListenServer } from "../scripts/listen/server.js";
import { terminalSafe } from "../scripts/write/terminal-text.js";
import { createZip } from "../scripts/write/zip.js";
import { readNdjson, realValidator } from "./fixtures/live/harness.js";
import { REPO } from "./fixtures/run-bin.js";
import { tempDir } from "./fixtures/temp.js";

const dir = tempDir("fuzz");
const MIB = 1024 * 1024;
/** Per input; the slowest real case (a 1 MB text located by bisection) takes a few tens of ms. */
const TIME_BOUND_MS = 2000;
/** Growth of this process's resident memory over one whole property. */
const MEMORY_BOUND_MIB = 256;

/** Text edits: insert a token (YAML/JSON punctuation, control and odd Unicode characters), delete, or cut. */
const TOKENS = [":", "- ", "{", "}", "[", "]", ",", '"', "'", "\\", "&a ", "*a", "!!binary ", "<<: *a", "? ", "---\n", "...", "\t", "\n", "\n  ", "#", "%YAML 1.1\n", "\u0000", "\u001b[2J", "\u202e", "\ud800", "é", "😀", "1e999", "9007199254740993", "null", "true", "~"];
const edit = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8, unit: "binary" })) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
);
function applyEdits(text: string, edits: ReadonlyArray<{ kind: string; at: number; text?: string; length?: number }>): string {
  let result = text;
  for (const change of edits) {
    const at = result.length === 0 ? 0 : change.at % (result.length + 1);
    if (change.kind === "insert") result = result.slice(0, at) + change.text! + result.slice(at);
    else if (change.kind === "delete") result = result.slice(0, at) + result.slice(at + change.length!);
    else result = result.slice(0, at);
  }
  return result;
}

/** Run `action`, which may only fail with the tool's own error; returns its problems, checks the bounds. */
async function bounded(action: () => unknown): Promise<Problem[]> {
  const started = performance.now();
  let problems: Problem[] = [];
  try {
    await action();
  } catch (error) {
    expect(error, String((error as Error)?.stack ?? error)).toBeInstanceOf(CannotRunError);
    const own = error as CannotRunError;
    problems = own.problems.length > 0 ? [...own.problems] : [{ place: { file: "" }, message: own.message }];
    for (const line of own.lines()) expect(terminalSafe(line)).not.toMatch(/[\n\r]/);
  }
  expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
  return problems;
}

/** One problem, one line: nothing in it (once escaped for the terminal) breaks it. */
function oneLineEach(problems: readonly Problem[]): void {
  for (const problem of problems) expect(terminalSafe(formatProblem(problem))).not.toMatch(/[\n\r]/);
}

async function withinMemory(property: () => Promise<void>): Promise<void> {
  const before = process.memoryUsage().rss;
  await property();
  expect((process.memoryUsage().rss - before) / MIB).toBeLessThan(MEMORY_BOUND_MIB);
}

describe("the YAML loader (connector/)", () => {
  const connector = readProjectInputs(REPO, ["connector"]);
  const files = ["connector/app.yaml", "connector/triggers.yaml", "connector/locales/en.yaml", "connector/locales/ru.yaml"];

  it("takes any edit of any connector file with one-line problems at their places (property)", async () => {
    await withinMemory(() =>
      fc.assert(
        fc.asyncProperty(fc.constantFrom(...files), fc.array(edit, { minLength: 1, maxLength: 6 }), async (file, edits) => {
          const changed = new Map(connector);
          changed.set(file, Buffer.from(applyEdits(connector.get(file)!.toString("utf8"), edits)));
          const problems = await bounded(() => loadConnector(REPO, undefined, memoryFiles(changed, ["connector"], diskFiles(REPO))));
          oneLineEach(problems);
          for (const problem of problems) expect(problem.place.file).toMatch(/^(connector|schemas)\//);
        }),
        { numRuns: 150, seed: 21 },
      ),
    );
  });

  it("refuses an alias bomb (a billion laughs) in bounded time and memory", async () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level++) laughs.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(",")}]`);
    const changed = new Map(connector);
    changed.set("connector/app.yaml", Buffer.from(`${laughs.join("\n")}\n`));
    await withinMemory(async () => {
      const problems = await bounded(() => loadConnector(REPO, undefined, memoryFiles(changed, ["connector"], diskFiles(REPO))));
      expect(problems.length).toBeGreaterThan(0);
      oneLineEach(problems);
    });
  });
});

describe("the JSON loader", () => {
  const schema = readFileSync(join(REPO, "schemas/common/envelope.schema.json"), "utf8");

  it("parses or locates the mistake of any edit of a real schema, inside the text (property)", async () => {
    await withinMemory(() =>
      fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
          const text = applyEdits(schema, edits);
          const problems = await bounded(() => parseJson(text, "schemas/x.schema.json"));
          oneLineEach(problems);
          for (const { place } of problems) {
            if (place.line === undefined) continue;
            expect(place.line).toBeGreaterThanOrEqual(1);
            expect(place.line).toBeLessThanOrEqual(text.split("\n").length);
            expect(place.column).toBeGreaterThanOrEqual(1);
          }
          expect(() => tryParseJson(text)).not.toThrow();
        }),
        { numRuns: 400, seed: 22 },
      ),
    );
  });

  it("locates a mistake at the end of a megabyte in bounded time", async () => {
    const big = `[${Array.from({ length: 40_000 }, (_, i) => `{"n":${i},"s":"value ${i}"}`).join(",")},]`;
    const problems = await bounded(() => parseJson(big, "big.json"));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.place).toMatchObject({ file: "big.json", line: 1 });
  });
});

describe("the event-input reader (send, infer)", () => {
  const capture = `${JSON.stringify({ receivedAt: "2024-05-14T09:00:00.000Z", method: "POST", path: "/{token}", headers: {}, bodyBytes: 30, body: '[{"event_type":"click","n":1}]' })}\n`;
  const log = `${JSON.stringify({ event_type: "click", n: 1 })}\n${JSON.stringify([{ event_type: "open" }, { event_type: "deliv" }])}\n`;

  for (const [name, text, file] of [["an NDJSON log", log, "log.ndjson"], ["a capture", capture.repeat(3), "c.ndjson"], ["a batch file", JSON.stringify([{ event_type: "click" }, { event_type: "open" }], null, 2), "b.json"]] as const) {
    it(`reads any edit of ${name}: never throws, every problem one line at a line of the file (property)`, async () => {
      await withinMemory(() =>
        fc.assert(
          fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
            const changed = applyEdits(text, edits);
            const input: EventInput = { events: [], skipped: [], problems: [], files: [] };
            const problems = await bounded(() => readEventText(changed, file, input));
            expect(problems).toEqual([]);
            oneLineEach(input.problems);
            for (const problem of input.problems) expect(problem.place.file).toBe(file);
            // Whatever was read as an event is its own text, which parses to the event.
            for (const event of input.events) expect(JSON.parse(event.raw)).toEqual(event.event);
          }),
          { numRuns: 300, seed: 23 },
        ),
      );
    });
  }

  it("refuses an event nested a hundred thousand levels deep as a problem, not a crash", async () => {
    const deep = `{"event_type":"click","x":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const input: EventInput = { events: [], skipped: [], problems: [], files: [] };
    await bounded(() => readEventText(deep, "deep.json", input));
    expect(input.events).toEqual([]);
    expect(input.problems.map(formatProblem)).toEqual(["deep.json: nested more than 64 levels deep (an Altcraft event has a few); not read"]);
  });
});

describe("the zip reader", () => {
  let zip: Buffer;
  beforeAll(async () => {
    zip = await createZip([
      { name: "manifest.json", data: readFileSync(join(REPO, "test/fixtures/diff/base/manifest.json")) },
      { name: "schemas/events/click.schema.json", data: readFileSync(join(REPO, "schemas/events/click.schema.json")) },
      { name: "logo.svg", data: Buffer.from("<svg/>") },
    ]);
  });

  it("reads or refuses any corruption of a real package, in one line (property)", async () => {
    const corruption = fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant("byte" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
        fc.record({ kind: fc.constant("size" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 0xffffffff }) }),
        fc.record({ kind: fc.constant("cut" as const), at: fc.nat(), value: fc.constant(0) }),
      ),
      { minLength: 1, maxLength: 6 },
    );
    await withinMemory(() =>
      fc.assert(
        fc.asyncProperty(corruption, async (changes) => {
          let bytes = Buffer.from(zip);
          for (const change of changes) {
            const at = change.at % bytes.length;
            if (change.kind === "byte") bytes[at] = change.value;
            else if (change.kind === "size" && at + 4 <= bytes.length) bytes.writeUInt32LE(change.value, at);
            else if (change.kind === "cut") bytes = bytes.subarray(0, at);
          }
          const problems = await bounded(() => readZip(bytes, "p.zip"));
          oneLineEach(problems);
          for (const problem of problems) expect(problem.place.file).toMatch(/^p\.zip(!|$)/);
        }),
        { numRuns: 400, seed: 24 },
      ),
    );
  });
});

describe("listen's request handling", () => {
  let listener: ListenServer;
  let writer: CaptureWriter;
  let port: number;
  const outcomes: RequestOutcome[] = [];
  const capturePath = join(dir, "fuzz.ndjson");
  const TOKEN = "fuzz-token-0123456789";

  beforeAll(async () => {
    writer = CaptureWriter.open(capturePath);
    listener = createListenServer({ capture: writer, validate: await realValidator(), token: TOKEN, maxBody: 64 * 1024, okBody: "OK", onRequest: (outcome) => outcomes.push(outcome) });
    await new Promise<void>((resolve) => listener.server.listen(0, "127.0.0.1", resolve));
    port = (listener.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await listener.shutdown(500);
    writer.close();
  });

  /** Raw bytes on a connection; resolves with the answer once the server closes it or 2 s pass. */
  function exchange(bytes: Buffer): Promise<string> {
    return new Promise((resolve) => {
      const socket = connect(port, "127.0.0.1");
      let answer = "";
      const done = () => {
        clearTimeout(timer);
        socket.destroy();
        resolve(answer);
      };
      const timer = setTimeout(done, 1000);
      socket.on("data", (chunk: Buffer) => {
        answer += chunk.toString("latin1");
        if (/\r\n\r\n/.test(answer)) setTimeout(done, 20);
      });
      socket.on("error", done);
      socket.on("close", done);
      socket.end(bytes);
    });
  }

  const method = fc.oneof(fc.constantFrom("POST", "GET", "PUT", "DELETE", "OPTIONS", "PATCH"), fc.string({ minLength: 1, maxLength: 8, unit: "binary-ascii" }));
  const path = fc.oneof(fc.constantFrom(`/${TOKEN}`, `//${TOKEN}`, `/${TOKEN}/`, "/", "/x", `/%66uzz-token-0123456789`), fc.string({ maxLength: 30, unit: "binary-ascii" }).map((text) => `/${text}`));
  const header = fc.tuple(fc.constantFrom("content-type", "content-length", "transfer-encoding", "x-a", "referer", "expect", "connection"), fc.oneof(fc.constantFrom("application/json", "chunked", "0", "-1", "99999999", "100-continue", `http://h/${TOKEN}`), fc.string({ maxLength: 20, unit: "binary-ascii" })));
  const body = fc.oneof(
    fc.constantFrom("[]", '[{"event_type":"click","account_id":9007199254740993}]', '{"a":1}', "{", "", `[${'{"event_type":"\\u001b[2J"},'.repeat(3)}{}]`),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
    fc.json({ maxDepth: 4 }),
  );

  it("answers or closes every raw request, keeps serving, captures whole lines, prints one escaped line each (property)", async () => {
    await withinMemory(() =>
      fc.assert(
        fc.asyncProperty(method, path, fc.array(header, { maxLength: 4 }), body, fc.boolean(), async (verb, target, headers, text, declare) => {
          const payload = Buffer.from(text, "latin1");
          const head = [`${verb} ${target} HTTP/1.1`, "host: x", ...headers.map(([name, value]) => `${name}: ${value}`), ...(declare ? [`content-length: ${payload.length}`] : [])];
          const answer = await exchange(Buffer.concat([Buffer.from(`${head.join("\r\n")}\r\n\r\n`, "latin1"), payload]));
          if (answer !== "") expect(answer).toMatch(/^HTTP\/1\.1 \d{3} /);
          for (const outcome of outcomes.splice(0)) {
            const line = formatRequestLine(outcome, PLAIN);
            expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
            expect(line).not.toContain(TOKEN);
          }
        }),
        { numRuns: 300, seed: 25 },
      ),
    );
    // Still serving, and the capture is whole lines, none holding the token.
    expect((await fetch(`http://127.0.0.1:${port}/${TOKEN}`, { method: "POST", body: "[]" })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const records = readNdjson(capturePath);
    expect(records.length).toBeGreaterThan(0);
    expect(readFileSync(capturePath, "utf8")).not.toContain(TOKEN);
  });
});
