/**
 * The API side of the manifest: the Custom authorization with its connection test, the lists (static
 * items with names, dynamic ones with their request and mapping), and each action's fields, Parameters
 * rows (the token first), response fields and error rules, from the facts scripts/api-methods.ts records.
 */
import { describe, expect, it } from "vitest";
import { INVALID_CREDENTIAL_CODES } from "../scripts/api-methods.js";
import { checkProvisionalActions } from "../scripts/check/provisional-actions.js";
import { errorRules } from "../scripts/derive/api-request.js";
import { derive, fixtureConnector } from "./fixtures/build/definition.js";

describe("the API side of the manifest", () => {
  const { manifest } = derive();

  it("has the Custom authorization with the token field and a connection test on the host", () => {
    expect(manifest.authorization.test!.request).toEqual({
      method: "POST",
      url: "https://{{connection.host}}/api/v1.1/databases/list",
      contentType: "JSON",
      parameters: [
        { key: "token", value: "{{connection.token}}", type: "String" },
        { key: "limit", value: "1", type: "Int" },
      ],
      source: { method: "databases-list", requestSchema: "schemas/api/databases-list.request.schema.json", responseSchema: "schemas/api/databases-list.response.schema.json" },
    });
    expect(manifest.authorization.test!.errors).toEqual(errorRules());
  });

  it("has the lists in order: a dynamic one with its mapping and paging, a static one with named items", () => {
    expect(manifest.lists.map((list) => [list.code, list.type])).toEqual([["databases", "dynamic"], ["matchingModes", "static"]]);
    const [databases, modes] = manifest.lists;
    expect(databases).toMatchObject({
      names: { en: "Profile databases", ru: "Базы профилей" },
      provisional: false,
      response: { arrayPath: "data.data", key: "id", name: "name" },
      paging: { parameter: "from_id", next: "data.next_from_id" },
    });
    expect(modes).toEqual({
      code: "matchingModes",
      type: "static",
      names: { en: "Matching modes", ru: "Способы поиска" },
      items: [
        { key: "email", names: { en: "By email", ru: "По email" } },
        { key: "phone", names: { en: "By phone", ru: "По телефону" } },
      ],
    });
  });

  it("gives an action its inputs in order, then its response fields (not editable), each labelled by id", () => {
    const action = manifest.actions[0]!;
    expect(action.fields.map((field) => [field.code, field.type, field.list ?? "", field.required, field.editable])).toEqual([
      ["database", "Int", "databases", true, true],
      ["matching", "String", "matchingModes", false, true],
      ["email", "String", "", false, true],
      ["firstName", "String", "", false, false],
    ]);
    expect(action.fields[3]!.names).toEqual({ en: "First name", ru: "Имя" });
    expect(action.responseFields).toEqual([{ key: "data.data._fname", field: "firstName" }]);
  });

  it("writes the Parameters rows: the token first, each field's keys with its type, then the written rows with ids as codes", () => {
    const connector = fixtureConnector();
    connector.actions[0]!.request.rows.push({ key: "data.email", value: "{{email}}", place: { file: "connector/actions.yaml", line: 17 } });
    connector.actions[0]!.request.rows.push({ key: "resource_id", value: "2", type: "Int", place: { file: "connector/actions.yaml", line: 18 } });
    const action = derive(connector).manifest.actions[0]!;
    expect(action.request.parameters).toEqual([
      { key: "token", value: "{{connection.token}}", type: "String" },
      { key: "db_id", value: "{{database}}", type: "Int" },
      { key: "matching", value: "{{matching}}", type: "String" },
      { key: "email", value: "{{email}}", type: "String" },
      { key: "data.email", value: "{{email}}", type: "String" },
      { key: "resource_id", value: "2", type: "Int" },
    ]);
  });

  it("tests data.error in the Errors tab: token codes as InvalidCredential, every other non-zero code as Default", () => {
    const rules = manifest.actions[0]!.errors;
    expect(rules.filter((rule) => rule.type === "InvalidCredential").map((rule) => rule.all)).toEqual(
      INVALID_CREDENTIAL_CODES.map((code) => [{ variable: "data.error", operator: "equal", value: String(code) }]),
    );
    const fallback = rules.find((rule) => rule.type === "Default")!;
    expect(fallback.all.map((condition) => `${condition.operator} ${condition.value}`)).toEqual(["not equal 0", ...INVALID_CREDENTIAL_CODES.map((code) => `not equal ${code}`)]);
    for (const rule of rules) expect(rule.message).toBe("Altcraft error {{data.error}}: {{data.error_text}}");
  });

  it("marks provisional what scripts/api-methods.ts says is thinly documented, and the build warns once", () => {
    expect(manifest.actions.map((action) => [action.code, action.provisional])).toEqual([["profileGet", false], ["promoCodeUpdate", false]]);
    expect(checkProvisionalActions(manifest)).toEqual([]);
    const connector = fixtureConnector();
    connector.actions[1]!.request.method = "goals-register";
    const changed = derive(connector).manifest;
    expect(changed.actions[1]!.provisional).toBe(true);
    expect(checkProvisionalActions(changed)).toEqual([
      {
        rule: "provisionalActions",
        place: { file: "scripts/api-methods.ts" },
        message:
          "1 provisional action or list, built on thinly documented Altcraft methods (try them with `call` against a real account before publishing): action promoCodeUpdate (the parameters of goals-register are not fully documented)",
      },
    ]);
  });
});
