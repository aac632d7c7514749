import { describe, expect, it } from "vitest";
import { indentDeclarations } from "../scripts/derive/types.js";

describe("indentDeclarations", () => {
  it("indents members by brace depth, ends statements with semicolons, keeps doc comments aligned and separates declarations", () => {
    const raw = [
      "/**",
      " * An event.",
      " */",
      "export interface A {",
      "/**",
      " * Nested.",
      " */",
      "b?: {",
      "c: number",
      "}",
      "}",
      "export interface D {",
      "e: string",
      "}",
    ].join("\n");
    expect(indentDeclarations(raw)).toBe(
      [
        "/**",
        " * An event.",
        " */",
        "export interface A {",
        "  /**",
        "   * Nested.",
        "   */",
        "  b?: {",
        "    c: number;",
        "  };",
        "}",
        "",
        "export interface D {",
        "  e: string;",
        "}",
      ].join("\n"),
    );
  });

  it("puts one member of a top-level union per line", () => {
    expect(indentDeclarations("export type U = (A | B | C)\nexport interface A {\n}")).toBe(
      "export type U =\n  | A\n  | B\n  | C;\n\nexport interface A {\n}",
    );
  });

  it("drops the parentheses around a member's whole type, and only those", () => {
    expect(indentDeclarations("export interface A {\nx?: (string | null)\ny: (A | B)[]\nz: (A | (B & C))\n}")).toBe(
      "export interface A {\n  x?: string | null;\n  y: (A | B)[];\n  z: A | (B & C);\n}",
    );
    expect(indentDeclarations("export interface A {\nw: (A | B) | (C | D)\n}")).toBe("export interface A {\n  w: (A | B) | (C | D);\n}");
  });
});
