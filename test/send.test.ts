/** `send`: reading every input kind, regrouping into Altcraft batches, retrying what may succeed later. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "./fixtures/temp.js";
import { rejectionLines } from "./fixtures/errors.js";
import { CannotRunError, formatProblem } from "../scripts/errors.js";
import { readEventInputs, readEventText, type EventInput } from "../scripts/load/event-inputs.js";
import { toBatches } from "../scripts/send/batches.js";
import { backoffDelay, postBatch } from "../scripts/send/post-batch.js";
import { runSend, type SendOptions } from "../scripts/send/run.js";
import { runCli } from "./fixtures/live/harness.js";

const dir = tempDir("send");
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const event = (n: number) => ({ event_type: "click", n });

/** A loopback server whose answer to the k-th request (0-based) the test decides. */
async function server(behave: (k: number, req: IncomingMessage, res: ServerResponse, body: string) => void) {
  const bodies: string[] = [];
  const srv = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const k = bodies.length;
      bodies.push(body);
      behave(k, req, res, body);
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  open.push(srv);
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/hook`, bodies };
}
const open: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((srv) => new Promise((resolve) => srv.close(resolve))));
});

const fast = { retries: 5, baseDelayMs: 1, maxDelayMs: 5, timeoutMs: 5000 };
const target = (url: string) => ({ url, userAgent: "test" });

function options(to: string, extra: Partial<SendOptions> = {}): SendOptions {
  return { to, batchSize: "100", concurrency: "4", retries: "5", retryDelay: "1", timeout: "5", ...extra };
}
function collect() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), userAgent: "test" }, out, err };
}

describe("reading events", () => {
  const read = (text: string, file = "x.json") => {
    const input: EventInput = { events: [], skipped: [], problems: [], files: [] };
    readEventText(text, file, input);
    return input;
  };

  it("reads a sample, a batch, an NDJSON log of events and batches, and a capture file", () => {
    expect(read(JSON.stringify(event(1))).events.map((e) => e.event)).toEqual([event(1)]);
    expect(read(JSON.stringify([event(1), event(2)])).events.map((e) => e.place.pointer)).toEqual(["/0", "/1"]);
    const log = read(`${JSON.stringify(event(1))}\n\n${JSON.stringify([event(2), event(3)])}\r\n`, "log.ndjson");
    expect(log.events.map((e) => [e.event.n, e.place.line])).toEqual([[1, 1], [2, 3], [3, 3]]);
    const record = (body: string, extra = {}) => JSON.stringify({ receivedAt: "2024-05-14T09:00:00.000Z", method: "POST", path: "/", headers: {}, bodyBytes: body.length, body, ...extra });
    const capture = read(
      [
        record(JSON.stringify([event(1), event(2)])),
        record("", { method: "GET" }),
        record("{oops"),
        record("[1,"),
        record(`\ufeff${JSON.stringify(event(3))}`),
        record("[", { truncated: true }),
        record("\ufffd", { bodyBase64: "/w==" }),
        record("[7]"),
      ].join("\n"),
      "capture.ndjson",
    );
    expect(capture.events.map((e) => e.event.n)).toEqual([1, 2, 3]);
    expect(capture.skipped.map((s) => `${s.place.line} ${s.reason}`)).toEqual([
      "2 GET /: empty body",
      "3 POST /: body is not JSON",
      "4 POST /: body is not JSON",
      "6 POST /: body was cut off (over the size limit, or the sender went away)",
      "7 POST /: body is not UTF-8 text",
      "8 a number, not an event object; a batch holds event objects",
    ]);
    expect(capture.problems).toEqual([]);
  });

  it("skips only a torn last line of NDJSON; every broken line elsewhere is a problem at its line and column, and reading goes on", () => {
    const problems = (input: EventInput) => input.problems.map((problem) => formatProblem(problem));
    const torn = read(`${JSON.stringify(event(1))}\n{"event_type":"cl`, "c.ndjson");
    expect(torn.events).toHaveLength(1);
    expect(torn.skipped[0]!.reason).toMatch(/^torn last line \(no newline at its end\)/);
    const broken = read(`${JSON.stringify(event(1))}\n{"event_type" "x"}\n${JSON.stringify(event(2))}\n{oops\n`, "c.ndjson");
    expect(broken.events.map((e) => e.event.n)).toEqual([1, 2]);
    expect(problems(broken)).toEqual([expect.stringMatching(/^c\.ndjson:2:15: not valid JSON/), expect.stringMatching(/^c\.ndjson:4:2: not valid JSON/)]);
    expect(problems(read('{\n  "event_type": "click",\n}', "pretty.json"))).toEqual([expect.stringMatching(/^pretty\.json:3:1: not valid JSON/)]);
    expect(problems(read("42", "n.json"))).toEqual(["n.json: a number, not an event object; expected an event, a batch of events or a capture record"]);
    expect(problems(read('{"a":1}', "a.json"))).toEqual([expect.stringMatching(/^a\.json: an object without any key of an event \(event_type, /)]);
    expect(problems(read('{"log":{"entries":[]}}', "x.har.json"))[0]).toMatch(/this is a HAR file/);
  });

  it("expands directories in name order, leaving out schemas and expected-problem files", async () => {
    const tree = join(dir, "tree");
    mkdirSync(join(tree, "b"), { recursive: true });
    writeFileSync(join(tree, "b", "2.json"), JSON.stringify(event(2)));
    writeFileSync(join(tree, "a.json"), JSON.stringify(event(1)));
    writeFileSync(join(tree, "a.expect.json"), JSON.stringify({ eventType: "click", problems: [] }));
    writeFileSync(join(tree, "x.schema.json"), JSON.stringify({ type: "object" }));
    writeFileSync(join(tree, "notes.txt"), "not events");
    const input = await readEventInputs([tree]);
    expect(input.files.map((f) => f.slice(tree.length))).toEqual(["/a.json", "/b/2.json"]);
    expect(input.events.map((e) => e.event.n)).toEqual([1, 2]);
    expect(await rejectionLines(readEventInputs([join(dir, "missing.json")]))).toMatch(/missing\.json: cannot read: no such file or directory \(ENOENT\)$/);
  });
});

describe("batches", () => {
  it("regroup events in order into arrays of at most N (property: every size, every count)", () => {
    for (let count = 0; count <= 40; count++) {
      const events = Array.from({ length: count }, (_, i) => i);
      for (let size = 1; size <= 12; size++) {
        const batches = toBatches(events, size);
        expect(batches.flat()).toEqual(events);
        expect(batches.every((batch) => batch.length >= 1 && batch.length <= size)).toBe(true);
        expect(batches.length).toBe(Math.ceil(count / size));
      }
    }
  });

  it("back off exponentially with jitter, within a ceiling", () => {
    const policy = { retries: 9, baseDelayMs: 100, maxDelayMs: 1000, timeoutMs: 1 };
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
  });
});

describe("posting with retries", () => {
  it("gets through after two 503s", async () => {
    const srv = await server((k, _req, res) => res.writeHead(k < 2 ? 503 : 200).end(k < 2 ? "busy" : "OK"));
    const result = await postBatch(target(srv.url), "[]", fast);
    expect(result).toMatchObject({ ok: true, attempts: 3, status: 200 });
    expect(srv.bodies).toEqual(["[]", "[]", "[]"]);
  });

  it("gets through after the connection is dropped twice", async () => {
    const srv = await server((k, req, res) => (k < 2 ? req.socket.destroy() : res.end("OK")));
    expect(await postBatch(target(srv.url), "[]", fast)).toMatchObject({ ok: true, attempts: 3 });
  });

  it("gives up after the retries when the server always fails, naming the last answer", async () => {
    const srv = await server((_k, _req, res) => res.writeHead(502).end("bad gateway"));
    expect(await postBatch(target(srv.url), "[]", { ...fast, retries: 3 })).toEqual({ ok: false, attempts: 4, status: 502, detail: "bad gateway" });
  });

  it("does not retry a 4xx, a redirect, a 2xx other than 200, or a 200 whose body fails --success", async () => {
    const cases: [(res: ServerResponse) => void, RegExp, object?][] = [
      [(res) => res.writeHead(400).end("bad batch"), /^bad batch$/],
      [(res) => res.writeHead(302, { location: "https://elsewhere.example/" }).end(), /redirect to https:\/\/elsewhere\.example\/ \(not followed\)/],
      [(res) => res.writeHead(202).end("queued"), /Altcraft counts only 200 as success: queued/],
      [(res) => res.end("ERROR"), /answer does not match \/\^OK\$\/: "ERROR"/, { success: /^OK$/ }],
    ];
    for (const [answer, detail, extra] of cases) {
      const srv = await server((_k, _req, res) => answer(res));
      const result = await postBatch({ ...target(srv.url), ...extra }, "[]", fast);
      expect(result.ok).toBe(false);
      expect(result.attempts).toBe(1);
      expect(result.detail).toMatch(detail);
    }
  });

  it("retries a 429, and a refused connection until the retries run out", async () => {
    const srv = await server((k, _req, res) => res.writeHead(k === 0 ? 429 : 200).end("OK"));
    expect(await postBatch(target(srv.url), "[]", fast)).toMatchObject({ ok: true, attempts: 2 });
    const refused = await postBatch(target("http://127.0.0.1:1/"), "[]", { ...fast, retries: 2 });
    expect(refused).toMatchObject({ ok: false, attempts: 3, detail: "ECONNREFUSED" });
  });
});

describe("runSend", () => {
  it("posts Altcraft-shaped batches with content-type application/json and reports each batch", async () => {
    const types: string[] = [];
    const srv = await server((_k, req, res) => {
      types.push(String(req.headers["content-type"]));
      res.end("OK");
    });
    const file = write("twenty-five.ndjson", Array.from({ length: 25 }, (_, i) => JSON.stringify(event(i))).join("\n"));
    const { io, out } = collect();
    expect(await runSend([file], options(srv.url, { batchSize: "10", concurrency: "1" }), io)).toBe(0);
    expect(srv.bodies.map((body) => (JSON.parse(body) as { n: number }[]).map((e) => e.n))).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
      [20, 21, 22, 23, 24],
    ]);
    expect(types).toEqual(["application/json", "application/json", "application/json"]);
    expect(out.slice(0, 3)).toEqual(["batch 1/3  10 events  200 ok", "batch 2/3  10 events  200 ok", "batch 3/3  5 events  200 ok"]);
    expect(out[3]).toMatch(/^Sent 25 events in 3 batches to http:\/\/127\.0\.0\.1:\d+\/hook: 3 ok, 0 failed, 0 retries, /);
  });

  it("exits 1 and names the failed batches when the server keeps failing; retried ones count as ok", async () => {
    // The batch of event 0 always fails; every other batch fails once, then gets through.
    const tries = new Map<string, number>();
    const srv = await server((_k, _req, res, body) => {
      const seen = (tries.get(body) ?? 0) + 1;
      tries.set(body, seen);
      const first = (JSON.parse(body) as { n: number }[])[0]!.n;
      res.writeHead(first === 0 || seen === 1 ? 503 : 200).end(first === 0 || seen === 1 ? "try later" : "OK");
    });
    const file = write("six.json", JSON.stringify(Array.from({ length: 6 }, (_, i) => event(i))));
    const { io, out } = collect();
    expect(await runSend([file], options(srv.url, { batchSize: "2", retries: "2" }), io)).toBe(1);
    expect(out).toContain("batch 1/3  2 events  503 FAILED: try later after 3 attempts");
    expect(out).toContain("batch 2/3  2 events  200 ok after 2 attempts");
    expect(out.at(-1)).toMatch(/: 2 ok, 1 failed, 4 retries, /);
  });

  it("--json prints one document with every batch's result", async () => {
    const srv = await server((_k, _req, res) => res.end("OK"));
    const file = write("three.json", JSON.stringify([event(1), event(2), event(3)]));
    const printed: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => printed.push(chunk) > 0) as typeof process.stdout.write;
    try {
      expect(await runSend([file], options(srv.url, { batchSize: "2", json: true }), collect().io)).toBe(0);
    } finally {
      process.stdout.write = original;
    }
    const doc = JSON.parse(printed.join("")) as { events: number; batches: number; failed: number; results: { batch: number; ok: boolean }[] };
    expect(doc).toMatchObject({ events: 3, batches: 2, failed: 0 });
    expect(doc.results.map((r) => [r.batch, r.ok])).toEqual([[1, true], [2, true]]);
  });

  it("refuses bad usage and inputs without events (exit 2)", async () => {
    const file = write("one.json", JSON.stringify(event(1)));
    const empty = write("empty.json", "[]");
    const { io } = collect();
    const bad: [string[], Partial<SendOptions>, RegExp][] = [
      [[file], { to: undefined }, /--to <url> is required/],
      [[file], { to: "ftp://x" }, /--to must be an http\(s\) URL/],
      [[file], { batchSize: "0" }, /--batch-size must be a whole number of at least 1/],
      [[file], { concurrency: "2.5" }, /--concurrency must be a whole number/],
      [[file], { success: "(" }, /--success is not a valid regular expression/],
      [[empty], {}, /no events in /],
      [[], {}, /name at least one file/],
    ];
    for (const [paths, extra, message] of bad) {
      const attempt = runSend(paths, { ...options("http://127.0.0.1:1/"), ...extra }, io);
      await expect(attempt).rejects.toThrow(CannotRunError);
      await expect(attempt).rejects.toThrow(message);
    }
  });

  it("runs as a command: exit 1 on a failed batch, exit 2 for a malformed file, one line and no stack", async () => {
    const srv = await server((_k, _req, res) => res.writeHead(500).end("down"));
    const file = write("cli.json", JSON.stringify([event(1)]));
    const failed = await runCli(["send", file, "--to", srv.url, "--retries", "1", "--retry-delay", "1"]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("batch 1/1  1 event  500 FAILED: down after 2 attempts");
    const broken = write("broken.json", "[{]");
    const malformed = await runCli(["send", broken, "--to", srv.url]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/broken\.json:1:3: not valid JSON/);
    expect(malformed.stderr.trim().split("\n")).toHaveLength(1);
  });
});
