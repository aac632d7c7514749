/**
 * `call` end to end against the fake Altcraft host (test/fixtures/altcraft/server.ts, which checks every
 * body against the method's request schema): every action with its examples and every list, an
 * application error with HTTP 200, a token error, a 5xx, an answer that is not JSON, a timeout, a refused
 * connection, paging, dry runs, and usage mistakes, each with its exit code and its one JSON document.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiMethod } from "../scripts/api-methods.js";
import { runCall, type CallIo } from "../scripts/call/run.js";
import type { CallOptions } from "../scripts/call/options.js";
import { loadConnector } from "../scripts/load/connector.js";
import type { ConnectorDefinition } from "../scripts/model/connector.js";
import type { Manifest } from "../scripts/model/manifest.js";
import { startAltcraftServer, type AltcraftServer } from "./fixtures/altcraft/server.js";
import { build, makeProject, removeProjects, REPO } from "./fixtures/build/project.js";

const TOKEN = "bfc505684d774e52b188fa1f003cd5ed";
const SAMPLES = join(REPO, "schemas", "api", "samples");
const sampleResponse = (method: string): unknown => JSON.parse(readFileSync(join(SAMPLES, method, "response.json"), "utf8"));

// The repository's definition: the actions and lists to call, and each field's example.
const connector: ConnectorDefinition = await loadConnector(REPO);
let manifestFile: string;
let manifest: Manifest;
let server: AltcraftServer;

beforeAll(async () => {
  const root = await makeProject();
  const built = await build(root);
  expect(built.code, built.stderr).toBe(0);
  manifestFile = join(root, "dist", "manifest.json");
  manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  server = await startAltcraftServer({ token: TOKEN });
}, 120_000);

afterAll(async () => {
  await server.close();
  await removeProjects();
});

afterEach(() => server.setBehaviour("*", "normal"));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: Record<string, unknown>;
}

async function call(action: string | undefined, options: CallOptions, env: NodeJS.ProcessEnv = { ALTCRAFT_TOKEN: TOKEN }): Promise<Run> {
  let stdout = "";
  const stderr: string[] = [];
  const io: CallIo = { out: (text) => (stdout += text), err: (line) => stderr.push(line), env };
  const code = await runCall(action, { manifest: manifestFile, ...options }, io);
  let json: Record<string, unknown> = {};
  if (options.json) json = JSON.parse(stdout) as Record<string, unknown>;
  return { code, stdout, stderr: stderr.join("\n"), json };
}

/** Every input of the action at its example, as `--input code=value`. */
function exampleInputs(code: string): string[] {
  const written = connector.actions.find((action) => action.code === code)!;
  const action = manifest.actions.find((candidate) => candidate.code === code)!;
  return written.fields.map((field, index) => `${action.fields[index]!.code}=${field.example}`);
}

/** The value at a `data.` variable of a body. */
function at(body: unknown, variable: string): unknown {
  return variable
    .slice("data.".length)
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);
}

describe("call <action> against the fake Altcraft host", () => {
  it("covers every action of the manifest", () => {
    expect(manifest.actions.map((action) => action.code)).toEqual(connector.actions.map((action) => action.code));
    expect(manifest.actions.length).toBeGreaterThanOrEqual(15);
  });

  for (const written of connector.actions) {
    it(`${written.code}: sends a body its method's schema accepts and shows the response fields`, async () => {
      const before = server.requests.length;
      const run = await call(written.code, { baseUrl: server.baseUrl, input: exampleInputs(written.code), json: true });
      expect(run.code, JSON.stringify(run.json)).toBe(0);
      const received = server.requests.slice(before);
      expect(received).toHaveLength(1);
      const method = apiMethod(written.request.method)!;
      expect(received[0]).toMatchObject({ path: method.path, methodId: method.id, verdict: "valid", status: 200 });
      expect(received[0]!.headers["content-type"]).toBe("application/json");
      const action = manifest.actions.find((candidate) => candidate.code === written.code)!;
      // What was printed is what was sent, the token aside.
      const request = run.json.request as { method: string; url: string; body: Record<string, unknown> };
      expect(request.method).toBe("POST");
      expect(request.url).toBe(`${server.baseUrl}${method.path}`);
      expect({ ...request.body, token: TOKEN }).toEqual(received[0]!.body);
      expect(request.body.token).toBe("***");
      expect(run.json.status).toBe(200);
      expect(run.json.response).toEqual(sampleResponse(method.id));
      const expected = Object.fromEntries(action.responseFields.map((row) => [row.field, at(sampleResponse(method.id), row.key) ?? null]));
      expect(run.json.output).toEqual(expected);
      expect(run.json.error).toBeUndefined();
    });
  }

  it("prints the response fields as lines without --json", async () => {
    const run = await call("profileImport", { baseUrl: server.baseUrl, input: ["database=1", "email=jim@example.com"] });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`savedProfileId: ${(sampleResponse("profiles-import") as { profile_id: string }).profile_id}\n`);
    expect(run.stderr).toBe("");
    const none = await call("segmentAdd", { baseUrl: server.baseUrl, input: ["segment=12", "database=1", "profileId=5f33d33ece94481aa9382110"] });
    expect(none.stdout).toBe("done (HTTP 200); the action has no response fields\n");
  });

  it("leaves out the rows of fields left empty, and converts each value to its row's type", async () => {
    const before = server.requests.length;
    const run = await call("profileImport", {
      baseUrl: server.baseUrl,
      input: ["database=7", "phone=+79000000001", "skipTriggers=yes", "birthDate=1990-05-17T03:00:00+03:00", "matching=phone"],
      json: true,
    });
    expect(run.code).toBe(0);
    expect(server.requests[before]!.body).toEqual({
      token: TOKEN,
      db_id: 7,
      matching: "phone",
      phone: "+79000000001",
      skip_triggers: true,
      data: { _bdate: "1990-05-17T00:00:00Z", phones: ["+79000000001"] },
    });
  });

  it("reports an application error answered with HTTP 200 as the Errors tab says, exit 1", async () => {
    server.setBehaviour("profiles-import", "appError");
    const run = await call("profileImport", { baseUrl: server.baseUrl, input: ["database=1", "email=jim@example.com"], json: true });
    expect(run.code).toBe(1);
    expect(run.json.status).toBe(200);
    expect(run.json.response).toEqual({ error: 402, error_text: "Tariff limit reached" });
    expect(run.json.error).toEqual({ kind: "api", message: "Altcraft error 402: Tariff limit reached" });
    expect(run.json.output).toBeUndefined();
    const text = await call("profileImport", { baseUrl: server.baseUrl, input: ["database=1", "email=jim@example.com"] });
    expect(text.code).toBe(1);
    expect(text.stdout).toBe("");
    expect(text.stderr).toBe("altcraft-albato: api error (HTTP 200): Altcraft error 402: Tariff limit reached");
  });

  it("reports a token error as InvalidCredential, exit 1", async () => {
    server.setBehaviour("*", "tokenError");
    const run = await call("promoCodeGet", { baseUrl: server.baseUrl, input: ["promoCode=A", "loyaltyProgramId=3"], json: true });
    expect(run.code).toBe(1);
    expect(run.json.error).toEqual({ kind: "credential", message: "Altcraft error 403: No access: invalid API token" });
    const wrong = await call("promoCodeGet", { baseUrl: server.baseUrl, input: ["promoCode=A", "loyaltyProgramId=3"], json: true }, { ALTCRAFT_TOKEN: "not-the-token" });
    server.setBehaviour("*", "normal");
    const wrongToo = await call("promoCodeGet", { baseUrl: server.baseUrl, input: ["promoCode=A", "loyaltyProgramId=3"], json: true }, { ALTCRAFT_TOKEN: "not-the-token" });
    expect(wrong.json.error).toMatchObject({ kind: "credential" });
    expect(wrongToo.json.error).toMatchObject({ kind: "credential" });
  });

  it("reports a 5xx with an HTML body as an HTTP error, exit 1", async () => {
    server.setBehaviour("workflows-start", { kind: "serverError", status: 502 });
    const run = await call("scenarioStart", { baseUrl: server.baseUrl, input: ["scenario=3", "email=jim@example.com"], json: true });
    expect(run.code).toBe(1);
    expect(run.json.status).toBe(502);
    expect(run.json.error).toEqual({ kind: "http", message: "HTTP 502" });
    expect(String(run.json.response)).toContain("502 Bad Gateway");
  });

  it("gives up after --timeout on a host that never answers, exit 2, and says so", async () => {
    server.setBehaviour("profiles-get", "timeout");
    const started = Date.now();
    const run = await call("profileGet", { baseUrl: server.baseUrl, input: ["database=1", "email=jim@example.com"], timeout: "0.3", json: true });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(run.code).toBe(2);
    expect(run.json.error).toEqual({ kind: "timeout", message: "no answer within 0.3 s" });
    expect(run.json.request).toBeDefined();
    expect(run.json.status).toBeUndefined();
  });

  it("reports a refused connection as a network failure, exit 2", async () => {
    const closed = await startAltcraftServer({ token: TOKEN });
    const baseUrl = closed.baseUrl;
    await closed.close();
    const run = await call("profileGet", { baseUrl, input: ["database=1", "email=jim@example.com"], json: true });
    expect(run.code).toBe(2);
    expect(run.json.error).toMatchObject({ kind: "network" });
    expect((run.json.error as { message: string }).message).toMatch(/ECONNREFUSED/);
  });

  it("reports a 2xx answer that is not JSON: Albato cannot parse it, exit 1", async () => {
    const odd = await startAltcraftServer({ token: TOKEN, responses: { "profiles-get": "not json" } });
    try {
      const run = await call("profileGet", { baseUrl: odd.baseUrl, input: ["database=1"], json: true });
      expect(run.code).toBe(1);
      expect(run.json.error).toEqual({ kind: "response", message: "the answer is not JSON (HTTP 200); Albato cannot parse it" });
    } finally {
      await odd.close();
    }
  });
});

describe("call --list", () => {
  it("covers every list of the manifest", () => {
    expect(manifest.lists.map((list) => list.code).sort()).toEqual(connector.lists.map((list) => list.code).sort());
  });

  for (const written of connector.lists) {
    it(`${written.code}: prints the items with their keys and names`, async () => {
      const list = manifest.lists.find((candidate) => candidate.code === written.code)!;
      const before = server.requests.length;
      const run = await call(undefined, { list: written.code, baseUrl: server.baseUrl, json: true });
      expect(run.code, JSON.stringify(run.json)).toBe(0);
      if (list.type === "static") {
        expect(server.requests.length).toBe(before);
        expect(run.json).toEqual({ items: list.items.map((item) => ({ key: item.key, name: item.names.en })) });
        return;
      }
      const received = server.requests.slice(before);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ methodId: list.request.source.method, verdict: "valid", status: 200 });
      const data = (sampleResponse(list.request.source.method) as { data: Array<{ id: number; name: string }> }).data;
      expect(run.json).toEqual({ items: [...data].sort((a, b) => a.id - b.id).map((item) => ({ key: String(item.id), name: item.name })) });
    });
  }

  it("asks only for active trigger campaigns", async () => {
    const before = server.requests.length;
    await call(undefined, { list: "triggerCampaigns", baseUrl: server.baseUrl });
    expect(server.requests[before]!.body).toEqual({ token: TOKEN, limit: 1000, is_active: true });
  });

  it("follows next_from_id page after page", async () => {
    const data = Array.from({ length: 2345 }, (_, index) => ({ id: index + 1, name: `Database ${index + 1}` }));
    const big = await startAltcraftServer({ token: TOKEN, responses: { "databases-list": { error: 0, error_text: "Successful operation", data } } });
    try {
      const run = await call(undefined, { list: "databases", baseUrl: big.baseUrl, json: true });
      expect(run.code).toBe(0);
      expect((run.json.items as unknown[]).length).toBe(2345);
      expect((run.json.items as Array<{ key: string }>).at(-1)).toEqual({ key: "2345", name: "Database 2345" });
      expect(big.requests.map((request) => (request.body as { from_id?: number }).from_id)).toEqual([undefined, 1001, 2001]);
    } finally {
      await big.close();
    }
  });

  it("prints key and name, tab-separated, without --json; names in Russian with --locale ru", async () => {
    const run = await call(undefined, { list: "subscriptionStatuses", locale: "ru" });
    expect(run.stdout.split("\n")[0]).toBe("subscribed\tПодписан");
    const dynamic = await call(undefined, { list: "segments", baseUrl: server.baseUrl });
    expect(dynamic.stdout).toMatch(/^\d+\t.+\n/);
  });

  it("reports an application error of a list request, exit 1", async () => {
    server.setBehaviour("segments-list", { kind: "appError", error: 400, errorText: "Incorrect request" });
    const run = await call(undefined, { list: "segments", baseUrl: server.baseUrl, json: true });
    expect(run.code).toBe(1);
    expect(run.json.items).toBeUndefined();
    expect(run.json.error).toEqual({ kind: "api", message: "Altcraft error 400: Incorrect request" });
    expect((run.json.request as { body: { token: string } }).body.token).toBe("***");
  });

  it("shows the list's request with --dry-run and sends nothing", async () => {
    const before = server.requests.length;
    const run = await call(undefined, { list: "databases", host: "ru.altkraft.com", dryRun: true, json: true }, {});
    expect(run.code).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(run.json).toEqual({ request: { method: "POST", url: "https://ru.altkraft.com/api/v1.1/databases/list", headers: { "Content-Type": "application/json" }, body: { token: "***", limit: 1000 } } });
  });
});

describe("call --dry-run", () => {
  it("prints the exact request, the token redacted, and sends nothing, even without a token", async () => {
    const before = server.requests.length;
    const run = await call("promoCodeUpdate", { host: "marketing.example.com", dryRun: true, input: ["promoCode=SUMMER", "loyaltyProgramId=3", "activated=false"] }, {});
    expect(run.code).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(run.stdout).toBe(
      [
        "POST https://marketing.example.com/api/v1.1/promocodes/update",
        "Content-Type: application/json",
        "",
        JSON.stringify({ token: "***", code: "SUMMER", loyalty_id: 3, activated: false }, null, 2),
        "",
      ].join("\n"),
    );
  });

  it("is one JSON document with only the request", async () => {
    const run = await call("goalRegister", { host: "ru.altkraft.com", dryRun: true, json: true, input: ["database=1", "pixelId=7", "goalValue=10.5", "email=jim@example.com"] });
    expect(Object.keys(run.json)).toEqual(["request"]);
    expect((run.json.request as { body: unknown }).body).toEqual({ token: "***", db_id: 1, pixel_id: 7, value: 10.5, email: "jim@example.com" });
  });
});

describe("call usage mistakes (exit 2, one line, and one JSON document with --json)", () => {
  const cases: Array<[string, string | undefined, CallOptions, RegExp, NodeJS.ProcessEnv?]> = [
    ["an unknown action", "profileImprot", { host: "ru.altkraft.com" }, /^no action "profileImprot" \(did you mean "profileImport"\?\) in the manifest/],
    ["no action and no list", undefined, { host: "ru.altkraft.com" }, /^name the action to call/],
    ["an action and a list", "profileGet", { list: "databases", host: "ru.altkraft.com" }, /^give an action code or --list <code>, not both$/],
    ["an unknown list", undefined, { list: "database" }, /^--list: no list "database" \(did you mean "databases"\?\)/],
    ["no host", "promoCodeGet", { input: ["promoCode=A", "loyaltyProgramId=1"] }, /^give the account's host with --host/],
    ["a host with a scheme", "promoCodeGet", { host: "https://ru.altkraft.com", input: ["promoCode=A", "loyaltyProgramId=1"] }, /^--host must be a host name such as ru\.altkraft\.com \(without https:\/\/\)/],
    ["both --host and --base-url", "promoCodeGet", { host: "a.example", baseUrl: "http://127.0.0.1:1", input: ["promoCode=A", "loyaltyProgramId=1"] }, /^give --host or --base-url, not both$/],
    ["a base URL that is not http(s)", "promoCodeGet", { baseUrl: "ftp://x", input: ["promoCode=A", "loyaltyProgramId=1"] }, /^--base-url must be an http:\/\/ or https:\/\/ URL/],
    ["an unknown field", "promoCodeGet", { host: "ru.altkraft.com", input: ["promoCod=A", "loyaltyProgramId=1"] }, /^--input: action "promoCodeGet" has no field "promoCod" \(did you mean "promoCode"\?\)/],
    ["a response field as input", "promoCodeGet", { host: "ru.altkraft.com", input: ["promoCode=A", "loyaltyProgramId=1", "isExpired=true"] }, /^--input: "isExpired" is a response field/],
    ["a field given twice", "promoCodeGet", { host: "ru.altkraft.com", input: ["promoCode=A", "promoCode=B", "loyaltyProgramId=1"] }, /^--input: field "promoCode" is given twice$/],
    ["an input without =", "promoCodeGet", { host: "ru.altkraft.com", input: ["promoCode"] }, /^--input must be <field code>=<value>/],
    ["a required field missing", "promoCodeGet", { host: "ru.altkraft.com", input: ["promoCode=A"] }, /^action "promoCodeGet" needs --input loyaltyProgramId=<Int> \(required field\)$/],
    ["a value of the wrong type", "promoCodeGet", { host: "ru.altkraft.com", input: ["promoCode=A", "loyaltyProgramId=three"] }, /^action "promoCodeGet": --input loyaltyProgramId: expected a whole number, found "three" \(sent as loyalty_id\)$/],
    ["no token", "promoCodeGet", { host: "ru.altkraft.com", input: ["promoCode=A", "loyaltyProgramId=1"] }, /^set the API token in the environment variable ALTCRAFT_TOKEN/, {}],
    ["a bad timeout", "promoCodeGet", { host: "ru.altkraft.com", timeout: "0", input: ["promoCode=A", "loyaltyProgramId=1"] }, /^--timeout must be a number of seconds/],
  ];
  for (const [what, action, options, message, env] of cases) {
    it(what, async () => {
      const before = server.requests.length;
      const text = await call(action, options, env);
      expect(text.code).toBe(2);
      expect(text.stdout).toBe("");
      expect(text.stderr.split("\n")).toHaveLength(1);
      expect(text.stderr.replace(/^altcraft-albato: /, "")).toMatch(message);
      const json = await call(action, { ...options, json: true }, env);
      expect(json.code).toBe(2);
      expect(Object.keys(json.json)).toEqual(["error"]);
      expect(json.json.error).toMatchObject({ kind: "usage" });
      expect((json.json.error as { message: string }).message).toMatch(message);
      expect(server.requests.length).toBe(before);
    });
  }

  it("names the missing manifest", async () => {
    const run = await call("profileGet", { manifest: join(REPO, "no-such-manifest.json"), host: "ru.altkraft.com" });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no-such-manifest\.json: no such file; expected a manifest\.json or a package zip$/);
  });
});
