/**
 * Every sample validates against its trigger's event schema, compiled by the one ajv setup as the
 * runtime validators are (derive/validators.ts). A failure names the sample, the pointer into it, and
 * the schema file and keyword that reject it.
 */
import type { Problem } from "../errors.js";
import type { LoadedSample } from "../load/samples.js";
import type { ValidateFunction } from "../runtime/load-validators.js";
import { problemPointer, schemaMessage } from "../runtime/messages.js";

export function checkSamplesValid(samples: readonly LoadedSample[], validatorOf: (eventType: string) => ValidateFunction | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const sample of samples) {
    const validate = validatorOf(sample.trigger.eventType);
    if (!validate || validate(sample.value)) continue;
    for (const error of validate.errors ?? []) {
      problems.push({
        place: { file: sample.file, pointer: problemPointer(error) },
        message: `no longer valid: ${schemaMessage(error, sample.value)} (${error.schemaPath})`,
      });
    }
  }
  return problems;
}
