/** The `diff` command end to end: real zips and files, the real CLI in a child process. */
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./fixtures/temp.js";
import { BASE, baseFiles, caseFiles, listCases, writeZip } from "./fixtures/diff/fixture.js";

const root = join(import.meta.dirname, "..");
const cli = join(root, "dist/scripts/cli.js");
const run = promisify(execFile);
const dir = tempDir("diff-cli");
const path = (name: string) => join(dir, name);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function diff(...args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, "diff", ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  const removed = listCases().find((c) => c.name === "field-removed")!;
  await writeZip(baseFiles(), path("old.zip"));
  await writeZip(baseFiles(), path("same.zip"));
  await writeZip(caseFiles(removed), path("field-removed.zip"));
  // A package whose files sit in one top folder, as some zip tools write them.
  await writeZip(new Map([...baseFiles()].map(([name, bytes]) => [`altcraft-albato/${name}`, bytes])), path("nested.zip"));
  await writeZip(new Map([["README.md", Buffer.from("hello")]]), path("no-manifest.zip"));
  writeFileSync(path("garbage.zip"), Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 7)]));
  writeFileSync(path("notes.txt"), "these are notes, not a package\n");
  writeFileSync(path("other-format.json"), JSON.stringify({ format: "albato-app-manifest/2", app: {} }));
  writeFileSync(path("no-format.json"), JSON.stringify({ name: "something else" }));
  writeFileSync(path("broken.json"), '{\n  "format": "albato-app-manifest/1",\n  "app": {,\n}');
  const bad = JSON.parse(baseFiles().get("manifest.json")!.toString());
  bad.triggers[1].fields = "none";
  writeFileSync(path("bad-shape.json"), JSON.stringify(bad));
  mkdirSync(path("bare"));
  copyFileSync(join(BASE, "manifest.json"), path("bare/manifest.json"));
  // dist/ layout: manifest.json beside the package zip build writes.
  mkdirSync(path("dist"));
  copyFileSync(join(BASE, "manifest.json"), path("dist/manifest.json"));
  copyFileSync(path("old.zip"), path("dist/altcraft-albato-1.4.2.zip"));
}, 120_000);

describe("diff CLI", () => {
  it("reports nothing and exits 0 for a package against itself", async () => {
    const result = await diff(path("old.zip"), path("same.zip"));
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("No changes for Albato users.");
  });

  it("exits 1 on a breaking change and explains it", async () => {
    const result = await diff(path("old.zip"), path("field-removed.zip"));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("BREAKING (1)");
    expect(result.stdout).toContain("[field-removed] field linkUrl");
    expect(result.stdout).toContain("recommended bump: major");
  });

  it("prints exactly one JSON document with --json", async () => {
    const result = await diff(path("old.zip"), path("field-removed.zip"), "--json");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report).slice(0, 3)).toEqual(["breaking", "safe", "recommendedBump"]);
    expect(report.breaking).toEqual([
      expect.objectContaining({ trigger: "emailClicked", field: "data.event_data.link_url", class: "field-removed" }),
    ]);
    expect(report.recommendedBump).toBe("major");
    expect(result.stderr).toBe("");
  });

  it("reads a package whose files sit in one top folder", async () => {
    expect((await diff(path("nested.zip"), path("old.zip"))).code).toBe(0);
  });

  it("reads a manifest with its schemas beside it, in a folder or in the package zip", async () => {
    for (const manifest of [join(BASE, "manifest.json"), path("dist/manifest.json")]) {
      const result = await diff(manifest, path("field-removed.zip"), "--json");
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout).notes).toEqual([]);
    }
  });

  it("compares a bare manifest and says payloads were not compared", async () => {
    const result = await diff(path("bare/manifest.json"), path("old.zip"));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Note: payload shapes not compared: ${path("bare/manifest.json")} carries no samples`);
  });

  const unreadable: Array<[string, () => string, RegExp]> = [
    ["a text file", () => path("notes.txt"), /notes\.txt: not a package \(zip\) or a manifest \(JSON\)$/],
    ["a zip without manifest.json", () => path("no-manifest.zip"), /no-manifest\.zip: zip has no manifest\.json at its root/],
    ["a broken zip", () => path("garbage.zip"), /garbage\.zip: not a readable zip: /],
    ["a manifest of another format", () => path("other-format.json"), /other-format\.json \/format: manifest format "albato-app-manifest\/2" is not supported; this tool reads "albato-app-manifest\/1"$/],
    ["JSON that is not a manifest", () => path("no-format.json"), /no-format\.json: not an Albato app manifest \(no "format"/],
    ["malformed JSON", () => path("broken.json"), /broken\.json:3:11: not valid JSON/],
    ["a manifest of the wrong shape", () => path("bad-shape.json"), /bad-shape\.json \/triggers\/1\/fields: expected an array, found string$/],
    ["a folder", () => dir, /is a folder; give a package zip, a manifest\.json or a git ref$/],
    ["an unknown git ref", () => "no-such-ref-4f1c", /"no-such-ref-4f1c" is neither a file nor a git ref of the repository at /],
  ];
  for (const [what, side, message] of unreadable) {
    it(`exits 2 with one line for ${what}, on either side`, async () => {
      for (const args of [[side(), path("old.zip")], [path("old.zip"), side()]]) {
        const result = await diff(...args);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe("");
        const lines = result.stderr.trimEnd().split("\n");
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^altcraft-albato: /);
        expect(lines[0]).toMatch(message);
      }
    });
  }

  it("exits 2 on a missing argument", async () => {
    expect((await diff(path("old.zip"))).code).toBe(2);
  });
});
