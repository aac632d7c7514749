/**
 * `build --baseline <old>`: the release gate. A version number smaller than the changes since the baseline
 * call for is refused (exit 1, nothing written); a big enough one builds.
 */
import { existsSync } from "node:fs";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readZip } from "../scripts/load/zip.js";
import { build, edit, makeProject, removeProjects, snapshot } from "./fixtures/build/project.js";

let releases: string;
let baselineZip: string;

beforeAll(async () => {
  releases = await mkdtemp(join(tmpdir(), "baseline-"));
  const root = await makeProject();
  const first = await build(root);
  expect(first.code, first.stderr).toBe(0);
  baselineZip = join(releases, "altcraft-albato-1.0.0.zip");
  await copyFile(join(root, "dist/altcraft-albato-1.0.0.zip"), baselineZip);
});

afterAll(async () => {
  await removeProjects();
  await rm(releases, { recursive: true, force: true });
});

/** A project whose profile data no longer declares `_bdate`: every trigger loses a field, a breaking change. */
async function projectWithoutBirthDate(version: string): Promise<string> {
  const root = await makeProject();
  const file = join(root, "schemas/common/custom-data.schema.json");
  const schema = JSON.parse(await readFile(file, "utf8")) as { properties: Record<string, unknown> };
  expect(schema.properties._bdate).toBeDefined();
  delete schema.properties._bdate;
  await writeFile(file, `${JSON.stringify(schema, null, 2)}\n`);
  await edit(root, "connector/app.yaml", "version: 1.0.0", `version: ${version}`);
  return root;
}

describe("build --baseline", () => {
  it("accepts an unchanged app at the same version", async () => {
    const root = await makeProject();
    const result = await build(root, { baseline: baselineZip });
    expect(result.code, result.stderr).toBe(0);
  });

  it("refuses a minor bump for a breaking change, names the minimum version, and writes nothing", async () => {
    const root = await projectWithoutBirthDate("1.1.0");
    const before = await snapshot(root);
    const result = await build(root, { baseline: baselineZip });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/connector\/app\.yaml.*version 1\.1\.0 is too small: .*major bump, so at least 2\.0\.0/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await snapshot(root)).toEqual(before);
  });

  it("builds the same change once the version says major, with change-only guides in dist/ and the package", async () => {
    const root = await projectWithoutBirthDate("2.0.0");
    const result = await build(root, { baseline: baselineZip });
    expect(result.code, result.stderr).toBe(0);
    const en = await readFile(join(root, "dist/SETUP.changes.en.md"), "utf8");
    expect(en).toContain("changes from 1.0.0 to 2.0.0");
    // Every trigger with the birth date loses that field: one delete step each, and nothing else.
    const steps = en.split("\n").filter((line) => line.startsWith("- [ ] **"));
    expect(steps.length).toBeGreaterThan(10);
    for (const step of steps) expect(step).toContain("delete the field customDataBdate");
    expect(await readFile(join(root, "dist/SETUP.changes.ru.md"), "utf8")).toContain("удалите поле customDataBdate");
    const assistant = await readFile(join(root, "dist/setup.html"), "utf8");
    expect(assistant).toContain('data-set-view="changes"');
    expect(assistant).toContain("Changes since 1.0.0");
    const entries = await readZip(await readFile(join(root, "dist/altcraft-albato-2.0.0.zip")), "package");
    const names = entries.map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(["SETUP.changes.en.md", "SETUP.changes.ru.md", "setup.html"]));
    expect(entries.find((entry) => entry.name === "SETUP.changes.en.md")!.data.toString()).toBe(en);
  });

  it("without a baseline, writes no change-only guide", async () => {
    const root = await makeProject();
    expect((await build(root)).code).toBe(0);
    expect(existsSync(join(root, "dist/SETUP.changes.en.md"))).toBe(false);
    expect(await readFile(join(root, "dist/setup.html"), "utf8")).not.toContain('data-set-view="changes"');
  });

  it("exits 2 with one line when the baseline cannot be read, and writes nothing", async () => {
    const root = await makeProject();
    const result = await build(root, { baseline: join(releases, "missing.zip") });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n").filter((line) => !line.includes("warning:"))).toEqual([
      expect.stringMatching(/^altcraft-albato: .*missing\.zip.*is neither a file nor a git ref/),
    ]);
    expect(existsSync(join(root, "dist"))).toBe(false);
  });
});
