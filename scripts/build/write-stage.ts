/**
 * Write: the package (written to a temporary file, re-opened and re-checked), the manifest, the
 * guides, the lock and the generated code, all staged and renamed into place together. A file that
 * already holds the right bytes is left alone.
 */
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Problem } from "../errors.js";
import type { ZipEntry } from "../write/zip.js";
import { writeVerifiedPackage } from "../write/package.js";
import { OutputStage } from "./stage.js";

export interface WriteRequest {
  /** `zipped`: the entries already being compressed (else they are compressed here). */
  /** `checkManifest`: a schema check of manifest.json as read back, unless its bytes were checked already. */
  zip: { path: string; displayName: string; entries: readonly ZipEntry[]; zipped?: Promise<Buffer>; checkManifest?: (manifest: unknown) => Problem[] };
  /** Absolute path → content, written only when different. */
  files: ReadonlyMap<string, string | Buffer>;
  /** Generated validator modules: the folder, and the file names that should remain there. */
  validators: { dir: string; keep: ReadonlySet<string> };
}

export interface WriteResult {
  zipBytes?: Buffer;
  /** Absolute paths that changed. */
  written: string[];
  problems: Problem[];
}

export async function writeStage(request: WriteRequest): Promise<WriteResult> {
  const stage = new OutputStage();
  try {
    const { zip } = request;
    const result = await writeVerifiedPackage(zip.path, zip.displayName, zip.entries, zip.checkManifest ?? (() => []), zip.zipped);
    if (!result.written) return { written: [], problems: result.problems };
    const previous = await readFile(zip.path).catch(() => undefined);
    if (previous?.equals(result.written.bytes)) await rm(result.written.temp, { force: true });
    else stage.adopt(zip.path, result.written.temp);
    await stage.addAll(request.files);
    const existing = await readdir(request.validators.dir).catch(() => [] as string[]);
    for (const name of existing.sort()) {
      if (name.endsWith(".cjs") && !request.validators.keep.has(name)) stage.remove(join(request.validators.dir, name));
    }
    return { zipBytes: result.written.bytes, written: await stage.commit(), problems: [] };
  } catch (error) {
    await stage.discard();
    throw error;
  }
}
