/**
 * The bytes of a release file the user named (a package zip or a manifest.json), bounded: a package is a
 * few MB, so a file larger than the zip reader's total cap is refused before it is read, as a zip whose
 * entries would inflate past it is refused by the reader (load/zip.ts).
 */
import { readRegularFile } from "../input-file.js";
import { MAX_TOTAL_BYTES } from "../zip.js";

export function readReleaseFile(file: string): Buffer {
  return readRegularFile(file, { maxBytes: MAX_TOTAL_BYTES, what: "a package or a manifest (a package is a few MB)" });
}
