/** Frozen field codes: derivation, the lock's invariants, and every way a hand edit can break it. */
import { describe, expect, it } from "vitest";
import { baseCodeForPath, renderLock, updateLock } from "../scripts/derive/field-codes.js";
import { FIELD_CODE_PATTERN, LOCK_FILE, parseLock } from "../scripts/load/lock.js";

describe("baseCodeForPath", () => {
  it("camel-cases the path's words, Latin letters and digits only", () => {
    expect(baseCodeForPath("event_data.link_url")).toBe("eventDataLinkUrl");
    expect(baseCodeForPath("_md5")).toBe("md5");
    expect(baseCodeForPath("subscription[].channel")).toBe("subscriptionChannel");
    expect(baseCodeForPath("custom_data._fname")).toBe("customDataFname");
    expect(baseCodeForPath("event_data.utm-source")).toBe("eventDataUtmSource");
    expect(baseCodeForPath("2fa")).toBe("f2fa");
    expect(baseCodeForPath("имя")).toBe("field");
  });
});

describe("updateLock", () => {
  it("keeps every recorded code, adds new ones, and suffixes collisions", () => {
    const { lock } = parseLock(renderLock(new Map([["event_data.link_url", "linkUrl"], ["old.path", "eventDataIp"]])));
    const update = updateLock(lock, ["event_data.link_url", "event_data.ip", "event_data.linkUrl", "event_data.link_url"]);
    expect(update.codes.get("event_data.link_url")).toBe("linkUrl");
    // "eventDataIp" is taken by a removed path: a published code is never reused.
    expect(update.codes.get("event_data.ip")).toBe("eventDataIp2");
    expect(update.codes.get("event_data.linkUrl")).toBe("eventDataLinkUrl");
    expect(update.added).toEqual([
      { path: "event_data.ip", code: "eventDataIp2" },
      { path: "event_data.linkUrl", code: "eventDataLinkUrl" },
    ]);
    expect(update.stale).toEqual(["old.path"]);
  });

  it("gives unique valid codes to any set of paths and never changes one on a rebuild (property-style)", () => {
    const words = ["event", "data", "link", "url", "_md5", "x", "Event", "DATA", "1", "id", "ip"];
    let state = 7;
    const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
    for (let round = 0; round < 100; round++) {
      const paths = Array.from({ length: 1 + Math.floor(next() * 30) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 3) }, () => words[Math.floor(next() * words.length)]).join(next() < 0.5 ? "." : "_"),
      );
      const first = updateLock(parseLock(undefined).lock, paths);
      const codes = [...first.codes.values()];
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(code).toMatch(FIELD_CODE_PATTERN);
      const reread = parseLock(renderLock(first.codes));
      expect(reread.problems).toEqual([]);
      const second = updateLock(reread.lock, [...paths].reverse());
      expect(second.added).toEqual([]);
      expect([...second.codes].sort()).toEqual([...first.codes].sort());
    }
  });
});

describe("renderLock", () => {
  it("writes sorted keys, 2-space JSON and a trailing newline", () => {
    expect(renderLock(new Map([["b", "b"], ["a", "a"], ["_md5", "md5"]]))).toBe('{\n  "_md5": "md5",\n  "a": "a",\n  "b": "b"\n}\n');
  });
});

describe("parseLock", () => {
  it("accepts no lock at all (the first build creates it)", () => {
    const { lock, problems } = parseLock(undefined);
    expect(problems).toEqual([]);
    expect(lock.codes.size).toBe(0);
  });

  it("records the line of every entry", () => {
    const { lock } = parseLock('{\n  "a": "a",\n  "b.c": "bC"\n}\n');
    expect(lock.lines.get("b.c")).toBe(3);
  });

  it("reports malformed JSON with line and column", () => {
    // A missing comma after a hand edit.
    const { problems } = parseLock('{\n  "a": "a"\n  "b": "b"\n}\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.place).toEqual({ file: LOCK_FILE, line: 3, column: 3 });
    expect(problems[0]!.message).toMatch(/^not valid JSON/);
  });

  it("reports a value that is not an object", () => {
    expect(parseLock("[]").problems[0]!.message).toMatch(/must be a JSON object/);
  });

  it("reports an invalid code with its line and how to resolve it", () => {
    const { problems, lock } = parseLock('{\n  "a": "a",\n  "event_data.ip": "event_ip"\n}\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.place).toEqual({ file: LOCK_FILE, line: 3 });
    expect(problems[0]!.message).toContain('"event_ip" is not a valid Albato field code');
    expect(problems[0]!.message).toContain("never published");
    expect(lock.codes.has("event_data.ip")).toBe(false);
  });

  it("reports two paths sharing a code, naming both lines", () => {
    const { problems } = parseLock('{\n  "a.b": "ab",\n  "a_b": "ab"\n}\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.place).toEqual({ file: LOCK_FILE, line: 3 });
    expect(problems[0]!.message).toContain('is already the code of "a.b" (line 2)');
  });

  it("reports a path listed twice", () => {
    const { problems } = parseLock('{\n  "a": "a",\n  "a": "b"\n}\n');
    expect(problems.map((problem) => problem.place.line)).toContain(3);
    expect(problems[0]!.message).toContain("listed twice");
  });
});
