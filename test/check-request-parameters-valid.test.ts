/**
 * requestParametersValid: every request renders, as Albato would send it, into a body its Altcraft
 * method's request schema accepts (with the examples, with each static list item, with only the required
 * fields) and names only declared properties.
 */
import { describe, expect, it } from "vitest";
import { requestParametersValid } from "../scripts/check/constraints/requestParametersValid.js";
import { derive, fixtureConnector } from "./fixtures/build/definition.js";

const messages = (connector = fixtureConnector()) => {
  const { manifest, context } = derive(connector);
  return requestParametersValid(manifest, context).map((problem) => `${problem.place.file}:${problem.place.line} ${problem.message}`);
};

describe("requestParametersValid", () => {
  it("accepts the fixture's requests: the connection test, the dynamic list, both actions", () => {
    expect(messages()).toEqual([]);
  });

  it("accepts what only an optional field can give (profiles-get's matching keys, promocodes/update's activated-or-expire_date choice)", () => {
    // promocodes-update requires activated or expire_date (anyOf): both are optional fields, so a user
    // fills one; the required-only render must not be blamed for it.
    const connector = fixtureConnector();
    expect(connector.actions[1]!.fields.filter((field) => !field.required).map((field) => field.id)).toEqual(["activated", "expireDate"]);
    expect(messages(connector)).toEqual([]);
  });

  it("reports a row key the request schema does not declare, naming the schema", () => {
    const connector = fixtureConnector();
    connector.actions[0]!.fields[0]!.to = ["dbid"];
    expect(messages(connector)).toEqual([
      'connector/actions.yaml:2 action "profileGet": Parameters row "dbid" names no property of schemas/api/profiles-get.request.schema.json ("dbid" is not declared there)',
    ]);
  });

  it("reports a nested key whose parent is declared but not the key itself", () => {
    const connector = fixtureConnector();
    connector.actions[1]!.request.rows.push({ key: "code.text", value: "x", place: { file: "connector/actions.yaml", line: 48 } });
    expect(messages(connector)[0]).toMatch(/Parameters row "code\.text" names no property .* \("text" is not declared there\)$/);
  });

  it("reports an example that does not fit its type, naming the field", () => {
    const connector = fixtureConnector();
    connector.actions[1]!.fields[3]!.example = "2024-08-31";
    expect(messages(connector)).toEqual([
      'connector/actions.yaml:30 action "promoCodeUpdate", with every field at its example: row "expire_date" (field "expireDate"): expected an RFC 3339 date and time such as 2024-08-31T20:59:59Z, found "2024-08-31"',
    ]);
  });

  it("reports a body the schema rejects with the examples, at its pointer and schema keyword", () => {
    const connector = fixtureConnector();
    connector.actions[0]!.fields[2]!.example = "not an email";
    expect(messages(connector)).toEqual([
      'connector/actions.yaml:2 action "profileGet", with every field at its example: body /email: must be an email address, found "not an email" (schemas/api/common/profile-matching.schema.json#/properties/email/format)',
    ]);
  });

  it("reports a static list item the method does not take", () => {
    const connector = fixtureConnector();
    const list = connector.lists[1]!;
    if (list.type !== "static") throw new Error("the fixture's second list is static");
    list.items.push({ key: "md5", place: { file: "connector/lists.yaml", line: 14 } });
    connector.locales.en.lists.matchingModes!.items.md5 = "By MD5";
    connector.locales.ru.lists.matchingModes!.items.md5 = "По MD5";
    const found = messages(connector);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^connector\/actions\.yaml:2 action "profileGet", with matching = "md5" \(list matchingModes\): body \/matching: must be one of "email", .* found string "md5" \(schemas\/api\/common\/profile-matching\.schema\.json#\/properties\/matching\/enum\)$/);
  });

  it("reports a key the schema requires that only an optional field fills directly: that field must be required", () => {
    const connector = fixtureConnector();
    connector.actions[1]!.fields[0]!.required = false;
    expect(messages(connector)).toEqual([
      'connector/actions.yaml:30 action "promoCodeUpdate", with only its required fields: body (root): missing required property "code" (schemas/api/promocodes-update.request.schema.json#/required)',
    ]);
  });

  it("reports a required key nothing fills at all, once however many renderings show it", () => {
    const connector = fixtureConnector();
    connector.actions[0]!.fields.splice(0, 1);
    expect(messages(connector)).toEqual([
      'connector/actions.yaml:2 action "profileGet", with every field at its example: body (root): missing required property "db_id" (schemas/api/profiles-get.request.schema.json#/required)',
    ]);
  });

  it("checks the connection test and the dynamic lists as they are sent", () => {
    const connector = fixtureConnector();
    connector.authorization.test.rows[0]!.value = "one";
    const list = connector.lists[0]!;
    if (list.type !== "dynamic") throw new Error("the fixture's first list is dynamic");
    list.request.rows[0]!.type = "String";
    expect(messages(connector)).toEqual([
      'connector/app.yaml:9 the connection test, as sent: row "limit": expected a whole number, found "one"',
      'connector/lists.yaml:2 list "databases", as sent: body /limit: must be an integer, found string "1000" (schemas/api/common/list-request.schema.json#/properties/limit/type)',
    ]);
  });
});
