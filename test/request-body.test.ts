/**
 * The body a request widget sends (derive/request-body.ts), as scripts/albato-behaviour.ts takes Albato to
 * build it: rows of empty fields left out, values converted to their row's type, dotted keys nested, and
 * every conversion that cannot be made said per row. Property tests (fast-check, seeded) for the
 * conversions and for the token redaction `call` applies to all it prints.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redactText, redactValue } from "../scripts/call/redact.js";
import { convertValue, renderRequest, requestPath } from "../scripts/derive/request-body.js";
import type { ManifestRequest } from "../scripts/model/manifest.js";

const request: ManifestRequest = {
  method: "POST",
  url: "https://{{connection.host}}/api/v1.1/profiles/import",
  contentType: "JSON",
  parameters: [
    { key: "token", value: "{{connection.token}}", type: "String" },
    { key: "db_id", value: "{{database}}", type: "Int" },
    { key: "data._fname", value: "{{firstName}}", type: "String" },
    { key: "data.phones", value: "{{phone}}", type: "StringArray" },
    { key: "skip_triggers", value: "{{skip}}", type: "Boolean" },
    { key: "limit", value: "1000", type: "Int" },
  ],
  source: { method: "profiles-import", requestSchema: "", responseSchema: "" },
};
const connection = new Map([["host", "ru.altkraft.com"], ["token", "T"]]);

describe("renderRequest", () => {
  it("fills the URL and the body, nesting dotted keys, leaving out the rows of empty fields", () => {
    const result = renderRequest(request, { fields: new Map([["database", "3"], ["phone", "+7 1, +7 2 ,,"], ["firstName", ""]]), connection });
    expect(result.problems).toEqual([]);
    expect(result.rendered).toEqual({
      url: "https://ru.altkraft.com/api/v1.1/profiles/import",
      body: { token: "T", db_id: 3, data: { phones: ["+7 1", "+7 2"] }, limit: 1000 },
    });
    expect(requestPath(request)).toBe("/api/v1.1/profiles/import");
  });

  it("says which row and field cannot be converted, and which connection value is missing", () => {
    const result = renderRequest(request, { fields: new Map([["database", "3.5"], ["skip", "maybe"]]), connection: new Map() });
    expect(result.rendered).toBeUndefined();
    expect(result.problems).toEqual([
      { key: "url", message: 'no value for connection field "host"' },
      { row: 0, key: "token", message: 'no value for connection field "token"' },
      { row: 1, key: "db_id", field: "database", message: 'expected a whole number, found "3.5"' },
      { row: 4, key: "skip_triggers", field: "skip", message: 'expected true, yes, 1, false, no, 0, found "maybe"' },
    ]);
  });

  it("refuses a key filled twice, and a key below a value", () => {
    const twice: ManifestRequest = { ...request, parameters: [{ key: "a", value: "1", type: "Int" }, { key: "a", value: "2", type: "Int" }, { key: "b", value: "x", type: "String" }, { key: "b.c", value: "y", type: "String" }] };
    expect(renderRequest(twice, { fields: new Map(), connection }).problems.map((problem) => problem.message)).toEqual(['body key "a" is filled twice', 'body key "b.c" is filled twice']);
  });
});

describe("convertValue", () => {
  it("converts each Albato type as sent to Altcraft", () => {
    expect(convertValue("-12", "Int")).toEqual({ value: -12 });
    expect(convertValue("1e3", "Decimal")).toEqual({ value: 1000 });
    expect(convertValue("No", "Boolean")).toEqual({ value: false });
    expect(convertValue("2024-08-31T23:59:59+03:00", "DateTime")).toEqual({ value: "2024-08-31T20:59:59Z" });
    expect(convertValue("2024-08-31T20:59:59.25Z", "DateTime")).toEqual({ value: "2024-08-31T20:59:59.250Z" });
    expect(convertValue("1, 2,3", "IntArray")).toEqual({ value: [1, 2, 3] });
    expect(convertValue("+79000000000", "Phone")).toEqual({ value: "+79000000000" });
    for (const [text, type] of [["9007199254740993", "Int"], ["1.", "Decimal"], ["2024-02-30T00:00:00Z", "DateTime"], ["31.08.2024", "DateTime"], ["1,x", "IntArray"]] as const) {
      expect(convertValue(text, type), `${text} as ${type}`).toHaveProperty("error");
    }
  });

  it("round-trips every safe integer and every finite number (property)", () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => {
        expect(convertValue(String(n), "Int")).toEqual({ value: n });
      }), { seed: 3, numRuns: 300 });
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(convertValue(String(x), "Decimal")).toEqual({ value: Number(String(x)) });
      }), { seed: 4, numRuns: 300 });
  });

  it("splits arrays at commas into trimmed non-empty texts (property)", () => {
    const part = fc.string({ maxLength: 8 }).filter((text) => !text.includes(","));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const expected = parts.map((text) => text.trim()).filter((text) => text !== "");
        expect(convertValue(parts.join(","), "StringArray")).toEqual({ value: expected });
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});

describe("redaction of the token", () => {
  it("leaves no occurrence of the token in any string or key of a document, and changes nothing else (property)", () => {
    const token = fc.string({ minLength: 8, maxLength: 32 }).filter((text) => !text.includes("*"));
    fc.assert(
      fc.property(token, fc.jsonValue(), (secret, value) => {
        const salted = { [`k${secret}`]: [value, `before ${secret} after`, secret] };
        const redacted = JSON.stringify(redactValue(salted, secret));
        expect(redacted.includes(secret) && !JSON.stringify(value).includes(secret)).toBe(false);
        expect(redactValue(value, undefined)).toEqual(value);
      }),
      { seed: 6, numRuns: 300 },
    );
    expect(redactText("a T b T", "T")).toBe("a *** b ***");
  });
});
