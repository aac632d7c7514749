/**
 * `build` as `npm run build` runs it: the bundled bin, in its own package, building that package's
 * schemas and connector into the dist/ the bin itself lives in. The cache must still see every output
 * there (it once took all of dist/ for toolchain code and missed a deleted manifest), and committed types
 * with a current stamp are kept without loading json-schema-to-typescript (not installed here).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toolchainDir } from "../scripts/build/toolchain.js";
import { root as REPO } from "./fixtures/validate/build.js";

let pkg: string;

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [join(pkg, "dist/bin/altcraft-albato.cjs"), ...args], { cwd: pkg, encoding: "utf8" });
}

beforeAll(() => {
  pkg = mkdtempSync(join(tmpdir(), "build-bundle-"));
  for (const path of ["package.json", "schemas", "connector", "scripts/generated", "dist/bin"]) {
    cpSync(join(REPO, path), join(pkg, path), { recursive: true });
  }
  // The packages, linked one by one: the cache under node_modules/.cache must be this package's own.
  // json-schema-to-typescript is left out: with the committed types current, a build must not need it.
  mkdirSync(join(pkg, "node_modules"));
  for (const name of readdirSync(join(REPO, "node_modules"))) {
    if (name !== ".cache" && name !== "json-schema-to-typescript") symlinkSync(join(REPO, "node_modules", name), join(pkg, "node_modules", name), "dir");
  }
});

afterAll(() => rmSync(pkg, { recursive: true, force: true }));

describe("the bundled bin building its own package", () => {
  it("builds without json-schema-to-typescript, and rebuilds a deleted manifest instead of calling the build up to date", () => {
    const first = run("build");
    expect(first.status, first.stderr).toBe(0);
    const again = run("build");
    expect(again.stdout).toContain("Nothing changed since the last build");
    rmSync(join(pkg, "dist/manifest.json"));
    const after = run("build");
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).not.toContain("Nothing changed");
    expect(existsSync(join(pkg, "dist/manifest.json"))).toBe(true);
  }, 120_000);
});

describe("the cache's idea of the toolchain, in the bundle", () => {
  it("is the entry's text and the chunks' hashed names: a new bundle rebuilds, an unchanged one does not", () => {
    expect(run("build").status).toBe(0);
    expect(run("build").stdout).toContain("Nothing changed since the last build");
    const entry = join(pkg, "dist/bin/altcraft-albato.cjs");
    writeFileSync(entry, `${readFileSync(entry, "utf8")}// a new build\n`);
    const after = run("build");
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).not.toContain("Nothing changed");
    // A chunk under a new hashed name, as a rebuild that changed it would write it.
    const bin = join(pkg, "dist/bin");
    const chunk = readdirSync(bin).find((name) => name.startsWith("pipeline-"))!;
    const renamedChunk = chunk.replace(/-[^-]+\.cjs$/, "-Zz0Zz0Zz.cjs");
    renameSync(join(bin, chunk), join(bin, renamedChunk));
    for (const name of readdirSync(bin)) writeFileSync(join(bin, name), readFileSync(join(bin, name), "utf8").replaceAll(chunk, renamedChunk));
    const renamed = run("build");
    expect(renamed.status, renamed.stderr).toBe(0);
    expect(renamed.stdout).not.toContain("Nothing changed");
  }, 120_000);
});

describe("toolchainDir", () => {
  it("is scripts/ above build/ for compiled or source modules, and the bundle's own folder for a chunk", () => {
    expect(toolchainDir("/p/dist/scripts/build/")).toBe("/p/dist/scripts");
    expect(toolchainDir("/p/scripts/build")).toBe("/p/scripts");
    expect(toolchainDir("/p/dist/bin/")).toBe("/p/dist/bin/");
  });
});
