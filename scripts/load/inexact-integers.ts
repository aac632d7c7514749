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
    // A run of 16 that holds i also holds i - 8 or i + 8: most digits (dates, small numbers) stop here.
    if (!isDigit(text.charCodeAt(i - 8)) && !isDigit(text.charCodeAt(i + 8))) continue;
    let start = i;
    while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
    if (i - start >= SAFE_DIGITS) return true;
    const enough = start + SAFE_DIGITS + 1;
    let end = i + 1;
    while (end < enough && end < length && isDigit(text.charCodeAt(end))) end++;
    if (end === enough) return true;
    // The run ends at `end` (not a digit): a longer one must start after it, so it covers end + 16k.
    i = end;
  }
  return false;
}

/**
 * The integer literals of a JSON text that JSON.parse does not read as the integer written, in text
 * order. The text should be valid JSON (parse it first, and pass what JSON.parse gave when you have it:
 * that spares most texts the token scan); on anything else the scan returns what it found, it never throws.
 */
export function inexactIntegers(text: string, parsed?: unknown): readonly InexactInteger[] {
  if (!hasLongDigitRun(text)) return NONE;
  // Long runs of digits are mostly ids inside strings: when the parsed value is at hand and holds no
  // number that large, there is nothing to find, and nothing to tokenise.
  if (parsed !== undefined && !holdsLargeNumber(parsed)) return NONE;
  return scan(text);
}

const LARGE = 2 ** 53;

/** Does the value hold a number of magnitude 2^53 or more (what an inexact literal parses to)? */
function holdsLargeNumber(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node === "number") {
      if (node >= LARGE || node <= -LARGE) return true;
    } else if (typeof node === "object" && node !== null) {
      if (Array.isArray(node)) for (const item of node) pending.push(item);
      else for (const key in node) pending.push((node as Record<string, unknown>)[key]);
    }
  }
  return false;
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
  const length = text.length;
  for (let i = start + 1; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) return i + 1;
    if (code === 92 /* \ */) i++;
  }
  return length;
}

/**
 * Is the integer literal read as itself? What counts is what comes back out: a double beyond 2^53 that
 * JSON.stringify writes back as the same digits (its shortest form) changes nothing downstream, one that
 * comes back as other digits (9007199254740993 → 9007199254740992, or 1e+21) does.
 */
function exact(literal: string): { exact: boolean; parsed: string } {
  const parsed = String(Number(literal));
  return { exact: parsed === literal, parsed };
}

const isNumberChar = (code: number): boolean => isDigit(code) || code === 45 || code === 43 || code === 46 || code === 101 || code === 69;

function scan(text: string): InexactInteger[] {
  const found: InexactInteger[] = [];
  const frames: Frame[] = [];
  let top: Frame | undefined;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) {
      const end = stringEnd(text, i);
      if (top !== undefined && top.expectKey) {
        top.keyStart = i;
        top.keyEnd = end;
        top.expectKey = false;
      }
      i = end;
    } else if (code === 123 /* { */ || code === 91 /* [ */) {
      top = { array: code === 91, index: 0, keyStart: 0, keyEnd: 0, expectKey: code === 123 };
      frames.push(top);
      i++;
    } else if (code === 125 /* } */ || code === 93 /* ] */) {
      frames.pop();
      top = frames[frames.length - 1];
      i++;
    } else if (code === 44 /* , */) {
      if (top !== undefined) {
        if (top.array) top.index++;
        else top.expectKey = true;
      }
      i++;
    } else if (code === 45 /* - */ || isDigit(code)) {
      let end = i + 1;
      let integer = true;
      while (end < length) {
        const next = text.charCodeAt(end);
        if (!isNumberChar(next)) break;
        if (!isDigit(next)) integer = false;
        end++;
      }
      const digits = code === 45 ? end - i - 1 : end - i;
      if (integer && digits > SAFE_DIGITS) {
        const literal = text.slice(i, end);
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
