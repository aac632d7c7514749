import { Command } from "commander";
import { runAction } from "./run-action.js";

export function inferCommand(): Command {
  return new Command("infer")
    .description(
      "From captured events, draft a JSON Schema per event type and compare it with the current schema: fields seen but not declared, declared but never seen, type conflicts, unknown and provisional types.",
    )
    .argument("<paths...>", "`listen` capture files, NDJSON logs, batches or samples (directories are read recursively)")
    .option("--event-type <type>", "look at this event type only")
    .option("--schema <type>", "with --event-type: compare its events with this type's schema (is an unknown wire name a provisional type's real one?)")
    .option("--write [dir]", "write <dir>/<type>.draft.schema.json for review (default dir: captures/drafts)")
    .option("--root <dir>", "project whose schemas/ to compare with (default: this package)")
    .option("--json", "print one JSON document (findings and drafts) instead of the report")
    .addHelpText(
      "after",
      `
Exit 1 when events conflict with the current schemas (a type, format, value or required field the
schema would reject), when --event-type was never seen, or when some input was malformed (a line that
is not JSON, a value that is not an event: each is reported, the rest is still read); undeclared and
unseen fields are reported only. Exit 2 when there are no events at all (an empty capture, a HAR file).

Example:
  $ altcraft-albato infer captures/2024-05-14.ndjson --event-type deliv_push --write`,
    )
    .action(
      runAction(async (paths: string[], options: import("../infer/run.js").InferOptions) => {
        const { runInfer } = await import("../infer/run.js");
        return runInfer(paths, options, (line) => process.stdout.write(`${line}\n`));
      }),
    );
}
