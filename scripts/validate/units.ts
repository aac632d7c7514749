/**
 * Units of work: a batch of small files, or a byte range of a large NDJSON file. The same function runs a
 * unit on the main thread and in a worker: it opens and reads the files itself, synchronously, into one
 * reused buffer (nothing is copied between threads but the findings), and returns plain data.
 *
 * A range holds the lines that start inside it: it skips the line that started before it (the previous
 * range reads that one to its end) and reads on past its end to finish its own last line. Lines count
 * from its start; the main thread, taking the results in order, knows how many came before.
 */
import { isUtf8 } from "node:buffer";
import { closeSync, openSync, readSync } from "node:fs";
import { CannotRunError, fsReason, type Place } from "../errors.js";
import type { ValidateOptions } from "../runtime/problems.js";
import { FileChecker } from "./check-file.js";
import { LineSplitter } from "./line-splitter.js";
import { UnitCollector, type UnitResult } from "./report.js";

export interface UnitFile {
  /** The name findings show. */
  name: string;
  path: string;
  /** NDJSON by extension. */
  lines: boolean;
}

export type Unit =
  | { kind: "files"; files: UnitFile[] }
  | {
      kind: "range";
      file: UnitFile;
      /** Bytes [start, end) of a file of `size` bytes (its size when the run began: a log still growing is read to there). */
      start: number;
      end: number;
      size: number;
    };

/** Why a unit stopped, as plain data (a worker cannot send an Error's class). */
export type UnitFailure = { kind: "cannotRun"; message: string; place?: Place } | { kind: "internal"; message: string; stack?: string };

export interface UnitOutcome {
  /** What was found, up to the failure if there was one. */
  result: UnitResult;
  failure?: UnitFailure;
}

/** One read: 1 MiB (fewer system calls than 64 KiB, and a small file is read in one). */
export const READ_BYTES = 1 << 20;

export function failureOf(error: unknown): UnitFailure {
  if (error instanceof CannotRunError) return { kind: "cannotRun", message: error.message, ...(error.place ? { place: error.place } : {}) };
  const stack = error instanceof Error ? error.stack : undefined;
  return { kind: "internal", message: error instanceof Error ? error.message : String(error), ...(stack !== undefined ? { stack } : {}) };
}

/** The error a failure stands for, on the main thread. */
export function errorOf(failure: UnitFailure): Error {
  if (failure.kind === "cannotRun") return new CannotRunError(failure.message, failure.place);
  const error = new Error(failure.message);
  if (failure.stack !== undefined) error.stack = failure.stack;
  return error;
}

function readError(file: UnitFile, error: unknown): CannotRunError {
  return error instanceof CannotRunError ? error : new CannotRunError(`cannot read: ${fsReason(error)}`, { file: file.name });
}

function readNext(file: UnitFile, fd: number, buffer: Buffer): number {
  try {
    return readSync(fd, buffer, 0, buffer.length, null);
  } catch (error) {
    throw readError(file, error);
  }
}

/**
 * Read `file` to its end into `buffer`. A file that fits is read in one call (a regular file reads short
 * only at its end) and checked as one text when it is UTF-8; a larger one goes through the line splitter
 * a buffer at a time.
 */
function checkWholeFile(file: UnitFile, options: ValidateOptions, collector: UnitCollector, buffer: Buffer): void {
  const checker = new FileChecker(file.name, file.lines, collector, options);
  let fd: number;
  try {
    fd = openSync(file.path, "r");
  } catch (error) {
    throw readError(file, error);
  }
  try {
    let count = readNext(file, fd, buffer);
    if (count < buffer.length) {
      const bytes = buffer.subarray(0, count);
      const text = bytes.toString("utf8");
      if (text.indexOf("\uFFFD") === -1 || isUtf8(bytes)) {
        checker.text(text);
        collector.result.files++;
        return;
      }
    }
    const splitter = new LineSplitter((text, line, terminated, invalidUtf8) => checker.line(text, line, terminated, invalidUtf8));
    while (count > 0) {
      splitter.push(count === buffer.length ? buffer : buffer.subarray(0, count));
      if (count < buffer.length) break;
      count = readNext(file, fd, buffer);
    }
    splitter.end();
  } finally {
    closeSync(fd);
  }
  checker.end();
  collector.result.files++;
}

function readAt(file: UnitFile, fd: number, buffer: Buffer, position: number, size: number): number {
  try {
    return readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
  } catch (error) {
    throw readError(file, error);
  }
}

/**
 * Hand `push` the bytes of the lines that start in [start, end): from the first line that starts there,
 * through the newline ending the line that holds byte end - 1, or to `size` when no newline comes. Each
 * byte is read once: the read that finds where the first line starts also brings its first bytes.
 */
function readRange(file: UnitFile, fd: number, start: number, end: number, size: number, buffer: Buffer, push: (chunk: Buffer) => void): void {
  // A line starts at `start` only when the byte before it is a newline: read from there.
  let position = start === 0 ? 0 : start - 1;
  let skipping = start > 0;
  while (position < size) {
    const count = readAt(file, fd, buffer, position, size);
    if (count === 0) return;
    let chunk = buffer.subarray(0, count);
    let chunkStart = position;
    position += count;
    if (skipping) {
      const newline = chunk.indexOf(10);
      if (newline === -1) {
        if (position >= end) return;
        continue;
      }
      skipping = false;
      chunkStart += newline + 1;
      if (chunkStart >= end) return;
      chunk = chunk.subarray(newline + 1);
    }
    if (chunkStart + chunk.length >= end) {
      const newline = chunk.indexOf(10, Math.max(0, end - 1 - chunkStart));
      if (newline !== -1) {
        push(chunk.subarray(0, newline + 1));
        return;
      }
    }
    push(chunk);
  }
}

function checkRange(unit: Extract<Unit, { kind: "range" }>, options: ValidateOptions, collector: UnitCollector, buffer: Buffer): void {
  const checker = new FileChecker(unit.file.name, true, collector, options);
  const splitter = new LineSplitter((text, line, terminated, invalidUtf8) => checker.line(text, line, terminated, invalidUtf8), {
    atFileStart: unit.start === 0,
  });
  let fd: number;
  try {
    fd = openSync(unit.file.path, "r");
  } catch (error) {
    throw readError(unit.file, error);
  }
  try {
    readRange(unit.file, fd, unit.start, unit.end, unit.size, buffer, (chunk) => splitter.push(chunk));
  } finally {
    closeSync(fd);
  }
  // The file's last line, when no newline ends it, is this range's to finish.
  splitter.end();
  collector.result.lines = splitter.lines;
  collector.result.nonBlank = checker.nonBlank;
}

/** Run one unit; a failure comes back with what was found before it. */
export function runUnit(unit: Unit, options: ValidateOptions, buffer: Buffer): UnitOutcome {
  const collector = new UnitCollector();
  try {
    if (unit.kind === "range") checkRange(unit, options, collector, buffer);
    else for (const file of unit.files) checkWholeFile(file, options, collector, buffer);
  } catch (error) {
    return { result: collector.result, failure: failureOf(error) };
  }
  return { result: collector.result };
}
