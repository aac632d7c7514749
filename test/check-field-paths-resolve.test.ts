import { describe, expect, it } from "vitest";
import { fieldPathsResolve } from "../scripts/check/constraints/fieldPathsResolve.js";
import { derive } from "./fixtures/build/definition.js";

describe("fieldPathsResolve", () => {
  it("accepts every derived field", () => {
    const { manifest, context } = derive();
    expect(fieldPathsResolve(manifest, context)).toEqual([]);
  });

  it("reports a path that is not in the schema", () => {
    const { manifest, context } = derive();
    const field = manifest.triggers[0]!.fields[4]!;
    field.path = "data.event_data.gone";
    field.source.pointer = "/properties/event_data/properties/gone";
    const problems = fieldPathsResolve(manifest, context);
    expect(problems).toEqual([
      {
        rule: "fieldPathsResolve",
        place: { file: "schemas/events/click.schema.json", pointer: "/properties/event_data/properties/gone" },
        message: `trigger "emailLinkClicked" field "${field.code}" (data.event_data.gone): no such property in the resolved schema`,
      },
    ]);
  });

  it("reports a path and source that disagree, a path without data., an object, and a wrong schema", () => {
    const { manifest, context } = derive();
    const [a, b, c, d] = manifest.triggers[0]!.fields;
    a!.path = "data.account_id";
    b!.path = "event_date";
    c!.path = "data.event_data";
    c!.source.pointer = "/properties/event_data";
    d!.source.schema = "schemas/events/other.schema.json";
    const messages = fieldPathsResolve(manifest, context).map((problem) => problem.message);
    expect(messages).toHaveLength(4);
    expect(messages[0]).toContain("the path names /properties/account_id, not the source /properties/event_data/properties/link_url");
    expect(messages[1]).toContain('must start with "data."');
    expect(messages[2]).toContain("is an object");
    expect(messages[3]).toContain("but the event's schema is schemas/events/click.schema.json");
  });
});
