import { describe, expect, it } from "vitest";
import { labelsComplete } from "../scripts/check/constraints/labelsComplete.js";
import { derive, fixtureConnector } from "./fixtures/build/definition.js";

describe("labelsComplete", () => {
  it("accepts a definition labelled in every locale", () => {
    const { manifest, context } = derive();
    expect(labelsComplete(manifest, context)).toEqual([]);
  });

  it("reports a missing field label once, in its locale file, at the fields section", () => {
    const connector = fixtureConnector();
    delete connector.locales.ru.fields["event_date"];
    delete connector.locales.ru.lines["fields.event_date"];
    const { manifest, context } = derive(connector);
    expect(labelsComplete(manifest, context)).toEqual([
      {
        rule: "labelsComplete",
        place: { file: "connector/locales/ru.yaml", line: 20 },
        message: 'missing label fields.event_date (a field of trigger "emailLinkClicked")',
      },
    ]);
  });

  it("reports empty or blank trigger, group, connection and app labels in the locale that lacks them", () => {
    const connector = fixtureConnector();
    connector.locales.en.triggers.promoCodeAssigned!.name = "  ";
    connector.locales.ru.groups.promo = "";
    connector.locales.en.connection.webhookUrl!.hint = "";
    connector.locales.ru.app.description = "";
    connector.locales.ru.authorization.name = "";
    const { manifest, context } = derive(connector);
    const found = labelsComplete(manifest, context).map((problem) => `${problem.place.file} ${problem.message}`);
    expect(found).toEqual([
      "connector/locales/ru.yaml missing label app.description (the app's description)",
      "connector/locales/ru.yaml missing label authorization.name (the authorization's name)",
      'connector/locales/en.yaml missing label connection.webhookUrl.hint (connection field "webhookUrl")',
      'connector/locales/ru.yaml missing label groups.promo (group "promo")',
      'connector/locales/en.yaml missing label triggers.promoCodeAssigned.name (trigger "promoCodeAssigned")',
    ]);
  });
});
