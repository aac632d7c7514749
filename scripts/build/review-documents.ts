/**
 * The review documents the build ships beside the manifest: the preview page and the AsyncAPI export,
 * derived from what the pipeline already holds in memory (no file is read again).
 */
import { generateAsyncApi } from "../derive/asyncapi.js";
import { renderPreviewHtml } from "../derive/preview.js";
import { collectSamples } from "../diff/side.js";
import type { LoadedSchemas } from "../load/schemas.js";
import type { Manifest } from "../model/manifest.js";
import type { LoadedSample } from "./samples.js";

export const PREVIEW_FILE = "preview.html";
export const ASYNCAPI_FILE = "asyncapi.json";

/** File name (in dist/ and in the package) → text. */
export function renderReviewDocuments(input: {
  manifest: Manifest;
  schemas: LoadedSchemas;
  samples: readonly LoadedSample[];
  logoSvg: string;
}): Map<string, string> {
  const samples = collectSamples(input.samples.map((sample) => ({ file: sample.file, data: sample.value })));
  const eventSchemas = new Map([...input.schemas.events].map(([type, event]) => [type, event.resolved]));
  const asyncapi = generateAsyncApi({ manifest: input.manifest, eventSchemas, samples });
  return new Map([
    [ASYNCAPI_FILE, `${JSON.stringify(asyncapi, null, 2)}\n`],
    [PREVIEW_FILE, renderPreviewHtml({ manifest: input.manifest, samples, logoSvg: input.logoSvg })],
  ]);
}
