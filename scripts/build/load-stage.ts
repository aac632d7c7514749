/**
 * Load: event schemas, the connector and the field-code lock. Every loader runs even when another
 * failed, so one run reports every broken file; each loader error becomes problems with their places.
 */
import type { BuildProblem, RuleProblem } from "../check/problem.js";
import { withSeverity } from "../check/problem.js";
import type { FieldCodeLock } from "../derive/field-codes.js";
import { LOCK_FILE, parseLock } from "../derive/field-codes.js";
import { CannotRunError, formatPlace, ProblemListError } from "../errors.js";
import type { EventTypeInfo } from "../event-types.js";
import { loadConnector } from "../load/connector.js";
import { diskFiles, memoryFiles } from "../load/project-files.js";
import type { LoadedSchemas } from "../load/schemas.js";
import { loadSchemas } from "../load/schemas.js";
import type { ConnectorDefinition } from "../model/connector.js";
import { INPUT_DIRS } from "./inputs.js";

export interface Loaded {
  schemas: LoadedSchemas;
  connector: ConnectorDefinition;
  lock: FieldCodeLock;
  /** The lock file's text as read (undefined before the first build). */
  lockText: string | undefined;
}

/** A loader's errors as problems: one per place, never a stack. */
export function loadProblems(error: unknown): RuleProblem[] {
  if (error instanceof ProblemListError) return error.problems.map((problem) => ({ ...problem, rule: "load" }));
  if (error instanceof CannotRunError) {
    if (!error.place) return [{ rule: "load", place: { file: "." }, message: error.message }];
    const prefix = `${formatPlace(error.place)}: `;
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return [{ rule: "load", place: error.place, message }];
  }
  throw error;
}

/** Run a step; its user errors join `problems` (as definition errors) and the result is undefined. */
export async function attempt<T>(step: () => Promise<T>, problems: BuildProblem[]): Promise<T | undefined> {
  try {
    return await step();
  } catch (error) {
    problems.push(...withSeverity("error", loadProblems(error)));
    return undefined;
  }
}

/** A file the connector loader already reported missing needs no second message from the schema loader. */
function withoutEchoes(schemaProblems: BuildProblem[], connectorProblems: BuildProblem[]): BuildProblem[] {
  return schemaProblems.filter(
    (problem) => !connectorProblems.some((other) => other.message.endsWith(`not found: ${problem.place.file}`)),
  );
}

export async function loadStage(
  root: string,
  inputs: ReadonlyMap<string, Buffer>,
  registry: readonly EventTypeInfo[],
): Promise<{ loaded?: Loaded; problems: BuildProblem[] }> {
  const schemaProblems: BuildProblem[] = [];
  const connectorProblems: BuildProblem[] = [];
  // Everything under schemas/ and connector/ from the bytes already read: checked, derived and packaged
  // alike. Anything else the connector names (a logo elsewhere in the repo) from the disk.
  const files = memoryFiles(inputs, INPUT_DIRS, diskFiles(root));
  const [schemas, connector] = await Promise.all([
    attempt(() => loadSchemas(root, registry, files), schemaProblems),
    attempt(() => loadConnector(root, registry, files), connectorProblems),
  ]);
  const lockText = inputs.get(LOCK_FILE)?.toString("utf8");
  const { lock, problems: lockProblems } = parseLock(lockText);
  const problems = [
    ...connectorProblems,
    ...withoutEchoes(schemaProblems, connectorProblems),
    ...withSeverity("error", lockProblems.map((problem) => ({ ...problem, rule: "fieldCodeLock" }))),
  ];
  if (!schemas || !connector || problems.length > 0) return { problems };
  return { loaded: { schemas, connector, lock, lockText }, problems };
}
