/**
 * `listen` as a real process: a 2,000-batch load, SIGTERM with a request in flight, SIGKILL under load,
 * and bad options. Loopback only; every loop is bounded.
 */
import { request } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./fixtures/temp.js";
import type { CaptureRecord } from "../scripts/model/capture.js";
import { postBatch } from "../scripts/send/post-batch.js";
import { runSend } from "../scripts/send/run.js";
import { markedEvents, readNdjson, runCli, startListen } from "./fixtures/live/harness.js";
import { TORN_LINE_REASON } from "../scripts/load/event-inputs.js";

const dir = tempDir("listen-process");
const quiet = { out: () => {}, err: () => {}, userAgent: "test" };


describe("listen under load", () => {
  it("2,000 batches of 10 events at concurrency 50: exactly 2,000 whole records and 20,000 events; SIGTERM exits 0 with a summary", async () => {
    const out = join(dir, "load.ndjson");
    const events = join(dir, "events.ndjson");
    writeFileSync(events, `${markedEvents(20_000).map((event) => JSON.stringify(event)).join("\n")}\n`);
    const listen = await startListen(["--out", out]);
    const code = await runSend(
      [events],
      { to: listen.url, batchSize: "10", concurrency: "50", retries: "0", retryDelay: "0", timeout: "30" },
      quiet,
    );
    expect(code).toBe(0);
    listen.child.kill("SIGTERM");
    expect(await listen.exited).toBe(0);
    expect(listen.stdout()).toContain("Requests: 2000 (200×2000)");
    expect(listen.stdout()).toMatch(/Events: 20000 /);

    const records = readNdjson(out) as CaptureRecord[];
    expect(records).toHaveLength(2000);
    const marks = records.flatMap((record) => (JSON.parse(record.body) as { profile_id: string }[]).map((event) => event.profile_id));
    expect(marks).toHaveLength(20_000);
    expect(new Set(marks).size).toBe(20_000);
  });
});

describe("listen stopping", () => {
  it("on SIGTERM stops accepting, finishes the request in flight, flushes, prints a summary and exits 0", async () => {
    const out = join(dir, "sigterm.ndjson");
    const listen = await startListen(["--out", out, "--token", "tok-for-sigterm-test"]);
    const body = JSON.stringify(markedEvents(2));
    let answered: (status: number) => void;
    const status = new Promise<number>((resolve) => (answered = resolve));
    const req = request(listen.url, { method: "POST", headers: { "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      res.resume();
      answered(res.statusCode!);
    });
    req.write(body.slice(0, 100));
    await new Promise((resolve) => setTimeout(resolve, 100));
    listen.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Still running: it waits for the request in flight, but takes no new connection.
    expect(listen.child.exitCode).toBeNull();
    await expect(fetch(listen.url, { method: "POST", body: "[]" })).rejects.toThrow();
    req.end(body.slice(100));
    expect(await status).toBe(200);
    expect(await listen.exited).toBe(0);
    expect(listen.stdout()).toContain("Requests: 1 (200×1)");
    expect(listen.stdout()).toContain(`Capture: ${out}`);
    const records = readNdjson(out) as CaptureRecord[];
    expect(records).toHaveLength(1);
    expect(records[0]!.body).toBe(body);
  });

  it("killed with SIGKILL under load leaves whole lines, holding every request it answered; a restart cuts any torn tail", async () => {
    const out = join(dir, "sigkill.ndjson");
    const listen = await startListen(["--out", out]);
    const events = markedEvents(4000);
    const acknowledged: string[] = [];
    let next = 0;
    const policy = { retries: 0, baseDelayMs: 0, maxDelayMs: 0, timeoutMs: 5000 };
    const worker = async () => {
      while (next < 400) {
        const batch = events.slice(next * 10, next * 10 + 10);
        next++;
        const result = await postBatch({ url: listen.url, userAgent: "test" }, JSON.stringify(batch), policy);
        if (result.ok) acknowledged.push(batch[0]!.profile_id as string);
      }
    };
    const load = Promise.all(Array.from({ length: 20 }, worker));
    // Kill it once it has answered a good part of the load, while the rest is still coming.
    for (let i = 0; i < 500 && acknowledged.length < 100; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    listen.child.kill("SIGKILL");
    await load;
    expect(await listen.exited).toBe("SIGKILL");
    expect(acknowledged.length).toBeGreaterThanOrEqual(100);
    expect(acknowledged.length).toBeLessThan(400);

    const text = readFileSync(out, "utf8");
    const lines = text.split("\n");
    const tail = lines.pop()!; // "" when the file ends with a newline
    const records = lines.map((line) => JSON.parse(line) as CaptureRecord);
    const captured = new Set(records.map((record) => (JSON.parse(record.body) as { profile_id: string }[])[0]!.profile_id));
    for (const mark of acknowledged) expect(captured.has(mark)).toBe(true);
    // The kernel may stop a multi-page write of a dying process part-way; only the very last line can be
    // torn, and its request was never answered.
    if (tail !== "") expect(() => JSON.parse(tail)).toThrow();

    // What a reader makes of the file as the kill left it: every whole record read, a torn last line (if
    // any) reported as exactly that, never as malformed input.
    const inferred = await runCli(["infer", out, "--json"]);
    expect(inferred.code, inferred.stderr).toBe(0);
    const report = JSON.parse(inferred.stdout) as { events: number; problems: unknown[]; skipped: Array<{ place: string; reason: string }> };
    expect(report.events).toBe(records.length * 10);
    expect(report.problems).toEqual([]);
    expect(report.skipped).toEqual(tail === "" ? [] : [{ place: `${out}:${lines.length + 1}`, reason: TORN_LINE_REASON }]);

    const restarted = await startListen(["--out", out]);
    expect((await fetch(restarted.url, { method: "POST", body: "[]" })).status).toBe(200);
    restarted.child.kill("SIGTERM");
    expect(await restarted.exited).toBe(0);
    if (tail !== "") expect(restarted.stderr()).toContain("ended in a torn line");
    const after = readNdjson(out) as CaptureRecord[];
    expect(after).toHaveLength(records.length + 1);
  });
});

describe("listen refuses bad options with exit 2 and one line", () => {
  const cases: [string, string[], RegExp][] = [
    ["a port out of range", ["--port", "70000"], /--port must be a whole number from 0 to 65535/],
    ["a size that is not one", ["--max-body", "lots"], /--max-body must be a size/],
    ["a token with a slash", ["--token", "a/b"], /--token may hold only/],
    ["an unknown option", ["--prot", "1"], /unknown option/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const result = await runCli(["listen", ...args, "--out", join(dir, "never.ndjson")]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it("a port in use", async () => {
    const first = await startListen(["--out", join(dir, "first.ndjson")]);
    const port = new URL(first.url).port;
    const second = await runCli(["listen", "--port", port, "--out", join(dir, "second.ndjson")]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`cannot listen on 127.0.0.1:${port}: EADDRINUSE; pick another with --port`);
    first.child.kill("SIGINT");
    expect(await first.exited).toBe(0);
  });
});
