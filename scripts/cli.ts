#!/usr/bin/env node
/**
 * The `altcraft-albato` command line. Each command lives in its own file under `commands/` and loads its
 * heavy stages only when it runs, so `validate` of one file starts about as fast as Node itself.
 */
import { Command, CommanderError } from "commander";
import { CannotRunError, EXIT_CANNOT_RUN } from "./errors.js";
import { registerCommands } from "./commands/index.js";
import { findPackage } from "./package-root.js";
import { exitQuietlyOnClosedOutput, failureDocument, printedJson, printJson, reportFailure } from "./write/console.js";

const { version } = findPackage();

const program = new Command("altcraft-albato")
  .description("The Altcraft app for Albato, as code: validate hooks, build the app package, review releases.")
  .version(version)
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride();

async function main(): Promise<void> {
  exitQuietlyOnClosedOutput();
  await registerCommands(program, process.argv);
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and version end with code 0; usage mistakes are "could not do its job" (2), not commander's 1.
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_CANNOT_RUN;
    // commander printed the usage mistake on stderr; with --json it is the one document on stdout too.
    if (error.exitCode !== 0 && wantsJson() && !printedJson()) {
      printJson(failureDocument(new CannotRunError(error.message.replace(/^error: /, ""))));
    }
  }
}

// Not a top-level await: the bundle is CommonJS, which Node starts faster than an ES module.
main().catch((error: unknown) => {
  // A bug in this tool (each command handles its user's mistakes): keep the stack for the report.
  process.exitCode = reportFailure(error, { json: wantsJson() });
});

/** Was `--json` given (before a `--` that ends the options)? */
function wantsJson(): boolean {
  const args = process.argv.slice(2);
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).includes("--json");
}
