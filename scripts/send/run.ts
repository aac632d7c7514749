import { printJson } from "../write/console.js";
import { CannotRunError, formatPlace, ProblemListError } from "../errors.js";
import { readEventInputs, type Skipped } from "../load/event-inputs.js";
import { terminalSafe } from "../write/terminal-text.js";
import { toBatches } from "./batches.js";
import { keepAliveAgents } from "../http-post.js";
import { postBatch, type BatchResult, type PostTarget, type RetryPolicy } from "./post-batch.js";

export interface SendOptions {
  to?: string;
  batchSize: string;
  concurrency: string;
  retries: string;
  retryDelay: string;
  timeout: string;
  success?: string;
  json?: boolean;
  /** One line per batch even for many batches. */
  verbose?: boolean;
}

export interface SendIo {
  out: (line: string) => void;
  err: (line: string) => void;
  userAgent: string;
}

/** Above this many batches, per-batch lines give way to progress lines (failures are always listed). */
const PER_BATCH_LINES_UP_TO = 50;
const MAX_SKIPPED_SHOWN = 5;

function wholeNumber(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new CannotRunError(`${name} must be a whole number of at least ${min} (found "${text}")`);
  }
  return value;
}

function parseTarget(options: SendOptions, userAgent: string): PostTarget {
  if (options.to === undefined) throw new CannotRunError("--to <url> is required (the webhook URL to post to)");
  let url: URL;
  try {
    url = new URL(options.to);
  } catch {
    throw new CannotRunError(`--to must be an http(s) URL (found "${options.to}")`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CannotRunError(`--to must be an http(s) URL (found "${options.to}")`);
  }
  let success: RegExp | undefined;
  if (options.success !== undefined) {
    try {
      success = new RegExp(options.success);
    } catch (error) {
      throw new CannotRunError(`--success is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  return { url: url.href, userAgent, ...(success ? { success } : {}) };
}

export interface BatchReport extends BatchResult {
  /** 1-based, in send order. */
  batch: number;
  events: number;
}

/** Post every event of the inputs in Altcraft's format; 0 when every batch got through, 1 otherwise. */
export async function runSend(paths: readonly string[], options: SendOptions, io: SendIo): Promise<number> {
  if (paths.length === 0) throw new CannotRunError("name at least one file or directory of events to send");
  const target = parseTarget(options, io.userAgent);
  const batchSize = wholeNumber("--batch-size", options.batchSize, 1);
  const concurrency = wholeNumber("--concurrency", options.concurrency, 1);
  const policy: RetryPolicy = {
    retries: wholeNumber("--retries", options.retries, 0),
    baseDelayMs: wholeNumber("--retry-delay", options.retryDelay, 0),
    maxDelayMs: 30_000,
    timeoutMs: wholeNumber("--timeout", options.timeout, 1) * 1000,
  };

  const input = await readEventInputs(paths);
  // A replay of a log with a broken line would send something else than what was logged: refuse it,
  // naming every broken place at once.
  if (input.problems.length > 0) throw new ProblemListError(input.problems, "the input");
  if (!options.json) reportSkipped(input.skipped, io);
  if (input.events.length === 0) {
    throw new CannotRunError(`no events in ${input.files.length === 0 ? "the given paths" : input.files.join(", ")}${input.skipped.length > 0 ? " (see the skipped inputs above)" : ""}`);
  }

  // Each event's text exactly as read: re-batching joins them, nothing re-encodes a value.
  const batches = toBatches(
    input.events.map((sourced) => sourced.raw),
    batchSize,
  );
  const perBatchLines = !options.json && (options.verbose === true || batches.length <= PER_BATCH_LINES_UP_TO);
  const reports: BatchReport[] = new Array(batches.length);
  const started = performance.now();
  let next = 0;
  let done = 0;
  let nextProgress = 0.1;

  async function worker(): Promise<void> {
    while (next < batches.length) {
      const index = next++;
      const events = batches[index]!;
      const result = await postBatch(shared, `[${events.join(",")}]`, policy);
      const report: BatchReport = { batch: index + 1, events: events.length, ...result };
      reports[index] = report;
      done++;
      if (options.json) continue;
      if (perBatchLines || !report.ok) io.out(terminalSafe(formatBatchLine(report, batches.length)));
      if (!perBatchLines && done / batches.length >= nextProgress) {
        io.out(`… ${done}/${batches.length} batches sent`);
        while (nextProgress <= done / batches.length) nextProgress += 0.1;
      }
    }
  }
  const agents = keepAliveAgents(concurrency);
  const shared: PostTarget = { ...target, agents };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, () => worker()));
  } finally {
    agents.close();
  }
  const seconds = (performance.now() - started) / 1000;

  const failed = reports.filter((report) => !report.ok);
  const summary = {
    to: target.url,
    events: input.events.length,
    batches: batches.length,
    ok: batches.length - failed.length,
    failed: failed.length,
    retries: reports.reduce((sum, report) => sum + report.attempts - 1, 0),
    skipped: input.skipped.length,
    seconds: Math.round(seconds * 1000) / 1000,
  };
  if (options.json) {
    printJson({
      ...summary,
      results: reports,
      skippedInputs: input.skipped.map((skip) => ({ place: formatPlace(skip.place), reason: skip.reason })),
    });
  } else {
    io.out(
      terminalSafe(
        `Sent ${summary.events} events in ${summary.batches} batches to ${summary.to}: ${summary.ok} ok, ${summary.failed} failed, ` +
          `${summary.retries} retries, ${seconds.toFixed(1)} s`,
      ),
    );
  }
  return failed.length === 0 ? 0 : 1;
}

export function formatBatchLine(report: BatchReport, total: number): string {
  const status = report.status === undefined ? "no answer" : String(report.status);
  const attempts = report.attempts > 1 ? ` after ${report.attempts} attempts` : "";
  const verdict = report.ok ? "ok" : `FAILED: ${report.detail}`;
  return `batch ${report.batch}/${total}  ${report.events} event${report.events === 1 ? "" : "s"}  ${status} ${verdict}${attempts}`;
}

function reportSkipped(skipped: readonly Skipped[], io: SendIo): void {
  if (skipped.length === 0) return;
  io.err(`skipped ${skipped.length} input${skipped.length === 1 ? "" : "s"} without events:`);
  for (const skip of skipped.slice(0, MAX_SKIPPED_SHOWN)) io.err(terminalSafe(`  ${formatPlace(skip.place)}: ${skip.reason}`));
  if (skipped.length > MAX_SKIPPED_SHOWN) io.err(`  … and ${skipped.length - MAX_SKIPPED_SHOWN} more`);
}
