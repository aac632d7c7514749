import { Command } from "commander";
import { runAction } from "./run-action.js";

export function listenCommand(): Command {
  return new Command("listen")
    .description(
      "Receive Altcraft action hooks like the endpoint Altcraft expects: capture every request to an NDJSON file first, then validate its events and answer 200 OK.",
    )
    .option("--host <host>", "address to bind (loopback by default)", "127.0.0.1")
    .option("--port <port>", "port to listen on (0 picks a free one)", "8787")
    .option("--out <file>", "capture file to append to (default: captures/<YYYY-MM-DD>.ndjson)")
    .option("--token [token]", "accept only POST /<token> (others get 404); at least 12 characters; without a value, a random token is made up")
    .option("--max-body <size>", "largest body accepted; larger ones get 413", "10MiB")
    .option("--ok-body <text>", "body of the 200 answer (Altcraft matches it against the hook's success pattern)", "OK")
    .option("--strict", "also count properties the schemas do not declare as problems")
    .option("--grace <seconds>", "on Ctrl-C, how long requests in flight may take to finish", "10")
    .addHelpText(
      "after",
      `
Without --token every path is accepted. With it, the token is shown and captured as {token} wherever it
appears (any spelling of the path, headers such as Referer), and a request to another path is captured
without its headers and body (when, method, path, size, why refused).

Example:
  $ altcraft-albato listen --token --port 8787
  Listening on http://127.0.0.1:8787/Vq3k…
  09:00:03.514 200 POST /{token}  deliv×2 click×1  0 problems`,
    )
    .action(
      runAction(async (options: import("../listen/run.js").ListenOptions) => {
        const { runListen } = await import("../listen/run.js");
        return runListen(options, {
          out: (line) => process.stdout.write(`${line}\n`),
          err: (line) => process.stderr.write(`${line}\n`),
          colour: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
          onStop: (handler) => {
            process.on("SIGINT", handler);
            process.on("SIGTERM", handler);
          },
        });
      }),
    );
}
