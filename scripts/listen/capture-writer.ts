import { closeSync, constants, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writevSync } from "node:fs";
import { dirname } from "node:path";
import { kindOf } from "../load/walk.js";
import { makeFoldersSync } from "../write/folders.js";

const NEWLINE = Buffer.from("\n");

/** `fs.writevSync`'s shape (bytes written, maybe fewer than given); tests swap it to force short writes and failures. */
export type WriteFn = (fd: number, buffers: readonly Buffer[]) => number;

/** A record could not be written; the file was put back as it was before the record. */
export class CaptureWriteError extends Error {
  constructor(readonly code: string) {
    super(`could not write the capture file (${code})`);
    this.name = "CaptureWriteError";
  }
}

/**
 * The capture file: NDJSON, one record per line, appended through one append-mode descriptor.
 *
 * Each record is one fully built line written synchronously, so two requests can never interleave and a
 * record is on disk (in the kernel's page cache, which outlives this process) before the request is
 * answered. A short write is continued; a failed one is cut back off the file so no half line stays.
 * A SIGKILL in the middle of a multi-page write can still leave a torn last line (the kernel stops copying
 * for a dying process); such a request was never answered, the sender retries it, and the next `open`
 * cuts the torn tail off.
 */
export class CaptureWriter {
  records = 0;
  bytes = 0;
  private fd: number | undefined;
  /** Set when a failed write could not be cut back: the next record starts on a fresh line. */
  private needsNewline = false;

  private constructor(
    readonly path: string,
    fd: number,
    /** Bytes of a torn last line found (and removed) when the file was opened. */
    readonly repairedTornBytes: number,
    private readonly write: WriteFn,
  ) {
    this.fd = fd;
  }

  /**
   * Open (or create) the capture file for appending. Only a regular file will do: a FIFO or a device
   * would block the server on its first record, so it is refused at once (opened without blocking, then
   * looked at), with an error whose `code` says why.
   */
  static open(path: string, write: WriteFn = writevSync): CaptureWriter {
    makeFoldersSync(dirname(path));
    const fd = openSync(path, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK, 0o666);
    try {
      const info = fstatSync(fd);
      if (!info.isFile()) throw Object.assign(new Error(`${path} is ${kindOf(info)}`), { code: "ENOTREGULAR", kind: kindOf(info) });
      const torn = cutTornTail(fd);
      return new CaptureWriter(path, fd, torn, write);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /**
   * Append one record, given as its whole line (see `captureLine`). Throws `CaptureWriteError` (the file
   * unchanged) when the disk refuses.
   */
  append(record: Buffer): void {
    this.appendAll([record]);
  }

  /**
   * Append several records (whole lines) in one write: the requests that arrived in one turn of the event
   * loop. All or none of them end up in the file. One `writev`, so the lines are not copied together
   * first (that copy was ~1% of a request under load).
   */
  appendAll(records: readonly Buffer[]): void {
    if (this.fd === undefined) throw new CaptureWriteError("closed");
    let parts = this.needsNewline ? [NEWLINE, ...records] : records;
    let total = 0;
    for (const part of parts) total += part.length;
    let written = 0;
    try {
      while (written < total) {
        const count = this.write(this.fd, parts);
        if (count <= 0) throw Object.assign(new Error("no progress"), { code: "EIO" });
        written += count;
        if (written < total) parts = after(parts, count);
      }
    } catch (error) {
      if (written > 0) this.cutBack(written);
      throw new CaptureWriteError((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    }
    this.needsNewline = false;
    this.records += records.length;
    this.bytes += total;
  }

  /** Flush to the disk and close; safe to call twice. */
  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  private cutBack(written: number): void {
    try {
      ftruncateSync(this.fd!, fstatSync(this.fd!).size - written);
    } catch {
      this.needsNewline = true;
    }
  }
}

/** What is left of `parts` once their first `count` bytes are written (a short write). */
function after(parts: readonly Buffer[], count: number): Buffer[] {
  const rest: Buffer[] = [];
  let skip = count;
  for (const part of parts) {
    if (skip >= part.length) skip -= part.length;
    else {
      rest.push(skip > 0 ? part.subarray(skip) : part);
      skip = 0;
    }
  }
  return rest;
}

/** If the file does not end with a newline, cut it back to its last whole line; returns the bytes cut. */
function cutTornTail(fd: number): number {
  const size = fstatSync(fd).size;
  if (size === 0) return 0;
  const chunk = Buffer.alloc(64 * 1024);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const length = readSync(fd, chunk, 0, end - start, start);
    const newline = chunk.subarray(0, length).lastIndexOf(10);
    if (newline !== -1) {
      const keep = start + newline + 1;
      if (keep < size) ftruncateSync(fd, keep);
      return size - keep;
    }
    end = start;
  }
  ftruncateSync(fd, 0);
  return size;
}
