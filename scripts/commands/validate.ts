import { Command } from "commander";
import { runAction } from "./run-action.js";

export function validateCommand(): Command {
  const command: Command = new Command("validate")
    .description(
      "check Altcraft action-hook events against their schemas: event files, batches (JSON arrays), NDJSON logs, listen captures, directories, or - for stdin",
    )
    .argument("<paths...>", "files, directories (searched for *.json, *.ndjson, *.jsonl) or - for stdin")
    .option("--json", "print one JSON document: { events, valid, invalid, files, provisionalEventTypes, problems: [...] } (when it cannot run: { ok: false, exitCode, error, problems, checked })")
    .option("--strict", "also report properties the schemas do not declare (Altcraft adds fields, so off by default)")
    .option("--event-type <type>", "check every event against this type's schema, whatever its event_type says")
    .addHelpText(
      "after",
      [
        "",
        "Each problem prints as  file:line[index] event_type /pointer: message",
        "Exit codes: 0 all valid, 1 problems found, 2 a path cannot be read or the usage is wrong.",
        "",
        "Examples:",
        "  $ altcraft-albato validate schemas/samples/click/full.json",
        "  $ altcraft-albato validate --strict captures/ hooks.ndjson",
        "  $ curl -s https://example.com/hook.json | altcraft-albato validate --json -",
      ].join("\n"),
    )
    .action(
      runAction(async (paths: string[], options: { json?: boolean; strict?: boolean; eventType?: string }) => {
        const { runValidate } = await import("../validate/run.js");
        return runValidate(paths, options);
      }),
    );
  return command;
}
