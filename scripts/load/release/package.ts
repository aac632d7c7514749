/** A side from a package zip: its `manifest.json`, schemas, samples and logo. */
import { CannotRunError } from "../../errors.js";
import { parseJson } from "../json.js";
import { readZipFiles } from "../zip.js";
import { sideFromFiles } from "./from-files.js";
import { readManifest } from "./manifest-shape.js";
import type { Side } from "./side.js";

/** Entries relative to the folder holding `manifest.json` (the root, or one top folder). */
function packageRoot(entries: Map<string, Buffer>, file: string): Map<string, Buffer> {
  if (entries.has("manifest.json")) return entries;
  const nested = [...entries.keys()].filter((name) => /^[^/]+\/manifest\.json$/.test(name));
  if (nested.length !== 1) {
    throw new CannotRunError("zip has no manifest.json at its root; is it an altcraft-albato package?", { file });
  }
  const prefix = nested[0]!.slice(0, -"manifest.json".length);
  return new Map(
    [...entries].filter(([name]) => name.startsWith(prefix)).map(([name, bytes]) => [name.slice(prefix.length), bytes]),
  );
}

export async function loadPackage(bytes: Buffer, file: string, label = file): Promise<Side> {
  const files = packageRoot(await readZipFiles(bytes, file), file);
  const manifestFile = `${file}!manifest.json`;
  const manifest = readManifest(parseJson(files.get("manifest.json")!.toString("utf8"), manifestFile), manifestFile);
  return sideFromFiles(label, "package", manifest, { origin: file, files });
}
