/** The manifest derived from a small definition: shape, labels, codes, filter/response, determinism. */
import { describe, expect, it } from "vitest";
import { compileManifestCheck } from "../scripts/check/manifest-schema.js";
import { renderManifest } from "../scripts/derive/manifest.js";
import { diskFiles } from "../scripts/load/project-files.js";
import { readSchemaDocuments } from "../scripts/load/schemas.js";
import { join } from "node:path";
import { derive, fixtureConnector } from "./fixtures/build/definition.js";

const documents = [...(await readSchemaDocuments(diskFiles(join(import.meta.dirname, "..")))).values()];

describe("deriveManifest", () => {
  const { manifest } = derive();
  const [click, promo] = manifest.triggers;

  it("has the app, authorization, connection fields and groups with names in every locale", () => {
    expect(manifest.format).toBe("albato-app-manifest/1");
    expect(manifest.app).toMatchObject({ code: "altcraft", version: "1.2.3", logo: "logo.svg", names: { en: "Altcraft", ru: "Altcraft" } });
    expect(manifest.authorization).toMatchObject({
      type: "custom",
      names: { en: "Altcraft API token", ru: "API-токен Altcraft" },
      fields: [{ code: "token", type: "password", required: true, editable: true, names: { en: "API token", ru: "API-токен" } }],
    });
    expect(manifest.connectionFields[0]).toMatchObject({ code: "webhookUrl", type: "Webhook", hints: { ru: "Вставьте его в Altcraft." } });
    expect(manifest.groups.map((group) => group.names.ru)).toEqual(["Email", "Промокоды"]);
  });

  it("gives each trigger the webhook model, the event_type filter and the root-array response", () => {
    expect(click).toMatchObject({
      code: "emailLinkClicked",
      model: "webhook",
      group: "email",
      eventType: "click",
      eventTypeConfirmed: true,
      names: { en: "Email link clicked", ru: "Клик по ссылке в письме" },
      filter: { all: [{ variable: "data.event_type", operator: "equal", value: "click" }] },
      response: { contentType: "JSON", returnDataArray: true, arrayPath: "" },
    });
    expect(promo?.eventTypeConfirmed).toBe(false);
    expect(promo?.filter.all[0]?.value).toBe("promocode_attach");
  });

  it("gives fields codes from the lock, data. paths, names, and the DateTime source format", () => {
    const date = click!.fields.find((field) => field.path === "data.event_date");
    expect(date).toEqual({
      code: "eventDate",
      block: "event",
      names: { en: "Event date", ru: "Дата события" },
      type: "DateTime",
      path: "data.event_date",
      dateTimeFormat: { format: "RFC3339", timeZone: "UTC" },
      source: { schema: "schemas/events/click.schema.json", pointer: "/properties/event_date" },
    });
    const channel = click!.fields.find((field) => field.code === "subscriptionChannel");
    expect(channel).toMatchObject({ type: "StringArray", path: "data.subscription[].channel" });
    expect(channel).not.toHaveProperty("dateTimeFormat");
    // Shared paths share codes across triggers.
    expect(promo!.fields.find((field) => field.path === "data.event_date")?.code).toBe("eventDate");
  });

  it("validates against the manifest schema", () => {
    expect(compileManifestCheck(documents)(manifest, "manifest.json")).toEqual([]);
  });

  it("is rendered deterministically: 2-space JSON with a trailing newline", () => {
    const text = renderManifest(manifest);
    expect(text).toBe(renderManifest(derive().manifest));
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "format": "albato-app-manifest/1",');
  });

  it("leaves a missing label empty, for labelsComplete to report, and the schema rejects it", () => {
    const connector = fixtureConnector();
    delete connector.locales.ru.fields["event_data.lat"];
    const { manifest: broken } = derive(connector);
    const lat = broken.triggers[0]!.fields.find((field) => field.path === "data.event_data.lat");
    expect(lat?.names).toEqual({ en: "Latitude", ru: "" });
    const problems = compileManifestCheck(documents)(broken, "dist/manifest.json");
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.place.pointer).toMatch(/^\/triggers\/0\/fields\/\d+\/names\/ru$/);
  });
});
