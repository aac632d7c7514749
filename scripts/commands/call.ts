import { Command } from "commander";
import { runAction } from "./run-action.js";

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function callCommand(): Command {
  return new Command("call")
    .description(
      "render the exact HTTP request an action of the built app sends (or a list's request), send it to an Altcraft host, " +
        "and show what Albato would: the response fields, or the error message. The API token is read from ALTCRAFT_TOKEN only.",
    )
    .argument("[action]", "the action's code (see dist/manifest.json, or README)")
    .option("--input <code=value>", "a value for one of the action's fields, as a user would type it (repeatable)", collect)
    .option("--list <code>", "fetch a list instead, and print its items (key and name)")
    .option("--dry-run", "print the request (the token redacted) and send nothing")
    .option("--host <host>", "the account's host, as the connection holds it: ru.altkraft.com on Altcraft Cloud, else your platform's domain")
    .option("--base-url <url>", "send to this http(s) URL instead of https://<host> (a local test server)")
    .option("--timeout <seconds>", "give up on an answer after this long (default: 10, as Albato)")
    .option("--locale <locale>", "the language of a static list's item names (en or ru)", "en")
    .option("--manifest <file>", "a manifest.json or package zip (default: dist/manifest.json from `build`)")
    .option("--json", "print one JSON document: { request, status, response, output, error } (lists: { items })")
    .addHelpText(
      "after",
      [
        "",
        "Exit codes: 0 the call succeeded; 1 Altcraft answered with an error (an application or token error, a non-2xx status,",
        "an answer that is not JSON); 2 a usage mistake, a network failure or a timeout.",
        "",
        "Examples:",
        "  $ altcraft-albato call profileGet --dry-run --host ru.altkraft.com --input database=1 --input email=jim@example.com",
        "  $ ALTCRAFT_TOKEN=… altcraft-albato call profileImport --host ru.altkraft.com --input database=1 --input email=jim@example.com --json",
        "  $ ALTCRAFT_TOKEN=… altcraft-albato call --list databases --host ru.altkraft.com",
      ].join("\n"),
    )
    .action(
      runAction(async (action: string | undefined, options: import("../call/options.js").CallOptions) => {
        const { runCall } = await import("../call/run.js");
        return runCall(action, options, {
          out: (text) => process.stdout.write(text),
          err: (line) => process.stderr.write(`${line}\n`),
          env: process.env,
        });
      }),
    );
}
