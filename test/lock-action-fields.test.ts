/**
 * Action field codes in the lock: keys `action:<action>/<field id>` beside the trigger fields' schema
 * paths (the existing entries stay valid), codes unique per scope (all trigger fields; one action), every
 * malformed action key reported at its line, and codes frozen across rebuilds (fast-check, seeded).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderLock, updateLock } from "../scripts/derive/field-codes.js";
import { actionFieldKey, FIELD_CODE_PATTERN, lockScope, parseActionFieldKey, parseLock } from "../scripts/load/lock.js";

describe("action field keys", () => {
  it("name the action and the field, and never parse a schema path as one", () => {
    expect(actionFieldKey("profileImport", "email")).toBe("action:profileImport/email");
    expect(parseActionFieldKey("action:profileImport/email")).toEqual({ action: "profileImport", field: "email" });
    for (const path of ["event_data.link_url", "subscription[].channel", "_md5", "action", "actions.x"]) {
      expect(parseActionFieldKey(path)).toBeUndefined();
      expect(lockScope(path)).toBe("triggers");
    }
    expect(lockScope("action:a/b")).toBe("action:a");
  });
});

describe("parseLock with action fields", () => {
  it("reads the committed lock: trigger paths and action keys together, no problem", () => {
    const { lock, problems } = parseLock('{\n  "action:profileGet/email": "email",\n  "action:profileImport/email": "email",\n  "custom_data.email": "customDataEmail",\n  "email": "email"\n}\n');
    expect(problems).toEqual([]);
    // The same code in two actions and among the triggers: three scopes.
    expect([...lock.codes.values()]).toEqual(["email", "email", "customDataEmail", "email"]);
  });

  it("refuses two fields of one action sharing a code, and a malformed action key, at their lines", () => {
    const text = '{\n  "action:profileGet/email": "email",\n  "action:profileGet/mail": "email",\n  "action:profile-get/email": "email",\n  "action:profileGet": "x"\n}\n';
    const { problems } = parseLock(text);
    expect(problems.map((problem) => [problem.place.line, problem.message.split(";")[0]])).toEqual([
      [3, 'code "email" of "action:profileGet/mail" is already the code of "action:profileGet/email" (line 2)'],
      [4, '"action:profile-get/email" is not an action field key (expected action:<action code>/<field id>, e.g. action:profileImport/email)'],
      [5, '"action:profileGet" is not an action field key (expected action:<action code>/<field id>, e.g. action:profileImport/email)'],
    ]);
    expect(problems[0]!.message).toContain("two fields of one action cannot share a code");
  });
});

describe("updateLock with action fields", () => {
  it("starts a new action field's code at its id, suffixed only against its own action", () => {
    const { lock } = parseLock(renderLock(new Map([["action:a/email", "mail"], ["email", "email"]])));
    const update = updateLock(lock, ["email", "action:a/email", "action:a/mail", "action:b/email", "action:b/mail"]);
    expect(update.added).toEqual([
      { path: "action:a/mail", code: "mail2" },
      { path: "action:b/email", code: "email" },
      { path: "action:b/mail", code: "mail" },
    ]);
  });

  it("gives unique valid codes per scope and never changes one on a rebuild", () => {
    const id = fc.constantFrom("email", "phone", "db", "dbId", "Email", "x1", "profileId");
    const key = fc.oneof(fc.tuple(fc.constantFrom("a", "b", "profileGet"), id).map(([action, field]) => actionFieldKey(action, field)), fc.constantFrom("email", "event_data.email", "_email"));
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 40 }), (keys) => {
        const first = updateLock(parseLock(undefined).lock, keys);
        const scoped = [...first.codes].map(([path, code]) => `${lockScope(path)} ${code}`);
        expect(new Set(scoped).size).toBe(scoped.length);
        for (const code of first.codes.values()) expect(code).toMatch(FIELD_CODE_PATTERN);
        const reread = parseLock(renderLock(first.codes));
        expect(reread.problems).toEqual([]);
        const second = updateLock(reread.lock, [...keys].reverse());
        expect(second.added).toEqual([]);
        expect([...second.codes].sort()).toEqual([...first.codes].sort());
      }),
      { seed: 12, numRuns: 200 },
    );
  });
});
