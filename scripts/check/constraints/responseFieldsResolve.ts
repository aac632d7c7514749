/**
 * Every response field of an action resolves in its method's response schema: the Response tab row's
 * `data.` path names a declared property, that property is a value (not an object or an array of
 * objects) whose JSON type fits the field's Albato type, the row fills a response field (not editable) of
 * the action, and every response field has its row.
 */
import type { RuleProblem } from "../problem.js";
import type { Constraint } from "./context.js";
import { actionPlace } from "./context.js";
import { fitsFieldType, followPath, schemaTypeText } from "./schema-path.js";

const RULE = "responseFieldsResolve";

export const responseFieldsResolve: Constraint = (manifest, context) => {
  const problems: RuleProblem[] = [];
  manifest.actions.forEach((action, index) => {
    const place = actionPlace(context, index);
    const fail = (message: string) => problems.push({ rule: RULE, place, message: `action "${action.code}": ${message}` });
    const file = action.request.source.responseSchema;
    const schema = context.api.response(action.request.source.method);
    const outputs = action.fields.filter((field) => !field.editable);
    for (const row of action.responseFields) {
      const field = action.fields.find((candidate) => candidate.code === row.field);
      if (!field) {
        fail(`Response tab row ${row.key} fills "${row.field}", which is no field of the action`);
        continue;
      }
      if (field.editable) fail(`Response tab row ${row.key} fills "${row.field}", an input field; only response fields (not editable) are filled from the response`);
      if (!schema) {
        fail(`no response schema ${file}`);
        continue;
      }
      if (!row.key.startsWith("data.")) {
        fail(`Response tab row ${row.key}: a body variable starts with "data."`);
        continue;
      }
      const found = followPath(schema, row.key.slice("data.".length));
      if ("missing" in found) {
        fail(`response field "${field.code}" reads ${row.key}, but ${file} declares no "${found.missing}" there`);
      } else if (!fitsFieldType(found.schema, field.type)) {
        fail(`response field "${field.code}" is ${field.type}, but ${row.key} is ${schemaTypeText(found.schema)} in ${file}`);
      }
    }
    for (const field of outputs) {
      if (!action.responseFields.some((row) => row.field === field.code)) fail(`response field "${field.code}" has no Response tab row: nothing fills it`);
    }
  });
  return problems;
};
