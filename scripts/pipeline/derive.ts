/**
 * Derive, from what was loaded: the fields of every trigger, their frozen codes (the lock plus any new
 * ones), the manifest, the setup plan (and, with a baseline, the change-only plan), and the event
 * validators (compiled now, for the checks). With `types`, also the
 * TypeScript types as the generate step would write them (`build --check` compares them with the
 * committed file). Nothing is rendered here: documents are rendered only once the checks have passed.
 */
import type { BuildProblem } from "../check/problem.js";
import { withSeverity } from "../check/problem.js";
import { CannotRunError, problemsOf } from "../errors.js";
import { renderLock, updateLock, type LockUpdate } from "../derive/field-codes.js";
import { fieldRules } from "../derive/field-rules.js";
import { deriveFields, type EventFields } from "../derive/fields.js";
import { deriveManifest } from "../derive/manifest.js";
import { changePlan, type ChangePlan } from "../derive/setup/changes.js";
import { setupPlan, type SetupPlan } from "../derive/setup/plan.js";
import { actionFieldKeys } from "../derive/manifest-api.js";
import { apiSchemas, type ApiSchemas } from "../derive/api-schemas.js";
import { apiMethods } from "../api-methods.js";
import { compileEventValidators } from "../derive/validators.js";
import { diffSides, type DiffReport } from "../derive/changes/classify.js";
import { collectSamples, type Side } from "../load/release/side.js";
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
  /** Every value to enter in the App Integrator, for the guides and the entry assistant. */
  setup: SetupPlan;
  /** With `--baseline`: this build as a release, its changes since the baseline, and the steps they take. */
  release?: { side: Side; changes: DiffReport; setup: ChangePlan };
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

/** This build as a side of a comparison, and what changed since the published baseline. */
function releaseSince(loaded: Loaded, manifest: Manifest, baseline: Side): NonNullable<Derived["release"]> {
  const { registry } = loaded;
  const side: Side = {
    label: "this build",
    kind: "memory",
    manifest,
    documents: loaded.schemas.documents,
    samples: collectSamples(loaded.samples.map((sample) => ({ file: sample.file, data: sample.value }))),
  };
  const changes = diffSides(baseline, side);
  return { side, changes, setup: changePlan(baseline.manifest, manifest, [...changes.breaking, ...changes.safe], registry) };
}

export async function deriveStage(loaded: Loaded, options: { types: boolean }): Promise<{ derived?: Derived; problems: BuildProblem[] }> {
  const { connector, schemas, registry } = loaded;
  const infos = new Map(registry.map((info) => [info.type, info]));
  const triggerFields = connector.triggers.map((trigger): EventFields => {
    const event = schemas.events.get(trigger.eventType);
    if (!event) return { eventType: trigger.eventType, fields: [], excluded: [], unmappable: [], unplaced: [], unusedExcludes: [] };
    return deriveFields(event, fieldRules(connector.fieldPolicy, trigger.exclude, infos.get(trigger.eventType)));
  });
  const lock = updateLock(loaded.lock, [...triggerFields.flatMap((event) => event.fields.map((field) => field.path)), ...actionFieldKeys(connector)]);
  const manifest = deriveManifest({ connector, triggerFields, codes: lock.codes, registry });
  try {
    const validators = compileEventValidators(schemas);
    const types = options.types ? new Map(await (await typeGenerator()).generatedTypeFiles(schemas)) : undefined;
    const api = apiSchemas(schemas.documents);
    // Compiled here, so a schema ajv cannot compile is a problem at its file, not a crash in a check.
    for (const info of apiMethods()) api.validator(info.id);
    const release = loaded.baseline ? releaseSince(loaded, manifest, loaded.baseline) : undefined;
    const setup = setupPlan(manifest, registry);
    const derived: Derived = { triggerFields, lock, lockText: renderLock(lock.codes), manifest, setup, validators, api, ...(types !== undefined ? { types } : {}), ...(release ? { release } : {}) };
    return { derived, problems: [] };
  } catch (error) {
    if (!(error instanceof CannotRunError)) throw error;
    return { problems: withSeverity("error", problemsOf(error, { file: "schemas" }).map((problem) => ({ ...problem, rule: "schemas" }))) };
  }
}
