import { Command } from "commander";
import { runAction } from "./run-action.js";

export function simulateCommand(): Command {
  return new Command("simulate")
    .description(
      "Play hook requests (samples, batches, NDJSON logs, `listen` captures) through the app's triggers the way Albato " +
        "processes its webhook: each trigger's filter is tested on every element of the posted array, each element it takes " +
        "is one run, and every field gets its value after mapping and type conversion. Where Albato's behaviour is not " +
        "documented, the report says which assumption it makes.",
    )
    .argument("<paths...>", "event files or directories: samples, batches, NDJSON logs, `listen` captures")
    .option("--manifest <file>", "a manifest.json or package zip (default: dist/manifest.json from `build`)")
    .option("--json", "print one JSON document: { requests, runs, unmatched, skipped, assumptions } (when it cannot run: { ok: false, exitCode, error, problems })")
    .addHelpText(
      "after",
      `
One request is one sample file (posted as a one-element array, as \`send\` does), one batch file, one
NDJSON line or one capture record. Each run lists the trigger, the event type and every field's value as
JSON (null: empty), then the fields that came out empty. DateTime values are given in UTC with
milliseconds; array fields are joined with the field's separator (", " unless the manifest sets one).
Inputs without events (refused requests in a capture, a torn last line) are listed and do not change the
exit code.

Exit codes: 0 every element started a trigger, 1 some element no trigger took,
2 it cannot run (no manifest, a manifest it cannot model, unreadable input, wrong usage).

Examples:
  $ altcraft-albato simulate schemas/samples/click/full.json
  $ altcraft-albato simulate captures/2024-05-14.ndjson --manifest dist/altcraft-albato-1.0.0.zip --json`,
    )
    .action(
      runAction(async (paths: string[], options: import("../simulate/run.js").SimulateOptions) => {
        const { runSimulate } = await import("../simulate/run.js");
        return runSimulate(paths, options);
      }),
    );
}
