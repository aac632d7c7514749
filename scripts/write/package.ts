/**
 * The package to upload and review: `altcraft-albato-<version>.zip` holding the manifest, both setup
 * guides, the schemas and samples as in the repo, the logo, and `SHA256SUMS` of every other entry.
 * The build writes it to a temporary file, re-opens it and re-checks it here, and only then renames it
 * into place.
 */
import { CannotRunError, type Problem } from "../errors.js";
import { CHECKSUMS_ENTRY, MANIFEST_ENTRY } from "../model/package.js";
import { tryParseJson } from "../load/json.js";
import { readZip } from "../load/zip.js";
import { sha256 } from "../hash.js";
import type { ZipEntry } from "./zip.js";
import { compareNames, sortedEntries, ZIP_FILE_MODE } from "./zip.js";


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

/** Check a zip's bytes as read back from disk against the entries it should hold. */
export async function verifyPackageBytes(
  bytes: Buffer,
  displayName: string,
  expected: readonly ZipEntry[],
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const fail = (message: string) => problems.push({ place: { file: displayName }, message: `re-check of the written package: ${message}` });
  let read;
  try {
    read = await readZip(bytes, displayName);
  } catch (error) {
    fail(`cannot read it back (${error instanceof CannotRunError ? error.lines().join("; ") : (error as Error).message})`);
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
  // Its bytes are the manifest the checks passed (compared above); it must also read back as JSON.
  const manifest = byName.get(MANIFEST_ENTRY);
  if (!manifest) fail(`no ${MANIFEST_ENTRY}`);
  else if (!tryParseJson(manifest.data.toString("utf8")).ok) fail(`${MANIFEST_ENTRY} does not parse`);
  return problems;
}
