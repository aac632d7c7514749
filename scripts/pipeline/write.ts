/**
 * Write, once every check has passed: render the documents (manifest, setup guides, preview, AsyncAPI),
 * put them with the schemas, samples and logo into the reproducible package, then stage every output
 * (and new lock entries) as temporary files, re-open the package as written and re-check it, and rename
 * everything into place together. A failure anywhere leaves every previous output as it was.
 */
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { CannotRunError, type Problem } from "../errors.js";
import { generateAsyncApi } from "../derive/asyncapi.js";
import { renderSetupAssistant } from "../derive/setup/assistant/page.js";
import { renderChangesGuides } from "../derive/setup/markdown-changes.js";
import { renderSetupGuides } from "../derive/setup/markdown.js";
import { renderManifest } from "../derive/manifest.js";
import { renderPreviewHtml } from "../derive/preview.js";
import { LOCK_FILE } from "../load/lock.js";
import { collectSamples } from "../load/release/side.js";
import { MANIFEST_ENTRY, PACKAGE_LOGO, packageFileName } from "../model/package.js";
import { StagedFiles } from "../write/atomic.js";
import { sha256 } from "../hash.js";
import { packageEntries, verifyPackageBytes } from "../write/package.js";
import { createZip, type ZipEntry } from "../write/zip.js";
import type { Derived } from "./derive.js";
import type { Loaded } from "./load.js";

export const PREVIEW_FILE = "preview.html";
export const ASYNCAPI_FILE = "asyncapi.json";
export const ASSISTANT_FILE = "setup.html";

export interface Rendered {
  /** The documents dist/ holds beside the package, by file name, in the order the summary lists them. */
  documents: Map<string, string>;
  /** The package's entries, sorted, with SHA256SUMS. */
  entries: ZipEntry[];
  zipName: string;
  zip: Buffer;
}

/** Every document and the package, in memory. */
export async function renderOutputs(loaded: Loaded, derived: Derived): Promise<Rendered> {
  const { manifest } = derived;
  const samples = collectSamples(loaded.samples.map((sample) => ({ file: sample.file, data: sample.value })));
  const eventSchemas = new Map([...loaded.schemas.events].map(([type, event]) => [type, event.resolved]));
  const plan = derived.setup;
  const changes = derived.release?.setup;
  const documents = new Map<string, string>([
    [MANIFEST_ENTRY, renderManifest(manifest)],
    ...renderSetupGuides(plan),
    ...(changes ? renderChangesGuides(changes, manifest) : []),
    [ASSISTANT_FILE, renderSetupAssistant({ plan, ...(changes ? { changes } : {}) })],
    [ASYNCAPI_FILE, `${JSON.stringify(generateAsyncApi({ manifest, eventSchemas, samples }), null, 2)}\n`],
    [PREVIEW_FILE, renderPreviewHtml({ manifest, samples, logoSvg: loaded.logo.toString("utf8") })],
  ]);
  const entries = packageEntries([
    ...[...documents].map(([name, text]) => ({ name, data: Buffer.from(text) })),
    // The schemas and samples exactly as read (and checked).
    ...[...loaded.inputs].filter(([path]) => path.startsWith("schemas/")).map(([name, data]) => ({ name, data })),
    { name: PACKAGE_LOGO, data: loaded.logo },
  ]);
  return { documents, entries, zipName: packageFileName(manifest.app.version), zip: await createZip(entries) };
}

export interface Written {
  /** Absolute path → SHA-256 of every output as it now is (the package and the documents; not the lock). */
  outputs: Map<string, string>;
  /** Absolute paths that changed. */
  changed: string[];
}

/** `out` must be a folder (or not exist yet). */
async function checkOutFolder(out: string): Promise<void> {
  const info = await stat(out).catch(() => undefined);
  if (info && !info.isDirectory()) throw new CannotRunError("the output folder is a file; give --out a folder", { file: out });
}

export async function writeStage(loaded: Loaded, derived: Derived, rendered: Rendered, options: { out: string; display: (path: string) => string }): Promise<{ written?: Written; problems: Problem[] }> {
  const { out, display } = options;
  await checkOutFolder(out);
  const staged = new StagedFiles();
  try {
    const zipPath = join(out, rendered.zipName);
    const zipTemp = await staged.stage(zipPath, rendered.zip);
    // Re-opened from disk as written: every entry's bytes, mode and checksum against what was rendered.
    const onDisk = await readFile(zipTemp ?? zipPath);
    const problems = onDisk.equals(rendered.zip)
      ? await verifyPackageBytes(onDisk, display(zipPath), rendered.entries)
      : [{ place: { file: display(zipPath) }, message: "re-check of the written package: the file on disk differs from the zip built" }];
    if (problems.length > 0) {
      await staged.discard();
      return { problems };
    }
    const outputs = new Map<string, string>([[zipPath, sha256(rendered.zip)]]);
    for (const [name, text] of rendered.documents) {
      await staged.stage(join(out, name), text);
      outputs.set(join(out, name), sha256(text));
    }
    if (loaded.lock.text !== derived.lockText) await staged.stage(join(loaded.root, LOCK_FILE), derived.lockText);
    return { written: { outputs, changed: await staged.commit() }, problems: [] };
  } catch (error) {
    await staged.discard();
    throw error;
  }
}
