import { describe, expect, it } from "vitest";
import { uniqueTriggerCodes } from "../scripts/check/constraints/uniqueTriggerCodes.js";
import { derive, fixtureConnector } from "./fixtures/build/definition.js";

describe("uniqueTriggerCodes", () => {
  it("accepts distinct codes", () => {
    const { manifest, context } = derive();
    expect(uniqueTriggerCodes(manifest, context)).toEqual([]);
  });

  it("reports the second trigger with a code already used, at its line in triggers.yaml", () => {
    const connector = fixtureConnector();
    connector.triggers[1]!.code = "emailLinkClicked";
    const { manifest, context } = derive(connector);
    expect(uniqueTriggerCodes(manifest, context)).toEqual([
      {
        rule: "uniqueTriggerCodes",
        place: { file: "connector/triggers.yaml", line: 9 },
        message: 'trigger code "emailLinkClicked" is already used at line 3; give this trigger another code',
      },
    ]);
  });
});
