import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ProblemListError } from "../scripts/errors.js";
import { EVENT_TYPES } from "../scripts/event-types.js";
import { loadConnector } from "../scripts/load/connector.js";
import { LOCALES } from "../scripts/model/manifest.js";
import { edit, expectLine, expectProblem, lineOf, makeProject, problemLines, removeProjects, REPO } from "./fixtures/connector/project.js";

afterAll(removeProjects);

const TRIGGERS = "connector/triggers.yaml";
const APP = "connector/app.yaml";
const EN = "connector/locales/en.yaml";
const RU = "connector/locales/ru.yaml";

describe("the bundled connector", async () => {
  const connector = await loadConnector(REPO);

  it("has one trigger per registry event type, with unique Albato-safe codes", () => {
    expect(connector.triggers.map((t) => t.eventType).sort()).toEqual(EVENT_TYPES.map((i) => i.type).sort());
    const codes = connector.triggers.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it("lists triggers by group in the groups' order, the core events first within each group", () => {
    expect(connector.groups).toEqual(["email", "sms", "push", "promo", "website", "campaigns", "profiles"]);
    const groupIndex = connector.triggers.map((t) => connector.groups.indexOf(t.group));
    expect(groupIndex).toEqual([...groupIndex].sort((a, b) => a - b));
    for (const group of connector.groups) {
      const core = connector.triggers
        .filter((t) => t.group === group)
        .map((t) => EVENT_TYPES.find((i) => i.type === t.eventType)!.core);
      expect(core).toEqual([...core].sort((a, b) => Number(b) - Number(a)));
    }
  });

  it("groups each trigger under its event type's channel and takes the schema the convention fixes", () => {
    for (const trigger of connector.triggers) {
      expect(trigger.group).toBe(EVENT_TYPES.find((i) => i.type === trigger.eventType)!.channel);
      expect(trigger.schema).toBe(`schemas/events/${trigger.eventType}.schema.json`);
    }
  });

  it("takes every sample file that exists for each type", async () => {
    for (const trigger of connector.triggers) {
      const folder = `schemas/samples/${trigger.eventType}`;
      const present = (await readdir(join(REPO, folder))).filter((n) => n.endsWith(".json")).map((n) => `${folder}/${n}`);
      expect([...trigger.samples].sort()).toEqual(present.sort());
      expect(trigger.samples).toEqual(expect.arrayContaining([`${folder}/full.json`, `${folder}/minimal.json`]));
    }
  });

  it("has the Webhook connection field and the host, and the API token as a required password authorization field", () => {
    expect(connector.connectionFields.map((f) => [f.code, f.type, f.requiredWhenCreating])).toEqual([
      ["webhookUrl", "Webhook", true],
      ["host", "string", true],
    ]);
    expect(connector.authorization.type).toBe("custom");
    expect(connector.authorization.fields.map((f) => [f.code, f.type, f.required, f.editable])).toEqual([["token", "password", true, true]]);
    expect(connector.authorization.test.method).toBe("databases-list");
    expect(connector.api).toMatchObject({ hostField: "host", tokenField: "token" });
    expect(connector.app).toMatchObject({ code: "altcraft", version: "1.0.0", logo: "connector/logo.svg" });
  });

  it("labels the same ids in every locale, with distinct trigger names", () => {
    const [first, ...others] = LOCALES.map((locale) => connector.locales[locale]);
    const keys = (labels: typeof first) =>
      JSON.stringify([labels!.connection, labels!.groups, labels!.triggers, labels!.fields].map((o) => Object.keys(o).sort()));
    for (const other of others) expect(keys(other)).toBe(keys(first));
    for (const locale of LOCALES) {
      const labels = connector.locales[locale];
      const names = Object.values(labels.triggers).map((t) => t.name);
      expect(new Set(names).size).toBe(connector.triggers.length);
      expect(labels.lines["triggers.emailLinkClicked.name"]).toBeGreaterThan(labels.lines["triggers"]!);
    }
    expect(connector.locales.en.triggers.emailLinkClicked!.name).toBe("Email link clicked");
    expect(connector.locales.ru.triggers.promoCodeAssigned!.name).toBe("Промокод выдан");
    expect(connector.locales.ru.connection.webhookUrl!.hint).toContain("Интеграции → Захват событий");
  });

  it("records the files it read, for cache keys", () => {
    expect(connector.files).toEqual([APP, "connector/fields.yaml", EN, RU, TRIGGERS, "connector/lists.yaml", "connector/actions.yaml", "connector/logo.svg"].sort());
  });
});

describe("bad input: each problem names its file and line", () => {
  it("malformed YAML: file, line, column and the YAML error", async () => {
    const root = await makeProject();
    const text = await edit(root, TRIGGERS, "    group: sms\n", "    group: sms: extra\n");
    const line = lineOf(text, "group: sms: extra");
    const lines = await expectProblem(
      root,
      `${TRIGGERS}:${line}:12: not valid YAML: nested mappings are not allowed in compact mappings`,
    );
    expect(lines).toHaveLength(1);
  });

  it("malformed YAML in two files: both reported, in file order", async () => {
    const root = await makeProject();
    await edit(root, RU, "  email: Email\n", "  email: Email\n\t sms: SMS\n");
    await edit(root, APP, "code: altcraft\n", "code: [altcraft\n");
    const lines = await problemLines(root);
    expect(lines.map((l) => l.split(":")[0])).toEqual([APP, RU]);
    expect(lines[1]).toMatch(/^connector\/locales\/ru\.yaml:\d+:\d+: not valid YAML: tabs are not allowed/);
  });

  it("unknown key: names the nearest valid key", async () => {
    const root = await makeProject();
    const text = await edit(root, TRIGGERS, "    event_type: send\n", "    evnt_type: send\n");
    const lines = await expectProblem(
      root,
      `${TRIGGERS}:${lineOf(text, "evnt_type")}:5: trigger: unknown key "evnt_type" (did you mean "event_type"?)`,
    );
    expectLine(lines, `${TRIGGERS}:${lineOf(text, "code: emailSent")}:5: trigger: missing key "event_type"`);
  });

  it("unknown key in app.yaml and in a locale label", async () => {
    const root = await makeProject();
    const app = await edit(root, APP, "docs_url:", "docs_ulr:");
    const ru = await edit(root, RU, "    name: Письмо отправлено\n", "    nmae: Письмо отправлено\n");
    const lines = await expectProblem(root, `${APP}:${lineOf(app, "docs_ulr")}:1: app.yaml: unknown key "docs_ulr" (did you mean "docs_url"?)`);
    expectLine(lines, `${RU}:${lineOf(ru, "nmae")}:5: triggers.emailSent: unknown key "nmae" (did you mean "name"?)`);
    // The label it lacks now is the labelsComplete check's to report, with every other gap.
    expect(lines).toHaveLength(3);
  });

  it("a trigger naming its schema explicitly: the conventional one is accepted, another refused", async () => {
    const root = await makeProject();
    await edit(root, TRIGGERS, "    event_type: click\n", "    event_type: click\n    schema: schemas/events/click.schema.json\n");
    expect((await loadConnector(root)).triggers.find((t) => t.eventType === "click")!.schema).toBe("schemas/events/click.schema.json");
    const text = await edit(root, TRIGGERS, "schema: schemas/events/click.schema.json", "schema: schemas/events/open.schema.json");
    await expectProblem(
      root,
      `${TRIGGERS}:${lineOf(text, "open.schema.json")}:13: the schema of event type "click" is schemas/events/click.schema.json, not schemas/events/open.schema.json; remove the key (it is the default)`,
    );
  });

  it("a trigger listing its samples: a missing one, and the ones it left out", async () => {
    const root = await makeProject();
    const text = await edit(root, TRIGGERS, "    event_type: click\n", "    event_type: click\n    samples:\n      - schemas/samples/click/ful.json\n");
    const line = lineOf(text, "click/ful.json");
    const lines = await expectProblem(root, `${TRIGGERS}:${line}:9: sample file not found: schemas/samples/click/ful.json`);
    expect(lines.some((l) => l.includes("sample schemas/samples/click/full.json exists but is not listed"))).toBe(true);
  });

  it("a sample listed from outside its folder or the repository", async () => {
    const root = await makeProject();
    const text = await edit(root, TRIGGERS, "    event_type: click\n", "    event_type: click\n    samples:\n      - ../elsewhere/full.json\n      - schemas/samples/open/full.json\n");
    const lines = await problemLines(root);
    expectLine(lines, `${TRIGGERS}:${lineOf(text, "../elsewhere")}:9: samples: expected a path inside the repository (under schemas/samples/click/), found "../elsewhere/full.json"`);
    expectLine(lines, `${TRIGGERS}:${lineOf(text, "open/full.json")}:9: samples of event type "click" live in schemas/samples/click/, not at schemas/samples/open/full.json`);
  });

  it("a new sample file is taken without listing it", async () => {
    const root = await makeProject({ copySchemas: true });
    await writeFile(join(root, "schemas/samples/launch/weekly.json"), "{}\n");
    const connector = await loadConnector(root);
    expect(connector.triggers.find((t) => t.eventType === "launch")!.samples).toContain("schemas/samples/launch/weekly.json");
  });

  it("duplicate trigger code", async () => {
    const root = await makeProject();
    const text = await edit(root, TRIGGERS, "code: emailDelivered", "code: emailSent");
    const first = lineOf(text, "code: emailSent");
    const second = text.split("\n").findIndex((l, i) => i + 1 > first && l.includes("code: emailSent")) + 1;
    await expectProblem(root, `${TRIGGERS}:${second}:11: duplicate trigger code "emailSent" (first used at line ${first})`);
  });

  it("duplicate event type", async () => {
    const root = await makeProject();
    const text = await edit(root, TRIGGERS, "event_type: deliv\n", "event_type: send\n");
    const line = lineOf(text, "code: emailDelivered") + 1;
    const lines = await expectProblem(
      root,
      `${TRIGGERS}:${line}:17: duplicate event type "send": trigger "emailSent" at line ${lineOf(text, "code: emailSent")} already has it`,
    );
    expectLine(lines, `${TRIGGERS}:${lineOf(text, "\ntriggers:") + 1}:1: no trigger for event type "deliv" (every type in scripts/event-types.ts needs one)`);
    // The duplicate's schema and samples are not checked against the other trigger's type: no cascade.
    expect(lines).toHaveLength(2);
  });

  it("invalid trigger code", async () => {
    const root = await makeProject();
    const text = await edit(root, TRIGGERS, "code: emailLinkClicked", "code: email-clicked");
    await expectProblem(
      root,
      `${TRIGGERS}:${lineOf(text, "email-clicked")}:11: trigger code "email-clicked" must be Latin letters and digits, starting with a letter (e.g. emailLinkClicked)`,
    );
  });

  it("unknown event type, with the nearest registry type", async () => {
    const root = await makeProject();
    const text = await edit(root, TRIGGERS, "event_type: uclick\n", "event_type: uclik\n");
    await expectProblem(
      root,
      `${TRIGGERS}:${lineOf(text, "uclik")}:17: unknown event type "uclik" (did you mean "uclick"?); known types are in scripts/event-types.ts`,
    );
  });

  it("a registry event type without a trigger", async () => {
    const root = await makeProject();
    const text = await edit(
      root,
      TRIGGERS,
      "  - code: campaignLaunched\n    event_type: launch\n    group: campaigns\n",
      "",
    );
    const lines = await expectProblem(
      root,
      `${TRIGGERS}:${lineOf(text, "\ntriggers:") + 1}:1: no trigger for event type "launch" (every type in scripts/event-types.ts needs one)`,
    );
    const app = await readFile(join(root, APP), "utf8");
    expectLine(lines, `${APP}:${lineOf(app, "  - campaigns")}:5: group "campaigns" has no triggers; remove it or give it triggers`);
    expectLine(lines, `${EN}:${lineOf(await readFile(join(root, EN), "utf8"), "  campaignLaunched:")}:3: triggers: label for unknown trigger "campaignLaunched"`);
  });

  it("missing labels are not the loader's to report: the labelsComplete check reports them all at once", async () => {
    const root = await makeProject();
    await edit(root, RU, "  emailLinkClicked:\n    name: Клик по ссылке в письме\n", "  emailLinkClicked:\n");
    await edit(root, EN, "  website: Website\n", "");
    const connector = await loadConnector(root);
    expect(connector.locales.ru.triggers.emailLinkClicked).toEqual({ name: "", description: expect.any(String), altcraft: expect.any(String) });
    expect(connector.locales.en.groups.website).toBeUndefined();
  });

  it("a missing locale file, and a locale nobody knows", async () => {
    const root = await makeProject();
    await rm(join(root, RU));
    await writeFile(join(root, "connector/locales/de.yaml"), "app: {}\n");
    expect(await problemLines(root)).toEqual([
      `connector/locales/de.yaml: unknown locale "de"; the locales are en, ru`,
      `${RU}: missing locale file (every locale needs one: en, ru)`,
    ]);
  });

  it("two triggers with the same name in a locale", async () => {
    const root = await makeProject();
    const text = await edit(root, EN, "name: SMS delivered", "name: Email delivered");
    await expectProblem(
      root,
      `${EN}:${lineOf(text, "  smsDelivered:") + 1}:5: triggers.smsDelivered.name: "Email delivered" is already the name of triggers.emailDelivered; every one must be distinguishable`,
    );
  });

  it("missing logo", async () => {
    const root = await makeProject();
    await rm(join(root, "connector/logo.svg"));
    const app = await readFile(join(root, APP), "utf8");
    await expectProblem(root, `${APP}:${lineOf(app, "logo:")}:7: logo file not found: connector/logo.svg`);
  });

  it("oversized logo", async () => {
    const root = await makeProject();
    const padding = `<!-- ${"x".repeat(70 * 1024)} -->`;
    await writeFile(join(root, "connector/logo.svg"), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">${padding}</svg>\n`);
    const app = await readFile(join(root, APP), "utf8");
    const size = (await readFile(join(root, "connector/logo.svg"))).length;
    const lines = await expectProblem(
      root,
      `${APP}:${lineOf(app, "logo:")}:7: logo connector/logo.svg is ${size} bytes; keep it at most 65536 bytes (64 KB)`,
    );
    expect(lines).toHaveLength(1);
  });

  it("a logo that is not SVG", async () => {
    const root = await makeProject();
    await writeFile(join(root, "connector/logo.svg"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const app = await readFile(join(root, APP), "utf8");
    await expectProblem(
      root,
      `${APP}:${lineOf(app, "logo:")}:7: logo connector/logo.svg is not an SVG file (expected it to start with "<svg" or "<?xml" and contain an <svg> element)`,
    );
  });

  it("unknown group, with the nearest declared group", async () => {
    const root = await makeProject();
    const text = await edit(root, TRIGGERS, "group: email\n", "group: emial\n");
    await expectProblem(
      root,
      `${TRIGGERS}:${lineOf(text, "emial")}:12: unknown group "emial" (did you mean "email"?); groups are listed in connector/app.yaml`,
    );
  });

  it("wrong value types: expected string, list of strings, boolean", async () => {
    const root = await makeProject();
    let app = await edit(root, APP, "version: 1.0.0", "version: v1.0.0");
    app = await edit(root, APP, "required_when_creating: true", "required_when_creating: yes please");
    app = await edit(root, APP, "categories:\n  - Email marketing\n  - Marketing automation\n  - CDP\n", "categories: Email marketing\n");
    const triggers = await edit(root, TRIGGERS, "    event_type: send\n", "    event_type: send\n    samples:\n      - 42\n");
    const lines = await problemLines(root);
    expectLine(lines, `${APP}:${lineOf(app, "version:")}:10: version "v1.0.0" is not a semantic version (expected e.g. 1.2.0 or 1.2.0-rc.1)`);
    expectLine(lines, `${APP}:${lineOf(app, "yes please")}:29: required_when_creating: expected true or false, found the string "yes please"`);
    expectLine(lines, `${APP}:${lineOf(app, "categories:")}:13: categories: expected a list of strings, found the string "Email marketing"`);
    expectLine(lines, `${TRIGGERS}:${lineOf(triggers, "- 42")}:9: samples item: expected a non-empty string, found the number 42`);
  });

  it("an http (not https) website and a Webhook field missing", async () => {
    const root = await makeProject();
    let app = await edit(root, APP, "website: https://altcraft.com", "website: http://altcraft.com");
    app = await edit(root, APP, "    type: Webhook\n", "    type: webhook\n");
    const lines = await problemLines(root);
    expectLine(lines, `${APP}:${lineOf(app, "website:")}:10: website: expected an https:// URL, found "http://altcraft.com"`);
    expectLine(lines, 
      `${APP}:${lineOf(app, "type: webhook")}:11: type: unknown connection field type "webhook" (did you mean "Webhook"?) (known: Webhook, string, password)`,
    );
    expectLine(lines, 
      `${APP}:${lineOf(app, "- code: webhookUrl")}:3: connection_fields: expected exactly one field of type Webhook (webhook triggers need it), found 0`,
    );
  });

  it("an empty file: said once, with nothing about what it lacks", async () => {
    const root = await makeProject();
    await writeFile(join(root, TRIGGERS), "# nothing yet\n");
    expect(await problemLines(root)).toEqual([`${TRIGGERS}:1:1: the file is empty (expected a YAML mapping)`]);
  });

  it("reports every problem of every file in one run, sorted by file and line", async () => {
    const root = await makeProject();
    await edit(root, TRIGGERS, "group: push\n", "group: pushes\n");
    await edit(root, TRIGGERS, "code: smsSent", "code: sms_sent");
    await edit(root, APP, "version: 1.0.0", "version: one");
    await rm(join(root, "connector/logo.svg"));
    const error = await loadConnector(root).catch((caught: Error) => caught);
    const [header, ...lines] = (error as ProblemListError).lines();
    expect(header).toMatch(/^connector\/ has \d+ problems:$/);
    expect(lines.filter((l) => l.startsWith(APP))).toHaveLength(2);
    expect(lines.some((l) => l.startsWith(TRIGGERS) && l.includes('unknown group "pushes" (did you mean "push"?)'))).toBe(true);
    expect(lines.some((l) => l.startsWith(TRIGGERS) && l.includes('trigger code "sms_sent"'))).toBe(true);
    const places = lines.map((l) => {
      const [file, line] = l.split(":");
      return [file!, Number(line)] as const;
    });
    const sorted = [...places].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(places).toEqual(sorted);
  });
});
