/** Every functional constraint, in the order their problems are most useful to read. */
import type { Manifest } from "../../model/manifest.js";
import type { RuleProblem } from "../problem.js";
import { actionFieldCodesMatchLock } from "./actionFieldCodesMatchLock.js";
import { actionLabelsComplete } from "./actionLabelsComplete.js";
import type { Constraint, ConstraintContext } from "./context.js";
import { fieldCodesMatchLock } from "./fieldCodesMatchLock.js";
import { fieldPathsResolve } from "./fieldPathsResolve.js";
import { filterMatchesEventType } from "./filterMatchesEventType.js";
import { labelsComplete } from "./labelsComplete.js";
import { listMappingsResolve } from "./listMappingsResolve.js";
import { requestParametersValid } from "./requestParametersValid.js";
import { responseFieldsResolve } from "./responseFieldsResolve.js";
import { uniqueApiCodes } from "./uniqueApiCodes.js";
import { uniqueEventTypes } from "./uniqueEventTypes.js";
import { uniqueFieldCodes } from "./uniqueFieldCodes.js";
import { uniqueTriggerCodes } from "./uniqueTriggerCodes.js";

export type { Constraint, ConstraintContext } from "./context.js";

export const CONSTRAINTS: Readonly<Record<string, Constraint>> = {
  uniqueTriggerCodes,
  uniqueEventTypes,
  filterMatchesEventType,
  uniqueFieldCodes,
  fieldCodesMatchLock,
  fieldPathsResolve,
  labelsComplete,
  uniqueApiCodes,
  actionFieldCodesMatchLock,
  requestParametersValid,
  responseFieldsResolve,
  listMappingsResolve,
  actionLabelsComplete,
};

export function checkConstraints(manifest: Manifest, context: ConstraintContext): RuleProblem[] {
  return Object.values(CONSTRAINTS).flatMap((constraint) => constraint(manifest, context));
}
