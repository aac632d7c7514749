import { Command } from "commander";
import { runAction } from "./run-action.js";

export function sendCommand(): Command {
  return new Command("send")
    .description(
      "Post events the way Altcraft does (JSON arrays of up to N events) to a webhook URL or a local `listen`: samples, batches, NDJSON logs or capture files.",
    )
    .argument("<paths...>", "event files or directories: samples, batches, NDJSON logs, `listen` captures")
    .option("--to <url>", "the webhook URL to post to (required)")
    .option("--batch-size <n>", "events per request (Altcraft's maximum batch size)", "100")
    .option("--concurrency <n>", "requests in flight at once", "4")
    .option("--retries <n>", "retries of a batch after a network error, 5xx or 429", "5")
    .option("--retry-delay <ms>", "first retry's delay; doubles each retry, with jitter", "500")
    .option("--timeout <seconds>", "time limit of one attempt", "30")
    .option("--success <regex>", "like Altcraft's \"API response success message\": a 200 counts only if its body matches")
    .option("--verbose", "one line per batch even when there are many")
    .option("--json", "print one JSON document (summary and every batch's result) instead of lines")
    .addHelpText(
      "after",
      `
Each event is sent as the exact text it was read as (capture records replay their request bodies; big
integers and number spellings are kept). Requests a capture kept without events (refused, empty, cut off,
a torn last line) are skipped and listed. Exit 1 when any batch finally failed; 2 for unreadable input or
input with a line that is not JSON or a value that is no event (every such place is listed).

Example:
  $ altcraft-albato send schemas/samples/click captures/2024-05-14.ndjson --to http://127.0.0.1:8787/ --batch-size 10`,
    )
    .action(
      runAction(async (paths: string[], options: import("../send/run.js").SendOptions) => {
        const { runSend } = await import("../send/run.js");
        return runSend(paths, options, {
          out: (line) => process.stdout.write(`${line}\n`),
          err: (line) => process.stderr.write(`${line}\n`),
          userAgent: "altcraft-albato-send",
        });
      }),
    );
}
