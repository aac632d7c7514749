/** responseFieldsResolve: every response field reads a declared value of its method's response schema, of a fitting type. */
import { describe, expect, it } from "vitest";
import { responseFieldsResolve } from "../scripts/check/constraints/responseFieldsResolve.js";
import { derive, fixtureConnector } from "./fixtures/build/definition.js";

const messages = (connector = fixtureConnector(), change?: (manifest: ReturnType<typeof derive>["manifest"]) => void) => {
  const { manifest, context } = derive(connector);
  change?.(manifest);
  return responseFieldsResolve(manifest, context).map((problem) => `${problem.place.file}:${problem.place.line} ${problem.message}`);
};

describe("responseFieldsResolve", () => {
  it("accepts a response field read from a declared property", () => {
    expect(messages()).toEqual([]);
  });

  it("reports a path the response schema does not declare, naming the missing key", () => {
    const connector = fixtureConnector();
    connector.actions[0]!.response[0]!.from = "data._fnam";
    expect(messages(connector)).toEqual([
      'connector/actions.yaml:2 action "profileGet": response field "firstName" reads data.data._fnam, but schemas/api/profiles-get.response.schema.json declares no "_fnam" there',
    ]);
  });

  it("reports a type that does not fit the property's (a Boolean field on a string; an object)", () => {
    const connector = fixtureConnector();
    connector.actions[0]!.response[0]!.type = "Boolean";
    connector.actions[0]!.response.push({ id: "country", type: "String", from: "data", place: { file: "connector/actions.yaml", line: 22 } });
    expect(messages(connector)).toEqual([
      'connector/actions.yaml:2 action "profileGet": response field "firstName" is Boolean, but data.data._fname is string or null in schemas/api/profiles-get.response.schema.json',
      'connector/actions.yaml:2 action "profileGet": response field "country" is String, but data.data is object in schemas/api/profiles-get.response.schema.json',
    ]);
  });

  it("accepts any scalar into a String field and an integer into a Decimal field", () => {
    const connector = fixtureConnector();
    connector.actions[0]!.response[0] = { id: "firstName", type: "String", from: "error", place: { file: "connector/actions.yaml", line: 19 } };
    connector.actions[0]!.response.push({ id: "country", type: "Decimal", from: "error", place: { file: "connector/actions.yaml", line: 22 } });
    expect(messages(connector)).toEqual([]);
  });

  it("reports a row that fills an input field, or no field, and a response field nothing fills", () => {
    expect(
      messages(undefined, (manifest) => {
        const action = manifest.actions[0]!;
        action.responseFields = [
          { key: "data.data._lname", field: "email" },
          { key: "data.data._fname", field: "nobody" },
        ];
      }),
    ).toEqual([
      'connector/actions.yaml:2 action "profileGet": Response tab row data.data._lname fills "email", an input field; only response fields (not editable) are filled from the response',
      'connector/actions.yaml:2 action "profileGet": Response tab row data.data._fname fills "nobody", which is no field of the action',
      'connector/actions.yaml:2 action "profileGet": response field "firstName" has no Response tab row: nothing fills it',
    ]);
  });
});
