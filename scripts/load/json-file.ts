import { CannotRunError } from "../errors.js";

/** 1-based line and column of a character offset in a text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Node's JSON.parse names a position ("at position 12") or, for a cut-off text, nothing. */
function errorOffset(message: string, text: string): number {
  const match = /position (\d+)/.exec(message);
  if (match?.[1] !== undefined) return Number(match[1]);
  return text.length;
}

/** The part of a JSON.parse message that says what was wrong, without Node's position suffix. */
export function describeJsonError(message: string): string {
  return message.replace(/ in JSON at position \d+.*$/s, "").replace(/^JSON\.parse: /, "");
}

/** Parse JSON text; a syntax error becomes one line naming the file, line and column. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const { line, column } = lineColumnAt(text, errorOffset(message, text));
    throw new CannotRunError(`not valid JSON: ${describeJsonError(message)}`, { file, line, column });
  }
}
