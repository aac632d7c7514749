import { EXIT_CANNOT_RUN, isUserError } from "../errors.js";

/**
 * Wrap a command's action: a user error prints one line on stderr and sets the exit code DESIGN fixes;
 * anything else is a bug in this tool, so it keeps its stack for the report.
 * The action returns the exit code it wants (0 or 1).
 */
export function runAction<Args extends unknown[]>(
  action: (...args: Args) => Promise<number>,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      process.exitCode = await action(...args);
    } catch (error) {
      if (isUserError(error)) {
        process.stderr.write(`altcraft-albato: ${error.message}\n`);
        process.exitCode = error.exitCode;
      } else {
        process.stderr.write(`altcraft-albato: internal error (please report it): ${(error as Error).stack ?? error}\n`);
        process.exitCode = EXIT_CANNOT_RUN;
      }
    }
  };
}

/** Print one JSON document on stdout (the only thing `--json` prints there). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
