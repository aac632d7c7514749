/**
 * Where the generated TypeScript types are committed (reviewers see their diffs): a light module, so
 * code that only needs the path does not load json-schema-to-typescript.
 */
export const TYPES_FILE = "scripts/generated/events.ts";
