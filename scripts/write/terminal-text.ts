/**
 * Text that came from input (a file, a remote sender) made safe for a terminal or a report line: every
 * control character (C0, DEL, C1), every line or paragraph separator and every bidirectional override
 * becomes a visible escape (`\x1b`, `\u202e`), so nothing in a payload can move the cursor, clear the
 * screen, set a window title, break a one-line message in two, or reorder what is shown around it.
 */

// C0 controls, DEL and C1 controls; U+2028/2029 separators; bidi embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(char: string): string {
  const code = char.charCodeAt(0);
  if (code === 0x09) return "\\t";
  if (code === 0x0a) return "\\n";
  if (code === 0x0d) return "\\r";
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** `text` with everything a terminal would act on written as an escape. */
export function terminalSafe(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, escapeOne) : text;
}
