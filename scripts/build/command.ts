/**
 * `build` as the CLI runs it: ask the cache first (cheap: hashes only), run the pipeline only when
 * something changed, print the summary (or `--json`), warnings and problems, and return the exit code.
 */
import { join, resolve } from "node:path";
import type { BuildProblem } from "../check/problem.js";
import { CACHE_FORMAT, inputKey, outputStates, probeCache, writeCacheRecord } from "./cache.js";
import { readInputs } from "./inputs.js";
import type { BuildSummary } from "./summary.js";
import { coverageLine, problemLine, summaryLines } from "./summary.js";

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

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function printLines(lines: readonly string[], stream: NodeJS.WriteStream): void {
  if (lines.length > 0) stream.write(`${lines.join("\n")}\n`);
}

function report(summary: BuildSummary, warnings: readonly string[], json: boolean): void {
  printLines(warnings, process.stderr);
  if (json) printJson(summary);
  else printLines(summaryLines(summary), process.stdout);
}

export async function runBuildCommand(options: BuildCommandOptions): Promise<number> {
  const root = resolve(options.root ?? ".");
  const out = options.out === undefined ? join(root, "dist") : resolve(options.out);
  const check = options.check === true;
  const json = options.json === true;

  const probe = probeCache(root, out);
  // A baseline is a release gate: always compare, even when the outputs are cached. --check verifies
  // the committed files, so it trusts no cache (nor a stamp on the types: see pipeline.ts).
  if (options.cache !== false && !check && probe.hit && options.baseline === undefined) {
    const summary = { ...(probe.hit.summary as BuildSummary), check, cached: true, written: [] };
    report(summary, probe.hit.warnings, json);
    return 0;
  }

  const { runBuild } = await import("./pipeline.js");
  const baseline = options.baseline === undefined ? undefined : await (await import("../diff/load-side.js")).loadSide(options.baseline);
  const outcome = await runBuild({
    root,
    out,
    check,
    inputs: probe.inputs,
    useCache: options.cache !== false,
    ...(baseline ? { baseline } : {}),
  });
  const warnings = outcome.problems.filter((problem) => problem.severity === "warning");
  const warningLines = warnings.map(problemLine);
  const coverage = outcome.summary && coverageLine(outcome.summary.coverage);
  if (coverage) warningLines.push(coverage);

  if (!outcome.summary) {
    const errors: BuildProblem[] = outcome.problems.filter((problem) => problem.severity !== "warning");
    printLines([...warningLines, ...errors.map(problemLine)], process.stderr);
    if (errors.length > 1) process.stderr.write(`altcraft-albato: build stopped: ${errors.length} problems, nothing was written\n`);
    if (json) printJson(outcome.failure);
    return outcome.exitCode;
  }

  report(outcome.summary, warningLines, json);
  if (!check) {
    // Key the record on the inputs as they are now (the lock may have gained codes).
    const inputs =
      outcome.extraInputs.every((file) => outcome.inputs.has(file)) ? outcome.inputs : readInputs(root, outcome.extraInputs);
    writeCacheRecord(probe.file, {
      format: CACHE_FORMAT,
      key: inputKey(root, inputs, out),
      extraInputs: outcome.extraInputs,
      outputs: outputStates(root, outcome.outputs),
      summary: outcome.summary,
      warnings: warningLines,
    });
  }
  return outcome.exitCode;
}
