/**
 * Derive, from what was loaded: the fields of every trigger, their frozen codes (the lock plus any new
 * ones), the manifest, and the event validators (compiled now, for the checks). With `types`, also the
 * TypeScript types as the generate step would write them (`build --check` compares them with the
 * committed file). Nothing is rendered here: documents are rendered only once the checks have passed.
 */
import type { BuildProblem } from "../check/problem.js";
import { withSeverity } from "../check/problem.js";
import { CannotRunError, problemsOf } from "../errors.js";
import { renderLock, updateLock, type LockUpdate } from "../derive/field-codes.js";
import { deriveFields, type EventFields } from "../derive/fields.js";
import { deriveManifest } from "../derive/manifest.js";
import { actionFieldKeys } from "../derive/manifest-api.js";
import { apiSchemas, type ApiSchemas } from "../derive/api-schemas.js";
import { apiMethods } from "../api-methods.js";
import { compileEventValidators } from "../derive/validators.js";
import type { Manifest } from "../model/manifest.js";
import type { ValidateFunction } from "../runtime/load-validators.js";
import type { Loaded } from "./load.js";

export interface Derived {
  /** The derived fields of each trigger, aligned with `connector.triggers`. */
  triggerFields: EventFields[];
  lock: LockUpdate;
  /** The lock file as this build would write it. */
  lockText: string;
  manifest: Manifest;
  /** Event type → its validate function. */
  validators: ReadonlyMap<string, ValidateFunction>;
  /** The Altcraft API schemas, compiled and resolved on use by the request and response checks. */
  api: ApiSchemas;
  /** The generated TypeScript files by path, when asked for. */
  types?: Map<string, string>;
}

/** The type generator, loaded only when asked for: it needs json-schema-to-typescript, a large dependency. */
async function typeGenerator(): Promise<typeof import("../derive/generated-types.js")> {
  try {
    return await import("../derive/generated-types.js");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
    throw new CannotRunError(`generating the types needs json-schema-to-typescript, which is not installed (${(error as Error).message.split("\n")[0]}); run \`npm ci\``);
  }
}

export async function deriveStage(loaded: Loaded, options: { types: boolean }): Promise<{ derived?: Derived; problems: BuildProblem[] }> {
  const { connector, schemas, registry } = loaded;
  const triggerFields = connector.triggers.map((trigger) => {
    const event = schemas.events.get(trigger.eventType);
    return event ? deriveFields(event, trigger.exclude) : { eventType: trigger.eventType, fields: [], excluded: [], unmappable: [], unusedExcludes: [] };
  });
  const lock = updateLock(loaded.lock, [...triggerFields.flatMap((event) => event.fields.map((field) => field.path)), ...actionFieldKeys(connector)]);
  const manifest = deriveManifest({ connector, triggerFields, codes: lock.codes, registry });
  try {
    const validators = compileEventValidators(schemas);
    const types = options.types ? new Map(await (await typeGenerator()).generatedTypeFiles(schemas)) : undefined;
    const api = apiSchemas(schemas.documents);
    // Compiled here, so a schema ajv cannot compile is a problem at its file, not a crash in a check.
    for (const info of apiMethods()) api.validator(info.id);
    return { derived: { triggerFields, lock, lockText: renderLock(lock.codes), manifest, validators, api, ...(types !== undefined ? { types } : {}) }, problems: [] };
  } catch (error) {
    if (!(error instanceof CannotRunError)) throw error;
    return { problems: withSeverity("error", problemsOf(error, { file: "schemas" }).map((problem) => ({ ...problem, rule: "schemas" }))) };
  }
}
