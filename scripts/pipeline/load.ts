/**
 * Load: the event schemas, the connector, the field-code lock, the samples, the logo and (for
 * `--baseline`) the published release, from the bytes already read. Every loader runs even when another
 * failed, so one run reports every broken file.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { BuildProblem } from "../check/problem.js";
import { withSeverity } from "../check/problem.js";
import { CannotRunError, problemsOf, type Problem } from "../errors.js";
import type { EventTypeInfo } from "../event-types.js";
import { loadConnector } from "../load/connector.js";
import { LOCK_FILE, parseLock, type FieldCodeLock } from "../load/lock.js";
import { diskFiles, memoryFiles } from "../load/project-files.js";
import { loadSide } from "../load/release/load.js";
import type { Side } from "../load/release/side.js";
import { parseSamples, type LoadedSample } from "../load/samples.js";
import { loadSchemas, type LoadedSchemas } from "../load/schemas.js";
import { GENERATED_TYPE_FILES } from "../derive/types-file.js";
import type { ConnectorDefinition } from "../model/connector.js";
import { INPUT_DIRS } from "./inputs.js";

export interface Loaded {
  root: string;
  /** Every input's bytes by repo-relative path (what the package's schemas/ entries are taken from). */
  inputs: ReadonlyMap<string, Buffer>;
  registry: readonly EventTypeInfo[];
  schemas: LoadedSchemas;
  connector: ConnectorDefinition;
  lock: FieldCodeLock;
  samples: LoadedSample[];
  logo: Buffer;
  /** The published release to compare with (`--baseline`). */
  baseline?: Side;
  /** With `check`: each committed generated file as it is on disk (undefined when missing). */
  committedTypes?: Map<string, string | undefined>;
}

export interface LoadOptions {
  root: string;
  inputs: ReadonlyMap<string, Buffer>;
  registry: readonly EventTypeInfo[];
  /** A package zip, manifest or git ref of the published release. */
  baseline?: string;
  /** `build --check`: also read the committed generated types. */
  check: boolean;
}

/** Run a loader; its user errors become problems at their places and the result is undefined. */
async function attempt<T>(load: () => Promise<T>, problems: Problem[], fallback: string): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof CannotRunError)) throw error;
    problems.push(...problemsOf(error, { file: fallback }));
    return undefined;
  }
}

export async function loadStage(options: LoadOptions): Promise<{ loaded?: Loaded; problems: BuildProblem[] }> {
  const { root, inputs, registry } = options;
  // Everything under schemas/ and connector/ from the bytes already read; anything else the connector
  // names (a logo elsewhere in the repository) from the disk.
  const files = memoryFiles(inputs, INPUT_DIRS, diskFiles(root));
  const schemaProblems: Problem[] = [];
  const connectorProblems: Problem[] = [];
  const baselineProblems: Problem[] = [];
  const [schemas, connector, baseline] = await Promise.all([
    attempt(() => loadSchemas(root, registry, files), schemaProblems, "schemas"),
    attempt(() => loadConnector(root, registry, files), connectorProblems, "connector"),
    options.baseline === undefined ? undefined : attempt(() => loadSide(options.baseline!, { repo: root }), baselineProblems, options.baseline),
  ]);
  const { lock, problems: lockProblems } = parseLock(inputs.get(LOCK_FILE)?.toString("utf8"));
  const parsed = connector ? parseSamples(connector.triggers, (file) => inputs.get(file)) : { samples: [], problems: [] };
  const logo = connector ? await files.read(connector.app.logo).catch(() => undefined) : undefined;
  const problems = withSeverity("error", [
    ...connectorProblems.map((problem) => ({ ...problem, rule: "load" })),
    // A schema file the connector loader already reported missing needs no second message.
    ...schemaProblems
      .filter((problem) => !connectorProblems.some((other) => other.message.endsWith(`not found: ${problem.place.file}`)))
      .map((problem) => ({ ...problem, rule: "load" })),
    ...lockProblems.map((problem) => ({ ...problem, rule: "fieldCodeLock" })),
    ...parsed.problems.map((problem) => ({ ...problem, rule: "samples" })),
    ...baselineProblems.map((problem) => ({ ...problem, rule: "baseline" })),
  ]);
  if (!schemas || !connector || !logo || problems.length > 0) return { problems };
  const committedTypes = options.check
    ? new Map(await Promise.all(GENERATED_TYPE_FILES.map(async (file) => [file, await readFile(join(root, file), "utf8").catch(() => undefined)] as const)))
    : undefined;
  return {
    loaded: {
      root, inputs, registry, schemas, connector, lock, samples: parsed.samples, logo,
      ...(baseline ? { baseline } : {}),
      ...(options.check ? { committedTypes } : {}),
    },
    problems,
  };
}
