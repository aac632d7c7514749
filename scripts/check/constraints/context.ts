/**
 * What functional constraints (rules JSON Schema cannot express) get besides the manifest: the loaded
 * definition, to point at the file and line a problem comes from.
 */
import type { ApiSchemas } from "../../derive/api-schemas.js";
import type { FieldCodeLock } from "../../load/lock.js";
import type { Place } from "../../errors.js";
import type { EventSchema } from "../../load/schemas.js";
import type { ConnectorDefinition, LocaleLabels } from "../../model/connector.js";
import type { Manifest } from "../../model/manifest.js";
import type { RuleProblem } from "../problem.js";

export interface ConstraintContext {
  connector: ConnectorDefinition;
  events: ReadonlyMap<string, EventSchema>;
  /** The lock as read from the file. */
  lock: FieldCodeLock;
  /** Schema path → code after this build's additions. */
  codes: ReadonlyMap<string, string>;
  /** The Altcraft API schemas the requests and response mappings are checked against. */
  api: ApiSchemas;
}

export type Constraint = (manifest: Manifest, context: ConstraintContext) => RuleProblem[];

const TRIGGERS_FILE = "connector/triggers.yaml";

/** Where the manifest's trigger number `index` was defined (manifest triggers follow triggers.yaml). */
export function triggerPlace(context: ConstraintContext, index: number): Place {
  return context.connector.triggers[index]?.place ?? { file: TRIGGERS_FILE };
}

/** The place of a label key in a locale file: its own line, else its nearest existing ancestor's. */
export function labelPlace(labels: LocaleLabels, key: string): Place {
  const parts = key.split(".");
  for (let length = parts.length; length > 0; length--) {
    const line = labels.lines[parts.slice(0, length).join(".")];
    if (line !== undefined) return { file: labels.file, line };
  }
  return { file: labels.file, line: 1 };
}

/** Where the manifest's action number `index` was defined (manifest actions follow actions.yaml). */
export function actionPlace(context: ConstraintContext, index: number): Place {
  return context.connector.actions[index]?.place ?? { file: "connector/actions.yaml" };
}

/** Where a list was defined. */
export function listPlace(context: ConstraintContext, code: string): Place {
  return context.connector.lists.find((list) => list.code === code)?.place ?? { file: "connector/lists.yaml" };
}

/** The lock file's line of a path's entry. */
export function lockPlace(context: ConstraintContext, path: string): Place {
  return { file: context.lock.file, line: context.lock.lines.get(path) };
}
