/**
 * Build a side from package-shaped files (`manifest.json`, `schemas/**`, the logo) held in memory, whether
 * they came from a zip or from a folder next to a manifest.
 */
import { CannotRunError } from "../../errors.js";
import type { Manifest } from "../../model/manifest.js";
import { parseJson } from "../json.js";
import { SCHEMA_ID_BASE, type JsonSchema, type SchemaDocument } from "../json-schema.js";
import { collectSamples, type Side, type SideKind } from "./side.js";

/** Files by package path (`schemas/events/click.schema.json`); `origin` names the container in messages. */
export interface PackageFiles {
  origin: string;
  files: Map<string, Buffer>;
}

function placeOf(origin: string, path: string): string {
  return origin === "" ? path : `${origin}!${path}`;
}

export function schemaDocumentsOf({ origin, files }: PackageFiles): Map<string, SchemaDocument> {
  const documents = new Map<string, SchemaDocument>();
  for (const path of [...files.keys()].sort()) {
    if (!path.startsWith("schemas/") || !path.endsWith(".schema.json")) continue;
    const text = files.get(path)!.toString("utf8");
    const json = parseJson(text, placeOf(origin, path));
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
      throw new CannotRunError("a schema must be a JSON object", { file: placeOf(origin, path), pointer: "" });
    }
    const schema = json as JsonSchema;
    const id = typeof schema.$id === "string" ? schema.$id : SCHEMA_ID_BASE + path;
    documents.set(id, { file: path, id, json: schema, text });
  }
  return documents;
}

export function sideFromFiles(
  label: string,
  kind: SideKind,
  manifest: Manifest,
  contents: PackageFiles | undefined,
): Side {
  if (!contents) return { label, kind, manifest, documents: new Map(), samples: new Map() };
  const { origin, files } = contents;
  const sampleFiles = [...files.keys()]
    .filter((path) => path.startsWith("schemas/samples/") && path.endsWith(".json") && !path.endsWith(".schema.json"))
    .filter((path) => !path.startsWith("schemas/samples/invalid/"))
    .map((path) => ({ file: path, data: parseJson(files.get(path)!.toString("utf8"), placeOf(origin, path)) }));
  const logo = files.get(manifest.app.logo);
  return {
    label,
    kind,
    manifest,
    documents: schemaDocumentsOf(contents),
    samples: collectSamples(sampleFiles),
    ...(logo && manifest.app.logo.endsWith(".svg") ? { logoSvg: logo.toString("utf8") } : {}),
  };
}
