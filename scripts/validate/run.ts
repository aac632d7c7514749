/**
 * `validate <paths…>`: stream every input through the line splitter and the file checker, print problems
 * as they come (or one JSON document), then a summary. Exit 0 all valid, 1 any problem, 2 cannot run.
 */
import { createReadStream, readFileSync } from "node:fs";
import type { Readable } from "node:stream";
import { CannotRunError, fsReason, EXIT_FOUND_WANTING, EXIT_OK } from "../errors.js";
import { eventTypeInfo } from "../event-types.js";
import type { ValidateOptions } from "../runtime/problems.js";
import { FileChecker } from "./check-file.js";
import { resolveInputs, type Input } from "./inputs.js";
import { LineSplitter } from "./line-splitter.js";
import { Progress } from "./progress.js";
import { formatSummary, Report, type Output, type Summary } from "./report.js";

export interface ValidateCommandOptions {
  json?: boolean;
  strict?: boolean;
  eventType?: string;
}

/** Large reads: fewer chunks, fewer lines split across two of them. */
const READ_CHUNK = 1 << 20;

/** Problem lines for stdout, written in blocks. */
class BufferedOutput implements Output {
  private parts: string[] = [];
  private size = 0;

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 65536) this.flush();
  }

  get pending(): boolean {
    return this.size > 0;
  }

  flush(): void {
    if (this.parts.length === 0) return;
    process.stdout.write(this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
}

/**
 * The input's bytes in chunks: a regular file that fits in one chunk is read at once (no stream to set up,
 * which is most of the start-up cost of checking one sample); anything larger, and stdin, is streamed.
 */
function openInput(input: Input): Iterable<Buffer> | Readable {
  if (input.path === undefined) return process.stdin;
  if (input.size !== undefined && input.size <= READ_CHUNK) return [readFileSync(input.path)];
  return createReadStream(input.path, { highWaterMark: READ_CHUNK });
}

async function checkInput(
  input: Input,
  report: Report,
  options: ValidateOptions,
  afterChunk: () => void,
): Promise<void> {
  const checker = new FileChecker(input.name, input.lines, report, options);
  const splitter = new LineSplitter((text, line) => checker.line(text, line));
  try {
    for await (const chunk of openInput(input)) {
      splitter.push(chunk as Buffer);
      afterChunk();
    }
  } catch (error) {
    if (error instanceof CannotRunError) throw error;
    throw new CannotRunError(`cannot read: ${fsReason(error)}`, { file: input.name });
  }
  splitter.end();
  checker.end();
  report.files++;
}

function provisionalNotice(types: string[]): string {
  return (
    `note: validated events of provisional types (${types.join(", ")}): their wire names are our inference, ` +
    `not confirmed by Altcraft's documentation (see scripts/event-types.ts)\n`
  );
}

export async function runValidate(paths: string[], options: ValidateCommandOptions): Promise<number> {
  if (options.eventType !== undefined && eventTypeInfo(options.eventType) === undefined) {
    throw new CannotRunError(`--event-type: unknown event type "${options.eventType}"`);
  }
  const { inputs, skipped } = resolveInputs(paths);
  for (const { path, reason } of skipped) process.stderr.write(`altcraft-albato: note: ${path}: ${reason}\n`);
  const output = options.json ? undefined : new BufferedOutput();
  const report = new Report(output);
  // `validate big.ndjson | head`: the reader left, so stop quietly, with the exit code of what was found
  // so far (before the CLI's own handler, which knows no problem count).
  process.stdout.prependListener("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(report.problemCount > 0 ? EXIT_FOUND_WANTING : EXIT_OK);
  });
  const progress = Progress.forStderr();
  const validateOptions: ValidateOptions = { strict: options.strict === true, eventType: options.eventType };
  const afterChunk = (): void => {
    if (output?.pending) {
      progress?.clear();
      output.flush();
    }
    progress?.update(report.events, report.problemCount);
  };
  try {
    for (const input of inputs) await checkInput(input, report, validateOptions, afterChunk);
  } finally {
    progress?.clear();
    output?.flush();
  }
  const summary: Summary = report.summary();
  if (options.json) {
    const { events, valid, invalid, files, provisionalEventTypes, problems } = summary;
    process.stdout.write(`${JSON.stringify({ events, valid, invalid, files, provisionalEventTypes, problems }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatSummary(summary, report.problemCount)}\n`);
  }
  if (summary.provisionalEventTypes.length > 0) process.stderr.write(provisionalNotice(summary.provisionalEventTypes));
  return report.problemCount > 0 ? EXIT_FOUND_WANTING : EXIT_OK;
}
