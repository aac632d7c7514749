/** What `call` makes of an answer (call/response.ts): status first, then JSON, then the Errors tab, then the Response tab. */
import { describe, expect, it } from "vitest";
import { applyAnswer, fillMessage, variableValue } from "../scripts/call/response.js";
import { errorRules } from "../scripts/derive/api-request.js";

const answer = (status: number, body: unknown) => ({ status, headers: {}, text: typeof body === "string" ? body : JSON.stringify(body) });
const rules = errorRules();
const rows = [{ key: "data.profile_id", field: "savedProfileId" }, { key: "data.data.code", field: "code" }];

describe("applyAnswer", () => {
  it("fills the response fields on success; a field the answer lacks is null", () => {
    expect(applyAnswer(answer(200, { error: 0, error_text: "Successful operation", profile_id: "p1" }), rules, rows)).toEqual({
      response: { error: 0, error_text: "Successful operation", profile_id: "p1" },
      output: { savedProfileId: "p1", code: null },
    });
  });

  it("takes 401 and 403 as token errors, any other non-zero code as an application error", () => {
    for (const code of [401, 403]) expect(applyAnswer(answer(200, { error: code, error_text: "x" }), rules, rows).error).toEqual({ kind: "credential", message: `Altcraft error ${code}: x` });
    expect(applyAnswer(answer(200, { error: 440, error_text: "Undocumented" }), rules, rows).error).toEqual({ kind: "api", message: "Altcraft error 440: Undocumented" });
  });

  it("fails an answer without an error code (absent reads as empty text, which is not 0)", () => {
    expect(applyAnswer(answer(200, { data: [] }), rules, rows).error).toEqual({ kind: "api", message: "Altcraft error : " });
  });

  it("fails a non-2xx status before reading the body, quoting error_text when there is one", () => {
    expect(applyAnswer(answer(404, { error: 404, error_text: "Unknown API method" }), rules, rows).error).toEqual({ kind: "http", message: "HTTP 404: Unknown API method" });
    expect(applyAnswer(answer(503, "<html>busy</html>"), rules, rows)).toEqual({ response: "<html>busy</html>", error: { kind: "http", message: "HTTP 503" } });
  });

  it("fails a 2xx answer that is not JSON", () => {
    expect(applyAnswer(answer(200, "OK"), rules, rows).error?.kind).toBe("response");
  });
});

describe("variables and messages", () => {
  it("reads data.-prefixed paths, never through arrays or inherited keys", () => {
    const body = { a: { b: 1 }, list: [{ c: 2 }] };
    expect(variableValue(body, "data.a.b")).toBe(1);
    expect(variableValue(body, "data.list.0.c")).toBeUndefined();
    expect(variableValue(body, "data.a.constructor")).toBeUndefined();
    expect(variableValue(body, "a.b")).toBeUndefined();
    expect(fillMessage("{{data.a}} / {{data.a.b}} / {{data.none}}", body)).toBe('{"b":1} / 1 / ');
  });
});
