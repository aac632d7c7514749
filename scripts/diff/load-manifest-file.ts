/**
 * A side from a `manifest.json` file. Schemas and samples come along when they sit beside it: a
 * `schemas/` folder (an unpacked package) or the package zip `build` writes next to the manifest
 * (`dist/manifest.json` + `dist/altcraft-albato-<version>.zip`). Otherwise the side is the bare manifest.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { parseJsonText } from "../load/json-file.js";
import { toPosix } from "../load/schemas.js";
import type { Manifest } from "../model/manifest.js";
import { readManifest } from "./read-manifest.js";
import { readZipEntries } from "./read-zip.js";
import { sideFromFiles, type PackageFiles } from "./side-from-files.js";
import type { Side } from "./side.js";

async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await listFiles(path)));
    else if (entry.isFile()) found.push(path);
  }
  return found.sort();
}

/** The package zip beside a manifest, as `build` names it. */
export function packageNameFor(manifest: Manifest): string {
  return `altcraft-albato-${manifest.app.version}.zip`;
}

async function companionFiles(dir: string, manifest: Manifest): Promise<PackageFiles | undefined> {
  if (existsSync(join(dir, "schemas"))) {
    const files = new Map<string, Buffer>();
    for (const path of await listFiles(join(dir, "schemas"))) files.set(toPosix(relative(dir, path)), await readFile(path));
    const logo = join(dir, manifest.app.logo);
    if (existsSync(logo)) files.set(manifest.app.logo, await readFile(logo));
    return { origin: "", files };
  }
  const zip = join(dir, packageNameFor(manifest));
  if (existsSync(zip)) return { origin: zip, files: await readZipEntries(await readFile(zip), zip) };
  return undefined;
}

export async function loadManifestFile(text: string, file: string, label = file): Promise<Side> {
  const manifest = readManifest(parseJsonText(text, file), file);
  return sideFromFiles(label, "manifest", manifest, await companionFiles(dirname(file), manifest));
}
