/**
 * Messages that name the right thing (issue 10, class 12): a version the manifest would refuse is
 * reported at connector/app.yaml, never later at dist/manifest.json; a logo or sample that is a link or
 * a folder is said to be so, not "not found"; `--root` that is no project names the root; a missing
 * manifest key is "missing", never "found undefined"; an unknown schema keyword has its pointer; several
 * broken schemas are all reported in one run.
 */
import { mkdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { CannotRunError } from "../scripts/errors.js";
import { createAjv } from "../scripts/load/ajv.js";
import { SEMVER } from "../scripts/load/connector-app.js";
import { readManifest } from "../scripts/load/release/manifest-shape.js";
import { loadSchemas } from "../scripts/load/schemas.js";
import { unknownKeywords } from "../scripts/load/schema-keywords.js";
import { build, edit, lineOf, makeProject, removeProjects, REPO } from "./fixtures/build/project.js";
import { thrownLines } from "./fixtures/errors.js";
import { errorLines, runBin } from "./fixtures/run-bin.js";
import { tempDir } from "./fixtures/temp.js";

afterAll(removeProjects);
const dir = tempDir("messages");

/** The error lines of a build of `root` (prefix removed, warnings left out). */
async function buildErrors(root: string): Promise<{ code: number; lines: string[] }> {
  const result = await build(root, { cache: false });
  return { code: result.code, lines: errorLines(result.stderr).filter((line) => !line.startsWith("build stopped")) };
}

describe("the app version", () => {
  it("with build metadata (1.0.0-rc.1+build.5) is reported at connector/app.yaml, with the version to use", async () => {
    const root = await makeProject();
    const text = await edit(root, "connector/app.yaml", "version: 1.0.0", "version: 1.0.0-rc.1+build.5");
    const { code, lines } = await buildErrors(root);
    expect(code).toBe(2);
    expect(lines).toEqual([
      `connector/app.yaml:${lineOf(text, "version:")}:10: version "1.0.0-rc.1+build.5": build metadata ("+build.5") is not taken (the version names the package and is the app's version on Albato); use major.minor.patch with an optional pre-release, e.g. 1.0.0-rc.1`,
    ]);
  });

  it("a pre-release (1.0.0-rc.1) builds", async () => {
    const root = await makeProject();
    await edit(root, "connector/app.yaml", "version: 1.0.0", "version: 1.0.0-rc.1");
    expect((await build(root, { cache: false })).code).toBe(0);
  });

  it("every version the connector check accepts, the manifest schema accepts (property)", async () => {
    const schema = JSON.parse(await readFile(join(REPO, "schemas/manifest/app.schema.json"), "utf8")) as { properties: { version: { pattern: string } } };
    const manifestPattern = new RegExp(schema.properties.version.pattern);
    const part = fc.oneof(fc.nat({ max: 30 }).map(String), fc.constantFrom("0", "01", "rc", "alpha", "x-1", "", "beta.2"));
    const version = fc.tuple(part, part, part, fc.option(fc.array(part, { minLength: 1, maxLength: 3 })), fc.option(part)).map(
      ([a, b, c, pre, buildMeta]) => `${a}.${b}.${c}${pre ? `-${pre.join(".")}` : ""}${buildMeta !== null ? `+${buildMeta}` : ""}`,
    );
    fc.assert(
      fc.property(version, (text) => {
        if (SEMVER.test(text)) expect(manifestPattern.test(text), text).toBe(true);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});

describe("a logo or a sample that is not a plain file", () => {
  it("a logo that is a dangling link says where it points", async () => {
    const root = await makeProject();
    await rm(join(root, "connector/logo.svg"));
    await symlink("../elsewhere/logo.svg", join(root, "connector/logo.svg"));
    const app = await readFile(join(root, "connector/app.yaml"), "utf8");
    expect((await buildErrors(root)).lines).toEqual([`connector/app.yaml:${lineOf(app, "logo:")}:7: logo connector/logo.svg is a symbolic link to ../elsewhere/logo.svg, which does not exist, not a file`]);
  });

  it("a logo that is a folder says so", async () => {
    const root = await makeProject();
    await rm(join(root, "connector/logo.svg"));
    await mkdir(join(root, "connector/logo.svg"));
    const app = await readFile(join(root, "connector/app.yaml"), "utf8");
    expect((await buildErrors(root)).lines).toEqual([`connector/app.yaml:${lineOf(app, "logo:")}:7: logo connector/logo.svg is a folder, not a file`]);
  });

  it("a logo linked from outside the repository is taken (links are followed)", async () => {
    const root = await makeProject();
    const outside = join(dir, "outside-logo.svg");
    await rename(join(root, "connector/logo.svg"), outside);
    await symlink(outside, join(root, "connector/logo.svg"));
    expect((await build(root, { cache: false })).code).toBe(0);
  });

  it("a listed sample that is a file outside the repository is refused as outside, not as not found", async () => {
    const root = await makeProject();
    const outside = join(dir, "outside-sample.json");
    await writeFile(outside, await readFile(join(REPO, "schemas/samples/click/full.json")));
    const text = await edit(root, "connector/triggers.yaml", "    event_type: click\n", `    event_type: click\n    samples:\n      - ${outside}\n`);
    const { lines } = await buildErrors(root);
    expect(lines).toContain(`connector/triggers.yaml:${lineOf(text, outside)}:9: samples: expected a path inside the repository (under schemas/samples/click/), found "${outside}"`);
    expect(lines.join("\n")).not.toContain("not found");
  });

  it("a listed sample that is a dangling link says where it points", async () => {
    const root = await makeProject();
    await symlink("../../../nowhere.json", join(root, "schemas/samples/click/linked.json"));
    const text = await edit(root, "connector/triggers.yaml", "    event_type: click\n", "    event_type: click\n    samples:\n      - schemas/samples/click/full.json\n      - schemas/samples/click/historical-deleted-profile.json\n      - schemas/samples/click/linked.json\n");
    const { lines } = await buildErrors(root);
    expect(lines).toContain(`connector/triggers.yaml:${lineOf(text, "linked.json")}:9: sample schemas/samples/click/linked.json is a symbolic link to ../../../nowhere.json, which does not exist, not a file`);
  });
});

describe("--root that is not a project", () => {
  const cases: Array<[string, () => Promise<string>, string]> = [
    ["a folder that does not exist", async () => join(dir, "nowhere"), "the project folder (--root) cannot be read: no such file or directory (ENOENT)"],
    ["a file", async () => join(REPO, "package.json"), "the project folder (--root) is not a folder"],
    ["an empty folder", async () => (await mkdir(join(dir, "empty"), { recursive: true }), join(dir, "empty")), "not a project folder: it holds neither schemas/ nor connector/ (give --root the folder that does)"],
  ];
  for (const [name, root, says] of cases) {
    it(`${name}: one line naming the root, exit 2`, async () => {
      const path = await root();
      const result = await runBin(["build", "--root", path]);
      expect(result.code).toBe(2);
      expect(errorLines(result.stderr)).toEqual([`${path}: ${says}`]);
    });
  }
});

describe("a manifest with a key missing", () => {
  it("says the key is missing at its pointer, never 'found undefined' (every key of a real manifest, property)", async () => {
    const manifest = JSON.parse(await readFile(join(REPO, "test/fixtures/diff/base/manifest.json"), "utf8")) as unknown;
    const paths: string[][] = [];
    const walk = (node: unknown, path: string[]) => {
      if (typeof node !== "object" || node === null) return;
      for (const [key, child] of Object.entries(node)) {
        paths.push([...path, key]);
        if (path.length < 4) walk(child, [...path, key]);
      }
    };
    walk(manifest, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.constantFrom("delete", "null", "number"), (path, how) => {
        const copy = structuredClone(manifest) as Record<string, unknown>;
        let node = copy as Record<string, unknown>;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
        const last = path.at(-1)!;
        if (how === "delete") delete node[last];
        else node[last] = how === "null" ? null : 7;
        try {
          readManifest(copy, "m.json");
        } catch (error) {
          expect(error).toBeInstanceOf(CannotRunError);
          const line = (error as CannotRunError).lines().join("\n");
          expect(line).not.toMatch(/undefined/);
          expect(line).toMatch(/^m\.json( \/\S*| \(root\))?: /);
        }
      }),
      { numRuns: 400, seed: 14 },
    );
    expect(thrownLines(() => readManifest({ format: "albato-app-manifest/1", app: { version: "1.0.0" }, triggers: [] }, "m.json"))).toBe("m.json /app/code: missing: expected a string here");
  });
});

describe("schemas", () => {
  it("an unknown keyword is reported at its pointer, in subschemas too, data (enum, const, examples) left alone", () => {
    const schema = {
      type: "object",
      "x-open": true,
      properties: { a: { type: "string", maxLenght: 3, examples: [{ notAKeyword: 1 }] }, "not-a-keyword": { const: { tpye: 1 } } },
      items: [{ tpye: "string" }],
      allOf: [{ $defs: { d: { requird: [] } } }],
    };
    expect(unknownKeywords(schema).map((found) => `${found.pointer} ${found.message.split(" (ajv")[0]}`)).toEqual([
      '/properties/a/maxLenght unknown keyword "maxLenght" (did you mean "maxLength"?)',
      '/items/0/tpye unknown keyword "tpye" (did you mean "type"?)',
      '/allOf/0/$defs/d/requird unknown keyword "requird" (did you mean "required"?)',
    ]);
  });

  it("every unknown keyword of a real schema file, each at its pointer, and the rest of the schemas still checked (one run)", async () => {
    const root = await makeProject();
    await edit(root, "schemas/events/click.schema.json", '"type": "object"', '"type": "object", "additionalPropertes": false');
    await edit(root, "schemas/events/open.schema.json", '"type": "object"', '"type": "object",,');
    await edit(root, "schemas/events/deliv.schema.json", "../common/", "../comon/");
    const error = await loadSchemas(root).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CannotRunError);
    const lines = (error as CannotRunError).lines();
    expect(lines[0]).toMatch(/^schemas\/ has \d+ problems:$/);
    expect(lines).toContain('schemas/events/click.schema.json /additionalPropertes: unknown keyword "additionalPropertes" (did you mean "additionalProperties"?) (ajv refuses unknown keywords; annotations of our own start with "x-")');
    expect(lines.some((line) => /^schemas\/events\/open\.schema\.json:\d+:\d+: not valid JSON/.test(line))).toBe(true);
    expect(lines.some((line) => line.startsWith("schemas/events/deliv.schema.json") && line.includes("comon"))).toBe(true);
  });

  it("knows every keyword the one ajv setup knows, so no real schema is refused", async () => {
    const ajv = createAjv();
    expect(Object.keys(ajv.RULES.keywords)).toEqual(expect.arrayContaining(["title", "description", "properties", "$defs", "unevaluatedProperties"]));
    await expect(loadSchemas(REPO)).resolves.toBeDefined();
  });
});
