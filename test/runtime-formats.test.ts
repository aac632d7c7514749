import { describe, expect, it } from "vitest";
import { FORMATS, isDate, isDateTime, isEmail, isIpv4, isIpv6, isTime, isUri, isUuid } from "../scripts/runtime/formats.js";

/** A small seeded PRNG, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pad = (value: number, width: number): string => String(value).padStart(width, "0");
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** A random valid RFC 3339 date-time with 0–9 fraction digits and a random zone. */
function validDateTime(next: () => number): string {
  const year = Math.floor(next() * 10000);
  const month = 1 + Math.floor(next() * 12);
  const maxDay = month === 2 && !leap(year) ? 28 : DAYS[month - 1]!;
  const day = 1 + Math.floor(next() * maxDay);
  const time = `${pad(Math.floor(next() * 24), 2)}:${pad(Math.floor(next() * 60), 2)}:${pad(Math.floor(next() * 60), 2)}`;
  const digits = Math.floor(next() * 10);
  const fraction = digits === 0 ? "" : `.${Array.from({ length: digits }, () => Math.floor(next() * 10)).join("")}`;
  const zones = ["Z", "z", `+${pad(Math.floor(next() * 24), 2)}:${pad(Math.floor(next() * 60), 2)}`, "-03:30", "+00:00"];
  const zone = zones[Math.floor(next() * zones.length)]!;
  const separator = next() < 0.9 ? "T" : "t";
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}${separator}${time}${fraction}${zone}`;
}

/** Ways to break a valid date-time, each of which RFC 3339 (with our 9-digit limit) rejects. */
const BREAKERS: Array<[string, (text: string) => string]> = [
  ["space for T", (t) => `${t.slice(0, 10)} ${t.slice(11)}`],
  ["no zone", (t) => t.replace(/(Z|z|[+-]\d\d:\d\d)$/, "")],
  ["offset without colon", (t) => t.replace(/(Z|z|[+-]\d\d:\d\d)$/, "+0300")],
  ["ten fraction digits", (t) => t.replace(/(\.\d+)?(Z|z|[+-]\d\d:\d\d)$/, ".0123456789$2")],
  ["empty fraction", (t) => t.replace(/(\.\d+)?(Z|z|[+-]\d\d:\d\d)$/, ".$2")],
  ["month 13", (t) => `${t.slice(0, 5)}13${t.slice(7)}`],
  ["month 00", (t) => `${t.slice(0, 5)}00${t.slice(7)}`],
  ["day 32", (t) => `${t.slice(0, 8)}32${t.slice(10)}`],
  ["hour 24", (t) => `${t.slice(0, 11)}24${t.slice(13)}`],
  ["minute 60", (t) => `${t.slice(0, 14)}60${t.slice(16)}`],
  ["two-digit year", (t) => t.slice(2)],
  ["trailing text", (t) => `${t} `],
  ["slashes", (t) => t.replace(/-/g, "/")],
];

describe("date-time", () => {
  it("accepts 2,000 random valid RFC 3339 date-times with 0–9 fraction digits and any offset", () => {
    const next = random(7);
    for (let i = 0; i < 2000; i++) {
      const text = validDateTime(next);
      expect(isDateTime(text), text).toBe(true);
    }
  });

  it("rejects every way of breaking them", () => {
    const next = random(11);
    for (let i = 0; i < 300; i++) {
      const valid = validDateTime(next);
      for (const [name, breaker] of BREAKERS) {
        const broken = breaker(valid);
        if (broken === valid) continue;
        expect(isDateTime(broken), `${name}: ${broken}`).toBe(false);
      }
    }
  });

  it("knows month lengths and leap years", () => {
    expect(isDateTime("2024-02-29T00:00:00Z")).toBe(true);
    expect(isDateTime("2000-02-29T00:00:00Z")).toBe(true);
    expect(isDateTime("2023-02-29T00:00:00Z")).toBe(false);
    expect(isDateTime("1900-02-29T00:00:00Z")).toBe(false);
    expect(isDateTime("2024-04-31T00:00:00Z")).toBe(false);
    expect(isDateTime("2024-12-31T23:59:59.999999999+14:00")).toBe(true);
  });

  it("accepts a leap second only at 23:59 UTC", () => {
    expect(isDateTime("2016-12-31T23:59:60Z")).toBe(true);
    expect(isDateTime("2017-01-01T02:59:60+03:00")).toBe(true);
    expect(isDateTime("2016-12-31T12:30:60Z")).toBe(false);
  });

  it("accepts the documented examples and rejects what Altcraft never sends", () => {
    expect(isDateTime("2018-03-04T13:13:19.034315796Z")).toBe(true);
    expect(isDateTime("2024-08-25T08:00:00Z")).toBe(true);
    for (const text of ["2024-05-14 09:00:01", "25.08.2024", "", "2024-05-14", "1715677201", "2024-05-14T09:00Z"]) {
      expect(isDateTime(text), text).toBe(false);
    }
  });

  it("agrees with the schema's own pattern on what the pattern accepts, and is stricter only on ranges", () => {
    const pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
    const next = random(3);
    const alphabet = "0123456789-:T.Z+ ";
    for (let i = 0; i < 5000; i++) {
      const valid = validDateTime(next).replace(/t/, "T").replace(/z$/, "Z");
      // Flip one character to a random one from the date-time alphabet.
      const at = Math.floor(next() * valid.length);
      const text = valid.slice(0, at) + alphabet[Math.floor(next() * alphabet.length)] + valid.slice(at + 1);
      if (isDateTime(text)) expect(pattern.test(text), text).toBe(true);
    }
  });
});

describe("other formats", () => {
  it("date and time", () => {
    expect(isDate("2024-05-14")).toBe(true);
    expect(isDate("2024-5-14")).toBe(false);
    expect(isDate("2024-02-30")).toBe(false);
    expect(isTime("09:00:01Z")).toBe(true);
    expect(isTime("09:00:01.5+03:00")).toBe(true);
    expect(isTime("09:00:01")).toBe(false);
  });

  it("IP addresses", () => {
    for (const ok of ["10.9.0.14", "0.0.0.0", "255.255.255.255"]) expect(isIpv4(ok), ok).toBe(true);
    for (const bad of ["256.1.1.1", "10.9.0", "01.2.3.4", "1.2.3.4.5", "a.b.c.d"]) expect(isIpv4(bad), bad).toBe(false);
    for (const ok of ["::1", "::", "2001:db8::1", "fe80::1:2:3:4", "::ffff:10.9.0.14", "1:2:3:4:5:6:7:8"]) {
      expect(isIpv6(ok), ok).toBe(true);
    }
    for (const bad of ["1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "10.9.0.14", ":1", "1:2:3:4:5:6:7"]) {
      expect(isIpv6(bad), bad).toBe(false);
    }
  });

  it("email, uri, uuid", () => {
    expect(isEmail("alice@example.org")).toBe(true);
    expect(isEmail("анна@пример.рф")).toBe(true);
    expect(isEmail("alice@")).toBe(false);
    expect(isEmail("alice example.org")).toBe(false);
    expect(isUri("https://shop.example.com/sale?utm_source=altcraft")).toBe(true);
    expect(isUri("mailto:alice@example.org")).toBe(true);
    expect(isUri("/relative/path")).toBe(false);
    expect(isUri("https://exa mple.com")).toBe(false);
    expect(isUuid("123e4567-e89b-12d3-a456-426614174000")).toBe(true);
    expect(isUuid("123e4567e89b12d3a456426614174000")).toBe(false);
  });

  it("FORMATS names each check by its JSON Schema name", () => {
    expect(Object.keys(FORMATS).sort()).toEqual(["date", "date-time", "email", "ipv4", "ipv6", "time", "uri", "uuid"]);
  });
});
