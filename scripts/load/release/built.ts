/**
 * The input of `preview` and `asyncapi`: what `build` wrote, loaded through the same pipeline as a diff
 * side. Default `dist/manifest.json` (with the package zip beside it for schemas and samples); or a
 * manifest or package the user names.
 */
import { existsSync, statSync } from "node:fs";
import { CannotRunError } from "../../errors.js";
import { eventSchemaId, type JsonSchema } from "../json-schema.js";
import { resolveSchema } from "../resolve-refs.js";
import { readReleaseFile } from "./release-file.js";
import { looksLikeZip } from "../zip.js";
import { loadManifestFile } from "./manifest-file.js";
import { loadPackage } from "./package.js";
import type { Side } from "./side.js";

export const DEFAULT_MANIFEST = "dist/manifest.json";

export async function loadBuilt(path: string | undefined): Promise<Side> {
  const file = path ?? DEFAULT_MANIFEST;
  if (!existsSync(file) || statSync(file).isDirectory()) {
    if (path === undefined) {
      throw new CannotRunError(`${DEFAULT_MANIFEST} not found: run \`npm run build\` first, or pass --manifest <manifest.json|package.zip>`);
    }
    throw new CannotRunError("no such file; expected a manifest.json or a package zip", { file });
  }
  const bytes = readReleaseFile(file);
  return looksLikeZip(bytes) ? loadPackage(bytes, file) : loadManifestFile(bytes.toString("utf8"), file);
}

/** Every trigger's event schema, resolved (no `$ref` left); a side without schemas cannot give them. */
export function resolvedEventSchemas(side: Side): Map<string, JsonSchema> {
  const schemas = new Map<string, JsonSchema>();
  for (const trigger of side.manifest.triggers) {
    const document = side.documents.get(eventSchemaId(trigger.eventType));
    if (!document) {
      throw new CannotRunError(
        `no schema for event type "${trigger.eventType}" beside the manifest; pass the package zip (--manifest dist/altcraft-albato-<version>.zip)`,
        { file: side.label },
      );
    }
    schemas.set(trigger.eventType, resolveSchema(document, side.documents));
  }
  return schemas;
}
