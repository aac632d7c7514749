/**
 * A side from a `manifest.json` file. Schemas and samples come along when they sit beside it: a
 * `schemas/` folder (an unpacked package) or the package zip `build` writes next to the manifest
 * (`dist/manifest.json` + `dist/altcraft-albato-<version>.zip`). Otherwise the side is the bare manifest.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Manifest } from "../../model/manifest.js";
import { packageFileName } from "../../model/package.js";
import { parseJson } from "../json.js";
import { readProjectInputs } from "../project-files.js";
import { readZipFiles } from "../zip.js";
import { readReleaseFile } from "./release-file.js";
import { sideFromFiles, type PackageFiles } from "./from-files.js";
import { readManifest } from "./manifest-shape.js";
import type { Side } from "./side.js";

async function companionFiles(dir: string, manifest: Manifest): Promise<PackageFiles | undefined> {
  if (existsSync(join(dir, "schemas"))) {
    return { origin: "", files: readProjectInputs(dir, ["schemas"], [manifest.app.logo]) };
  }
  const zip = join(dir, packageFileName(manifest.app.version));
  if (existsSync(zip)) return { origin: zip, files: await readZipFiles(readReleaseFile(zip), zip) };
  return undefined;
}

export async function loadManifestFile(text: string, file: string, label = file): Promise<Side> {
  const manifest = readManifest(parseJson(text, file), file);
  return sideFromFiles(label, "manifest", manifest, await companionFiles(dirname(file), manifest));
}
