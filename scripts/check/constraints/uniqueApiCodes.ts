/**
 * Albato identifies actions and lists by code, and an action's fields by code within it: no two may share
 * one (the same code in two actions is fine). Within an action, Parameters rows fill distinct body keys.
 */
import type { Constraint } from "./context.js";
import { actionPlace, listPlace } from "./context.js";
import { repeats } from "./repeats.js";

export const uniqueApiCodes: Constraint = (manifest, context) => [
  ...repeats(manifest.actions, (action) => action.code).map(({ item, index }) => ({
    rule: "uniqueApiCodes",
    place: actionPlace(context, index),
    message: `action code "${item.code}" is used twice; give this action another code`,
  })),
  ...repeats(manifest.lists, (list) => list.code).map(({ item }) => ({
    rule: "uniqueApiCodes",
    place: listPlace(context, item.code),
    message: `list code "${item.code}" is used twice; give one of them another code`,
  })),
  ...manifest.actions.flatMap((action, index) => [
    ...repeats(action.fields, (field) => field.code).map(({ item }) => ({
      rule: "uniqueApiCodes",
      place: actionPlace(context, index),
      message: `action "${action.code}": two fields share the code "${item.code}"; give one of them another code in the lock (only if it was never published)`,
    })),
    ...repeats(action.request.parameters, (row) => row.key).map(({ item }) => ({
      rule: "uniqueApiCodes",
      place: actionPlace(context, index),
      message: `action "${action.code}": two Parameters rows fill the body key "${item.key}"`,
    })),
  ]),
];
