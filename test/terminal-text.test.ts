/** Text from input on a terminal: every control, separator and bidi override escaped, all else untouched. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { terminalSafe } from "../scripts/write/terminal-text.js";

const UNSAFE = (code: number): boolean =>
  code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);

describe("terminalSafe", () => {
  it("escapes what a terminal acts on", () => {
    expect(terminalSafe("\u001b]0;pwned\u0007\u001b[2J")).toBe("\\x1b]0;pwned\\x07\\x1b[2J");
    expect(terminalSafe("a\nb\r\tc")).toBe("a\\nb\\r\\tc");
    expect(terminalSafe("\u009b31m \u202eabc \u2066x\u2069 \u2028")).toBe("\\x9b31m \\u202eabc \\u2066x\\u2069 \\u2028");
  });

  it("leaves ordinary text alone, Cyrillic and emoji included", () => {
    for (const text of ["click", "Клик по ссылке", "a\\b", "€ 😀 ✓", ""]) expect(terminalSafe(text)).toBe(text);
  });

  it("never lets an unsafe character through, and changes nothing else (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const safe = terminalSafe(text);
        for (let i = 0; i < safe.length; i++) expect(UNSAFE(safe.charCodeAt(i))).toBe(false);
        // Removing the escapes of the unsafe characters gives back the input's safe characters.
        const kept = [...text].filter((char) => !UNSAFE(char.charCodeAt(0))).join("");
        expect(safe.replace(/\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\[nrt]/g, "")).toBe(kept.replace(/\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\[nrt]/g, ""));
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
