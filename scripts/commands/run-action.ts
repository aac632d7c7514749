import { Command } from "commander";
import { reportFailure } from "../write/console.js";

/**
 * Wrap a command's action: it returns the exit code it wants (0 or 1); a user error prints its lines on
 * stderr and sets its exit code (2); anything else is a bug in this tool and keeps its stack. A command
 * run with `--json` gets its failure as its one JSON document too, so every command with that option
 * (and any added later) prints exactly one document whatever happens.
 */
export function runAction<Args extends unknown[]>(action: (...args: Args) => Promise<number>): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    // commander passes the command itself last.
    const command = args.at(-1);
    const json = command instanceof Command && command.opts().json === true;
    try {
      process.exitCode = await action(...args);
    } catch (error) {
      process.exitCode = reportFailure(error, { json });
    }
  };
}
