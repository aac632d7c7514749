/**
 * `simulate <paths…>`: play hook requests (samples, batches, NDJSON logs, `listen` captures) through the
 * built app's triggers the way Albato processes its webhook, and report every run with its field values.
 * Exit 0 when every element started a trigger, 1 when some element no trigger took, 2 when it cannot run.
 * With `--json` exactly one document reaches stdout, an error included.
 */
import { CannotRunError, EXIT_CANNOT_RUN, EXIT_FOUND_WANTING, EXIT_OK, ProblemListError } from "../errors.js";
import { readEventInputs } from "../load/event-inputs.js";
import { loadBuilt } from "../load/release/built.js";
import { failureDocument, printJson, reportFailure } from "../write/console.js";
import { BlockOutput } from "./output.js";
import { planTriggers } from "./plan.js";
import { playRequests } from "./play.js";
import { JsonReport } from "./report-json.js";
import { TextReport } from "./report-text.js";
import type { Report, ReportContext } from "./report.js";
import { groupRequests } from "./requests.js";

export interface SimulateOptions {
  /** A manifest.json or package zip; default dist/manifest.json. */
  manifest?: string;
  json?: boolean;
}

async function simulate(paths: readonly string[], options: SimulateOptions): Promise<number> {
  if (paths.length === 0) throw new CannotRunError("name at least one file or directory of events to simulate");
  const side = await loadBuilt(options.manifest);
  const triggers = planTriggers(side.manifest, side.label);
  const input = await readEventInputs(paths);
  if (input.events.length === 0) {
    if (input.problems.length > 0) throw new ProblemListError(input.problems, "the input");
    throw new CannotRunError(`no events in ${input.files.length === 0 ? "the given paths" : input.files.join(", ")}`);
  }
  // Malformed parts of an input that has events are passed over, as Albato would never see them as events.
  const skipped = [...input.skipped, ...input.problems.map((problem) => ({ place: problem.place, reason: problem.message }))];
  // Everything that can fail has been read and checked: from here on the report is written as it is made.
  const requests = groupRequests(input.events);
  const context: ReportContext = { requests: requests.length, skipped, manifestLabel: side.label };
  const output = new BlockOutput();
  const report: Report = options.json ? new JsonReport(output, context) : new TextReport(output, context);
  for (const outcome of playRequests(requests, triggers)) report.outcome(outcome);
  report.end();
  return report.unmatchedCount > 0 ? EXIT_FOUND_WANTING : EXIT_OK;
}

export async function runSimulate(paths: readonly string[], options: SimulateOptions): Promise<number> {
  if (!options.json) return simulate(paths, options);
  try {
    return await simulate(paths, options);
  } catch (error) {
    printJson(failureDocument(error));
    // stderr still gets the one human line (or the stack of a bug).
    reportFailure(error);
    return EXIT_CANNOT_RUN;
  }
}
