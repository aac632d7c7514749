/**
 * JSON text with positions: the one parser every loader uses, so a syntax error is reported at the same
 * `file:line:column` whether it is in a schema, a sample, the lock, a manifest or a validated log.
 */
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
 * The offset of the first character that cannot continue a JSON text. V8 names a position for some
 * mistakes only ("Unexpected token 'o', …" has none), so the longest viable prefix is found by
 * bisection: a few parses, and only for a text that failed.
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

/** What a JSON.parse message says was wrong, without Node's position and its echo of the text. */
export function jsonErrorReason(message: string): string {
  return message
    .replace(/ (?:in JSON )?at position \d+.*$/s, "")
    .replace(/^JSON\.parse: /, "")
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, "")
    .replace(/\s+/g, " ");
}

export interface JsonSyntaxError {
  /** Undefined only for a cheap location V8 gave no position for. */
  line?: number;
  column?: number;
  reason: string;
}

/**
 * Where and why `text` is not JSON, given the error JSON.parse threw on it. `cheap`: only where V8 names
 * the position (no bisection: for a server that must not spend time on a sender's broken bodies).
 */
export function locateJsonError(text: string, error: unknown, cheap = false): JsonSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  const offset = position !== undefined ? Number(position) : cheap ? undefined : jsonErrorOffset(text);
  const reason = jsonErrorReason(message);
  return offset === undefined ? { reason } : { ...lineColumnAt(text, offset), reason };
}

/** JSON.parse, or where and why the text is not JSON. */
export function tryParseJson(text: string, cheap = false): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: locateJsonError(text, error, cheap) };
  }
}

/** Parse JSON text (a leading byte-order mark allowed); a syntax error is one problem at `file:line:column`. */
export function parseJson(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = tryParseJson(body);
  if (parsed.ok) return parsed.value;
  const { line, column, reason } = parsed.error;
  throw new CannotRunError(`not valid JSON: ${reason}`, { file, ...(line !== undefined ? { line, column } : {}) });
}

/** An integer literal of a JSON text that JSON.parse cannot hold exactly (beyond ±(2^53 − 1)). */
export interface UnsafeInteger {
  /** Offset of the literal's first character in the text. */
  offset: number;
  literal: string;
}

const BEFORE_LITERAL = new Set(["", "[", ":", ",", " ", "\n", "\r", "\t"]);
const AFTER_LITERAL = new Set(["", ",", "]", "}", " ", "\n", "\r", "\t"]);
const MIN_DIGITS = 16;

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * Is there a run of sixteen digits or more that stands as a bare literal (after `[`, `:`, `,`,
 * whitespace or the start, an optional minus between; before `,`, `]`, `}`, whitespace or the end)? Runs
 * inside strings (a quote or a letter before them), fractions and exponents are passed over. This runs on
 * every request `listen` takes, so it looks at every sixteenth character only: any run of sixteen digits
 * covers one of them, and only there is the run measured.
 */
function mayHoldLongInteger(text: string): boolean {
  for (let index = MIN_DIGITS - 1; index < text.length; index += MIN_DIGITS) {
    if (!isDigit(text.charCodeAt(index))) continue;
    let start = index;
    while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
    let end = index + 1;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    if (end - start >= MIN_DIGITS) {
      const sign = start > 0 && text[start - 1] === "-" ? 1 : 0;
      const before = start - sign === 0 ? "" : text[start - sign - 1]!;
      if (BEFORE_LITERAL.has(before) && AFTER_LITERAL.has(text[end] ?? "")) return true;
    }
    // Go on after this run (the loop's step lands inside the text beyond it).
    index = end - 1;
  }
  return false;
}

const NUMBER_LITERAL = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * Integer literals (no fraction, no exponent) outside JavaScript's safe range, where they appear in
 * `text` outside strings: `9007199254740993` would be read as 9007199254740992. Whoever reads such a
 * text should say so (a replay keeps the bytes, but anything that re-encodes the value changes it).
 * Cheap for texts without them: one search for a bare literal of sixteen digits or more (the fewest such
 * a literal has); only a text with one is scanned, strings skipped, to be sure.
 */
export function unsafeIntegers(text: string): UnsafeInteger[] {
  if (!mayHoldLongInteger(text)) return [];
  const found: UnsafeInteger[] = [];
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      // A string: skip to its closing quote, escapes included.
      index++;
      while (index < text.length && text.charCodeAt(index) !== 0x22) index += text.charCodeAt(index) === 0x5c ? 2 : 1;
      index++;
    } else if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
      NUMBER_LITERAL.lastIndex = index;
      const match = NUMBER_LITERAL.exec(text);
      if (match === null) {
        index++;
        continue;
      }
      const literal = match[0];
      if (match[1] === undefined && match[2] === undefined && literal.length >= 16 && !Number.isSafeInteger(Number(literal))) {
        found.push({ offset: index, literal });
      }
      index += literal.length;
    } else {
      index++;
    }
  }
  return found;
}
