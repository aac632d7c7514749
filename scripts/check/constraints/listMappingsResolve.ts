/**
 * Every dynamic list's mapping resolves in its method's response schema: the array path names an array
 * of objects, and the item key and name name values in them. Every action field that picks from a list
 * names a list that exists, and its type fits the list's keys (an Int field takes integer IDs).
 */
import type { JsonSchema } from "../../load/json-schema.js";
import type { RuleProblem } from "../problem.js";
import type { Constraint } from "./context.js";
import { actionPlace, listPlace } from "./context.js";
import { fitsFieldType, followPath, schemaTypeText } from "./schema-path.js";

const RULE = "listMappingsResolve";

export const listMappingsResolve: Constraint = (manifest, context) => {
  const problems: RuleProblem[] = [];
  /** Each dynamic list's item key schema, for the fields' type check. */
  const keySchemas = new Map<string, JsonSchema>();
  for (const list of manifest.lists) {
    if (list.type !== "dynamic") continue;
    const fail = (message: string) => problems.push({ rule: RULE, place: listPlace(context, list.code), message: `list "${list.code}": ${message}` });
    const file = list.request.source.responseSchema;
    const schema = context.api.response(list.request.source.method);
    if (!schema) {
      fail(`no response schema ${file}`);
      continue;
    }
    if (!list.response.arrayPath.startsWith("data.")) {
      fail(`the array path ${list.response.arrayPath} must start with "data."`);
      continue;
    }
    const array = followPath(schema, list.response.arrayPath.slice("data.".length));
    if ("missing" in array) {
      fail(`the items are read from ${list.response.arrayPath}, but ${file} declares no "${array.missing}" there`);
      continue;
    }
    const items = array.schema.items;
    if (!items || items.properties === undefined) {
      fail(`${list.response.arrayPath} is ${schemaTypeText(array.schema)} in ${file}, not an array of items`);
      continue;
    }
    for (const [what, path] of [["key", list.response.key], ["name", list.response.name]] as const) {
      const found = followPath(items, path);
      if ("missing" in found) fail(`the item ${what} is read from ${path}, but the items in ${file} declare no "${found.missing}"`);
      else if (!fitsFieldType(found.schema, "String")) fail(`the item ${what} ${path} is ${schemaTypeText(found.schema)} in ${file}, not a value`);
      else if (what === "key") keySchemas.set(list.code, found.schema);
    }
  }
  manifest.actions.forEach((action, index) => {
    for (const field of action.fields) {
      if (field.list === undefined) continue;
      const fail = (message: string) => problems.push({ rule: RULE, place: actionPlace(context, index), message: `action "${action.code}" field "${field.code}": ${message}` });
      const list = manifest.lists.find((candidate) => candidate.code === field.list);
      if (!list) {
        fail(`no list "${field.list}"`);
        continue;
      }
      const keySchema = keySchemas.get(list.code);
      if (list.type === "dynamic" && keySchema && !fitsFieldType(keySchema, field.type)) {
        fail(`is ${field.type}, but the keys of list "${list.code}" are ${schemaTypeText(keySchema)}`);
      }
      if (list.type === "static" && !["String", "StringArray"].includes(field.type)) {
        fail(`is ${field.type}, but the keys of static list "${list.code}" are text`);
      }
    }
  });
  return problems;
};
