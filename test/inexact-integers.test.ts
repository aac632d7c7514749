/** The shared detector of integers JSON.parse cannot hold exactly: against a reference, on random JSON. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasLongDigitRun, inexactIntegers } from "../scripts/load/inexact-integers.js";
import { appendPointer } from "../scripts/runtime/pointer.js";

/** An integer literal, as text, that may or may not survive JSON.parse. */
const literal = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }))
  .map(([negative, value]) => `${negative && value !== 0n ? "-" : ""}${value}`);

/** A JSON value with big integer literals in it (as placeholders), digits in strings and keys too. */
const tree: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    literal.map((text) => ({ literal: text })),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    literal.map((text) => `id ${text} / ${text}`),
    fc.string({ maxLength: 8 }),
    fc.constantFrom(true, false, null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), literal), tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** The text of `value` (placeholders written as their literals) and the literals that come back from JSON.parse as other digits. */
function render(value: unknown, pointer: string, expected: { pointer: string; literal: string }[]): string {
  if (typeof value === "object" && value !== null && "literal" in value && Object.keys(value).length === 1) {
    const text = (value as { literal: string }).literal;
    if (String(Number(text)) !== text) expected.push({ pointer, literal: text });
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((item, index) => render(item, appendPointer(pointer, index), expected)).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const members = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${render(item, appendPointer(pointer, key), expected)}`);
    return `{${members.join(",")}}`;
  }
  return JSON.stringify(value);
}

describe("inexactIntegers", () => {
  it("names each integer literal JSON.parse changes, by pointer, and nothing in strings or keys (property)", () => {
    fc.assert(
      fc.property(tree, (value) => {
        const expected: { pointer: string; literal: string }[] = [];
        const text = render(value, "", expected);
        const found = inexactIntegers(text, JSON.parse(text)).map(({ pointer, literal }) => ({ pointer, literal }));
        expect(found).toEqual(expected);
        expect(inexactIntegers(text).map(({ pointer, literal }) => ({ pointer, literal }))).toEqual(expected);
        for (const hit of inexactIntegers(text)) expect(text.slice(hit.offset, hit.offset + hit.literal.length)).toBe(hit.literal);
      }),
      { numRuns: 1000, seed: 53 },
    );
  });

  it("finds every run of more than 15 digits, wherever it starts (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 40 }), (around, at, digits) => {
        const cut = Math.min(at, around.length);
        const text = `${around.slice(0, cut)}${"7".repeat(digits)}${around.slice(cut)}`;
        expect(hasLongDigitRun(text)).toBe(/[0-9]{16}/.test(text));
      }),
      { numRuns: 3000, seed: 16 },
    );
  });

  it("says what JSON.parse reads instead, and never throws on text that is not JSON", () => {
    expect(inexactIntegers('{"account_id": 9007199254740993}')).toEqual([
      { offset: 15, pointer: "/account_id", literal: "9007199254740993", parsed: "9007199254740992" },
    ]);
    expect(inexactIntegers('{"account_id": 9007199254740992, "phone": "79001234567890123"}')).toEqual([]);
    expect(inexactIntegers("[1e400, 12345678901234567890.5, 123456789012345678901234567890]").map((hit) => hit.pointer)).toEqual(["/2"]);
    for (const broken of ['{"a": 12345678901234567890', '"12345678901234567890', '{"a\\": 1}12345678901234567890}', "]]]]12345678901234567890[["]) {
      expect(() => inexactIntegers(broken)).not.toThrow();
    }
  });
});
