/**
 * The secret path never leaks from `listen`: near-miss paths (`/<token>/`, `//<token>`,
 * `/<token>/../<token>`, `/../<token>`, a query holding it), every percent-encoded spelling (either hex
 * case, encoded twice) and headers such as Referer show `{token}` on the console and in the capture.
 * A request that fails the token check keeps no headers and no body on disk: its method, the hidden
 * path, its size and why it was refused (a 10 MiB body to a wrong path adds one short line).
 */
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaptureRecord } from "../scripts/model/capture.js";
import { CaptureWriter } from "../scripts/listen/capture-writer.js";
import { tokenRedactor } from "../scripts/listen/redact.js";
import { formatRequestLine, PLAIN, type RequestOutcome } from "../scripts/listen/request-line.js";
import { createListenServer, type ListenServer } from "../scripts/listen/server.js";
import { readNdjson, realValidator } from "./fixtures/live/harness.js";
import { tempDir } from "./fixtures/temp.js";

const dir = tempDir("listen-secrets");
const TOKEN = "Zq7_secret-Tok.en~42";
const capturePath = join(dir, "capture.ndjson");
let listener: ListenServer;
let writer: CaptureWriter;
let port: number;
const lines: string[] = [];

beforeAll(async () => {
  writer = CaptureWriter.open(capturePath);
  listener = createListenServer({
    capture: writer,
    validate: await realValidator(),
    token: TOKEN,
    maxBody: 16 * 1024 * 1024,
    okBody: "OK",
    onRequest: (outcome: RequestOutcome) => lines.push(formatRequestLine(outcome, PLAIN)),
  });
  await new Promise<void>((resolve) => listener.server.listen(0, "127.0.0.1", resolve));
  port = (listener.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await listener.shutdown(1000);
  writer.close();
});

/** Every spelling of the token a reader could decode back: raw, and each of its characters encoded. */
function leaks(text: string): boolean {
  let decoded = text;
  for (let round = 0; round < 4; round++) {
    if (decoded.includes(TOKEN)) return true;
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      decoded = decoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
  }
  return decoded.includes(TOKEN);
}

/** POST with the path sent exactly as given (no client normalisation of `..` or `//`). */
function rawPost(path: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", path, headers: { "content-length": String(Buffer.byteLength(body)), ...headers } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode!));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** `text` with each character percent-encoded where `mask` says, in lower or upper hex, maybe twice. */
function encode(text: string, mask: boolean[], upper: boolean, twice: boolean): string {
  return [...text]
    .map((char, index) => {
      if (!mask[index % mask.length]) return char;
      const hex = char.charCodeAt(0).toString(16).padStart(2, "0");
      const once = `%${upper ? hex.toUpperCase() : hex}`;
      return twice ? `%25${once.slice(1)}` : once;
    })
    .join("");
}

describe("the token is hidden in every path form", () => {
  const nearMisses = [`/${TOKEN}/`, `//${TOKEN}`, `/${TOKEN}/../${TOKEN}`, `/../${TOKEN}`, `/x?t=${TOKEN}`, `/${TOKEN}${TOKEN}`, `/a/${TOKEN}#frag`];
  for (const path of nearMisses) {
    it(`${path.replaceAll(TOKEN, "<token>")}: 404, shown and captured as {token}, no headers or body kept`, async () => {
      const before = readNdjson(capturePath).length;
      expect(await rawPost(path, '[{"event_type":"click"}]', { referer: `https://example.com${path}` })).toBe(404);
      const record = (readNdjson(capturePath) as CaptureRecord[])[before]!;
      expect(record.path).toBe(path.replaceAll(TOKEN, "{token}"));
      expect(record).toMatchObject({ headers: {}, body: "", bodyBytes: 24, refused: "not the token path (404)" });
      expect(lines.at(-1)).toContain(`404 POST ${path.replaceAll(TOKEN, "{token}")}`);
      expect(leaks(JSON.stringify(record)) || leaks(lines.at(-1)!)).toBe(false);
    });
  }

  it("any mix of percent-encoded characters, either hex case, encoded once or twice, around any path (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: TOKEN.length }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("/", "//", "/../", "/a/", "/?k="),
        fc.constantFrom("", "/", "?x=1", "/.."),
        async (mask, upper, twice, before, after) => {
          const path = `${before}${encode(TOKEN, mask, upper, twice)}${after}`;
          const count = readNdjson(capturePath).length;
          const status = await rawPost(path, "[]", { referer: `http://x${path}`, "x-forwarded-uri": path });
          const record = (readNdjson(capturePath) as CaptureRecord[])[count]!;
          expect(leaks(JSON.stringify(record)), `${path} leaked into ${JSON.stringify(record)}`).toBe(false);
          expect(leaks(lines.at(-1)!)).toBe(false);
          expect(record.path).toContain("{token}");
          // Only the exact path (a query after it allowed) is the hook.
          expect(status).toBe(path.split("?")[0] === `/${TOKEN}` ? 200 : 404);
        },
      ),
      { numRuns: 150, seed: 8 },
    );
  });

  it("on the real path, in the Referer and any other header of a kept request", async () => {
    const before = readNdjson(capturePath).length;
    expect(await rawPost(`/${TOKEN}`, "[]", { referer: `https://altcraft.example/hooks/${TOKEN}`, "x-original-url": `/%${TOKEN.charCodeAt(0).toString(16)}${TOKEN.slice(1)}` })).toBe(200);
    const record = (readNdjson(capturePath) as CaptureRecord[])[before]!;
    expect(record.path).toBe("/{token}");
    expect(record.headers.referer).toBe("https://altcraft.example/hooks/{token}");
    expect(record.headers["x-original-url"]).toBe("/{token}");
    expect(leaks(readFileSync(capturePath, "utf8"))).toBe(false);
  });

  it("a 10 MiB body to a wrong path adds only a short line to the capture", async () => {
    const size = statSync(capturePath).size;
    expect(await rawPost("/wrong", Buffer.alloc(10 * 1024 * 1024, 0x20))).toBe(404);
    expect(statSync(capturePath).size - size).toBeLessThan(300);
  });

  it("the redactor leaves text without the token alone, and hides a token next to anything (property)", () => {
    const redact = tokenRedactor(TOKEN);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        if (!leaks(`${a}${b}`)) expect(redact(`${a}${b}`)).toBe(`${a}${b}`);
        expect(leaks(redact(`${a}${TOKEN}${b}`)) && !leaks(`${a}${b}`)).toBe(false);
      }),
      { numRuns: 500, seed: 9 },
    );
  });
});
