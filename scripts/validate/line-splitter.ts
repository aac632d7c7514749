/**
 * Split a byte stream into lines without decoding whole chunks: find byte 10 in the raw Buffer and decode
 * each line on its own (several times faster than `readline` or decoding chunks to strings first).
 * A trailing `\r` is dropped, and a UTF-8 byte-order mark at the start of the file.
 *
 * Every line is checked to be UTF-8: decoding turns a bad byte into U+FFFD, so only a line whose text
 * holds U+FFFD has its bytes looked at again (a real U+FFFD in the input is valid UTF-8 and passes).
 * The bytes of a line that is not UTF-8 are handed on, so the place of the bad byte can be reported.
 *
 * Chunks may live in a buffer the caller reuses for its next read: the splitter keeps a copy of a line
 * that runs on into the next chunk, never a view of the chunk.
 */
import { isUtf8 } from "node:buffer";

/**
 * One line: its text; its number (1 = the first line the splitter saw); whether a newline ended it (false
 * only for a last line the input stopped in the middle of); its bytes when they are not UTF-8.
 */
export type LineHandler = (text: string, lineNumber: number, terminated: boolean, invalidUtf8: Buffer | undefined) => void;

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const REPLACEMENT = "\uFFFD";

export class LineSplitter {
  /** Bytes of a line that started in an earlier chunk (copies). */
  private pending: Buffer[] = [];
  private lineNumber = 0;
  /** A byte-order mark is dropped only from the first line of a file (not from a range in its middle). */
  private readonly atFileStart: boolean;

  constructor(
    private readonly onLine: LineHandler,
    options: { atFileStart?: boolean } = {},
  ) {
    this.atFileStart = options.atFileStart ?? true;
  }

  /** The number of lines handed on so far. */
  get lines(): number {
    return this.lineNumber;
  }

  push(chunk: Buffer): void {
    let start = 0;
    let end = chunk.indexOf(NEWLINE, start);
    if (end !== -1 && this.pending.length > 0) {
      this.pending.push(chunk.subarray(0, end));
      this.emit(Buffer.concat(this.pending), 0, -1, true);
      this.pending = [];
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    while (end !== -1) {
      this.emit(chunk, start, end, true);
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) this.pending.push(Buffer.from(chunk.subarray(start)));
  }

  /** The input ended: a last line without a newline is handed on as such. */
  end(): void {
    if (this.pending.length > 0) this.emit(Buffer.concat(this.pending), 0, -1, false);
    this.pending = [];
  }

  /** Decode bytes [start, end) of `buffer` (end -1: to its end) as one line. */
  private emit(buffer: Buffer, start: number, end: number, terminated: boolean): void {
    let stop = end === -1 ? buffer.length : end;
    if (stop > start && buffer[stop - 1] === CARRIAGE_RETURN) stop--;
    this.lineNumber++;
    if (this.lineNumber === 1 && this.atFileStart && buffer[start] === 0xef && buffer[start + 1] === 0xbb && buffer[start + 2] === 0xbf) {
      start += 3;
    }
    const text = buffer.toString("utf8", start, stop);
    let invalid: Buffer | undefined;
    if (text.indexOf(REPLACEMENT) !== -1) {
      const bytes = buffer.subarray(start, stop);
      if (!isUtf8(bytes)) invalid = Buffer.from(bytes);
    }
    this.onLine(text, this.lineNumber, terminated, invalid);
  }
}
