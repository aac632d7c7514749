import { describe, expect, it } from "vitest";
import { filterMatchesEventType } from "../scripts/check/constraints/filterMatchesEventType.js";
import { derive } from "./fixtures/build/definition.js";

describe("filterMatchesEventType", () => {
  it("accepts the derived filters", () => {
    const { manifest, context } = derive();
    expect(filterMatchesEventType(manifest, context)).toEqual([]);
  });

  it("reports a filter on another value or variable", () => {
    const { manifest, context } = derive();
    manifest.triggers[0]!.filter.all[0]!.value = "uclick";
    manifest.triggers[1]!.filter.all[0]!.variable = "data.type";
    const problems = filterMatchesEventType(manifest, context);
    expect(problems.map((problem) => problem.place.line)).toEqual([3, 9]);
    expect(problems[0]!.message).toBe('trigger "emailLinkClicked": the filter must test data.event_type equal "click"');
  });
});
