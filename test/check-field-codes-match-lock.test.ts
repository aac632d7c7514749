import { describe, expect, it } from "vitest";
import { fieldCodesMatchLock } from "../scripts/check/constraints/fieldCodesMatchLock.js";
import { derive } from "./fixtures/build/definition.js";

describe("fieldCodesMatchLock", () => {
  it("accepts codes taken from the lock", () => {
    const { manifest, context } = derive();
    expect(fieldCodesMatchLock(manifest, context)).toEqual([]);
  });

  it("accepts new paths with the codes this build adds", () => {
    const { manifest, context } = derive(undefined, undefined, '{\n  "event_type": "eventType"\n}\n');
    expect(context.lock.codes.size).toBe(1);
    expect(fieldCodesMatchLock(manifest, context)).toEqual([]);
  });

  it("reports a field whose code differs from the lock's, at the lock line", () => {
    const { manifest, context } = derive();
    expect(manifest.triggers[1]!.fields[0]!.path).toBe("data.event_data.code");
    manifest.triggers[1]!.fields[0]!.code = "kind";
    expect(fieldCodesMatchLock(manifest, context)).toEqual([
      {
        rule: "fieldCodesMatchLock",
        place: { file: "connector/field-codes.lock.json", line: context.lock.lines.get("event_data.code") },
        message: 'trigger "promoCodeAssigned" field data.event_data.code has code "kind", the lock says "eventDataCode"; published codes cannot change',
      },
    ]);
  });
});
