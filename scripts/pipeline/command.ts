/**
 * `build` as the CLI runs it: ask the build record first (cheap: hashes only), run the build only when
 * something changed, print the summary (or `--json`), warnings and problems, and return the exit code.
 */
import { join, resolve } from "node:path";
import { exitCodeOf, withSeverity, type BuildProblem } from "../check/problem.js";
import { CannotRunError, problemsOf } from "../errors.js";
import { checkProjectRoot } from "../load/project-files.js";
import { printJson, printLines } from "../write/console.js";
import { outputStates, probeCache, RECORD_FORMAT, recordKey, writeRecord } from "./cache.js";
import { readInputs } from "./inputs.js";
import type { BuildOutcome } from "./build.js";
import type { BuildSummary, FailureSummary } from "./summary.js";
import { coverageLine, problemLine, reportProblem, summaryLines } from "./summary.js";

export interface BuildCommandOptions {
  check?: boolean;
  json?: boolean;
  root?: string;
  out?: string;
  /** commander's `--no-cache` sets this to false. */
  cache?: boolean;
  /** A package, manifest or git ref of the last published release. */
  baseline?: string;
}

function report(summary: BuildSummary, warnings: readonly string[], json: boolean): void {
  printLines(process.stderr, warnings);
  if (json) printJson(summary);
  else printLines(process.stdout, summaryLines(summary));
}

function failureSummary(problems: readonly BuildProblem[], check: boolean): FailureSummary {
  const pick = (warnings: boolean) => problems.filter((problem) => (problem.severity === "warning") === warnings).map(reportProblem);
  return {
    ok: false,
    check,
    exitCode: exitCodeOf(problems),
    problems: pick(false),
    warnings: pick(true),
    stale: problems.filter((problem) => problem.rule === "stale").map((problem) => problem.place.file),
  };
}

/** The build, with an error no stage could turn into problems (a folder that cannot be written) as one. */
async function build(options: Parameters<typeof import("./build.js")["runBuild"]>[0]): Promise<BuildOutcome> {
  const { runBuild } = await import("./build.js");
  try {
    return await runBuild(options);
  } catch (error) {
    if (!(error instanceof CannotRunError)) throw error;
    const problems = withSeverity("error", problemsOf(error, { file: options.out }).map((problem) => ({ ...problem, rule: "write" })));
    return { exitCode: exitCodeOf(problems), problems, outputs: {}, extraInputs: [], inputs: options.inputs };
  }
}

export async function runBuildCommand(options: BuildCommandOptions): Promise<number> {
  const root = resolve(options.root ?? ".");
  checkProjectRoot(root, options.root ?? ".");
  const out = options.out === undefined ? join(root, "dist") : resolve(options.out);
  const check = options.check === true;
  const json = options.json === true;

  const probe = probeCache(root, out);
  // A baseline is a release gate and --check compares with committed files: both always run.
  if (options.cache !== false && !check && probe.hit && options.baseline === undefined) {
    report({ ...(probe.hit.summary as BuildSummary), check, cached: true, written: [] }, probe.hit.warnings, json);
    return 0;
  }

  const outcome = await build({ root, out, check, inputs: probe.inputs, ...(options.baseline !== undefined ? { baseline: options.baseline } : {}) });
  const warningLines = outcome.problems.filter((problem) => problem.severity === "warning").map(problemLine);
  const coverage = outcome.summary && coverageLine(outcome.summary.coverage);
  if (coverage) warningLines.push(coverage);

  if (!outcome.summary) {
    const errors = outcome.problems.filter((problem) => problem.severity !== "warning");
    printLines(process.stderr, [...warningLines, ...errors.map(problemLine)]);
    if (errors.length > 1) process.stderr.write(`altcraft-albato: build stopped: ${errors.length} problems, nothing was written\n`);
    if (json) printJson(failureSummary(outcome.problems, check));
    return outcome.exitCode;
  }

  report(outcome.summary, warningLines, json);
  if (!check) {
    // Key the record on the inputs as they are now (the lock may have gained codes); an input from
    // outside schemas/ and connector/ the probe did not know of yet is read for it.
    const inputs = outcome.extraInputs.every((file) => outcome.inputs.has(file)) ? outcome.inputs : readInputs(root, outcome.extraInputs);
    await writeRecord(probe.file, {
      format: RECORD_FORMAT,
      key: recordKey(inputs, out),
      extraInputs: outcome.extraInputs,
      outputs: outputStates(root, outcome.outputs),
      summary: outcome.summary,
      warnings: warningLines,
    });
  }
  return outcome.exitCode;
}
