/** uniqueApiCodes: actions and lists by code, and an action's fields and Parameters rows, each once. */
import { describe, expect, it } from "vitest";
import { uniqueApiCodes } from "../scripts/check/constraints/uniqueApiCodes.js";
import { derive } from "./fixtures/build/definition.js";

describe("uniqueApiCodes", () => {
  it("accepts distinct codes, and the same field code in two actions", () => {
    const { manifest, context } = derive();
    manifest.actions[1]!.fields[0]!.code = "email";
    expect(uniqueApiCodes(manifest, context)).toEqual([]);
  });

  it("reports a repeated action, list, field code and body key, at the definition", () => {
    const { manifest, context } = derive();
    manifest.actions[1]!.code = "profileGet";
    manifest.lists[1]!.code = "databases";
    manifest.actions[0]!.fields[1]!.code = "database";
    manifest.actions[0]!.request.parameters.push({ key: "db_id", value: "2", type: "Int" });
    expect(uniqueApiCodes(manifest, context).map((problem) => `${problem.place.file}:${problem.place.line} ${problem.message}`)).toEqual([
      'connector/actions.yaml:30 action code "profileGet" is used twice; give this action another code',
      'connector/lists.yaml:2 list code "databases" is used twice; give one of them another code',
      'connector/actions.yaml:2 action "profileGet": two fields share the code "database"; give one of them another code in the lock (only if it was never published)',
      'connector/actions.yaml:2 action "profileGet": two Parameters rows fill the body key "db_id"',
    ]);
  });
});
