/**
 * The type conversion of `simulate`: each Albato type with ordinary and odd inputs, RFC 3339 date-times
 * against an oracle built from their parts, mapping paths, and (fast-check) that no input makes the
 * converter throw or return a value of another JS type than its field's.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AlbatoScalarType } from "../scripts/model/manifest.js";
import { convertFound, convertScalar, isEmpty, rfc3339ToUtc, type Conversion } from "../scripts/simulate/convert.js";
import { findAtPath, parseMappingPath, type MappingPath } from "../scripts/simulate/mapping-path.js";

const SCALARS: AlbatoScalarType[] = ["String", "Int", "Decimal", "Boolean", "DateTime", "Phone"];

function path(text: string): MappingPath {
  const parsed = parseMappingPath(text);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed;
}

const field = (type: string, pathText: string, separator = ", "): Conversion & { path: MappingPath } => {
  const array = type.endsWith("Array");
  return { scalar: (array ? type.slice(0, -5) : type) as AlbatoScalarType, array, separator, path: path(pathText) };
};

const valueOf = (type: string, pathText: string, data: unknown, separator?: string) => {
  const f = field(type, pathText, separator);
  return convertFound(f, findAtPath(data, f.path));
};

describe("scalar conversions", () => {
  const cases: [AlbatoScalarType, unknown, unknown][] = [
    ["String", "https://shop.example.com/sale", "https://shop.example.com/sale"],
    ["String", "", ""],
    ["String", "Санкт-Петербург", "Санкт-Петербург"],
    ["String", 23, null],
    ["String", true, null],
    ["String", null, null],
    ["String", undefined, null],
    ["String", { a: 1 }, null],
    ["String", ["a"], null],
    ["Int", 111, 111],
    ["Int", 0, 0],
    ["Int", -7, -7],
    ["Int", 1.5, null],
    ["Int", "23", null],
    ["Int", 2 ** 60, null],
    ["Int", Number.NaN, null],
    ["Int", false, null],
    ["Decimal", 51.5085, 51.5085],
    ["Decimal", -0.1257, -0.1257],
    ["Decimal", 55, 55],
    ["Decimal", "55.7", null],
    ["Decimal", Number.POSITIVE_INFINITY, null],
    ["Decimal", null, null],
    ["Boolean", false, false],
    ["Boolean", true, true],
    ["Boolean", "true", null],
    ["Boolean", 1, null],
    ["Boolean", 0, null],
    ["Phone", "+447700900123", "+447700900123"],
    ["Phone", "8 (999) 123-45-67", "8 (999) 123-45-67"],
    ["Phone", 79991234567, null],
    ["DateTime", "2024-07-02T02:52:56Z", "2024-07-02T02:52:56.000Z"],
    ["DateTime", "2024-03-19T00:54:42.867808163Z", "2024-03-19T00:54:42.867Z"],
    ["DateTime", "2024-03-19T00:54:42.9999999Z", "2024-03-19T00:54:42.999Z"],
    ["DateTime", "2024-03-19T00:54:42.5Z", "2024-03-19T00:54:42.500Z"],
    ["DateTime", "2024-04-08T11:13:29.149194240+03:00", "2024-04-08T08:13:29.149Z"],
    ["DateTime", "2024-01-01T01:00:00-05:30", "2024-01-01T06:30:00.000Z"],
    ["DateTime", "2024-01-01T01:00:00+03:00", "2023-12-31T22:00:00.000Z"],
    ["DateTime", "2024-02-29T23:59:59.999+00:00", "2024-02-29T23:59:59.999Z"],
    ["DateTime", "2024-07-02t02:52:56z", "2024-07-02T02:52:56.000Z"],
    ["DateTime", "2016-12-31T23:59:60Z", "2017-01-01T00:00:00.000Z"],
    ["DateTime", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z"],
    ["DateTime", "0050-06-01T00:00:00Z", "0050-06-01T00:00:00.000Z"],
    ["DateTime", "9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z"],
    ["DateTime", "2024-07-02T02:52:56.1234567890Z", null],
    ["DateTime", "2024-07-02T02:52:56", null],
    ["DateTime", "2024-07-02 02:52:56Z", null],
    ["DateTime", "2024-07-02T02:52:56+0300", null],
    ["DateTime", "2024-13-14T12:13:19Z", null],
    ["DateTime", "2023-02-29T12:00:00Z", null],
    ["DateTime", "2024-07-02", null],
    ["DateTime", "31.08.2024", null],
    ["DateTime", "", null],
    ["DateTime", 1719888776000, null],
  ];
  it.each(cases)("%s of %j → %j", (type, input, output) => {
    expect(convertScalar(type, input)).toStrictEqual(output);
  });

  it("counts null and empty text as empty, and nothing else", () => {
    expect([null, "", 0, false, " ", "x"].map((value) => isEmpty(value))).toEqual([true, true, false, false, false, false]);
  });
});

describe("RFC 3339 date-times against an oracle built from their parts (property)", () => {
  const parts = fc.record({
    instant: fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9000, 0, 1) }),
    fraction: fc.stringMatching(/^\d{0,9}$/),
    offset: fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
    zulu: fc.boolean(),
  });
  it("gives the instant the text names, with the fraction cut to milliseconds, in UTC", () => {
    fc.assert(
      fc.property(parts, ({ instant, fraction, offset, zulu }) => {
        const minutes = zulu ? 0 : offset;
        // The wall-clock time at that offset, to the second, then the fraction digits and the offset.
        const wall = new Date(Math.floor(instant / 1000) * 1000 + minutes * 60_000).toISOString().slice(0, 19);
        const sign = minutes < 0 ? "-" : "+";
        const zone = zulu ? "Z" : `${sign}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0")}:${String(Math.abs(minutes) % 60).padStart(2, "0")}`;
        const text = `${wall}${fraction === "" ? "" : `.${fraction}`}${zone}`;
        const milliseconds = Number(fraction.padEnd(3, "0").slice(0, 3));
        const expected = new Date(Math.floor(instant / 1000) * 1000 + milliseconds).toISOString();
        expect(rfc3339ToUtc(text)).toBe(expected);
      }),
      { numRuns: 1000, seed: 4 },
    );
  });
});

describe("array fields", () => {
  const event = {
    subscription: [
      { channel: "email", email: "a@example.org", priority: 1, weight: 0.5, active: true },
      { channel: "sms", phone: "+79991234567", priority: 2, weight: "heavy", active: false },
      { channel: "push", priority: 2.5 },
      "not an object",
      { channel: "" },
    ],
    custom_data: { phones: ["+7999", 7999, null, "+7888"], visits: ["2024-01-01T03:00:00+03:00", "yesterday"], lone: "+7999" },
  };
  it("joins the values of every element, in order, leaving out absent, empty and wrong-typed ones", () => {
    expect(valueOf("StringArray", "data.subscription[].channel", event)).toBe("email, sms, push");
    expect(valueOf("StringArray", "data.subscription[].email", event)).toBe("a@example.org");
    expect(valueOf("IntArray", "data.subscription[].priority", event)).toBe("1, 2");
    expect(valueOf("DecimalArray", "data.subscription[].weight", event)).toBe("0.5");
    expect(valueOf("BooleanArray", "data.subscription[].active", event)).toBe("true, false");
    expect(valueOf("PhoneArray", "data.custom_data.phones", event)).toBe("+7999, +7888");
    expect(valueOf("DateTimeArray", "data.custom_data.visits", event)).toBe("2024-01-01T00:00:00.000Z");
  });

  it("uses the field's separator", () => {
    expect(valueOf("StringArray", "data.subscription[].channel", event, " | ")).toBe("email | sms | push");
    expect(valueOf("StringArray", "data.subscription[].channel", event, "")).toBe("emailsmspush");
  });

  it("is empty when nothing usable is left, the path is missing, or the value is not an array", () => {
    expect(valueOf("StringArray", "data.subscription[].provider", event)).toBeNull();
    expect(valueOf("StringArray", "data.nothing[].channel", event)).toBeNull();
    expect(valueOf("StringArray", "data.custom_data[].phones", event)).toBeNull();
    expect(valueOf("PhoneArray", "data.custom_data.lone", event)).toBeNull();
    expect(valueOf("PhoneArray", "data.custom_data.phones", { custom_data: { phones: [] } })).toBeNull();
  });

  it("collects through nested arrays", () => {
    const nested = { orders: [{ items: [{ sku: "a" }, { sku: "b" }] }, { items: [] }, { items: [{ sku: "c" }] }] };
    expect(valueOf("StringArray", "data.orders[].items[].sku", nested)).toBe("a, b, c");
  });

  it("gives a field of one value nothing from an array", () => {
    expect(valueOf("String", "data.custom_data.phones", event)).toBeNull();
    expect(valueOf("String", "data.subscription", event)).toBeNull();
  });
});

describe("mapping paths", () => {
  it("reads data.-prefixed dotted keys, with [] for every element", () => {
    expect(path("data.subscription[].channel").steps).toEqual([
      { key: "subscription", each: true },
      { key: "channel", each: false },
    ]);
    expect(path("data._xxh").steps).toEqual([{ key: "_xxh", each: false }]);
  });

  it.each(["headers.x-token", "event_type", "data.", "data.a..b", "data.a[0]", "data.a []", "data.a[]b", "data"])("refuses %j", (text) => {
    expect(parseMappingPath(text)).toHaveProperty("error");
  });

  it("reads own keys only, never the prototype's", () => {
    expect(findAtPath({}, path("data.constructor"))).toEqual({ kind: "one", value: undefined });
    expect(findAtPath({ a: "x" }, path("data.a.length"))).toEqual({ kind: "one", value: undefined });
    expect(findAtPath(["x"], path("data.0"))).toEqual({ kind: "one", value: undefined });
  });
});

describe("the converter never throws and returns its field's JS type or null (property)", () => {
  const TYPES = SCALARS.flatMap((scalar) => [scalar, `${scalar}Array`]);
  // Years past 9999 or before 0000 (an offset can move 0000-01-01 back a day) take ISO 8601's expanded form.
  const ISO = /^(\d{4}|[+-]\d{6})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
  // Values shaped like events (keys the paths use) and anything else JSON (or JS) can hold.
  const value = fc.oneof(
    fc.jsonValue(),
    fc.anything(),
    fc.constantFrom("2024-04-08T11:13:29.149194240+03:00", "2016-12-31T23:59:60Z", "+79991234567", "", "0000-01-01T00:00:00+23:59"),
    fc.double(),
    fc.array(fc.oneof(fc.jsonValue(), fc.constantFrom("2024-01-01T00:00:00Z", "+7999"))),
  );
  const event = fc.record({ a: fc.oneof(value, fc.array(fc.record({ b: value }))), b: value });

  it("for every type, on whatever the event holds", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.constantFrom("data.a", "data.b", "data.a[].b", "data.a.b"), event, fc.string(), (type, pathText, data, separator) => {
        const f = field(type, pathText, separator);
        if (f.path.steps.some((step) => step.each) && !f.array) return; // planTriggers refuses these
        const result = convertFound(f, findAtPath(data, f.path));
        if (result === null) return;
        if (f.array || f.scalar === "String" || f.scalar === "Phone") expect(typeof result).toBe("string");
        else if (f.scalar === "DateTime") expect(result).toMatch(ISO);
        else if (f.scalar === "Int") expect(Number.isSafeInteger(result)).toBe(true);
        else if (f.scalar === "Decimal") expect(Number.isFinite(result)).toBe(true);
        else expect(typeof result).toBe("boolean");
        if (f.array) expect(result).not.toBe("");
      }),
      { numRuns: 3000, seed: 20 },
    );
  });

  it("for every scalar type, on any single value", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCALARS), value, (type, input) => {
        const result = convertScalar(type, input);
        const jsType = { String: "string", Phone: "string", DateTime: "string", Int: "number", Decimal: "number", Boolean: "boolean" }[type];
        if (result !== null) expect(typeof result).toBe(jsType);
      }),
      { numRuns: 3000, seed: 21 },
    );
  });
});
