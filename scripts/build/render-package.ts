/**
 * Render everything the package holds from the derived manifest: the manifest text, the setup guides,
 * the review documents and the sorted entries (with SHA256SUMS). Pure and synchronous, so the pipeline
 * can render it before the checks and compress it while generating code (see pipeline.ts).
 */
import { renderGuides } from "../derive/guide.js";
import { renderManifest } from "../derive/manifest.js";
import type { LoadedSchemas } from "../load/schemas.js";
import type { Manifest } from "../model/manifest.js";
import { packageEntries } from "../write/package.js";
import type { ZipEntry } from "../write/zip.js";
import { packageParts } from "./package-parts.js";
import { renderReviewDocuments } from "./review-documents.js";
import type { LoadedSample } from "./samples.js";

export interface RenderedPackage {
  manifestText: string;
  /** Setup guides by file name (SETUP.en.md …). */
  guides: Map<string, string>;
  /** The preview page and the AsyncAPI document by file name. */
  reviews: Map<string, string>;
  entries: ZipEntry[];
}

export function renderPackage(input: {
  manifest: Manifest;
  schemas: LoadedSchemas;
  samples: readonly LoadedSample[];
  inputs: ReadonlyMap<string, Buffer>;
  logo: Buffer;
  extra: readonly ZipEntry[];
}): RenderedPackage {
  const { manifest, inputs, logo, extra } = input;
  const manifestText = renderManifest(manifest);
  const guides = renderGuides(manifest);
  const reviews = renderReviewDocuments({ manifest, schemas: input.schemas, samples: input.samples, logoSvg: logo.toString("utf8") });
  const entries = packageEntries(packageParts({ manifestText, guides, reviews, inputs, logo, extra }));
  return { manifestText, guides, reviews, entries };
}
