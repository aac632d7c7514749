/** actionFieldCodesMatchLock: every action field carries the code the lock recorded for `action:<action>/<field id>`. */
import { describe, expect, it } from "vitest";
import { actionFieldCodesMatchLock } from "../scripts/check/constraints/actionFieldCodesMatchLock.js";
import { renderLock } from "../scripts/derive/field-codes.js";
import { derive } from "./fixtures/build/definition.js";

describe("actionFieldCodesMatchLock", () => {
  it("accepts codes from the lock, and new fields with the codes this build adds", () => {
    const { manifest, context } = derive();
    expect(actionFieldCodesMatchLock(manifest, context)).toEqual([]);
    const fresh = derive(undefined, undefined, "{}\n");
    expect(actionFieldCodesMatchLock(fresh.manifest, fresh.context)).toEqual([]);
  });

  it("keeps a recorded code that differs from the field's id, and reports a manifest that strays from it", () => {
    const { lock } = derive();
    const codes = new Map(lock.codes);
    codes.set("action:profileGet/email", "emailAddress");
    const { manifest, context } = derive(undefined, undefined, renderLock(codes));
    const field = manifest.actions[0]!.fields.find((candidate) => candidate.names.en === "Email")!;
    expect(field.code).toBe("emailAddress");
    expect(manifest.actions[0]!.request.parameters.find((row) => row.key === "email")!.value).toBe("{{emailAddress}}");
    field.code = "email";
    expect(actionFieldCodesMatchLock(manifest, context)).toEqual([
      {
        rule: "fieldCodesMatchLock",
        place: { file: "connector/field-codes.lock.json", line: context.lock.lines.get("action:profileGet/email") },
        message: 'action "profileGet" field "email" has code "email", the lock says "emailAddress"; published codes cannot change',
      },
    ]);
  });
});
