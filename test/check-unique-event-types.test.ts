import { describe, expect, it } from "vitest";
import { uniqueEventTypes } from "../scripts/check/constraints/uniqueEventTypes.js";
import { derive, fixtureConnector } from "./fixtures/build/definition.js";

describe("uniqueEventTypes", () => {
  it("accepts one trigger per event type", () => {
    const { manifest, context } = derive();
    expect(uniqueEventTypes(manifest, context)).toEqual([]);
  });

  it("reports a second trigger for the same event type, naming the first", () => {
    const connector = fixtureConnector();
    connector.triggers[1]!.eventType = "click";
    const { manifest, context } = derive(connector);
    const problems = uniqueEventTypes(manifest, context);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.place).toEqual({ file: "connector/triggers.yaml", line: 9 });
    expect(problems[0]!.message).toBe('event type "click" already has trigger "emailLinkClicked"; one trigger per event type');
  });
});
