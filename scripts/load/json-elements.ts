/**
 * The exact text of each element of a JSON array (or of the whole value when it is not an array), as
 * offsets into the text it was parsed from. `send` replays these texts instead of re-encoding parsed
 * values, which would change what was read: `9007199254740993` would become `9007199254740992`, `1.0`
 * would become `1`, `"\u00e9"` would become `"é"`.
 */

export interface TextSpan {
  start: number;
  end: number;
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/** Offset just past the string starting at `index` (a quote), escapes skipped. */
function afterString(text: string, index: number): number {
  let at = index + 1;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 0x5c) at += 2;
    else if (code === 0x22) return at + 1;
    else at++;
  }
  return at;
}

/** The span of the value `text` holds, surrounding whitespace left out. */
export function valueSpan(text: string): TextSpan {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/**
 * The spans of the elements of the array `text` holds (a text JSON.parse accepted), each without the
 * whitespace around it; undefined when the value is not an array.
 */
export function arrayElementSpans(text: string): TextSpan[] | undefined {
  const whole = valueSpan(text);
  if (text.charCodeAt(whole.start) !== 0x5b) return undefined;
  const spans: TextSpan[] = [];
  let depth = 0;
  let elementStart = -1;
  let lastEnd = -1;
  for (let index = whole.start; index < whole.end; ) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      if (depth === 1 && elementStart === -1) elementStart = index;
      index = afterString(text, index);
      lastEnd = index;
      continue;
    }
    if (code === 0x5b || code === 0x7b) {
      if (depth === 1 && elementStart === -1) elementStart = index;
      depth++;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
      if (depth === 0) {
        if (elementStart !== -1) spans.push({ start: elementStart, end: lastEnd });
        break;
      }
    } else if (code === 0x2c && depth === 1) {
      spans.push({ start: elementStart, end: lastEnd });
      elementStart = -1;
      index++;
      continue;
    } else if (!isSpace(code) && depth === 1 && elementStart === -1) {
      elementStart = index;
    }
    if (!isSpace(code)) lastEnd = index + 1;
    index++;
  }
  return spans;
}
