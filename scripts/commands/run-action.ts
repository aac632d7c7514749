import { reportFailure } from "../write/console.js";

/**
 * Wrap a command's action: it returns the exit code it wants (0 or 1); a user error prints its lines on
 * stderr and sets its exit code (2); anything else is a bug in this tool and keeps its stack.
 */
export function runAction<Args extends unknown[]>(action: (...args: Args) => Promise<number>): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      process.exitCode = await action(...args);
    } catch (error) {
      process.exitCode = reportFailure(error);
    }
  };
}
