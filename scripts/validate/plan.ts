/**
 * The work of a run, cut into units in input order: consecutive small files go in batches, and an NDJSON
 * file larger than `splitBytes` is cut into byte ranges (the lines of one range are checked without the
 * others). Whether other threads join in is decided here too: only when there is enough work to repay
 * their start, so a small input stays on one thread and starts as fast as before.
 */
import { availableParallelism } from "node:os";
import { closeSync, openSync, readSync } from "node:fs";
import { isBlank, parsesAlone } from "./check-file.js";
import { LineSplitter } from "./line-splitter.js";
import type { Unit, UnitFile } from "./units.js";

export interface Tuning {
  /** Threads to check on, the main one included. */
  threads: number;
  /** Bytes per range of a large NDJSON file. */
  rangeBytes: number;
  /** NDJSON files larger than this are read in ranges. */
  splitBytes: number;
  /** A batch of small files ends at this many files or bytes. */
  batchFiles: number;
  batchBytes: number;
  /** Other threads start only for at least this many bytes or files. */
  parallelBytes: number;
  parallelFiles: number;
}

export function defaultTuning(): Tuning {
  return {
    threads: availableParallelism(),
    rangeBytes: 1 << 20,
    splitBytes: 2 << 20,
    batchFiles: 128,
    batchBytes: 1 << 20,
    // Measured on 2 cores: a worker's start (its own Node, the validators, code not yet optimised) is
    // repaid from about 20 MiB of NDJSON, but only by folders of well over 10,000 small files.
    parallelBytes: 24 << 20,
    parallelFiles: 20_000,
  };
}

export interface FileInput extends UnitFile {
  /** Bytes, when known (a regular file). */
  size?: number;
}

export interface PlannedUnit {
  unit: Unit;
  /** For a range: the first and the last of its file. */
  firstOfFile?: boolean;
  lastOfFile?: boolean;
}

export interface Plan {
  units: PlannedUnit[];
  /** Threads worth starting (1: this one only). */
  threads: number;
}

const PEEK_BYTES = 64 * 1024;

/**
 * Does the file read as NDJSON from its first line (the test the checker applies: the first line that
 * holds something is JSON on its own)? Undecided within the first 64 KiB, or unreadable: no (it is then
 * read whole, and whatever is wrong is reported in its turn).
 */
function startsAsLines(path: string): boolean {
  let verdict: boolean | undefined;
  const splitter = new LineSplitter((text, _line, _terminated, invalidUtf8) => {
    if (verdict !== undefined) return;
    if (invalidUtf8 !== undefined) verdict = false;
    else if (!isBlank(text)) verdict = parsesAlone(text);
  });
  try {
    const fd = openSync(path, "r");
    try {
      const buffer = Buffer.allocUnsafe(PEEK_BYTES);
      const count = readSync(fd, buffer, 0, PEEK_BYTES, 0);
      splitter.push(buffer.subarray(0, count));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  return verdict === true;
}

export function planUnits(inputs: readonly FileInput[], tuning: Tuning): Plan {
  const units: PlannedUnit[] = [];
  let batch: UnitFile[] = [];
  let batchBytes = 0;
  let totalBytes = 0;
  const flush = (): void => {
    if (batch.length > 0) units.push({ unit: { kind: "files", files: batch } });
    batch = [];
    batchBytes = 0;
  };
  for (const input of inputs) {
    const file: UnitFile = { name: input.name, path: input.path, lines: input.lines };
    const size = input.size ?? 0;
    totalBytes += size;
    if (size > tuning.splitBytes && (input.lines || startsAsLines(input.path))) {
      flush();
      const count = Math.ceil(size / tuning.rangeBytes);
      for (let k = 0; k < count; k++) {
        const unit: Unit = { kind: "range", file, start: k * tuning.rangeBytes, end: Math.min(size, (k + 1) * tuning.rangeBytes), size };
        units.push({ unit, firstOfFile: k === 0, lastOfFile: k === count - 1 });
      }
      continue;
    }
    batch.push(file);
    batchBytes += size;
    if (batch.length >= tuning.batchFiles || batchBytes >= tuning.batchBytes) flush();
  }
  flush();
  const enough = totalBytes >= tuning.parallelBytes || inputs.length >= tuning.parallelFiles;
  return { units, threads: enough && units.length > 1 ? Math.max(1, tuning.threads) : 1 };
}
