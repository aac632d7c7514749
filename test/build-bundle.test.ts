/**
 * `build` as `npm run build` runs it: the bundled bin, in its own package, building that package's
 * schemas and connector into the dist/ the bin itself lives in. It writes only its declared outputs (the
 * toolchain and every other source stay byte for byte as they were), it needs no type generator, and its
 * build record sees every output there and every new toolchain build.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walkFiles } from "../scripts/load/walk.js";
import { sha256 } from "../scripts/hash.js";
import { root as REPO } from "./fixtures/validate/build.js";

let pkg: string;

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [join(pkg, "dist/bin/altcraft-albato.cjs"), ...args], { cwd: pkg, encoding: "utf8" });
}

/** Path → SHA-256 of every file under the given folders of the package. */
function tree(...dirs: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const dir of dirs) {
    for (const file of walkFiles(join(pkg, dir)).files) files[relative(pkg, file)] = sha256(readFileSync(file));
  }
  return files;
}

beforeAll(() => {
  pkg = mkdtempSync(join(tmpdir(), "build-bundle-"));
  for (const path of ["package.json", "package-lock.json", "schemas", "connector", "scripts", "dist/bin", "dist/scripts", "dist/generated"]) {
    cpSync(join(REPO, path), join(pkg, path), { recursive: true });
  }
  // The packages, linked one by one: the record under node_modules/.cache must be this package's own.
  // json-schema-to-typescript is left out: only the generate step and `build --check` need it.
  mkdirSync(join(pkg, "node_modules"));
  for (const name of readdirSync(join(REPO, "node_modules"))) {
    if (name !== ".cache" && name !== "json-schema-to-typescript") symlinkSync(join(REPO, "node_modules", name), join(pkg, "node_modules", name), "dir");
  }
});

afterAll(() => rmSync(pkg, { recursive: true, force: true }));

describe("the bundled bin building its own package", () => {
  it("is a program, as package.json's bin: `npx altcraft-albato` runs it in a checkout", () => {
    const bin = (JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")) as { bin: Record<string, string> }).bin["altcraft-albato"]!;
    expect(statSync(join(pkg, bin)).mode & 0o111).toBe(0o111);
    const npx = spawnSync("npx", ["--no-install", "altcraft-albato", "--version"], { cwd: pkg, encoding: "utf8" });
    expect(npx.stderr).toBe("");
    expect(npx.stdout.trim()).toBe(JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version);
    expect(npx.status).toBe(0);
  });

  it("writes only dist/'s app outputs: the toolchain, the generated code and the sources stay byte for byte", () => {
    const before = tree("dist/bin", "dist/scripts", "dist/generated", "scripts", "schemas", "connector");
    const first = run("build", "--no-cache");
    expect(first.status, first.stderr).toBe(0);
    expect(tree("dist/bin", "dist/scripts", "dist/generated", "scripts", "schemas", "connector")).toEqual(before);
    expect(existsSync(join(pkg, "dist/manifest.json"))).toBe(true);
  }, 120_000);

  it("rebuilds a deleted manifest instead of calling the build up to date", () => {
    expect(run("build").status).toBe(0);
    expect(run("build").stdout).toContain("Nothing changed since the last build");
    rmSync(join(pkg, "dist/manifest.json"));
    const after = run("build");
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).not.toContain("Nothing changed");
    expect(existsSync(join(pkg, "dist/manifest.json"))).toBe(true);
  }, 120_000);

  it("builds again after a new toolchain build, and only then", () => {
    expect(run("build").stdout).toContain("Nothing changed since the last build");
    // A new bundle, as `npm run build` writes it (every file rewritten).
    rmSync(join(pkg, "dist/bin"), { recursive: true });
    cpSync(join(REPO, "dist/bin"), join(pkg, "dist/bin"), { recursive: true });
    const after = run("build");
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).not.toContain("Nothing changed");
    expect(run("build").stdout).toContain("Nothing changed since the last build");
  }, 120_000);

  it("needs the type generator for --check only, and says so when it is missing", () => {
    const checked = run("build", "--check");
    expect(checked.status).toBe(2);
    expect(checked.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
