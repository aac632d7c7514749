import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./fixtures/temp.js";
import { findPackage, packageRoot } from "../scripts/package-root.js";

describe("findPackage", () => {
  it("finds this repository from its own module", () => {
    const root = join(import.meta.dirname, "..");
    const { version, dependencies } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string; dependencies: Record<string, string> };
    expect(findPackage()).toEqual({ root, version, dependencies });
    expect(findPackage().dependencies["json-schema-to-typescript"]).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("walks past another package's package.json (e.g. an installing project's) to ours", () => {
    const top = tempDir("package-root");
    writeFileSync(join(top, "package.json"), JSON.stringify({ name: "altcraft-albato", version: "9.8.7" }));
    mkdirSync(join(top, "dist", "bin"), { recursive: true });
    writeFileSync(join(top, "dist", "package.json"), JSON.stringify({ name: "something-else" }));
    expect(findPackage(join(top, "dist", "bin", "cli.js"))).toEqual({ root: top, version: "9.8.7", dependencies: {} });
    expect(packageRoot(join(top, "dist", "bin", "cli.js"))).toBe(top);
  });

  it("says so when there is no altcraft-albato package above", () => {
    const lone = tempDir("no-package");
    expect(() => findPackage(join(lone, "x.js"))).toThrow(/no altcraft-albato package\.json above/);
  });
});
