/** The package zip: byte-reproducible, sorted, fixed metadata, checksums, re-opened and re-checked. */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checksumsText, packageEntries, sha256, verifyPackageFile, writeVerifiedPackage } from "../scripts/write/package.js";
import { createZip, ZIP_FILE_MODE, type ZipEntry } from "../scripts/write/zip.js";
import { readZipBuffer, readZipFile } from "../scripts/write/zip-read.js";

const dir = await mkdtemp(join(tmpdir(), "package-zip-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

const parts: ZipEntry[] = [
  { name: "manifest.json", data: Buffer.from('{"format":"albato-app-manifest/1"}\n') },
  { name: "schemas/events/click.schema.json", data: Buffer.from("{}\n") },
  { name: "SETUP.ru.md", data: Buffer.from("# Настройка\n") },
  { name: "logo.svg", data: Buffer.from("<svg/>") },
  { name: "schemas/samples/click/full.json", data: Buffer.from('{"event_type":"click"}') },
];

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 16807) % 2147483647;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const noProblems = () => [];

/** Entries of every size class: empty, tiny, text, incompressible, over 64 KiB; UTF-8 names too. */
function generatedEntries(seed: number): ZipEntry[] {
  let state = seed;
  const next = (): number => (state = (state * 16807) % 2147483647);
  const count = 1 + (next() % 12);
  return Array.from({ length: count }, (_, index) => {
    const size = [0, 1, 100, 5_000, 70_000][next() % 5]!;
    const random = next() % 2 === 0;
    const data = Buffer.alloc(size);
    for (let i = 0; i < size; i++) data[i] = random ? next() % 256 : 97 + ((i * 7) % 26);
    const name = `${["schemas", "данные", "a"][next() % 3]}/${index}-${next() % 1000}.json`;
    return { name, data };
  });
}

describe("createZip", () => {
  it("gives zips that read back entry for entry, with UTF-8 names", async () => {
    for (let seed = 41; seed <= 50; seed++) {
      const entries = generatedEntries(seed);
      const read = await readZipBuffer(await createZip(entries));
      expect(read.map((entry) => [entry.name, entry.data.toString("hex")])).toEqual(
        [...entries].sort((a, b) => (a.name < b.name ? -1 : 1)).map((entry) => [entry.name, entry.data.toString("hex")]),
      );
    }
  });

  it("gives identical bytes whatever the order entries come in", async () => {
    const reference = await createZip(packageEntries(parts));
    for (let seed = 1; seed <= 20; seed++) {
      expect(sha256(await createZip(packageEntries(shuffled(parts, seed))))).toBe(sha256(reference));
    }
  });

  it("gives identical bytes in any time zone", async () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "UTC";
      const utc = await createZip(parts);
      process.env.TZ = "Asia/Vladivostok";
      const vladivostok = await createZip(parts);
      process.env.TZ = "America/Los_Angeles";
      expect(sha256(await createZip(parts))).toBe(sha256(utc));
      expect(sha256(vladivostok)).toBe(sha256(utc));
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it("stores sorted file entries with a fixed mode and date, no directories", async () => {
    const path = join(dir, "plain.zip");
    await writeFile(path, await createZip(shuffled(parts, 3)));
    const read = await readZipFile(path);
    expect(read.map((entry) => entry.name)).toEqual([...parts.map((part) => part.name)].sort());
    for (const entry of read) {
      expect(entry.isDirectory).toBe(false);
      expect(entry.mode).toBe(ZIP_FILE_MODE);
    }
    // `unzip -Z` (if present) sees the same fixed date on every entry.
    try {
      const listing = execFileSync("unzip", ["-Z", "-T", path], { encoding: "utf8" });
      expect(listing.match(/20200101\.000000/g)?.length).toBe(parts.length);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  });

  it("refuses duplicate or unsafe names", async () => {
    await expect(createZip([parts[0]!, parts[0]!])).rejects.toThrow(/added twice/);
    await expect(createZip([{ name: "../x", data: Buffer.from("") }])).rejects.toThrow(/not a relative file path/);
  });
});

describe("packageEntries", () => {
  it("adds SHA256SUMS of every other entry, in sha256sum's format", () => {
    const entries = packageEntries(parts);
    const sums = entries.find((entry) => entry.name === "SHA256SUMS")!.data.toString();
    expect(sums.trimEnd().split("\n")).toEqual(
      [...parts].sort((a, b) => (a.name < b.name ? -1 : 1)).map((part) => `${sha256(part.data)}  ${part.name}`),
    );
    expect(checksumsText(entries.filter((entry) => entry.name !== "SHA256SUMS"))).toBe(sums);
  });
});

describe("writeVerifiedPackage / verifyPackageFile", () => {
  it("writes a temporary zip, re-opens it and checks entries, checksums and the manifest", async () => {
    const target = join(dir, "altcraft-albato-1.0.0.zip");
    const seen: unknown[] = [];
    const { written, problems } = await writeVerifiedPackage(target, "dist/x.zip", packageEntries(parts), (manifest) => {
      seen.push(manifest);
      return [];
    });
    expect(problems).toEqual([]);
    expect(seen).toEqual([{ format: "albato-app-manifest/1" }]);
    expect(written!.temp).not.toBe(target);
    expect(sha256(await readFile(written!.temp))).toBe(written!.sha256);
  });

  it("reports a manifest the check rejects, and removes the temporary file", async () => {
    const target = join(dir, "rejected.zip");
    const { written, problems } = await writeVerifiedPackage(target, "dist/rejected.zip", packageEntries(parts), () => [
      { place: { file: "manifest.json", pointer: "/app" }, message: "missing" },
    ]);
    expect(written).toBeUndefined();
    expect(problems).toEqual([{ place: { file: "manifest.json", pointer: "/app" }, message: "missing" }]);
  });

  it("notices a zip whose content or checksums differ from what should be there", async () => {
    const path = join(dir, "tampered.zip");
    const entries = packageEntries(parts);
    const tampered = entries.map((entry) => (entry.name === "logo.svg" ? { ...entry, data: Buffer.from("<svg></svg>") } : entry));
    await writeFile(path, await createZip(tampered));
    const messages = (await verifyPackageFile(path, "dist/t.zip", entries, noProblems)).map((problem) => problem.message);
    expect(messages).toEqual([
      "re-check of the written package: logo.svg differs from what was written",
      "re-check of the written package: SHA256SUMS does not match the entries",
    ]);
  });

  it("reports an entry whose stored size disagrees with its content", async () => {
    const zip = await createZip(parts);
    // The central directory record of the first entry (SETUP.ru.md): one byte more than it holds.
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(zip.readUInt32LE(central + 24) + 1, central + 24);
    const path = join(dir, "bad-size.zip");
    await writeFile(path, zip);
    const problems = await verifyPackageFile(path, "dist/bad.zip", packageEntries(parts), noProblems);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^re-check of the written package: cannot read it back \(SETUP\.ru\.md: \d+ bytes, but the header says \d+\)$/),
    ]);
  });

  it("stops inflating an entry that holds more than its header declares", async () => {
    const zip = await createZip(parts);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(Math.floor(zip.readUInt32LE(central + 24) / 4), central + 24);
    const path = join(dir, "small-size.zip");
    await writeFile(path, zip);
    const problems = await verifyPackageFile(path, "dist/bad.zip", packageEntries(parts), noProblems);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^re-check of the written package: cannot read it back \(SETUP\.ru\.md: more than the \d+ bytes its header declares\)$/),
    ]);
  });

  it("reports a file that is not a zip", async () => {
    const path = join(dir, "garbage.zip");
    await writeFile(path, "not a zip");
    const problems = await verifyPackageFile(path, "dist/garbage.zip", packageEntries(parts), noProblems);
    expect(problems[0]!.message).toMatch(/^re-check of the written package: cannot read it back/);
  });
});
