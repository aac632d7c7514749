/**
 * Every request the app sends is one its Altcraft API method accepts (what no peer tool checks): each
 * Parameters row names a property the method's request schema declares (the schemas are open, so a typo
 * would otherwise pass), and the body rendered as Albato would send it validates against that schema:
 * - an action with every field at its example, and once for every item of each static list a field
 *   picks from (each choice a user can make);
 * - an action with only its required fields: a key the schema requires must then come from a required
 *   field, unless an optional field feeds it (a user must fill one of them, as with the profile `data`
 *   or promocodes/update's "activated or expire_date"), which Albato cannot express;
 * - the connection test and every dynamic list, as they are.
 */
import { renderRequest, type RequestValues } from "../../derive/request-body.js";
import type { Place } from "../../errors.js";
import { parseTemplate } from "../../load/template.js";
import type { ConnectorAction } from "../../model/connector.js";
import type { ManifestAction, ManifestRequest } from "../../model/manifest.js";
import type { ValidateFunction } from "../../runtime/load-validators.js";
import { problemPointer, schemaMessage, type AjvError } from "../../runtime/messages.js";
import { pointerSegments } from "../../runtime/pointer.js";
import type { RuleProblem } from "../problem.js";
import type { Constraint, ConstraintContext } from "./context.js";
import { actionPlace, listPlace } from "./context.js";
import { followPath } from "./schema-path.js";

const RULE = "requestParametersValid";

/** Connection values for rendering: a host and a token of the documented shapes. */
const SAMPLE_CONNECTION = { host: "ru.altkraft.com", token: "bfc505684d774e52b188fa1f003cd5ed" };

interface Subject {
  /** "action \"profileImport\"", "list \"databases\"", "the connection test". */
  what: string;
  place: Place;
  request: ManifestRequest;
}

function connectionValues(context: ConstraintContext): Map<string, string> {
  const values = new Map<string, string>();
  for (const field of [...context.connector.connectionFields, ...context.connector.authorization.fields]) values.set(field.code, `sample-${field.code}`);
  values.set(context.connector.api.hostField, SAMPLE_CONNECTION.host);
  values.set(context.connector.api.tokenField, SAMPLE_CONNECTION.token);
  return values;
}

/** `/data/_fname` → `data._fname`. */
function dotted(pointer: string): string {
  return pointerSegments(pointer).join(".");
}

/** The rows' keys the schema does not declare. */
function undeclaredKeys(subject: Subject, context: ConstraintContext): RuleProblem[] {
  const schema = context.api.request(subject.request.source.method);
  if (!schema) return [{ rule: RULE, place: subject.place, message: `${subject.what}: no request schema ${subject.request.source.requestSchema}` }];
  return subject.request.parameters.flatMap((row): RuleProblem[] => {
    const found = followPath(schema, row.key);
    if ("schema" in found) return [];
    return [
      {
        rule: RULE,
        place: subject.place,
        message: `${subject.what}: Parameters row "${row.key}" names no property of ${subject.request.source.requestSchema} ("${found.missing}" is not declared there)`,
      },
    ];
  });
}

/** The body keys fed by fields that are not required, and the objects above them. */
interface Fillable {
  /** Keys a row of an optional field fills. */
  direct: ReadonlySet<string>;
  /** Objects holding such keys (`data` of `data._fname`). */
  parents: ReadonlySet<string>;
}

interface Rendering {
  label: string;
  values: RequestValues;
  /** What a user may still fill (from optional fields): a schema's demand for it is not the definition's fault. */
  userFillable?: Fillable;
}

/**
 * Ajv's errors, without those the user may still resolve by filling optional fields: a required object
 * several optional fields fill (the profile `data`), or a choice among keys optional fields fill (anyOf
 * of requireds). A required key one optional field fills directly is the definition's mistake: that field
 * should be required.
 */
function blockingErrors(errors: readonly AjvError[], fillable: Fillable | undefined): AjvError[] {
  if (!fillable) return errors.filter((error) => error.keyword !== "if");
  const missingKey = (error: AjvError): string => [dotted(error.instancePath), String(error.params.missingProperty)].filter(Boolean).join(".");
  const isChoice = (error: AjvError) => error.keyword === "anyOf" || error.keyword === "oneOf";
  const branchesOf = (choice: AjvError) => errors.filter((other) => other !== choice && other.schemaPath.startsWith(`${choice.schemaPath}/`));
  const forgivenChoices = errors.filter(
    (error) =>
      isChoice(error) &&
      branchesOf(error).length > 0 &&
      branchesOf(error).every((branch) => branch.keyword === "required" && (fillable.direct.has(missingKey(branch)) || fillable.parents.has(missingKey(branch)))),
  );
  return errors.filter((error) => {
    if (error.keyword === "if" || forgivenChoices.includes(error)) return false;
    if (forgivenChoices.some((choice) => branchesOf(choice).includes(error))) return false;
    return !(error.keyword === "required" && fillable.parents.has(missingKey(error)));
  });
}

/** What is wrong with the body of one rendering, each as one detail (without the subject and the rendering). */
function check(subject: Subject, validate: ValidateFunction, rendering: Rendering): string[] {
  const result = renderRequest(subject.request, rendering.values);
  if (!result.rendered) return result.problems.map((problem) => `row "${problem.key}"${problem.field !== undefined ? ` (field "${problem.field}")` : ""}: ${problem.message}`);
  const body = result.rendered.body;
  if (validate(body)) return [];
  return blockingErrors((validate.errors ?? []) as AjvError[], rendering.userFillable).map((error) => {
    const pointer = problemPointer(error);
    return `body ${pointer === "" ? "(root)" : pointer}: ${schemaMessage(error, body)} (${error.schemaPath})`;
  });
}

function optionalKeys(action: ManifestAction): Fillable {
  const optional = new Set(action.fields.filter((field) => !field.required).map((field) => field.code));
  const direct = new Set<string>();
  const parents = new Set<string>();
  for (const row of action.request.parameters) {
    const template = parseTemplate(row.value);
    if ("error" in template || template.kind !== "field" || !optional.has(template.name)) continue;
    direct.add(row.key);
    const parts = row.key.split(".");
    for (let length = 1; length < parts.length; length++) parents.add(parts.slice(0, length).join("."));
  }
  return { direct, parents };
}

function actionRenderings(action: ManifestAction, written: ConnectorAction | undefined, context: ConstraintContext, connection: Map<string, string>): Rendering[] {
  const inputs = action.fields.filter((field) => field.editable);
  // The written fields are the manifest's inputs, in order (derive/manifest-api.ts).
  const example = (index: number): string => written?.fields[index]?.example ?? "";
  const examples = new Map(inputs.map((field, index) => [field.code, example(index)]));
  const renderings: Rendering[] = [{ label: "with every field at its example", values: { fields: examples, connection } }];
  const required = new Map(inputs.filter((field) => field.required).map((field) => [field.code, examples.get(field.code) ?? ""]));
  renderings.push({ label: "with only its required fields", values: { fields: required, connection }, userFillable: optionalKeys(action) });
  for (const field of inputs) {
    const list = context.connector.lists.find((candidate) => candidate.code === field.list);
    if (list?.type !== "static") continue;
    for (const item of list.items) {
      renderings.push({ label: `with ${field.code} = "${item.key}" (list ${list.code})`, values: { fields: new Map([...examples, [field.code, item.key]]), connection } });
    }
  }
  return renderings;
}

export const requestParametersValid: Constraint = (manifest, context) => {
  const problems: RuleProblem[] = [];
  const connection = connectionValues(context);
  const run = (subject: Subject, renderings: Rendering[]): void => {
    const undeclared = undeclaredKeys(subject, context);
    problems.push(...undeclared);
    const validate = context.api.validator(subject.request.source.method);
    if (!validate || undeclared.length > 0) return;
    // A mistake every rendering shares is reported once, with the first rendering that shows it.
    const reported = new Set<string>();
    for (const rendering of renderings) {
      for (const detail of check(subject, validate, rendering)) {
        if (reported.has(detail)) continue;
        reported.add(detail);
        problems.push({ rule: RULE, place: subject.place, message: `${subject.what}, ${rendering.label}: ${detail}` });
      }
    }
  };
  const test = manifest.authorization.test;
  if (test) {
    run({ what: "the connection test", place: context.connector.authorization.test.place, request: test.request }, [{ label: "as sent", values: { fields: new Map(), connection } }]);
  }
  for (const list of manifest.lists) {
    if (list.type !== "dynamic") continue;
    run({ what: `list "${list.code}"`, place: listPlace(context, list.code), request: list.request }, [{ label: "as sent", values: { fields: new Map(), connection } }]);
  }
  manifest.actions.forEach((action, index) => {
    const written = context.connector.actions[index];
    run({ what: `action "${action.code}"`, place: actionPlace(context, index), request: action.request }, actionRenderings(action, written?.code === action.code ? written : undefined, context, connection));
  });
  return problems;
};
