/**
 * The fake Altcraft host (test/fixtures/altcraft/server.ts): it answers each documented request with the
 * documented response, refuses what Altcraft refuses (no token, a wrong token, a body its schema rejects,
 * a body that is not JSON, another content type, another HTTP method, an unknown path), switches to
 * application errors, token errors, server errors and silence on demand, pages lists, records every
 * request, and closes promptly even with a request still hanging.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiMethods } from "../scripts/api-methods.js";
import { startAltcraftServer, type AltcraftServer } from "./fixtures/altcraft/server.js";

const TOKEN = "bfc505684d774e52b188fa1f003cd5ed";
const SAMPLES = join(import.meta.dirname, "..", "schemas", "api", "samples");
const sample = (id: string, name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(SAMPLES, id, name), "utf8")) as Record<string, unknown>;

interface Answer {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
}

async function call(
  server: AltcraftServer,
  path: string,
  body: unknown,
  init: { method?: string; contentType?: string; raw?: string; signal?: AbortSignal } = {},
): Promise<Answer> {
  const method = init.method ?? "POST";
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { "Content-Type": init.contentType ?? "application/json" },
    body: method === "GET" ? undefined : (init.raw ?? JSON.stringify(body)),
    signal: init.signal,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", text, json };
}

const pathOf = (id: string): string => apiMethods().find((info) => info.id === id)!.path;

describe("the fake Altcraft server", () => {
  let server: AltcraftServer;

  beforeAll(async () => {
    server = await startAltcraftServer({ token: TOKEN });
  });
  afterAll(() => server.close());
  afterEach(() => server.setBehaviour("*", "normal"));

  it("listens on 127.0.0.1 on a port of its own", () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.baseUrl).not.toMatch(/:0$/);
  });

  for (const info of apiMethods()) {
    it(`${info.id}: accepts the documented request and answers the documented response`, async () => {
      const before = server.requests.length;
      const answer = await call(server, info.path, sample(info.id, "request.json"));
      expect(answer.status).toBe(200);
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(answer.json).toEqual(sample(info.id, "response.json"));
      const record = server.requests[before]!;
      expect(record).toMatchObject({ method: "POST", path: info.path, methodId: info.id, verdict: "valid", problems: [], status: 200 });
      expect(record.body).toEqual(sample(info.id, "request.json"));
      expect(record.headers["content-type"]).toBe("application/json");
    });
  }

  it("takes the documented spelling with a trailing slash too", async () => {
    const answer = await call(server, "/api/v1.1/profiles/get/", sample("profiles-get", "request.json"));
    expect(answer.json).toEqual(sample("profiles-get", "response.json"));
  });

  it("answers a missing token with error 401 and HTTP 200", async () => {
    const { token: _token, ...body } = sample("profiles-import", "request.json");
    const answer = await call(server, pathOf("profiles-import"), body);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ error: 401, error_text: "API token required" });
    const record = server.requests.at(-1)!;
    expect(record.verdict).toBe("invalid");
    expect(record.problems).toContainEqual(expect.objectContaining({ pointer: "", keyword: "required", missingProperty: "token" }));
  });

  it("answers a wrong token with error 403 and HTTP 200", async () => {
    const answer = await call(server, pathOf("profiles-get"), { ...sample("profiles-get", "request.json"), token: "0123456789abcdef" });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ error: 403 });
    expect(server.requests.at(-1)!.verdict).toBe("valid");
  });

  it("answers a body its schema rejects with error 400 naming the first problem", async () => {
    const answer = await call(server, pathOf("profiles-import"), { ...sample("profiles-import", "request.json"), db_id: "1" });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ error: 400, error_text: "Incorrect request: /db_id must be integer" });
    const record = server.requests.at(-1)!;
    expect(record.verdict).toBe("invalid");
    expect(record.problems).toEqual([{ pointer: "/db_id", keyword: "type", message: "must be integer" }]);
  });

  it("answers an unknown subscription status with error 400", async () => {
    const body = { ...sample("subscriptions-set", "request.json"), status: "complainer" };
    const answer = await call(server, pathOf("subscriptions-set"), body);
    expect(answer.json).toMatchObject({ error: 400 });
    expect(server.requests.at(-1)!.problems).toEqual([expect.objectContaining({ pointer: "/status", keyword: "enum" })]);
  });

  it("answers a body that is not JSON with error 400", async () => {
    const answer = await call(server, pathOf("profiles-get"), undefined, { raw: `{"token": "${TOKEN}", "db_id": 1,` });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ error: 400 });
    const record = server.requests.at(-1)!;
    expect(record).toMatchObject({ verdict: "not-json", body: undefined });
    expect(record.rawBody).toBe(`{"token": "${TOKEN}", "db_id": 1,`);
  });

  it("answers a JSON body that is not an object with error 400", async () => {
    const answer = await call(server, pathOf("profiles-get"), [sample("profiles-get", "request.json")]);
    expect(answer.json).toMatchObject({ error: 400 });
    expect(server.requests.at(-1)!.verdict).toBe("invalid");
  });

  it("refuses another content type with 415 and an incorrect-request error", async () => {
    const answer = await call(server, pathOf("profiles-get"), sample("profiles-get", "request.json"), { contentType: "text/plain" });
    expect(answer.status).toBe(415);
    expect(answer.json).toMatchObject({ error: 400 });
    expect(server.requests.at(-1)!).toMatchObject({ verdict: "not-checked", status: 415 });
  });

  it("takes application/json with a charset", async () => {
    const answer = await call(server, pathOf("profiles-get"), sample("profiles-get", "request.json"), { contentType: "application/json; charset=utf-8" });
    expect(answer.json).toEqual(sample("profiles-get", "response.json"));
  });

  it("refuses GET with 405 and an Allow header", async () => {
    const response = await fetch(`${server.baseUrl}${pathOf("databases-list")}`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    await response.arrayBuffer();
    expect(server.requests.at(-1)!).toMatchObject({ method: "GET", methodId: "databases-list", verdict: "not-checked" });
  });

  it("answers an unknown path with 404", async () => {
    for (const path of ["/api/v1.1/profiles/add_or_whatever", "/api/v1.0/profiles/import", "/"]) {
      const answer = await call(server, path, sample("profiles-import", "request.json"));
      expect(answer.status, path).toBe(404);
      expect(server.requests.at(-1)!.methodId, path).toBeUndefined();
    }
  });

  it("appError: a valid request fails with error 402 and HTTP 200, for that method only", async () => {
    server.setBehaviour("promocodes-attach", "appError");
    const failed = await call(server, pathOf("promocodes-attach"), sample("promocodes-attach", "request.json"));
    expect(failed.status).toBe(200);
    expect(failed.json).toEqual({ error: 402, error_text: "Tariff limit reached" });
    expect(server.requests.at(-1)!.verdict).toBe("valid");
    const other = await call(server, pathOf("promocodes-get"), sample("promocodes-get", "request.json"));
    expect(other.json).toEqual(sample("promocodes-get", "response.json"));
  });

  it("appError: takes another code and text", async () => {
    server.setBehaviour("promocodes-attach", { kind: "appError", error: 440, errorText: "Promocode already attached" });
    const failed = await call(server, pathOf("promocodes-attach"), sample("promocodes-attach", "request.json"));
    expect(failed.json).toEqual({ error: 440, error_text: "Promocode already attached" });
  });

  it("appError: an invalid body is still an incorrect request", async () => {
    server.setBehaviour("promocodes-activate", "appError");
    const answer = await call(server, pathOf("promocodes-activate"), { token: TOKEN, code: "SPRING-7KQ2-X9" });
    expect(answer.json).toMatchObject({ error: 400 });
  });

  it("tokenError: even the right token is refused with error 403", async () => {
    server.setBehaviour("databases-list", "tokenError");
    const answer = await call(server, pathOf("databases-list"), sample("databases-list", "request.json"));
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ error: 403 });
  });

  it("serverError: HTTP 500, or the status asked for, with an HTML body", async () => {
    server.setBehaviour("profiles-import", "serverError");
    const first = await call(server, pathOf("profiles-import"), sample("profiles-import", "request.json"));
    expect(first.status).toBe(500);
    expect(first.contentType).toMatch(/^text\/html/);
    expect(first.text).toContain("<h1>500 Internal Server Error</h1>");
    expect(first.json).toBeUndefined();
    server.setBehaviour("profiles-import", { kind: "serverError", status: 502 });
    const second = await call(server, pathOf("profiles-import"), sample("profiles-import", "request.json"));
    expect(second.status).toBe(502);
    expect(second.text).toContain("502 Bad Gateway");
  });

  it('"*" sets every method, replacing their own settings, and a method\'s own setting made after it wins', async () => {
    server.setBehaviour("segments-list", "appError");
    server.setBehaviour("*", "serverError");
    server.setBehaviour("resources-list", "normal");
    expect((await call(server, pathOf("segments-list"), sample("segments-list", "request.json"))).status).toBe(500);
    expect((await call(server, pathOf("goals-register"), sample("goals-register", "request.json"))).status).toBe(500);
    expect((await call(server, pathOf("resources-list"), sample("resources-list", "request.json"))).json).toEqual(sample("resources-list", "response.json"));
  });

  it("timeout: reads the request and never answers, so the client's abort is what ends it", async () => {
    server.setBehaviour("campaigns-triggers-start", "timeout");
    const before = server.requests.length;
    const started = Date.now();
    await expect(call(server, pathOf("campaigns-triggers-start"), sample("campaigns-triggers-start", "request.json"), { signal: AbortSignal.timeout(300) })).rejects.toThrow(
      /timeout|aborted/i,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const record = server.requests[before]!;
    expect(record).toMatchObject({ methodId: "campaigns-triggers-start", verdict: "valid", status: undefined, response: undefined });
  });

  it("refuses a behaviour for a method it does not know", () => {
    expect(() => server.setBehaviour("profiles-add", "timeout")).toThrow(/profiles-add/);
  });
});

describe("a hanging request", () => {
  it("does not hold up close()", async () => {
    const server = await startAltcraftServer({ token: TOKEN });
    server.setBehaviour("*", "timeout");
    const pending = call(server, pathOf("workflows-start"), sample("workflows-start", "request.json"));
    pending.catch(() => undefined);
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
    await server.close(); // a second close is harmless
  }, 5_000);
});

describe("list paging and response overrides", () => {
  const items = [5, 1, 3, 2, 4].map((id) => ({ id, name: `База №${id}`, ui_tags: [], Groups: [{ Id: 0, Name: "main" }] }));
  let server: AltcraftServer;

  beforeAll(async () => {
    server = await startAltcraftServer({
      token: TOKEN,
      responses: {
        "databases-list": { data: items, error: 0, error_text: "Successful operation", total_count: 5 },
        "profiles-import": { error: 0, error_text: "Successful operation", profile_id: "6638e1e8ee44bb50a67115c4" },
      },
    });
  });
  afterAll(() => server.close());

  it("walks a list page by page with from_id and next_from_id", async () => {
    const pages: { ids: number[]; next: unknown; total: unknown }[] = [];
    let fromId: number | undefined = 1;
    while (fromId !== undefined && pages.length < 10) {
      const answer = (await call(server, pathOf("databases-list"), { token: TOKEN, from_id: fromId, limit: 2 })).json as {
        data: { id: number }[];
        next_from_id?: number;
        total_count: number;
      };
      pages.push({ ids: answer.data.map((item) => item.id), next: answer.next_from_id, total: answer.total_count });
      fromId = answer.next_from_id;
    }
    expect(pages).toEqual([
      { ids: [1, 2], next: 3, total: 5 },
      { ids: [3, 4], next: 5, total: 5 },
      { ids: [5], next: undefined, total: 5 },
    ]);
  });

  it("returns everything from ID 1 with the default limit", async () => {
    const answer = (await call(server, pathOf("databases-list"), { token: TOKEN })).json as { data: { id: number }[]; next_from_id?: number };
    expect(answer.data.map((item) => item.id)).toEqual([1, 2, 3, 4, 5]);
    expect(answer).not.toHaveProperty("next_from_id");
  });

  it("answers the override instead of the sample", async () => {
    const answer = await call(server, pathOf("profiles-import"), sample("profiles-import", "request.json"));
    expect(answer.json).toEqual({ error: 0, error_text: "Successful operation", profile_id: "6638e1e8ee44bb50a67115c4" });
  });

  it("refuses an override for a method it does not know", async () => {
    await expect(startAltcraftServer({ token: TOKEN, responses: { "profiles-add": {} } })).rejects.toThrow(/profiles-add/);
  });
});
