/**
 * Where bytes stop being UTF-8, for the message about them (Node says only whether they are: `isUtf8`).
 * Called for the rare line or captured body that is not UTF-8, never on the way of valid input.
 */

const isContinuation = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x80 && byte <= 0xbf;

/** The offset of the first byte that does not begin a valid UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (byte >= 0xc2 && byte <= 0xdf) length = 2;
    else if (byte >= 0xe0 && byte <= 0xef) {
      length = 3;
      if (byte === 0xe0) low = 0xa0; // no overlong forms
      if (byte === 0xed) high = 0x9f; // no surrogates
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      length = 4;
      if (byte === 0xf0) low = 0x90;
      if (byte === 0xf4) high = 0x8f; // nothing above U+10FFFF
    } else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k < length; k++) if (!isContinuation(bytes[i + k])) return i;
    i += length;
  }
  return -1;
}

/** The first bad byte of `bytes` (which must hold one): its offset, and `0xff` for messages. */
export function invalidUtf8Byte(bytes: Uint8Array): { offset: number; hex: string } {
  const offset = Math.max(0, firstInvalidUtf8(bytes));
  return { offset, hex: `0x${(bytes[offset] ?? 0).toString(16).padStart(2, "0")}` };
}
