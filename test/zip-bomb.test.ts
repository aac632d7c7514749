/**
 * Unbounded decompression, closed: a 1 MB zip whose manifest.json inflates to 1 GiB, the same with a
 * header that understates it, entries that add up past the total cap, and ten thousand and one entries,
 * each given to every command that opens a package (diff, preview --manifest, asyncapi --manifest, a
 * manifest.json with the bomb beside it). Each is refused with one line saying what and why, exit 2, in
 * bounded time and with bounded memory (the child's peak resident memory is measured).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readZip, MAX_ENTRIES } from "../scripts/load/zip.js";
import { rejectionLines } from "./fixtures/errors.js";
import { errorLines, REPO, runBin } from "./fixtures/run-bin.js";
import { tempDir } from "./fixtures/temp.js";
import { deflatedZeros, rawZip } from "./fixtures/zip-bomb.js";

const dir = tempDir("zip-bomb");
const GIB = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;
/** Far below the 2.2 GB the bomb took before the caps; the CLI itself peaks near 60 MiB. */
const MEMORY_CEILING_MIB = 200;

const bombs: Record<string, { file: string; says: RegExp }> = {};

beforeAll(async () => {
  const gib = await deflatedZeros(GIB);
  const sixty = await deflatedZeros(60 * MIB);
  const write = (name: string, bytes: Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  bombs.honest = {
    file: write("honest.zip", rawZip([{ name: "manifest.json", data: gib, declaredSize: GIB }])),
    says: /honest\.zip!manifest\.json: refused: it inflates to 1024 MiB \(at most 64 MiB an entry; a package is a few MB\)$/,
  };
  bombs.lying = {
    file: write("lying.zip", rawZip([{ name: "manifest.json", data: gib, declaredSize: 1000 }])),
    says: /lying\.zip!manifest\.json: not a readable zip entry: inflates to more than the 1000 bytes its header declares$/,
  };
  bombs.total = {
    file: write("total.zip", rawZip(Array.from({ length: 5 }, (_, i) => ({ name: `schemas/big-${i}.json`, data: sixty, declaredSize: 60 * MIB })))),
    says: /total\.zip: refused: its entries inflate to more than 256 MiB \(a package is a few MB\)$/,
  };
  const tiny = await deflatedZeros(1);
  bombs.many = {
    file: write("many.zip", rawZip(Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => ({ name: `e/${i}`, data: tiny, declaredSize: 1 })))),
    says: new RegExp(`many\\.zip: refused: ${MAX_ENTRIES + 1} entries \\(at most ${MAX_ENTRIES}; a package has a few hundred\\)$`),
  };
  // dist/manifest.json with the bomb as the package beside it (where preview and asyncapi look).
  const beside = join(dir, "beside");
  mkdirSync(beside);
  writeFileSync(join(beside, "manifest.json"), JSON.stringify(minimalManifest()));
  writeFileSync(join(beside, "altcraft-albato-1.0.0.zip"), rawZip([{ name: "schemas/events/click.schema.json", data: gib, declaredSize: GIB }]));
  bombs.beside = { file: join(beside, "manifest.json"), says: /altcraft-albato-1\.0\.0\.zip!schemas\/events\/click\.schema\.json: refused: it inflates to 1024 MiB/ };
}, 120_000);

function minimalManifest(): unknown {
  return { format: "albato-app-manifest/1", app: { code: "altcraft", version: "1.0.0", names: {}, descriptions: {}, logo: "logo.svg" }, triggers: [] };
}

const commands: Record<string, (file: string) => string[]> = {
  diff: (file) => ["diff", file, join(REPO, "test/fixtures/diff/base/manifest.json")],
  "preview --manifest": (file) => ["preview", "--manifest", file, "--out", join(dir, "preview.html")],
  "asyncapi --manifest": (file) => ["asyncapi", "--manifest", file, "--out", join(dir, "asyncapi.json")],
};

describe("a zip bomb", () => {
  for (const kind of ["honest", "lying", "total", "many", "beside"]) {
    for (const [command, args] of Object.entries(commands)) {
      it(`(${kind}) given to ${command}: refused in one line, exit 2, memory bounded`, async () => {
        const bomb = bombs[kind]!;
        const result = await runBin(args(bomb.file), { measureMemory: true, timeoutMs: 30_000 });
        expect(result.hung).toBe(false);
        expect(result.code, result.stderr).toBe(2);
        const lines = errorLines(result.stderr);
        expect(lines, result.stderr).toHaveLength(1);
        expect(lines[0]).toMatch(bomb.says);
        expect(result.stderr).not.toMatch(/^\s+at /m);
        expect(result.peakMiB).toBeDefined();
        expect(result.peakMiB!).toBeLessThan(MEMORY_CEILING_MIB);
      });
    }
  }

  it("is refused by the reader itself before anything is inflated beyond its caps (in-process)", async () => {
    const before = process.memoryUsage().rss;
    const line = await rejectionLines(async () => readZip(await import("node:fs").then((fs) => fs.readFileSync(bombs.lying!.file)), "lying.zip"));
    expect(line).toMatch(/inflates to more than the 1000 bytes/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MIB);
  });
});
