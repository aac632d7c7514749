/**
 * The API side of `connector/`: the bundled lists and actions, and bad input in app.yaml's authorization
 * and api blocks, lists.yaml, actions.yaml and the locale files, each problem at its file, line and column.
 */
import { afterAll, describe, expect, it } from "vitest";
import { apiMethod } from "../scripts/api-methods.js";
import { loadConnector } from "../scripts/load/connector.js";
import { LOCALES } from "../scripts/model/manifest.js";
import { edit, expectLine, expectProblem, lineOf, makeProject, problemLines, removeProjects, REPO } from "./fixtures/connector/project.js";

afterAll(removeProjects);

const APP = "connector/app.yaml";
const LISTS = "connector/lists.yaml";
const ACTIONS = "connector/actions.yaml";
const EN = "connector/locales/en.yaml";
const RU = "connector/locales/ru.yaml";

describe("the bundled API side", async () => {
  const connector = await loadConnector(REPO);

  it("has the actions the issue asks for, each on a registered action method", () => {
    expect(connector.actions.map((action) => [action.code, action.request.method])).toEqual([
      ["profileImport", "profiles-import"],
      ["profileUpdate", "profiles-update"],
      ["profileGet", "profiles-get"],
      ["profileDelete", "profiles-delete"],
      ["subscriptionSet", "subscriptions-set"],
      ["segmentAdd", "profiles-segstatic-add"],
      ["segmentRemove", "profiles-segstatic-remove"],
      ["triggerCampaignStart", "campaigns-triggers-start"],
      ["profileImportAndTriggerCampaignStart", "campaigns-triggers-import_and_start"],
      ["scenarioStart", "workflows-start"],
      ["promoCodeAssign", "promocodes-attach"],
      ["promoCodeActivate", "promocodes-activate"],
      ["promoCodeUpdate", "promocodes-update"],
      ["promoCodeGet", "promocodes-get"],
      ["goalRegister", "goals-register"],
    ]);
    for (const action of connector.actions) expect(apiMethod(action.request.method)?.kind).toBe("action");
  });

  it("has the dynamic lists (databases, active trigger campaigns, resources, segments, scenarios) and the static ones", () => {
    const kinds = Object.fromEntries(connector.lists.map((list) => [list.code, list.type === "dynamic" ? list.request.method : list.items.map((item) => item.key)]));
    expect(kinds).toEqual({
      databases: "databases-list",
      resources: "resources-list",
      segments: "segments-list",
      triggerCampaigns: "campaigns-triggers-list",
      scenarios: "workflows-list",
      subscriptionStatuses: ["subscribed", "unsubscribed", "complained", "hardbounced", "unconfirmed", "suspended", "invalid"],
      matchingModes: ["email", "phone", "profile_id", "custom"],
      channels: ["email", "sms", "push", "notify", "viber", "whatsapp", "telegram_bot"],
    });
    const campaigns = connector.lists.find((list) => list.code === "triggerCampaigns")!;
    expect(campaigns.type === "dynamic" && campaigns.request.rows.map((row) => [row.key, row.value])).toEqual([["limit", "1000"], ["is_active", "true"]]);
  });

  it("gives the profile set's fields to every action that uses it, in its order", () => {
    const get = connector.actions.find((action) => action.code === "profileGet")!;
    expect(get.fields.map((field) => [field.id, field.set ?? ""])).toEqual([
      ["database", ""],
      ["matching", "profile"],
      ["email", "profile"],
      ["phone", "profile"],
      ["profileId", "profile"],
      ["customFieldName", "profile"],
      ["customFieldValue", "profile"],
    ]);
  });

  it("labels the same API ids in every locale", () => {
    const keys = (locale: (typeof LOCALES)[number]) => {
      const labels = connector.locales[locale];
      return JSON.stringify([labels.lists, labels.actions, labels.actionFields].map((section) => Object.keys(section).sort()).concat([Object.keys(labels.connection).sort()]));
    };
    expect(keys("ru")).toBe(keys("en"));
    expect(connector.locales.ru.lists.subscriptionStatuses!.items.complained).toBe("Пожаловался (отметил как спам)");
    expect(connector.locales.en.connection.token!.hint).toContain("Settings → Tokens");
    expect(connector.locales.en.connection.host!.hint).toContain("ru.altkraft.com");
  });
});

describe("bad input on the API side: each problem names its file and line", () => {
  it("app.yaml: the old authorization: none, and a missing api block", async () => {
    const root = await makeProject();
    const text = await edit(root, APP, "authorization:\n  type: custom\n", "authorization: none\nformer:\n  type: custom\n");
    await edit(root, APP, "api:\n", "apis:\n");
    const lines = await problemLines(root);
    expectLine(lines, `${APP}:${lineOf(text, "authorization: none")}:16: authorization: expected a mapping, found the string "none"`);
    expectLine(lines, `${APP}:4:1: app.yaml: missing key "api"`);
  });

  it("app.yaml: an unknown authorization type and field type, and api fields that are not there or of the wrong type", async () => {
    const root = await makeProject();
    let text = await edit(root, APP, "  type: custom\n", "  type: oauth\n");
    text = await edit(root, APP, "      type: password\n", "      type: passwrd\n");
    text = await edit(root, APP, "  host_field: host\n", "  host_field: webhookUrl\n");
    text = await edit(root, APP, "  token_field: token\n", "  token_field: tokn\n");
    const lines = await problemLines(root);
    expectLine(lines, `${APP}:${lineOf(text, "type: oauth")}:9: authorization type: expected "custom" (the Altcraft API token is an authorization field), found "oauth"`);
    expectLine(lines, `${APP}:${lineOf(text, "type: passwrd")}:13: type: unknown authorization field type "passwrd" (did you mean "password"?) (known: password, string)`);
    expectLine(lines, `${APP}:${lineOf(text, "host_field: webhookUrl")}:15: host_field: connection field "webhookUrl" is of type Webhook; the account's host is typed in, so it must be a string field`);
    expectLine(lines, `${APP}:${lineOf(text, "token_field: tokn")}:16: token_field: no authorization field "tokn" (did you mean "token"?)`);
  });

  it("app.yaml: an authorization field with a connection field's code, and a test naming an unknown method", async () => {
    const root = await makeProject();
    let text = await edit(root, APP, "    - code: token\n", "    - code: host\n");
    text = await edit(root, APP, "  token_field: token\n", "  token_field: host\n");
    text = await edit(root, APP, "    method: databases-list\n", "    method: databases-lists\n");
    const lines = await problemLines(root);
    expectLine(lines, `${APP}:${lineOf(text, "- code: host")}:7: authorization field "host" has the code of a connection field (line ${lineOf(text, "  - code: host\n    type: string")}); requests name both as {{connection.host}}`);
    expectLine(lines, `${APP}:${lineOf(text, "databases-lists")}:13: method: unknown Altcraft API method "databases-lists" (did you mean "databases-list"?); the methods are in scripts/api-methods.ts`);
  });

  it("lists.yaml: a list of the wrong type, a static list with a request, a duplicate code, an unused list, a bad item key", async () => {
    const root = await makeProject();
    let text = await edit(root, LISTS, "    type: dynamic\n    method: resources-list\n", "    type: dynamics\n    method: resources-list\n");
    text = await edit(root, LISTS, "  - code: channels\n    type: static\n", "  - code: channels\n    type: static\n    method: databases-list\n");
    text = await edit(root, LISTS, "      - telegram_bot\n", "      - telegram bot\n      - email\n");
    text = await edit(root, LISTS, "  - code: matchingModes\n", "  - code: subscriptionStatuses\n");
    const lines = await problemLines(root);
    expectLine(lines, `${LISTS}:${lineOf(text, "type: dynamics")}:11: type: expected static or dynamic, found "dynamics"`);
    expectLine(lines, `${LISTS}:${lineOf(text, "    method: databases-list\n    items:\n      - email\n      - sms")}:13: method: a static list makes no request; remove it (or make the list dynamic)`);
    expectLine(lines, `${LISTS}:${lineOf(text, "- telegram bot")}:9: item key "telegram bot" must be Latin letters, digits, "_" or "-" (it is sent as is)`);
    expectLine(lines, `${LISTS}:${lineOf(text, "      - telegram bot\n      - email") + 1}:9: item "email" is listed twice`);
    expectLine(lines, `${LISTS}:${lineOf(text, "- code: subscriptionStatuses\n    type: static\n    items:\n      - email")}:11: duplicate list code "subscriptionStatuses" (first used at line ${lineOf(text, "- code: subscriptionStatuses")})`);
  });

  it("lists.yaml: an unknown method, an action method, a bad items path, a field template in a list request", async () => {
    const root = await makeProject();
    let text = await edit(root, LISTS, "    method: segments-list\n", "    method: segments-lists\n");
    text = await edit(root, LISTS, "    method: workflows-list\n", "    method: workflows-start\n");
    text = await edit(root, LISTS, "      path: data\n      key: id\n      name: name\n\n  - code: resources", "      path: data[]\n      key: id\n      name: name\n\n  - code: resources");
    text = await edit(root, LISTS, "        value: 1000\n", '        value: "{{limit}}"\n');
    const lines = await problemLines(root);
    expectLine(lines, `${LISTS}:${lineOf(text, "segments-lists")}:13: method: unknown Altcraft API method "segments-lists" (did you mean "segments-list"?); the methods are in scripts/api-methods.ts`);
    expectLine(lines, `${LISTS}:${lineOf(text, "workflows-start")}:13: method: "workflows-start" is an action method; a list calls one of databases-list, campaigns-triggers-list, resources-list, segments-list, workflows-list`);
    expectLine(lines, `${LISTS}:${lineOf(text, "path: data[]")}:13: items path: "data[]" is not a response path (expected a dotted path such as data or data.id)`);
    expectLine(lines, `${LISTS}:${lineOf(text, "{{limit}}")}:16: value: list "databases" has no fields for {{limit}} to name; write a literal or {{connection.<field>}}`);
  });

  it("a list no field uses, and a field naming no list", async () => {
    const root = await makeProject();
    const actions = await edit(root, ACTIONS, "        list: resources\n", "        list: resource\n");
    const lists = await readListLine(root);
    const lines = await problemLines(root);
    expectLine(lines, `${ACTIONS}:${lineOf(actions, "list: resource\n")}:15: list: no list "resource" (did you mean "resources"?) in connector/lists.yaml`);
    expectLine(lines, `${LISTS}:${lists}:11: list "resources" is used by no action field; remove it or use it (a dynamic list is fetched for every connection)`);
  });

  it("actions.yaml: an unknown method, a list method, a bad code, a duplicate code, an unknown key", async () => {
    const root = await makeProject();
    let text = await edit(root, ACTIONS, "    method: profiles-get\n", "    method: profiles-find\n");
    text = await edit(root, ACTIONS, "    method: profiles-delete\n", "    method: databases-list\n");
    text = await edit(root, ACTIONS, "  - code: segmentRemove\n", "  - code: segment_remove\n");
    text = await edit(root, ACTIONS, "  - code: promoCodeActivate\n", "  - code: promoCodeUpdate\n");
    text = await edit(root, ACTIONS, "    method: goals-register\n", "    method: goals-register\n    descripton: x\n");
    const lines = await problemLines(root);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "profiles-find")}:13: method: unknown Altcraft API method "profiles-find" (did you mean "profiles-get"?); the methods are in scripts/api-methods.ts`);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "method: databases-list")}:13: method: "databases-list" is a list method; an action calls one of ${["profiles-import", "profiles-update", "profiles-get", "profiles-delete", "subscriptions-set", "profiles-segstatic-add", "profiles-segstatic-remove", "campaigns-triggers-start", "campaigns-triggers-import_and_start", "workflows-start", "promocodes-attach", "promocodes-activate", "promocodes-update", "promocodes-get", "goals-register"].join(", ")}`);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "segment_remove")}:11: action code "segment_remove" must be Latin letters and digits, starting with a letter (e.g. profileImport)`);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "  - code: promoCodeUpdate\n    method: promocodes-update")}:11: duplicate action code "promoCodeUpdate" (first used at line ${lineOf(text, "  - code: promoCodeUpdate")})`);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "descripton")}:5: action: unknown key "descripton"`);
  });

  it("actions.yaml: a field of unknown type, one without its example, a token row, a duplicate id and body key", async () => {
    const root = await makeProject();
    let text = await edit(root, ACTIONS, "      - id: pixelId\n        type: Int\n", "      - id: pixelId\n        type: Integer\n");
    text = await edit(root, ACTIONS, "        example: purchase\n        to: goal\n", "        to: goal\n");
    text = await edit(root, ACTIONS, "        example: 1490.5\n        to: value\n", "        example: 1490.5\n        to: token\n");
    text = await edit(root, ACTIONS, "      - id: promoCode\n        type: String\n        example: SUMMER-2024\n        to: code\n", "      - id: promoCode\n        type: String\n        example: SUMMER-2024\n        to: code\n      - id: promoCode\n        type: String\n        example: X\n        to: code\n");
    const lines = await problemLines(root);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "type: Integer")}:15: type: unknown Albato field type "Integer" (known: ${["String", "Int", "Decimal", "Boolean", "DateTime", "Phone"].flatMap((t) => [t]).join(", ")}, StringArray, IntArray, DecimalArray, BooleanArray, DateTimeArray, PhoneArray)`);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "      - id: goal\n")}:9: field: missing key "example"`);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "to: token")}:13: to: every request carries "token" already (the API token, from the authorization); remove the row`);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "      - id: promoCode\n        type: String\n        example: X")}:13: action "promoCodeAssign": field id "promoCode" is already used at line ${lineOf(text, "      - id: promoCode\n        type: String\n        example: SUMMER-2024")}`);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "        example: X\n        to: code") + 1}:13: action "promoCodeAssign": body key "code" is already filled at line ${lineOf(text, "        example: SUMMER-2024\n        to: code") + 1}`);
  });

  it("actions.yaml: an unknown or unused field set, rows naming no field or a response field, a broken template, a connection value that is not there", async () => {
    const root = await makeProject();
    let text = await edit(root, ACTIONS, "      - use: profileData\n", "      - use: profileDat\n");
    text = await edit(root, ACTIONS, "field_sets:\n", "field_sets:\n  spare:\n    - id: spare\n      type: String\n      example: x\n      to: spare\n");
    text = await edit(root, ACTIONS, '        value: "{{phone}}"\n', '        value: "{{phon}}"\n');
    text = await edit(root, ACTIONS, '        value: "{{email}}"\n', '        value: "{{savedProfileId}}"\n');
    text = await edit(root, ACTIONS, '        value: "{{phone}}"\n', '        value: "+7 {{phone}}"\n');
    text = await edit(root, ACTIONS, '        value: "{{email}}"\n', '        value: "{{connection.hots}}"\n');
    const lines = await problemLines(root);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "use: profileDat")}:14: use: unknown field set "profileDat" (did you mean "profileData"?); the sets are under field_sets`);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "  spare:")}:3: field set "spare" is used by no action; remove it or use it`);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "{{phon}}")}:16: value: action "profileImport" has no field "phon" (did you mean "phone"?)`);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "{{savedProfileId}}")}:16: value: "savedProfileId" is a response field of action "profileImport"; a request can only send input fields`);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "+7 {{phone}}")}:16: value: "+7 {{phone}}" is not one template: write the whole value as {{<field>}} or {{connection.<field>}}, or a literal without braces`);
    expectLine(lines, `${ACTIONS}:${lineOf(text, "{{connection.hots}}")}:16: value: no authorization or connection field "hots" (did you mean "host"?) (they are in connector/app.yaml)`);
  });

  it("a problem in a field set is reported once, at the set, however many actions use it", async () => {
    const root = await makeProject();
    const text = await edit(root, ACTIONS, "      to: field_value\n", "      to: field value\n");
    const lines = await problemLines(root);
    expect(lines.filter((line) => line.includes('"field value"'))).toEqual([`${ACTIONS}:${lineOf(text, "to: field value")}:11: to: "field value" is not a body key (expected a dotted path such as db_id or data._fname)`]);
  });

  it("locales: a label for an unknown action, field or list item, a duplicate action name", async () => {
    const root = await makeProject();
    let en = await edit(root, EN, "  profileGet:\n    name: Find a profile\n", "  profileGett:\n    name: Find a profile\n");
    en = await edit(root, EN, "  goalValue:\n", "  goalValu:\n");
    en = await edit(root, EN, "      hardbounced: Hard bounce\n", "      hardbounce: Hard bounce\n");
    let ru = await edit(root, RU, "  databases:\n    name: Базы профилей\n", "  databases:\n    name: Базы профилей\n    items:\n      one: Одна\n");
    ru = await edit(root, RU, "    name: Удалить профиль\n", "    name: Найти профиль\n");
    const lines = await problemLines(root);
    expectLine(lines, `${EN}:${lineOf(en, "profileGett")}:3: actions: label for unknown action "profileGett" (did you mean "profileGet"?)`);
    expectLine(lines, `${EN}:${lineOf(en, "goalValu:")}:3: actionFields: label for unknown action field "goalValu" (did you mean "goalValue"?)`);
    expectLine(lines, `${EN}:${lineOf(en, "hardbounce:")}:7: lists.subscriptionStatuses.items: no item "hardbounce" (did you mean "hardbounced"?)`);
    expectLine(lines, `${RU}:${lineOf(ru, "one: Одна")}:7: lists.databases.items: a dynamic list's items come from the API`);
    expectLine(lines, `${RU}:${lineOf(ru, "  profileDelete:") + 1}:5: actions.profileDelete.name: "Найти профиль" is already the name of actions.profileGet; every one must be distinguishable`);
  });
});

/** The line of the resources list's code after the edit that leaves it unused. */
async function readListLine(root: string): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(`${root}/${LISTS}`, "utf8");
  return lineOf(text, "  - code: resources");
}

it("actions.yaml: required written as yes, as the only problem", async () => {
  const root = await makeProject();
  const text = await edit(root, ACTIONS, "        required: true\n        example: 7\n", "        required: yes\n        example: 7\n");
  await expectProblem(root, `${ACTIONS}:${lineOf(text, "required: yes")}:19: required: expected true or false, found the string "yes"`);
});
