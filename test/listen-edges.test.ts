/**
 * `listen` at its edges, as a real process: a port in use leaves no capture file behind; the summary on
 * SIGINT comes after the last request in flight has finished (and counts it); a request with 100 KB of
 * headers is answered 431 and gets a console line; a garbled request gets 400 and a line; a body that is
 * no events (`{"a":1}`) gets 400.
 */
import { existsSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startBinListen } from "./fixtures/listen-bin.js";
import { errorLines, runBin } from "./fixtures/run-bin.js";
import { tempDir } from "./fixtures/temp.js";

const dir = tempDir("listen-edges");

/** Send raw bytes on a new connection; resolves with everything answered until the server closes it. */
function raw(url: string, parts: Array<string | Buffer>, gapMs = 0): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => resolve(answer));
    void (async () => {
      for (const part of parts) {
        socket.write(part);
        if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
      }
    })();
  });
}

describe("listen at its edges", () => {
  it("a port in use: exit 2 with one line, and no capture file (nor its folder) made", async () => {
    const first = await startBinListen(["--out", join(dir, "first.ndjson")]);
    const port = new URL(first.url).port;
    const capture = join(dir, "never", "second.ndjson");
    const second = await runBin(["listen", "--port", port, "--out", capture]);
    first.child.kill("SIGINT");
    await first.exited;
    expect(second.code).toBe(2);
    expect(errorLines(second.stderr)).toEqual([`cannot listen on 127.0.0.1:${port}: EADDRINUSE; pick another with --port`]);
    expect(existsSync(capture)).toBe(false);
    expect(existsSync(join(dir, "never"))).toBe(false);
  });

  it("SIGINT with three requests in flight: each finishes and has its line before the summary, which counts them", async () => {
    const out = join(dir, "inflight.ndjson");
    const listen = await startBinListen(["--out", out]);
    const body = JSON.stringify([{ event_type: "click", account_id: 1 }]);
    const head = `POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n`;
    // Each connection sends its head and part of its body now, the rest after the signal, at different times.
    const sockets = await Promise.all(
      [300, 600, 900].map(
        (delay) =>
          new Promise<{ delay: number; socket: ReturnType<typeof connect>; answer: Promise<string> }>((resolve) => {
            const socket = connect(Number(new URL(listen.url).port), "127.0.0.1", () => {
              socket.write(head + body.slice(0, 5));
              let answer = "";
              socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
              resolve({ delay, socket, answer: new Promise((done) => socket.on("close", () => done(answer))) });
            });
          }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    listen.child.kill("SIGINT");
    for (const { delay, socket } of sockets) setTimeout(() => socket.end(body.slice(5)), delay);
    const statuses = await Promise.all(sockets.map(({ answer }) => answer.then((text) => text.split(" ")[1])));
    expect(await listen.exited).toBe(0);
    expect(statuses).toEqual(["200", "200", "200"]);
    const stdout = listen.stdout();
    const summaryAt = stdout.indexOf("Requests: ");
    expect(summaryAt).toBeGreaterThan(-1);
    const requestLines = stdout.split("\n").filter((line) => / 200 POST \/ /.test(line));
    expect(requestLines).toHaveLength(3);
    for (const line of requestLines) expect(stdout.indexOf(line)).toBeLessThan(summaryAt);
    expect(stdout.slice(summaryAt)).toMatch(/^Requests: 3 \(200×3\)/);
    expect(readFileSync(out, "utf8").trim().split("\n")).toHaveLength(3);
  });

  it("100 KB of headers: 431, a console line with the method and the path (token hidden), serving on", async () => {
    const token = "edge-test-token-431";
    const listen = await startBinListen(["--out", join(dir, "headers.ndjson"), "--token", token]);
    const answer = await raw(listen.url, [`POST /${token} HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(100_000)}\r\n\r\n`]);
    expect(answer).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    const garbled = await raw(listen.url, ["GARBAGE\u0001 / HTTP/1.1\r\n\r\n"]);
    expect(garbled).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect((await fetch(listen.url, { method: "POST", body: "[]" })).status).toBe(200);
    expect((await fetch(listen.url, { method: "POST", body: '{"a":1}' })).status).toBe(400);
    listen.child.kill("SIGINT");
    expect(await listen.exited).toBe(0);
    expect(listen.stdout()).toMatch(/ 431 POST \/\{token\} {2}request headers too large \(Node's limit is 16 KiB\)/);
    expect(listen.stdout()).toMatch(/ 400 \? \? {2}not a valid HTTP request \(HPE_INVALID_METHOD\)/);
    expect(listen.stdout()).toMatch(/ 400 POST \/\{token\} {2}not events: the body is an object without any key of an event/);
    // The URL it prints at start holds the token (the operator needs it); nothing after that does.
    expect(listen.stdout().slice(listen.stdout().indexOf("Stop with Ctrl-C"))).not.toContain(token);
    expect(listen.stdout()).toMatch(/Requests: 4 \(200×1 400×2 431×1\)/);
  });
});
