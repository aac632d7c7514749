/**
 * The samples of every trigger (`schemas/samples/<event type>/*.json`, one event object each), parsed
 * once from the bytes the build already read. A missing or malformed file is a problem with its place.
 */
import { CannotRunError, problemsOf, type Problem } from "../errors.js";
import type { ConnectorTrigger } from "../model/connector.js";
import { parseJson } from "./json.js";

export interface LoadedSample {
  file: string;
  trigger: ConnectorTrigger;
  value: unknown;
}

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
        samples.push({ file, trigger, value: parseJson(bytes.toString("utf8"), file) });
      } catch (error) {
        if (!(error instanceof CannotRunError)) throw error;
        problems.push(...problemsOf(error, { file }));
      }
    }
  }
  return { samples, problems };
}
