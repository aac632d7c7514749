/**
 * A byte-reproducible zip: entries sorted by name, one fixed timestamp and mode, no directory entries,
 * no extra timestamp field. The same entries give the same bytes on any machine and in any time zone.
 */
import yazl from "yazl";

export interface ZipEntry {
  /** Path inside the zip, forward slashes, no leading slash. */
  name: string;
  data: Buffer;
}

/**
 * 2020-01-01 00:00 in *local* time: yazl writes DOS timestamps from local-time getters, so a local-time
 * date gives the same DOS fields in every time zone (the UTC "UT" extra field is switched off).
 */
export function zipTimestamp(): Date {
  return new Date(2020, 0, 1, 0, 0, 0);
}

/** A regular file, rw-r--r--. */
export const ZIP_FILE_MODE = 0o100644;

export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Entries sorted by name; a duplicate or a name that is not a clean relative path is a bug upstream. */
export function sortedEntries(entries: readonly ZipEntry[]): ZipEntry[] {
  const sorted = [...entries].sort((a, b) => compareNames(a.name, b.name));
  sorted.forEach((entry, index) => {
    if (entry.name === "" || entry.name.startsWith("/") || entry.name.endsWith("/") || entry.name.split("/").includes("..")) {
      throw new Error(`zip entry name "${entry.name}" is not a relative file path`);
    }
    if (index > 0 && sorted[index - 1]!.name === entry.name) throw new Error(`zip entry "${entry.name}" added twice`);
  });
  return sorted;
}

/** The zip's bytes. */
export async function createZip(entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mtime = zipTimestamp();
  for (const entry of sortedEntries(entries)) {
    zip.addBuffer(entry.data, entry.name, { mtime, mode: ZIP_FILE_MODE, compress: true, compressionLevel: 6, forceDosTimestamp: true });
  }
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    zip.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on("error", reject);
  });
  zip.end();
  return done;
}
