/** json-schema-to-typescript loaded without Prettier (derive/ts-compiler.ts), and Prettier left intact for others. */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { loadCompile } from "../scripts/derive/ts-compiler.js";

const requireHere = createRequire(import.meta.url);
const prettierPath = createRequire(requireHere.resolve("json-schema-to-typescript")).resolve("prettier");

describe("loadCompile", () => {
  it("compiles without loading Prettier, and leaves no stand-in behind", async () => {
    const compile = loadCompile();
    expect(requireHere.cache[prettierPath]).toBeUndefined();
    const text = await compile({ type: "object", properties: { a: { type: "string" } }, required: ["a"] }, "Thing", {
      bannerComment: "",
      format: false,
    });
    expect(text).toContain("export interface Thing {");
    expect(text).toMatch(/^a: string$/m);
  });

  it("still gives the real Prettier to whoever requires it afterwards", () => {
    loadCompile();
    const prettier = requireHere(prettierPath) as { format: unknown; version: unknown };
    expect(typeof prettier.format).toBe("function");
    expect(typeof prettier.version).toBe("string");
  });

  it("refuses to format: json-schema-to-typescript must be called with format: false", async () => {
    // A fresh copy of the library, loaded now with the stand-in, as the build loads it.
    for (const key of Object.keys(requireHere.cache)) if (key.includes("json-schema-to-typescript")) delete requireHere.cache[key];
    const cached = requireHere.cache[prettierPath];
    delete requireHere.cache[prettierPath];
    try {
      const compile = loadCompile();
      await expect(compile({ type: "string" }, "Text", { bannerComment: "", format: true })).rejects.toThrow(/format: false/);
    } finally {
      if (cached) requireHere.cache[prettierPath] = cached;
    }
  });
});
