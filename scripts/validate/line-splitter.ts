/**
 * Split a byte stream into lines without decoding whole chunks: find byte 10 in the raw Buffer and decode
 * each line on its own (several times faster than `readline` or decoding chunks to strings first).
 * A trailing `\r` and a leading UTF-8 byte-order mark are dropped.
 */
export type LineHandler = (text: string, lineNumber: number) => void;

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

export class LineSplitter {
  /** Bytes of a line that started in an earlier chunk. */
  private pending: Buffer[] = [];
  private lineNumber = 0;

  constructor(private readonly onLine: LineHandler) {}

  push(chunk: Buffer): void {
    let start = 0;
    let end = chunk.indexOf(NEWLINE, start);
    if (end !== -1 && this.pending.length > 0) {
      this.pending.push(chunk.subarray(0, end));
      this.emit(Buffer.concat(this.pending), 0, -1);
      this.pending = [];
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    while (end !== -1) {
      this.emit(chunk, start, end);
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  /** The last line, when the input does not end with a newline. */
  end(): void {
    if (this.pending.length > 0) this.emit(Buffer.concat(this.pending), 0, -1);
    this.pending = [];
  }

  /** Decode bytes [start, end) of `buffer` (end -1: to its end) as one line. */
  private emit(buffer: Buffer, start: number, end: number): void {
    let stop = end === -1 ? buffer.length : end;
    if (stop > start && buffer[stop - 1] === CARRIAGE_RETURN) stop--;
    this.lineNumber++;
    if (this.lineNumber === 1 && buffer[start] === 0xef && buffer[start + 1] === 0xbb && buffer[start + 2] === 0xbf) {
      start += 3;
    }
    this.onLine(buffer.toString("utf8", start, stop), this.lineNumber);
  }
}
