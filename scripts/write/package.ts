/**
 * The package to upload and review: `altcraft-albato-<version>.zip` holding the manifest, both setup
 * guides, the schemas and samples as in the repo, the logo, and `SHA256SUMS` of every other entry.
 * It is written to a temporary file, re-opened and re-checked, and only then renamed into place.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Problem } from "../errors.js";
import { tempSibling } from "./atomic.js";
import type { ZipEntry } from "./zip.js";
import { compareNames, createZip, sortedEntries, ZIP_FILE_MODE } from "./zip.js";
import { readZipBuffer } from "./zip-read.js";

export const CHECKSUMS_ENTRY = "SHA256SUMS";
export const MANIFEST_ENTRY = "manifest.json";

export function packageFileName(version: string): string {
  return `altcraft-albato-${version}.zip`;
}

export function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** `sha256sum`'s format: `<hex>  <name>` per line, sorted by name; `sha256sum -c SHA256SUMS` checks it. */
export function checksumsText(entries: readonly ZipEntry[]): string {
  return [...entries]
    .sort((a, b) => compareNames(a.name, b.name))
    .map((entry) => `${sha256(entry.data)}  ${entry.name}\n`)
    .join("");
}

/** The package's entries: the given parts plus the checksums file, sorted. */
export function packageEntries(parts: readonly ZipEntry[]): ZipEntry[] {
  const entries = sortedEntries(parts.filter((part) => part.name !== CHECKSUMS_ENTRY));
  return sortedEntries([...entries, { name: CHECKSUMS_ENTRY, data: Buffer.from(checksumsText(entries)) }]);
}

/** Check a zip file against the entries it should hold; `checkManifest` validates manifest.json. */
export async function verifyPackageFile(
  path: string,
  displayName: string,
  expected: readonly ZipEntry[],
  checkManifest: (manifest: unknown) => Problem[],
): Promise<Problem[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return [{ place: { file: displayName }, message: `re-check of the written package: cannot read it back (${(error as Error).message})` }];
  }
  return verifyPackageBytes(bytes, displayName, expected, checkManifest);
}

/** Check a zip's bytes as read back from disk against the entries it should hold. */
async function verifyPackageBytes(
  bytes: Buffer,
  displayName: string,
  expected: readonly ZipEntry[],
  checkManifest: (manifest: unknown) => Problem[],
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const fail = (message: string) => problems.push({ place: { file: displayName }, message: `re-check of the written package: ${message}` });
  let read;
  try {
    read = await readZipBuffer(bytes);
  } catch (error) {
    fail(`cannot read it back (${(error as Error).message})`);
    return problems;
  }
  const names = read.map((entry) => entry.name);
  const expectedNames = expected.map((entry) => entry.name);
  if (names.join("\n") !== expectedNames.join("\n")) fail(`entries are ${names.join(", ")}; expected ${expectedNames.join(", ")}`);
  const byName = new Map(read.map((entry) => [entry.name, entry]));
  for (const entry of expected) {
    const found = byName.get(entry.name);
    if (found && !found.data.equals(entry.data)) fail(`${entry.name} differs from what was written`);
    if (found && (found.isDirectory || found.mode !== ZIP_FILE_MODE)) fail(`${entry.name} has mode ${found.mode.toString(8)}`);
  }
  const sums = byName.get(CHECKSUMS_ENTRY);
  const others = read.filter((entry) => entry.name !== CHECKSUMS_ENTRY);
  if (!sums || sums.data.toString("utf8") !== checksumsText(others)) fail(`${CHECKSUMS_ENTRY} does not match the entries`);
  const manifest = byName.get(MANIFEST_ENTRY);
  if (!manifest) {
    fail(`no ${MANIFEST_ENTRY}`);
  } else {
    let json: unknown;
    try {
      json = JSON.parse(manifest.data.toString("utf8"));
    } catch (error) {
      fail(`${MANIFEST_ENTRY} does not parse (${(error as Error).message})`);
    }
    if (json !== undefined) problems.push(...checkManifest(json));
  }
  return problems;
}

export interface WrittenPackage {
  /** The temporary file holding the verified zip; the caller renames it into place. */
  temp: string;
  sha256: string;
  bytes: Buffer;
}

/**
 * Write the zip of `entries` next to `path` under a temporary name and re-check it; on problems, remove
 * it. `zipped` is the zip of the same entries when the caller started compressing them earlier.
 */
export async function writeVerifiedPackage(
  path: string,
  displayName: string,
  entries: readonly ZipEntry[],
  checkManifest: (manifest: unknown) => Problem[],
  zipped?: Promise<Buffer>,
): Promise<{ written?: WrittenPackage; problems: Problem[] }> {
  const bytes = await (zipped ?? createZip(entries));
  const temp = tempSibling(path);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(temp, bytes);
  // Re-opened from disk, read once: checked entry by entry, and compared with what we hashed.
  const onDisk = await readFile(temp);
  const problems = await verifyPackageBytes(onDisk, displayName, sortedEntries(entries), checkManifest);
  if (problems.length === 0 && !onDisk.equals(bytes)) {
    problems.push({ place: { file: displayName }, message: "re-check of the written package: the file on disk differs from the zip built" });
  }
  if (problems.length > 0) {
    await rm(temp, { force: true });
    return { problems };
  }
  return { written: { temp, sha256: sha256(bytes), bytes }, problems };
}
