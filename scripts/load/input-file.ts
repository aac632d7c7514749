/**
 * Reading a file the user named (or one found in a folder they named): the one way inputs are opened. It
 * is opened without blocking and looked at before any byte is read, so a FIFO or a device is refused at
 * once instead of hanging the command, and a file larger than the reader can sensibly hold is refused
 * with its size instead of exhausting memory.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { CannotRunError, fsReason } from "../errors.js";
import { kindOf } from "./walk.js";

/** The path is there but is no regular file (`kind` says what it is: "a FIFO", "a device" …). */
export class NotRegularFileError extends CannotRunError {
  constructor(readonly file: string, readonly kind: string) {
    super(`cannot read: it is ${kind}, not a regular file`, { file });
    this.name = "NotRegularFileError";
  }
}

const MIB = 1024 * 1024;

/** `file`'s bytes; `maxBytes` (with `what`, for the message) refuses a larger file before reading it. */
export function readRegularFile(file: string, limit?: { maxBytes: number; what: string }): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new CannotRunError(`cannot read: ${fsReason(error)}`, { file });
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new CannotRunError("cannot read: it is a folder, not a file", { file });
    if (!info.isFile()) throw new NotRegularFileError(file, kindOf(info));
    if (limit !== undefined && info.size > limit.maxBytes) {
      throw new CannotRunError(
        `refused: ${Math.ceil(info.size / MIB)} MiB is more than ${limit.maxBytes / MIB} MiB, too large for ${limit.what}`,
        { file },
      );
    }
    // Read what fstat announced into one buffer, then on to the real end (the file may have grown).
    const chunks: Buffer[] = [];
    let total = 0;
    let chunk = Buffer.allocUnsafe(info.size + 1);
    for (;;) {
      let filled = 0;
      while (filled < chunk.length) {
        const count = readSync(fd, chunk, filled, chunk.length - filled, null);
        if (count === 0) break;
        filled += count;
      }
      chunks.push(chunk.subarray(0, filled));
      total += filled;
      if (limit !== undefined && total > limit.maxBytes) {
        throw new CannotRunError(`refused: more than ${limit.maxBytes / MIB} MiB, too large for ${limit.what}`, { file });
      }
      if (filled < chunk.length) break;
      chunk = Buffer.allocUnsafe(MIB);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof CannotRunError) throw error;
    throw new CannotRunError(`cannot read: ${fsReason(error)}`, { file });
  } finally {
    closeSync(fd);
  }
}
