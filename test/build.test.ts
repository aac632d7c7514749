/**
 * `build` end to end on a copy of the bundled connector: the manifest meets issue 3, the package is
 * reproducible and holds what it should, the cache short-cuts an unchanged rebuild, `--check` passes
 * after a build and fails after a schema edit.
 */
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuildSummary } from "../scripts/pipeline/summary.js";
import { FIELD_CODE_PATTERN } from "../scripts/load/lock.js";
import { EVENT_TYPES, provisionalEventTypes } from "../scripts/event-types.js";
import type { Manifest } from "../scripts/model/manifest.js";
import { listFiles } from "../scripts/load/project-files.js";
import { readZip } from "../scripts/load/zip.js";
import { sha256 } from "../scripts/hash.js";
import { build, edit, makeProject, removeProjects, snapshot, type CommandResult } from "./fixtures/build/project.js";

let root: string;
let first: CommandResult;
let summary: BuildSummary;
let manifest: Manifest;

beforeAll(async () => {
  root = await makeProject();
  first = await build(root, { json: true });
  summary = JSON.parse(first.stdout) as BuildSummary;
  manifest = JSON.parse(await readFile(join(root, "dist/manifest.json"), "utf8")) as Manifest;
}, 120_000);

afterAll(removeProjects);

describe("a fresh build", () => {
  it("succeeds, printing one JSON summary on stdout and warnings on stderr", () => {
    expect(first.code, first.stderr).toBe(0);
    expect(summary).toMatchObject({
      ok: true,
      cached: false,
      version: manifest.app.version,
      manifest: "dist/manifest.json",
      package: `dist/altcraft-albato-${manifest.app.version}.zip`,
      guides: ["dist/SETUP.en.md", "dist/SETUP.ru.md", "dist/setup.html"],
      triggers: 37,
    });
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.fields).toBe(manifest.triggers.reduce((sum, trigger) => sum + trigger.fields.length, 0));
    expect(summary.coverage.optionalFields).toBeGreaterThan(0);
    expect(first.stderr).toContain("provisional event type");
    expect(summary.warnings.some((warning) => warning.rule === "provisionalEventTypes")).toBe(true);
  });

  it("writes a manifest with one webhook trigger per event type, filtered and parsed as the issue says", () => {
    expect(manifest.format).toBe("albato-app-manifest/1");
    expect(manifest.triggers).toHaveLength(37);
    expect(new Set(manifest.triggers.map((trigger) => trigger.eventType))).toEqual(new Set(EVENT_TYPES.map((info) => info.type)));
    const provisional = new Set(provisionalEventTypes());
    for (const trigger of manifest.triggers) {
      expect(trigger.model).toBe("webhook");
      expect(trigger.filter).toEqual({ all: [{ variable: "data.event_type", operator: "equal", value: trigger.eventType }] });
      expect(trigger.response).toEqual({ contentType: "JSON", returnDataArray: true, arrayPath: "" });
      expect(trigger.eventTypeConfirmed).toBe(!provisional.has(trigger.eventType));
      expect(trigger.names.en.trim()).not.toBe("");
      expect(trigger.names.ru.trim()).not.toBe("");
      expect(trigger.names.ru).toMatch(/[а-яё]/i);
    }
    expect(manifest.connectionFields.some((field) => field.type === "Webhook")).toBe(true);
  });

  it("gives fields valid codes unique in their trigger, data. paths, names in both locales and the documented types", () => {
    for (const trigger of manifest.triggers) {
      const codes = trigger.fields.map((field) => field.code);
      expect(new Set(codes).size, trigger.code).toBe(codes.length);
      for (const field of trigger.fields) {
        expect(field.code).toMatch(FIELD_CODE_PATTERN);
        expect(field.path).toMatch(/^data\./);
        expect(field.names.en && field.names.ru, `${trigger.code} ${field.path}`).toBeTruthy();
      }
      const byPath = new Map(trigger.fields.map((field) => [field.path, field]));
      expect(byPath.get("data.event_date")).toMatchObject({ type: "DateTime", dateTimeFormat: { format: "RFC3339", timeZone: "UTC" } });
      expect(byPath.get("data.is_test")?.type).toBe("Boolean");
      expect(byPath.get("data.account_id")?.type).toBe("Int");
    }
    const click = manifest.triggers.find((trigger) => trigger.eventType === "click")!;
    // Curated: the approximate coordinates are no field; the city is.
    expect(click.fields.find((field) => field.path === "data.event_data.lat")).toBeUndefined();
    expect(click.fields.find((field) => field.path === "data.event_data.city")?.type).toBe("String");
    expect(click.fields.find((field) => field.path === "data.custom_data.phones")?.type).toBe("PhoneArray");
    expect(click.fields.find((field) => field.path === "data.event_data.link_url")?.code).toBe("eventDataLinkUrl");
  });

  it("records every field code in the lock, sorted, shared by path across triggers", async () => {
    const lock = JSON.parse(await readFile(join(root, "connector/field-codes.lock.json"), "utf8")) as Record<string, string>;
    expect(Object.keys(lock)).toEqual([...Object.keys(lock)].sort());
    for (const trigger of manifest.triggers) {
      for (const field of trigger.fields) expect(lock[field.path.slice("data.".length)]).toBe(field.code);
    }
  });

  it("packages the manifest, both guides, the preview, the AsyncAPI document, the schemas and samples as in the repo, the logo and checksums", async () => {
    const entries = await readZip(await readFile(join(root, summary.package)), summary.package);
    const names = entries.map((entry) => entry.name);
    const schemaFiles = listFiles(root, "schemas");
    expect(names).toEqual(
      ["SETUP.en.md", "SETUP.ru.md", "SHA256SUMS", "asyncapi.json", "logo.svg", "manifest.json", "preview.html", "setup.html", ...schemaFiles].sort(),
    );
    const byName = new Map(entries.map((entry) => [entry.name, entry.data]));
    expect(byName.get("manifest.json")!.equals(await readFile(join(root, "dist/manifest.json")))).toBe(true);
    expect(byName.get("SETUP.ru.md")!.equals(await readFile(join(root, "dist/SETUP.ru.md")))).toBe(true);
    expect(byName.get("logo.svg")!.equals(await readFile(join(root, "connector/logo.svg")))).toBe(true);
    expect(byName.get("preview.html")!.equals(await readFile(join(root, "dist/preview.html")))).toBe(true);
    expect(byName.get("preview.html")!.toString()).toContain(manifest.triggers[0]!.names.ru);
    const asyncapi = JSON.parse(byName.get("asyncapi.json")!.toString()) as { asyncapi: string; components: { messages: object } };
    expect(asyncapi.asyncapi).toBe("3.0.0");
    for (const trigger of manifest.triggers) expect(Object.keys(asyncapi.components.messages)).toContain(trigger.eventType);
    for (const file of schemaFiles) expect(byName.get(file)!.equals(await readFile(join(root, file))), file).toBe(true);
    const sums = byName.get("SHA256SUMS")!.toString();
    for (const entry of entries) if (entry.name !== "SHA256SUMS") expect(sums).toContain(`${sha256(entry.data)}  ${entry.name}\n`);
    expect(sha256(await readFile(join(root, summary.package)))).toBe(summary.sha256);
  });

  it("writes setup guides that walk both languages through every trigger", async () => {
    const en = await readFile(join(root, "dist/SETUP.en.md"), "utf8");
    const ru = await readFile(join(root, "dist/SETUP.ru.md"), "utf8");
    for (const trigger of manifest.triggers) {
      expect(en).toContain(`#### `);
      expect(en).toContain(`| ${trigger.names.en} |`);
      expect(ru).toContain(`| ${trigger.names.ru} |`);
    }
    expect(ru).toContain("Интеграции → Захват событий");
  });
});

describe("rebuilding", () => {
  it("does nothing when nothing changed (cache), and says so", async () => {
    const before = await stat(join(root, summary.package));
    const again = await build(root);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Nothing changed since the last build");
    expect(again.stdout).toContain(summary.sha256);
    expect(again.stderr).toContain("provisional event type");
    expect((await stat(join(root, summary.package))).mtimeMs).toBe(before.mtimeMs);
  });

  it("is byte-identical without the cache, into another folder", async () => {
    const other = await build(root, { json: true, cache: false, out: join(root, "dist-again") });
    expect(other.code, other.stderr).toBe(0);
    const again = JSON.parse(other.stdout) as BuildSummary;
    expect(again.sha256).toBe(summary.sha256);
    expect(again.lock.added).toEqual([]);
    const a = await readFile(join(root, summary.package));
    const b = await readFile(join(root, "dist-again", `altcraft-albato-${summary.version}.zip`));
    expect(a.equals(b)).toBe(true);
  }, 120_000);

  it("after a label edit, rewrites the outputs that show it, all in dist/", async () => {
    await edit(root, "connector/locales/en.yaml", "name: Email link clicked\n", "name: Email link clicked (any)\n");
    const again = await build(root, { json: true });
    expect(again.code, again.stderr).toBe(0);
    const written = (JSON.parse(again.stdout) as BuildSummary).written;
    expect(written).toEqual(expect.arrayContaining(["dist/manifest.json", "dist/SETUP.en.md", "dist/preview.html", summary.package]));
    expect(written.filter((file) => !file.startsWith("dist/"))).toEqual([]);
    expect(await readFile(join(root, "dist/SETUP.en.md"), "utf8")).toContain("| Email link clicked (any) |");
  }, 120_000);

  it("rebuilds an output someone changed by hand", async () => {
    await edit(root, "dist/SETUP.en.md", "#", "# edited");
    const again = await build(root, { json: true });
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as BuildSummary).written).toEqual(["dist/SETUP.en.md"]);
    expect(await readFile(join(root, "dist/SETUP.en.md"), "utf8")).not.toContain("# edited");
  }, 120_000);
});

describe("build --check", () => {
  it("passes right after a build", async () => {
    const check = await build(root, { check: true, cache: false });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain("Up to date");
  }, 120_000);

  it("fails after a schema edit, naming the stale files, and writes nothing", async () => {
    await edit(
      root,
      "schemas/events/click.schema.json",
      '"link_url": {',
      '"link_text": { "type": "string", "title": "Link text", "description": "The text of the clicked link." },\n        "link_url": {',
    );
    await edit(root, "connector/fields.yaml", "      - event_data.link_url\n", "      - event_data.link_url\n      - event_data.link_text\n");
    await edit(root, "connector/locales/en.yaml", "fields:\n", 'fields:\n  event_data.link_text: Link text\n');
    await edit(root, "connector/locales/ru.yaml", "fields:\n", "fields:\n  event_data.link_text: Текст ссылки\n");
    const before = await snapshot(root);
    const check = await build(root, { check: true, json: true });
    expect(check.code).toBe(1);
    const failure = JSON.parse(check.stdout) as { ok: boolean; stale: string[] };
    expect(failure.ok).toBe(false);
    expect(failure.stale).toEqual(["connector/field-codes.lock.json", "scripts/generated/events.ts"]);
    expect(check.stderr).toContain("connector/field-codes.lock.json: stale: a build would add codes for event_data.link_text");
    expect(check.stderr).toContain("scripts/generated/events.ts: stale");
    expect(await snapshot(root)).toEqual(before);
  }, 120_000);

  it("names scripts/generated/api.ts when an API schema changed, and only it", async () => {
    const project = await makeProject();
    await edit(project, "schemas/api/promocodes-get.request.schema.json", '"title": "Promo code",', '"title": "Promo code text",');
    await edit(project, "schemas/api/promocodes-get.request.schema.json", '"description": "The promo code."', '"description": "The promo code to read."');
    const check = await build(project, { check: true, json: true });
    expect(check.code, check.stderr).toBe(1);
    expect((JSON.parse(check.stdout) as { stale: string[] }).stale).toEqual(["scripts/generated/api.ts"]);
  }, 120_000);
});
