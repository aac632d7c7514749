/** actionLabelsComplete: the API side's texts in every locale (authorization fields, lists and their items, actions, action fields). */
import { describe, expect, it } from "vitest";
import { actionLabelsComplete } from "../scripts/check/constraints/actionLabelsComplete.js";
import { derive, fixtureConnector } from "./fixtures/build/definition.js";

describe("actionLabelsComplete", () => {
  it("accepts a definition labelled in every locale", () => {
    const { manifest, context } = derive();
    expect(actionLabelsComplete(manifest, context)).toEqual([]);
  });

  it("reports each missing or blank text in the locale that lacks it, a shared field label once", () => {
    const connector = fixtureConnector();
    connector.locales.ru.connection.token!.hint = "";
    connector.locales.en.lists.databases!.name = " ";
    delete connector.locales.ru.lists.matchingModes!.items.phone;
    connector.locales.en.actions.promoCodeUpdate!.description = "";
    delete connector.locales.ru.actionFields.firstName;
    // database is a field of one action here; email of one too: blank it in both locales.
    connector.locales.en.actionFields.email!.name = "";
    connector.locales.ru.actionFields.email!.name = "";
    const { manifest, context } = derive(connector);
    const found = actionLabelsComplete(manifest, context).map((problem) => `${problem.place.file}:${problem.place.line} ${problem.message}`);
    expect(found).toEqual([
      'connector/locales/ru.yaml:6 missing label connection.token.hint (authorization field "token")',
      'connector/locales/en.yaml:40 missing label lists.databases.name (list "databases")',
      'connector/locales/ru.yaml:40 missing label lists.matchingModes.items.phone (an item of list "matchingModes")',
      'connector/locales/en.yaml:63 missing label actionFields.email.name (a field of action "profileGet")',
      'connector/locales/ru.yaml:63 missing label actionFields.email.name (a field of action "profileGet")',
      'connector/locales/ru.yaml:64 missing label actionFields.firstName.name (a field of action "profileGet")',
      'connector/locales/ru.yaml:64 missing label actionFields.firstName.hint (a field of action "profileGet")',
      'connector/locales/en.yaml:50 missing label actions.promoCodeUpdate.description (action "promoCodeUpdate")',
    ]);
  });

  it("reports a field label shared by two actions once, naming the first", () => {
    const connector = fixtureConnector();
    connector.actions[1]!.fields.push({ ...connector.actions[0]!.fields[2]!, place: { file: "connector/actions.yaml", line: 48 } });
    connector.locales.en.actionFields.email!.hint = "";
    const { manifest, context } = derive(connector);
    expect(actionLabelsComplete(manifest, context).map((problem) => problem.message)).toEqual(['missing label actionFields.email.hint (a field of action "profileGet")']);
  });
});
