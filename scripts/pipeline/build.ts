/**
 * The build: load → derive → check → write, in that order. Every problem of a stage is collected before
 * the next one runs; a definition any check rejects is never rendered and writes nothing.
 */
import { isAbsolute, join, relative } from "node:path";
import { exitCodeOf, sortBuildProblems, type BuildProblem } from "../check/problem.js";
import { EVENT_TYPES, type EventTypeInfo } from "../event-types.js";
import { LOCK_FILE } from "../load/lock.js";
import { toPosix } from "../load/project-files.js";
import { MANIFEST_ENTRY } from "../model/package.js";
import { sha256 } from "../hash.js";
import { checkStage } from "./check.js";
import { deriveStage } from "./derive.js";
import { isInputPath } from "./inputs.js";
import { loadStage } from "./load.js";
import { buildSummary, type BuildSummary } from "./summary.js";
import { renderOutputs, writeStage } from "./write.js";

export interface BuildOptions {
  /** Absolute path of the project (schemas/, connector/). */
  root: string;
  /** Absolute path of the output folder (dist/ by default). */
  out: string;
  /** The input files' bytes (the cache probe read them). */
  inputs: ReadonlyMap<string, Buffer>;
  /** Compare what a build would write with what is committed; write nothing. */
  check: boolean;
  /** A package zip, manifest or git ref of the published release (`--baseline`). */
  baseline?: string;
  /** The event-type registry (the real one unless a benchmark passes a synthetic one). */
  registry?: readonly EventTypeInfo[];
}

export interface BuildOutcome {
  exitCode: number;
  /** Every problem and warning, sorted. */
  problems: BuildProblem[];
  /** Only for a build whose checks passed. */
  summary?: BuildSummary;
  /** Output path (root-relative or absolute) → SHA-256, for the build record. */
  outputs: Record<string, string>;
  /** Inputs read from outside schemas/ and connector/ (a logo elsewhere), for the build record. */
  extraInputs: string[];
  /** The inputs as they are after the build (the lock may have gained entries), for the build record. */
  inputs: ReadonlyMap<string, Buffer>;
}

export async function runBuild(options: BuildOptions): Promise<BuildOutcome> {
  const { root, out, check } = options;
  const display = (path: string): string => {
    const rel = relative(root, path);
    return rel.startsWith("..") || isAbsolute(rel) ? path : toPosix(rel);
  };
  const failed = (problems: readonly BuildProblem[]): BuildOutcome => {
    const sorted = sortBuildProblems(problems);
    return { exitCode: exitCodeOf(sorted), problems: sorted, outputs: {}, extraInputs: [], inputs: options.inputs };
  };

  const load = await loadStage({ root, inputs: options.inputs, registry: options.registry ?? EVENT_TYPES, check, ...(options.baseline !== undefined ? { baseline: options.baseline } : {}) });
  if (!load.loaded) return failed(load.problems);
  const loaded = load.loaded;

  const derive = await deriveStage(loaded, { types: check });
  if (!derive.derived) return failed(derive.problems);
  const derived = derive.derived;

  const checked = checkStage(loaded, derived, { manifestFile: display(join(out, MANIFEST_ENTRY)) });
  if (exitCodeOf(checked.problems) !== 0) return failed(checked.problems);

  const rendered = await renderOutputs(loaded, derived);
  const written = check ? undefined : await writeStage(loaded, derived, rendered, { out, display });
  if (written && !written.written) return failed([...checked.problems, ...written.problems.map((problem) => ({ ...problem, rule: "package", severity: "error" as const }))]);

  const problems = sortBuildProblems(checked.problems);
  const outputs = Object.fromEntries([...(written?.written?.outputs ?? [])].map(([path, hash]) => [display(path), hash]));
  const summary = buildSummary({
    check,
    manifest: derived.manifest,
    triggerFields: derived.triggerFields,
    connector: loaded.connector,
    lock: derived.lock,
    coverage: checked.coverage,
    warnings: problems.filter((problem) => problem.severity === "warning"),
    documents: [...rendered.documents.keys()].map((name) => display(join(out, name))),
    packagePath: display(join(out, rendered.zipName)),
    sha256: sha256(rendered.zip),
    written: (written?.written?.changed ?? []).map(display),
  });
  const extraInputs = loaded.connector.files.filter((file) => !isInputPath(file));
  const inputs = new Map(options.inputs);
  if (written?.written && loaded.lock.text !== derived.lockText) inputs.set(LOCK_FILE, Buffer.from(derived.lockText));
  return { exitCode: 0, problems, summary, outputs, extraInputs, inputs };
}
