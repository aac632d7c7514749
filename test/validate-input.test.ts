/** The input side of `validate`: byte line splitting, JSON error positions, and input-kind detection. */
import { beforeAll, describe, expect, it } from "vitest";
import { jsonErrorOffset, locateJsonError } from "../scripts/load/json.js";
import { LineSplitter } from "../scripts/validate/line-splitter.js";
import type * as CheckFile from "../scripts/validate/check-file.js";
import type * as ReportModule from "../scripts/validate/report.js";
import { importDist, validSamples } from "./fixtures/validate/build.js";

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function split(bytes: Buffer, cuts: number[]): Array<[string, number]> {
  const lines: Array<[string, number]> = [];
  const splitter = new LineSplitter((text, line) => lines.push([text, line]));
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    splitter.push(bytes.subarray(start, cut));
    start = cut;
  }
  splitter.end();
  return lines;
}

describe("LineSplitter", () => {
  it("gives the same lines however the bytes are cut into chunks, even inside multi-byte characters", () => {
    const next = random(5);
    const pieces = ["{\"a\":1}", "Анна Смирнова", "🙂", "plain", "", "  ", "é", "\r"];
    for (let round = 0; round < 400; round++) {
      const count = 1 + Math.floor(next() * 12);
      const lines = Array.from({ length: count }, () =>
        Array.from({ length: Math.floor(next() * 4) }, () => pieces[Math.floor(next() * pieces.length)]).join("").replace(/\r/g, ""),
      );
      const crlf = next() < 0.3;
      const trailing = next() < 0.5;
      const text = lines.join(crlf ? "\r\n" : "\n") + (trailing ? (crlf ? "\r\n" : "\n") : "");
      const bytes = Buffer.from(text, "utf8");
      const cuts = Array.from({ length: Math.floor(next() * 6) }, () => Math.floor(next() * bytes.length)).sort((a, b) => a - b);
      // A final newline ends the last line; it does not start an empty one.
      const body = text.replace(crlf ? /\r\n$/ : /\n$/, "");
      const expected = text === "" ? [] : body.split(crlf ? "\r\n" : "\n");
      expect(split(bytes, cuts), JSON.stringify({ text, cuts })).toEqual(expected.map((line, i) => [line, i + 1]));
    }
  });

  it("drops a UTF-8 byte-order mark at the start only", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("{}\n\uFEFFx\n")]);
    expect(split(bytes, [1])).toEqual([
      ["{}", 1],
      ["\uFEFFx", 2],
    ]);
  });
});

describe("JSON error positions", () => {
  it("finds the first character that cannot continue the text", () => {
    expect(jsonErrorOffset('{"a":}')).toBe(5);
    expect(jsonErrorOffset('{"a":1}x')).toBe(7);
    expect(jsonErrorOffset('{"a": 1')).toBe(7);
    expect(jsonErrorOffset("garbage")).toBe(0);
    expect(locateJsonError('{\n  "a": tru,\n}', new Error("Unexpected token ','"))).toMatchObject({ line: 2, column: 11 });
  });

  it("points at a garbage character inserted after any comma of a real event", () => {
    const text = JSON.stringify(validSamples().find((s) => s.name === "full.json")!.event);
    const next = random(9);
    const commas = [...text.matchAll(/,"/g)].map((m) => m.index!);
    for (let i = 0; i < 50; i++) {
      const at = commas[Math.floor(next() * commas.length)]! + 1;
      expect(jsonErrorOffset(`${text.slice(0, at)}#${text.slice(at)}`)).toBe(at);
    }
  });
});

describe("input kind detection", () => {
  let FileChecker: typeof CheckFile.FileChecker;
  let UnitCollector: typeof ReportModule.UnitCollector;
  const event = JSON.stringify({
    event_type: "deliv",
    event_date: "2024-05-14T09:00:03.514388956Z",
    account_id: 23,
    is_test: false,
    event_data: { message_id: 17 },
  });

  beforeAll(async () => {
    ({ FileChecker } = await importDist<typeof CheckFile>("validate/check-file.js"));
    ({ UnitCollector } = await importDist<typeof ReportModule>("validate/report.js"));
  }, 300_000);

  function check(text: string, forceLines = false) {
    const collector = new UnitCollector();
    const checker = new FileChecker("in.json", forceLines, collector, {});
    text.split("\n").forEach((line, index) => checker.line(line, index + 1));
    checker.end();
    const { events, valid, findings } = collector.result;
    return { events, valid, problems: findings.map((p) => [p.line, p.column, p.index, p.keyword]) };
  }

  it("reads a pretty-printed event as one event", () => {
    expect(check(JSON.stringify(JSON.parse(event), null, 2))).toEqual({ events: 1, valid: 1, problems: [] });
  });

  it("reads a pretty-printed batch as a batch, with indexes", () => {
    const batch = JSON.stringify([JSON.parse(event), 5, JSON.parse(event)], null, 2);
    expect(check(batch)).toEqual({ events: 3, valid: 2, problems: [[undefined, undefined, 1, "type"]] });
  });

  it("reads lines that are JSON on their own as NDJSON, a batch per line included", () => {
    expect(check(`${event}\n[${event},${event}]\n\n${event}\n`)).toEqual({ events: 4, valid: 4, problems: [] });
  });

  it("reports a broken line of NDJSON with its line and column and checks the rest", () => {
    expect(check(`${event}\n${event}\n{"event_type": nope}\n${event}`)).toEqual({
      events: 4,
      valid: 3,
      // "n" could still start `null`; the "o" after it cannot.
      problems: [[3, 17, undefined, "json"]],
    });
  });

  it("still reads NDJSON whose first line, or first two lines, are broken", () => {
    expect(check(`{broken\n${event}\n${event}`)).toMatchObject({ events: 3, valid: 2, problems: [[1, 2, undefined, "json"]] });
    expect(check(`{broken\nalso broken\n${event}`)).toMatchObject({
      events: 3,
      valid: 1,
      problems: [
        [1, 2, undefined, "json"],
        [2, 1, undefined, "json"],
      ],
    });
  });

  it("reports a broken pretty-printed document once, at the line and column where it breaks", () => {
    const pretty = JSON.stringify(JSON.parse(event), null, 2).replace('"account_id": 23', '"account_id": 23 24');
    expect(check(pretty)).toEqual({ events: 1, valid: 0, problems: [[4, 20, undefined, "json"]] });
  });

  it("reports an empty input and a value that is not an event", () => {
    expect(check("")).toEqual({ events: 0, valid: 0, problems: [[undefined, undefined, undefined, "empty"]] });
    expect(check("\n  \n", true)).toEqual({ events: 0, valid: 0, problems: [[undefined, undefined, undefined, "empty"]] });
    expect(check("42")).toEqual({ events: 1, valid: 0, problems: [[1, undefined, undefined, "type"]] });
  });

  it("treats .ndjson input as lines even when the first line is not JSON", () => {
    expect(check(`{\n${event}`, true)).toMatchObject({ events: 2, valid: 1, problems: [[1, 2, undefined, "json"]] });
  });
});
