/** The setup plan's steps for the authorization, the lists and the actions: every value of the manifest, once, in the tabs' order. */
import { describe, expect, it } from "vitest";
import { actionPlan, actionSteps, authorizationPlan, errorsStep, listPlan, requestSteps } from "../scripts/derive/setup/plan-api.js";
import type { Entry } from "../scripts/derive/setup/step.js";
import type { ManifestDynamicList, ManifestStaticList } from "../scripts/model/manifest.js";
import { derive } from "./fixtures/build/definition.js";

const { manifest } = derive();
const values = (entries: readonly Entry[]) => entries.map((entry) => (typeof entry.value === "string" ? entry.value : entry.value.en));

describe("requestSteps and errorsStep", () => {
  it("give the Request tab, then every parameter row as key, value and type", () => {
    const request = manifest.actions[0]!.request;
    const [tab, parameters] = requestSteps("action:x", request);
    expect(tab!.id).toBe("action:x/request");
    expect(values(tab!.entries)).toEqual(["POST", request.url, "JSON"]);
    expect(parameters!.id).toBe("action:x/parameters");
    expect(values(parameters!.entries)).toEqual(request.parameters.flatMap((row) => [row.key, row.value, row.type]));
  });

  it("give every error rule its type, each condition's variable, operator and value, and its message", () => {
    const errors = manifest.actions[0]!.errors;
    const step = errorsStep("action:x", errors);
    expect(values(step.entries)).toEqual(errors.flatMap((rule) => [rule.type, ...rule.all.flatMap((condition) => [condition.variable, condition.operator, condition.value]), rule.message]));
  });
});

describe("authorizationPlan", () => {
  it("has the settings (Custom), one step per field with its checkboxes, and the connection test's request", () => {
    const plan = authorizationPlan(manifest);
    expect(values(plan.settings.entries)).toEqual(["Altcraft API token", "API-токен Altcraft", "Custom"]);
    expect(plan.fields.map((step) => step.id)).toEqual(manifest.authorization.fields.map((field) => `authorization/field:${field.code}`));
    expect(values(plan.fields[0]!.entries)).toEqual(["token", "password", "API token", "API-токен", "Settings → Tokens.", "«Настройки» → «Токены».", "Yes", "Yes"]);
    expect(plan.test.map((step) => step.id)).toEqual(["authorization/test/request", "authorization/test/parameters", "authorization/test/errors"]);
  });

  it("has no fields and no test without authorization", () => {
    const none = { ...manifest, authorization: { type: "none" as const, names: { en: "No authorization", ru: "Без авторизации" }, fields: [] } };
    const plan = authorizationPlan(none);
    expect(plan.fields).toEqual([]);
    expect(plan.test).toEqual([]);
    expect(plan.settings.entries.at(-1)!.value).toMatchObject({ en: expect.stringContaining("No credentials") });
  });
});

describe("listPlan", () => {
  it("gives a dynamic list its request, a response with the array path, key, name and paging, and its errors", () => {
    const list = manifest.lists.find((candidate): candidate is ManifestDynamicList => candidate.type === "dynamic")!;
    const plan = listPlan(list);
    expect(plan.steps.map((step) => step.id.replace(`list:${list.code}`, ""))).toEqual(["", "/request", "/parameters", "/response", "/errors"]);
    expect(values(plan.steps[3]!.entries)).toEqual(["JSON", "Yes", list.response.arrayPath, list.response.key, list.response.name, list.paging.parameter, list.paging.next]);
    expect(plan.steps[3]!.note?.en).toContain("not documented");
  });

  it("gives a static list its items, each key with its names", () => {
    const list: ManifestStaticList = {
      code: "statuses",
      type: "static",
      names: { en: "Statuses", ru: "Статусы" },
      items: [
        { key: "on", names: { en: "On", ru: "Вкл" } },
        { key: "off", names: { en: "Off", ru: "Выкл" } },
      ],
    };
    const plan = listPlan(list);
    expect(plan.steps.map((step) => step.id)).toEqual(["list:statuses", "list:statuses/items"]);
    expect(values(plan.steps[1]!.entries)).toEqual(["on", "On", "Вкл", "off", "Off", "Выкл"]);
  });
});

describe("actionPlan", () => {
  it("creates the action, gives every field its code, names, hints, type, list, editable and required, then the request widget", () => {
    for (const action of manifest.actions) {
      const plan = actionPlan(manifest, action);
      const steps = actionSteps(plan);
      expect(steps[0]!.id).toBe(`action:${action.code}`);
      expect(plan.fields.map((step) => step.id)).toEqual(action.fields.map((field) => `action:${action.code}/field:${field.code}`));
      action.fields.forEach((field, index) => {
        const entries = values(plan.fields[index]!.entries);
        expect(entries.slice(0, 6)).toEqual([field.code, field.names.en, field.names.ru, field.hints.en, field.hints.ru, field.type]);
        if (field.list !== undefined) expect(entries).toContain(manifest.lists.find((list) => list.code === field.list)!.names.en);
        expect(entries.slice(-2)).toEqual([field.editable ? "Yes" : "No", field.required ? "Yes" : "No"]);
      });
      expect(plan.requests.map((step) => step.id.replace(`action:${action.code}`, ""))).toEqual(["/request", "/parameters", "/response", "/errors"]);
      expect(values(plan.requests[2]!.entries)).toEqual(["JSON", ...action.responseFields.flatMap((row) => [row.key, row.field])]);
      expect(plan.create.note !== undefined).toBe(action.provisional);
    }
  });
});
