/**
 * Where the generated TypeScript types are committed (reviewers see their diffs): a light module, so
 * code that only needs the path does not load json-schema-to-typescript.
 */
export const TYPES_FILE = "scripts/generated/events.ts";
/** The generated types of the Altcraft API calls (derive/api-types.ts). */
export const API_TYPES_FILE = "scripts/generated/api.ts";
/** Every committed generated file `build --check` compares. */
export const GENERATED_TYPE_FILES = [TYPES_FILE, API_TYPES_FILE] as const;
