/**
 * Samples: every sample a trigger lists is parsed once (from the bytes the build already read) and
 * validated with the very validators the build generates (`dist/generated/validators/<type>.cjs`),
 * evaluated in memory, so the check and the shipped validators cannot disagree.
 */
import { createRequire } from "node:module";
import type { Problem } from "../errors.js";
import { CannotRunError, formatPlace } from "../errors.js";
import { parseJsonText } from "../load/json-file.js";
import { FORMATS } from "../runtime/formats.js";
import type { ValidateFunction, EventValidators } from "../runtime/load-validators.js";
import type { AjvError } from "../runtime/messages.js";
import { problemPointer, schemaMessage } from "../runtime/messages.js";
import type { ConnectorTrigger } from "../model/connector.js";

export interface LoadedSample {
  file: string;
  trigger: ConnectorTrigger;
  value: unknown;
}

const requireModule = createRequire(import.meta.url);

/** Parse each trigger's samples; a missing or malformed file is a problem with its place. */
export function parseSamples(
  triggers: readonly ConnectorTrigger[],
  read: (file: string) => Buffer | undefined,
): { samples: LoadedSample[]; problems: Problem[] } {
  const samples: LoadedSample[] = [];
  const problems: Problem[] = [];
  for (const trigger of triggers) {
    for (const file of trigger.samples) {
      const bytes = read(file);
      if (bytes === undefined) {
        problems.push({ place: { file }, message: `cannot read the sample of trigger "${trigger.code}"` });
        continue;
      }
      try {
        samples.push({ file, trigger, value: parseJsonText(bytes.toString("utf8"), file) });
      } catch (error) {
        if (!(error instanceof CannotRunError) || !error.place) throw error;
        const prefix = `${formatPlace(error.place)}: `;
        const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
        problems.push({ place: error.place, message });
      }
    }
  }
  return { samples, problems };
}

/** Instantiate one generated validator module from its source text. */
export function validatorsFromSource(source: string): EventValidators {
  const module = { exports: {} as unknown };
  new Function("module", "exports", "require", source)(module, module.exports, requireModule);
  return (module.exports as (formats: typeof FORMATS) => EventValidators)(FORMATS);
}

/** Validate every sample against its trigger's event schema (tolerant mode, as Altcraft's events are). */
export function checkSamples(
  samples: readonly LoadedSample[],
  validatorOf: (eventType: string) => ValidateFunction | undefined,
  schemaFileOf: (eventType: string) => string,
): Problem[] {
  const problems: Problem[] = [];
  for (const sample of samples) {
    const validate = validatorOf(sample.trigger.eventType);
    if (!validate || validate(sample.value)) continue;
    for (const error of (validate.errors ?? []) as AjvError[]) {
      problems.push({
        place: { file: sample.file, pointer: problemPointer(error) },
        message: `no longer valid against ${schemaFileOf(sample.trigger.eventType)}: ${schemaMessage(error, sample.value)}`,
      });
    }
  }
  return problems;
}

/** The tolerant validator of each event type, instantiated on first use from the generated modules. */
export function generatedValidators(generated: ReadonlyMap<string, string>, validatorsDir: string): (eventType: string) => ValidateFunction | undefined {
  const validators = new Map<string, ValidateFunction | undefined>();
  return (eventType) => {
    if (!validators.has(eventType)) {
      const source = generated.get(`${validatorsDir}/${eventType}.cjs`);
      validators.set(eventType, source === undefined ? undefined : validatorsFromSource(source).tolerant);
    }
    return validators.get(eventType);
  };
}
