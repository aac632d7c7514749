/**
 * Integers in JSON text that JSON.parse cannot hold exactly: beyond 2^53 a double skips integers, so
 * `"account_id": 9007199254740993` parses as 9007199254740992, and whatever re-encodes the event sends
 * another number than the one that arrived.
 *
 * Cheap enough for every line of a log and every request: such a literal has more than 15 digits, and
 * any run of 16 digits covers one of the positions 15, 31, 47 …, so the scan looks at every 16th
 * character only, and at the run around it when that one is a digit. Only a text with a run that long is
 * then read token by token, to tell numbers from digits inside strings and to name each one's pointer.
 */
import { pointerSegment } from "../runtime/pointer.js";

export interface InexactInteger {
  /** Offset (UTF-16 code units) of the literal in the text. */
  offset: number;
  /** JSON pointer (RFC 6901) of the value in the parsed text. */
  pointer: string;
  /** The literal as written. */
  literal: string;
  /** The number JSON.parse gives for it, as JavaScript writes it. */
  parsed: string;
}

const NONE: readonly InexactInteger[] = Object.freeze([]);
/** 15 digits always fit a double exactly (2^53 has 16). */
const SAFE_DIGITS = 15;

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Does the text hold a run of more than 15 digits (a candidate for an inexact integer)? */
export function hasLongDigitRun(text: string): boolean {
  const length = text.length;
  for (let i = SAFE_DIGITS; i < length; i += SAFE_DIGITS + 1) {
    if (!isDigit(text.charCodeAt(i))) continue;
    let start = i;
    while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < length && isDigit(text.charCodeAt(end))) end++;
    if (end - start > SAFE_DIGITS) return true;
  }
  return false;
}

/**
 * The integer literals of a JSON text that JSON.parse does not read as the integer written, in text
 * order. The text should be valid JSON (parse it first); on anything else the scan stops where it can go
 * no further and returns what it found, it never throws.
 */
export function inexactIntegers(text: string): readonly InexactInteger[] {
  return hasLongDigitRun(text) ? scan(text) : NONE;
}

/** Where the scan is inside a container: an array's index, or an object's current key (its raw literal). */
interface Frame {
  array: boolean;
  index: number;
  keyStart: number;
  keyEnd: number;
  /** In an object: the next string is a key. */
  expectKey: boolean;
}

/** A key as JSON.parse reads it (its raw text when it is not a valid literal: the scan never throws). */
function keyOf(text: string, frame: Frame): string {
  const literal = text.slice(frame.keyStart, frame.keyEnd);
  try {
    return String(JSON.parse(literal));
  } catch {
    return literal.slice(1, -1);
  }
}

function pointerOf(text: string, frames: readonly Frame[]): string {
  let pointer = "";
  for (const frame of frames) pointer += `/${pointerSegment(frame.array ? frame.index : keyOf(text, frame))}`;
  return pointer;
}

/** The offset just after the string literal starting at `start` (its opening quote). */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

const NUMBER_CHAR = /[-+.eE0-9]/;

/** Is the integer literal read as itself? */
function exact(literal: string): { exact: boolean; parsed: string } {
  const value = Number(literal);
  const parsed = String(value);
  if (!Number.isFinite(value)) return { exact: false, parsed };
  return { exact: BigInt(literal) === BigInt(value), parsed };
}

function scan(text: string): InexactInteger[] {
  const found: InexactInteger[] = [];
  const frames: Frame[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const top = frames.at(-1);
    if (code === 34 /* " */) {
      const end = stringEnd(text, i);
      if (top !== undefined && !top.array && top.expectKey) {
        top.keyStart = i;
        top.keyEnd = end;
        top.expectKey = false;
      }
      i = end;
    } else if (code === 123 /* { */ || code === 91 /* [ */) {
      frames.push({ array: code === 91, index: 0, keyStart: 0, keyEnd: 0, expectKey: code === 123 });
      i++;
    } else if (code === 125 /* } */ || code === 93 /* ] */) {
      frames.pop();
      i++;
    } else if (code === 44 /* , */) {
      if (top?.array) top.index++;
      else if (top !== undefined) top.expectKey = true;
      i++;
    } else if (code === 45 /* - */ || isDigit(code)) {
      let end = i + 1;
      while (end < length && NUMBER_CHAR.test(text[end]!)) end++;
      const literal = text.slice(i, end);
      const digits = literal.charCodeAt(0) === 45 ? literal.length - 1 : literal.length;
      if (digits > SAFE_DIGITS && /^-?\d+$/.test(literal)) {
        const verdict = exact(literal);
        if (!verdict.exact) found.push({ offset: i, pointer: pointerOf(text, frames), literal, parsed: verdict.parsed });
      }
      i = end;
    } else {
      // Whitespace, ':', true / false / null: nothing to track.
      i++;
    }
  }
  return found;
}
