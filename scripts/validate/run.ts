/**
 * `validate <paths…>`: plan the inputs into units, check them (on every core when the input is large
 * enough), print findings in file and line order as they come (or one JSON document), then a summary.
 * Exit 0 all valid, 1 any problem, 2 cannot run; with `--json`, stdout holds exactly one document even
 * then, with the error in it.
 */
import type { Readable } from "node:stream";
import { CannotRunError, EXIT_FOUND_WANTING, EXIT_OK, fsReason } from "../errors.js";
import { eventTypeInfo } from "../event-types.js";
import type { ValidateOptions } from "../runtime/problems.js";
import { failureDocument, printJson } from "../write/console.js";
import { terminalSafe } from "../write/terminal-text.js";
import { emptyInputFinding, FileChecker } from "./check-file.js";
import { resolveInputs, type Input } from "./inputs.js";
import { LineSplitter } from "./line-splitter.js";
import { defaultTuning, planUnits, type FileInput, type PlannedUnit, type Tuning } from "./plan.js";
import { Progress } from "./progress.js";
import { jsonDocument } from "./json-document.js";
import { formatSummary, RunReport, UnitCollector, type Output } from "./report.js";
import { runPlan, Threads } from "./schedule.js";
import { errorOf, type UnitOutcome } from "./units.js";

export interface ValidateCommandOptions {
  json?: boolean;
  strict?: boolean;
  eventType?: string;
}

/** Lines for stdout, written in blocks. */
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

/** stdin, streamed through the same splitter and checker (it cannot be read in ranges, or twice). */
async function checkStream(name: string, stream: Readable, options: ValidateOptions, report: RunReport, afterChunk: () => void): Promise<void> {
  let collector = new UnitCollector();
  const checker = new FileChecker(name, false, { event: (type, valid) => collector.event(type, valid), finding: (finding) => collector.finding(finding) }, options);
  const splitter = new LineSplitter((text, line, terminated, invalidUtf8) => checker.line(text, line, terminated, invalidUtf8));
  const handOn = (): void => {
    report.add(collector.result);
    collector = new UnitCollector();
  };
  try {
    for await (const chunk of stream) {
      splitter.push(chunk as Buffer);
      handOn();
      afterChunk();
    }
  } catch (error) {
    if (error instanceof CannotRunError) throw error;
    throw new CannotRunError(`cannot read: ${fsReason(error)}`, { file: name });
  }
  splitter.end();
  checker.end();
  handOn();
  report.files++;
}

/** How a run is carried out. */
export interface RunSetup {
  tuning: Tuning;
  threads: Threads;
  /** Runs whenever findings were added (to flush output and redraw progress). */
  afterUnit: () => void;
}

/** Check a run of files, in plan order; ranges of one file are put back together here. */
async function checkFiles(inputs: readonly FileInput[], options: ValidateOptions, report: RunReport, setup: RunSetup): Promise<void> {
  const plan = planUnits(inputs, setup.tuning);
  let lineOffset = 0;
  let nonBlank = 0;
  const deliver = ({ unit, firstOfFile, lastOfFile }: PlannedUnit, { result, failure }: UnitOutcome): void => {
    if (unit.kind === "range" && firstOfFile) {
      lineOffset = 0;
      nonBlank = 0;
    }
    report.add(result, lineOffset);
    if (failure !== undefined) throw errorOf(failure);
    if (unit.kind === "range") {
      lineOffset += result.lines;
      nonBlank += result.nonBlank;
      if (lastOfFile) {
        if (nonBlank === 0) report.finding(emptyInputFinding(unit.file.name));
        report.files++;
      }
    }
    setup.afterUnit();
  };
  await runPlan(plan.units, setup.threads.forPlan(plan.threads), options, deliver);
}

/** Check every input into `report`, in the order given. Throws `CannotRunError` when one cannot be read. */
export async function checkInputs(inputs: readonly Input[], options: ValidateOptions, report: RunReport, setup: RunSetup): Promise<void> {
  let files: FileInput[] = [];
  for (const input of inputs) {
    if (input.path !== undefined) {
      files.push(input);
      continue;
    }
    if (files.length > 0) await checkFiles(files, options, report, setup);
    files = [];
    await checkStream(input.name, process.stdin, options, report, setup.afterUnit);
  }
  if (files.length > 0) await checkFiles(files, options, report, setup);
}

function provisionalNotice(types: string[]): string {
  return (
    `note: validated events of provisional types (${types.join(", ")}): their wire names are our inference, ` +
    `not confirmed by Altcraft's documentation (see scripts/event-types.ts)\n`
  );
}

export async function runValidate(paths: string[], options: ValidateCommandOptions): Promise<number> {
  const output = options.json ? undefined : new BufferedOutput();
  const report = new RunReport(output);
  // `validate big.ndjson | head`: the reader left, so stop quietly, with the exit code of what was found
  // so far (before the CLI's own handler, which knows no problem count). Worker threads end with the process.
  process.stdout.prependListener("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(report.problemCount > 0 ? EXIT_FOUND_WANTING : EXIT_OK);
  });
  const progress = Progress.forStderr();
  try {
    if (options.eventType !== undefined && eventTypeInfo(options.eventType) === undefined) {
      throw new CannotRunError(`--event-type: unknown event type "${options.eventType}"`);
    }
    const validateOptions: ValidateOptions = { strict: options.strict === true, eventType: options.eventType };
    const tuning = defaultTuning();
    const threads = new Threads(tuning.threads, validateOptions);
    const afterUnit = (): void => {
      if (output?.pending) {
        progress?.clear();
        output.flush();
      }
      progress?.update(report.events, report.problemCount);
    };
    try {
      // A folder with many files: the workers load while the walk goes on (halfway to the number that
      // calls for them, so they are up when it ends).
      const { inputs, skipped } = resolveInputs(paths, (count) => {
        if (count === tuning.parallelFiles / 2) threads.warm();
      });
      for (const { path, reason } of skipped) process.stderr.write(`altcraft-albato: note: ${terminalSafe(path)}: ${reason}\n`);
      await checkInputs(inputs, validateOptions, report, { tuning, threads, afterUnit });
    } finally {
      progress?.clear();
      output?.flush();
      await threads.close();
    }
  } catch (error) {
    // The one document: the failure, and what was checked before it.
    if (options.json) printJson({ ...failureDocument(error), checked: jsonDocument(report.summary()) });
    throw error;
  }
  const summary = report.summary();
  if (options.json) printJson(jsonDocument(summary));
  else process.stdout.write(`${formatSummary(summary, report.problemCount, report.warningCount)}\n`);
  if (summary.provisionalEventTypes.length > 0) process.stderr.write(provisionalNotice(summary.provisionalEventTypes));
  return report.problemCount > 0 ? EXIT_FOUND_WANTING : EXIT_OK;
}
