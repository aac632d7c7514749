/** The package zip: byte-reproducible, sorted, fixed metadata, checksums, re-opened and re-checked. */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readZip } from "../scripts/load/zip.js";
import { sha256 } from "../scripts/hash.js";
import { checksumsText, packageEntries, verifyPackageBytes } from "../scripts/write/package.js";
import { createZip, ZIP_FILE_MODE, type ZipEntry } from "../scripts/write/zip.js";

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
      const read = await readZip(await createZip(entries), "x.zip");
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
    const read = await readZip(await readFile(path), path);
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

describe("verifyPackageBytes (the build's re-check of the package it wrote)", () => {
  it("passes the zip of the entries", async () => {
    const entries = packageEntries(parts);
    expect(await verifyPackageBytes(await createZip(entries), "dist/x.zip", entries)).toEqual([]);
  });

  it("notices a zip whose content or checksums differ from what should be there", async () => {
    const entries = packageEntries(parts);
    const tampered = entries.map((entry) => (entry.name === "logo.svg" ? { ...entry, data: Buffer.from("<svg></svg>") } : entry));
    const messages = (await verifyPackageBytes(await createZip(tampered), "dist/t.zip", entries)).map((problem) => problem.message);
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
    const problems = await verifyPackageBytes(zip, "dist/bad.zip", packageEntries(parts));
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^re-check of the written package: cannot read it back \(dist\/bad\.zip!SETUP\.ru\.md: not a readable zip entry: \d+ bytes, but its header says \d+\)$/),
    ]);
  });

  it("stops inflating an entry that holds more than its header declares", async () => {
    const zip = await createZip(parts);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(Math.floor(zip.readUInt32LE(central + 24) / 4), central + 24);
    const problems = await verifyPackageBytes(zip, "dist/bad.zip", packageEntries(parts));
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^re-check of the written package: cannot read it back \(dist\/bad\.zip!SETUP\.ru\.md: not a readable zip entry: inflates to more than the \d+ bytes its header declares\)$/),
    ]);
  });

  it("reports bytes that are not a zip", async () => {
    const problems = await verifyPackageBytes(Buffer.from("not a zip"), "dist/garbage.zip", packageEntries(parts));
    expect(problems[0]!.message).toMatch(/^re-check of the written package: cannot read it back/);
  });
});
