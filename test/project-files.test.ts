/**
 * The loaders' file access (load/project-files.ts): the bytes a build already read answer exactly as the
 * disk does for the folders they cover, and anything else goes to the disk.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { INPUT_DIRS, readInputs } from "../scripts/pipeline/inputs.js";
import { diskFiles, memoryFiles, type ProjectFiles } from "../scripts/load/project-files.js";

const root = mkdtempSync(join(tmpdir(), "project-files-"));
const TREE = [
  "schemas/events/click.schema.json",
  "schemas/samples/click/full.json",
  "schemas/samples/click/minimal.json",
  "schemas/samples/click/nested/deeper.json",
  "schemas/samples/click/.hidden.json",
  "connector/app.yaml",
  "connector/locales/en.yaml",
  "assets/logo.svg",
];
for (const path of TREE) {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), `content of ${path}`);
}
mkdirSync(join(root, "schemas/empty"), { recursive: true });

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function answers(files: ProjectFiles): Promise<unknown[]> {
  const paths = [...TREE.filter((path) => !path.includes("/.")), "schemas/missing.json", "connector/nope.yaml", "assets/none.svg", "schemas/samples/click"];
  const dirs = ["schemas", "schemas/samples/click", "schemas/samples/click/nested", "schemas/samples/absent", "connector/locales", "assets"];
  return [
    ...(await Promise.all(paths.map(async (path) => [path, (await files.read(path))?.toString(), await files.isFile(path)]))),
    ...(await Promise.all(dirs.map(async (dir) => [dir, await files.filesIn(dir), await files.filesUnder(dir)]))),
  ];
}

describe("memoryFiles", () => {
  it("answers as the disk does, from the build's inputs for schemas/ and connector/ and from the disk elsewhere", async () => {
    const disk = diskFiles(root);
    const inputs = readInputs(root);
    expect([...inputs.keys()].some((path) => path.startsWith("assets/"))).toBe(false);
    expect(await answers(memoryFiles(inputs, INPUT_DIRS, disk))).toEqual(await answers(disk));
  });

  it("reads covered folders from memory only: a file added to the disk afterwards is not there", async () => {
    const files = memoryFiles(readInputs(root), INPUT_DIRS, diskFiles(root));
    writeFileSync(join(root, "schemas/late.json"), "{}");
    expect(await files.isFile("schemas/late.json")).toBe(false);
    expect(await files.read("schemas/late.json")).toBeUndefined();
    expect(await diskFiles(root).isFile("schemas/late.json")).toBe(true);
    rmSync(join(root, "schemas/late.json"));
  });
});
