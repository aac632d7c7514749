/**
 * Every committed generated TypeScript file, by its path: the event types and the Altcraft API types. The
 * generate step writes them; `build --check` compares them with what is committed.
 */
import type { LoadedSchemas } from "../load/schemas.js";
import { generateApiTypes } from "./api-types.js";
import { API_TYPES_FILE, TYPES_FILE } from "./types-file.js";
import { generateTypes } from "./types.js";

export async function generatedTypeFiles(schemas: LoadedSchemas): Promise<Array<[string, string]>> {
  return [
    [TYPES_FILE, await generateTypes(schemas)],
    [API_TYPES_FILE, await generateApiTypes(schemas)],
  ];
}
