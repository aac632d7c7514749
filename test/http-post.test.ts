/**
 * The one POST `call` and `send` share, against a local server: the answer whole, cut or refused past
 * its bound, and each way of getting no answer as an HttpFailure with its kind and system code.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpFailure, httpPost, keepAliveAgents } from "../scripts/http-post.js";

let server: Server;
let base: string;
const received: { headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      if (req.url === "/silent") return; // accepts, never answers
      if (req.url === "/long") return res.end("x".repeat(100_000));
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ echo: body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const options = { timeoutMs: 2_000, maxAnswerBytes: 1024, tooLong: "refused" } as const;

async function failure(promise: Promise<unknown>): Promise<HttpFailure> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(HttpFailure);
  return error as HttpFailure;
}

describe("httpPost", () => {
  it("sends the body in UTF-8 with its length, and gives status, headers and text", async () => {
    const answer = await httpPost(new URL(`${base}/echo`), '{"name":"Анна"}', { "content-type": "application/json" }, options);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(answer.text)).toEqual({ echo: '{"name":"Анна"}' });
    expect(received.at(-1)!.headers["content-length"]).toBe(String(Buffer.byteLength('{"name":"Анна"}')));
  });

  it("cuts a long answer to its bound, or refuses it, as asked", async () => {
    const cut = await httpPost(new URL(`${base}/long`), "{}", {}, { ...options, tooLong: "cut" });
    expect(cut.text).toBe("x".repeat(1024));
    const refused = await failure(httpPost(new URL(`${base}/long`), "{}", {}, options));
    expect(refused).toMatchObject({ kind: "network", message: "the answer is larger than 1024 bytes" });
  });

  it("gives up on a host that never answers, within the timeout", async () => {
    const silent = await failure(httpPost(new URL(`${base}/silent`), "{}", {}, { ...options, timeoutMs: 200 }));
    expect(silent).toMatchObject({ kind: "timeout", code: "ETIMEDOUT", message: "no answer within 0.2 s" });
  });

  it("names a refused connection by its system code", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const refused = await failure(httpPost(new URL(`http://127.0.0.1:${port}/`), "{}", {}, options));
    expect(refused.kind).toBe("network");
    expect(refused.code).toBe("ECONNREFUSED");
    expect(refused.message).toMatch(/^ECONNREFUSED: /);
  });

  it("reuses one connection for a run's requests through keep-alive agents", async () => {
    const agents = keepAliveAgents(1);
    const sockets = new Set<unknown>();
    const count = (socket: unknown) => sockets.add(socket);
    server.on("connection", count);
    try {
      for (let i = 0; i < 3; i++) await httpPost(new URL(`${base}/echo`), "{}", {}, { ...options, agents });
    } finally {
      server.off("connection", count);
      agents.close();
    }
    expect(sockets.size).toBe(1);
  });
});
