/** Where a JSON text stops being JSON, and why, from a JSON.parse failure. */
import { describeJsonError, lineColumnAt } from "../load/json-file.js";

/** Does JSON.parse fail only because `prefix` ends early (so it could still be the start of JSON)? */
function isViablePrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    if (/Unexpected end of JSON input|Unterminated string/.test(message)) return true;
    const position = /at position (\d+)/.exec(message);
    return position !== null && Number(position[1]) >= prefix.length;
  }
}

/**
 * The offset of the first character that cannot continue a JSON text. V8 does not always say
 * ("Unexpected token 'x', …"), so find the longest viable prefix by bisection: a few parses, on failure only.
 */
export function jsonErrorOffset(text: string): number {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (isViablePrefix(text.slice(0, middle))) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Node's message without its position and its echo of the text. */
export function jsonErrorReason(message: string): string {
  return describeJsonError(message).replace(/, (\.\.\.)?".*" is not valid JSON$/s, "");
}

/** 1-based line and column of the JSON error in `text`, with the reason. */
export function locateJsonError(text: string, error: Error): { line: number; column: number; reason: string } {
  const { line, column } = lineColumnAt(text, jsonErrorOffset(text));
  return { line, column, reason: jsonErrorReason(error.message) };
}
