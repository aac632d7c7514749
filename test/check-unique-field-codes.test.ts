import { describe, expect, it } from "vitest";
import { uniqueFieldCodes } from "../scripts/check/constraints/uniqueFieldCodes.js";
import { derive } from "./fixtures/build/definition.js";

describe("uniqueFieldCodes", () => {
  it("accepts the codes a build derives", () => {
    const { manifest, context } = derive();
    expect(uniqueFieldCodes(manifest, context)).toEqual([]);
  });

  it("reports two fields of one trigger sharing a code, at the lock line of the second", () => {
    const { manifest, context } = derive();
    const fields = manifest.triggers[0]!.fields;
    fields[5]!.code = fields[2]!.code;
    const problems = uniqueFieldCodes(manifest, context);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.place.file).toBe("connector/field-codes.lock.json");
    expect(problems[0]!.place.line).toBe(context.lock.lines.get(fields[5]!.path.slice("data.".length)));
    expect(problems[0]!.message).toContain(`fields ${fields[2]!.path} and ${fields[5]!.path} share the code "${fields[2]!.code}"`);
  });

  it("allows the same code in different triggers (the lock shares codes by path)", () => {
    const { manifest, context } = derive();
    const dateCode = (index: number) => manifest.triggers[index]!.fields.find((field) => field.path === "data.event_date")!.code;
    expect(dateCode(0)).toBe(dateCode(1));
    expect(uniqueFieldCodes(manifest, context)).toEqual([]);
  });
});
