/**
 * The stamp on the committed types (`scripts/generated/events.ts`): its first line records a hash of what
 * they are generated from (the schema texts, the event types, the generator) and a hash of the rest of the
 * file. While both match, a build takes the committed file as it is instead of running
 * json-schema-to-typescript again, which was a third of a cold build. A schema change, a hand edit, or a
 * new generator breaks a hash, and the types are generated afresh.
 *
 * `build --check` and `build --no-cache` never trust the stamp: they always generate, so a change to the
 * generator that forgot to bump TYPES_REVISION still shows up as stale committed types in CI.
 */
import { createHash } from "node:crypto";
import { hashSchemas, type LoadedSchemas } from "../load/schemas.js";
import { findPackage } from "../package-root.js";

/** Bump when a change to derive/types.ts changes what it writes for the same schemas. */
export const TYPES_REVISION = 1;

const STAMP = /^\/\/ Stamp of `altcraft-albato build`: schemas ([0-9a-f]{32}), text ([0-9a-f]{32})\.[^\n]*\n/;

const digest = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 32);

/**
 * The generator's identity: the json-schema-to-typescript version package.json pins (not the installed
 * one: checking the stamp must not need the package) and our revision of its use.
 */
function generatorIdentity(): string {
  return `json-schema-to-typescript ${findPackage().dependencies["json-schema-to-typescript"]}, revision ${TYPES_REVISION}`;
}

/** A hash of everything the types are generated from. */
export function typesSourceHash(schemas: LoadedSchemas): string {
  return hashSchemas(createHash("sha256").update(`${generatorIdentity()}\0`), schemas).digest("hex").slice(0, 32);
}

/** The generated text with its stamp as the first line. */
export function stampTypes(text: string, sourceHash: string): string {
  return `// Stamp of \`altcraft-albato build\`: schemas ${sourceHash}, text ${digest(text)}. While both match, a build keeps this file as it is.\n${text}`;
}

/** Is `text` (the committed file) stamped for exactly these sources, and unedited since? */
export function isCurrentTypes(text: string, sourceHash: string): boolean {
  const stamp = STAMP.exec(text);
  return stamp !== null && stamp[1] === sourceHash && stamp[2] === digest(text.slice(stamp[0].length));
}
