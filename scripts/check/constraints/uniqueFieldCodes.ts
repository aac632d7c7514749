/** Within a trigger, Albato identifies fields by code: two fields cannot share one. */
import { schemaPath } from "../../derive/fields.js";
import type { Constraint } from "./context.js";
import { lockPlace } from "./context.js";
import { repeats } from "./repeats.js";

export const uniqueFieldCodes: Constraint = (manifest, context) =>
  manifest.triggers.flatMap((trigger) =>
    repeats(trigger.fields, (field) => field.code).map(({ item: field, earlier }) => ({
      rule: "uniqueFieldCodes",
      place: lockPlace(context, schemaPath(field.path)),
      message: `trigger "${trigger.code}": fields ${trigger.fields[earlier]!.path} and ${field.path} share the code "${field.code}"; give one of them another code in the lock (only if it was never published)`,
    })),
  );
