/**
 * The preview's data for the action picker (scripts/derive/preview/actions.ts, action-groups.ts), and the
 * page markup it switches on, in Node. The page itself is driven in Chromium by test/preview-actions.test.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderPreviewHtml } from "../scripts/derive/preview.js";
import { ACTION_GROUPS, actionGroupOf } from "../scripts/derive/preview/action-groups.js";
import { previewActions, urlPath, type PreviewAction } from "../scripts/derive/preview/actions.js";
import { previewData, type PreviewInput } from "../scripts/derive/preview/model.js";
import { actionSearchText, codeWords } from "../scripts/derive/preview/search-text.js";
import { loadBuilt } from "../scripts/load/release/built.js";
import type { Side } from "../scripts/load/release/side.js";
import type { Manifest, ManifestAction } from "../scripts/model/manifest.js";
import { appPreviewInput } from "./fixtures/browser/app-preview.js";

let input: Required<PreviewInput>;
let manifest: Manifest;
let side: Side;

beforeAll(async () => {
  input = await appPreviewInput();
  manifest = input.manifest;
  side = await loadBuilt(join(import.meta.dirname, "../test/fixtures/preview/manifest.json"));
});

const flat = (groups: ReturnType<typeof previewActions>["actionGroups"]): PreviewAction[] => groups.flatMap((group) => group.actions);

describe("action groups", () => {
  it("go by the method an action calls, the longest prefix deciding", () => {
    expect(actionGroupOf("profiles-import").code).toBe("profiles");
    expect(actionGroupOf("profiles-segstatic-add").code).toBe("subscriptions");
    expect(actionGroupOf("subscriptions-set").code).toBe("subscriptions");
    expect(actionGroupOf("campaigns-triggers-import_and_start").code).toBe("campaigns");
    expect(actionGroupOf("workflows-start").code).toBe("campaigns");
    expect(actionGroupOf("promocodes-get").code).toBe("promocodes");
    expect(actionGroupOf("goals-register").code).toBe("goals");
    // What no rule names goes to the last group; a prefix must match at the start.
    for (const method of ["", "profiles", "xprofiles-import", "messages-send"]) expect(actionGroupOf(method).code, method).toBe("other");
  });

  it("have codes and names in both languages, one group for the rest, last", () => {
    expect(new Set(ACTION_GROUPS.map((group) => group.code)).size).toBe(ACTION_GROUPS.length);
    for (const group of ACTION_GROUPS) {
      expect(group.names.en, group.code).toMatch(/^[A-Z][a-z ]+$/);
      expect(group.names.ru, group.code).toMatch(/^[А-Я][а-я ]+$/);
    }
    expect(ACTION_GROUPS.filter((group) => group.prefixes.length === 0).map((group) => group.code)).toEqual(["other"]);
    expect(ACTION_GROUPS.at(-1)!.code).toBe("other");
  });

  it("place every action of the app in a named group, in the groups' order, actions in the manifest's order", () => {
    const { actionGroups } = previewActions(manifest);
    expect(flat(actionGroups).map((action) => action.code).sort()).toEqual(manifest.actions.map((action) => action.code).sort());
    expect(actionGroups.map((group) => group.code)).toEqual(["profiles", "subscriptions", "campaigns", "promocodes", "goals"]);
    const order = manifest.actions.map((action) => action.code);
    for (const group of actionGroups) {
      expect(group.actions.length, group.code).toBeGreaterThan(0);
      const positions = group.actions.map((action) => order.indexOf(action.code));
      expect(positions, group.code).toEqual([...positions].sort((a, b) => a - b));
    }
    const groupOf = (code: string) => actionGroups.find((group) => group.actions.some((action) => action.code === code))!.code;
    expect(groupOf("segmentAdd")).toBe("subscriptions");
    expect(groupOf("profileImportAndTriggerCampaignStart")).toBe("campaigns");
    expect(groupOf("scenarioStart")).toBe("campaigns");
  });
});

describe("preview data of actions", () => {
  it("keeps each action's inputs and response fields in the manifest's order, with what the page shows", () => {
    const actions = flat(previewActions(manifest).actionGroups);
    for (const source of manifest.actions) {
      const action = actions.find((candidate) => candidate.code === source.code)!;
      expect(action.names).toEqual(source.names);
      expect(action.descriptions).toEqual(source.descriptions);
      expect(action.provisional).toBe(source.provisional);
      const inputs = source.fields.filter((field) => field.editable);
      expect(action.inputs).toEqual(
        inputs.map((field) => ({ code: field.code, names: field.names, hints: field.hints, type: field.type, required: field.required, list: field.list ?? null })),
      );
      expect(action.outputs).toEqual(
        source.fields
          .filter((field) => !field.editable)
          .map((field) => ({ code: field.code, names: field.names, type: field.type, key: source.responseFields.find((row) => row.field === field.code)!.key })),
      );
      expect(action.api).toEqual({ method: source.request.source.method, verb: "POST", path: urlPath(source.request.url) });
      expect(action.api.path).toMatch(/^\/api\/v1\.1\/[a-z_/]+$/);
      expect(action.lists).toEqual([...new Set(inputs.flatMap((field) => (field.list ? [field.list] : [])))]);
    }
    // The app has what the page is built to show: required and optional inputs, response fields, lists, provisional actions.
    expect(actions.some((action) => action.outputs.length > 0)).toBe(true);
    expect(actions.some((action) => action.outputs.length === 0)).toBe(true);
    expect(actions.filter((action) => action.provisional).map((action) => action.code)).toEqual(
      manifest.actions.filter((action) => action.provisional).map((action) => action.code),
    );
    expect(actions.flatMap((action) => action.inputs).some((field) => field.required)).toBe(true);
  });

  it("carries the lists the actions use, once each, in the manifest's order, a static list with its items", () => {
    const { actionGroups, lists } = previewActions(manifest);
    const used = new Set(flat(actionGroups).flatMap((action) => action.lists));
    expect(lists.map((list) => list.code)).toEqual(manifest.lists.filter((list) => used.has(list.code)).map((list) => list.code));
    expect(lists.map((list) => list.code).sort()).toEqual([...used].sort());
    for (const list of lists) {
      const source = manifest.lists.find((candidate) => candidate.code === list.code)!;
      expect(list.names).toEqual(source.names);
      if (source.type === "static") {
        expect(list).toMatchObject({ type: "static", provisional: false, api: null });
        expect(list.items).toEqual(source.items.map((item) => ({ key: item.key, names: item.names })));
      } else {
        expect(list).toMatchObject({ type: "dynamic", provisional: source.provisional, items: [] });
        expect(list.api).toEqual({ method: source.request.source.method, verb: "POST", path: urlPath(source.request.url) });
      }
    }
    expect(lists.some((list) => list.type === "static")).toBe(true);
    expect(lists.some((list) => list.type === "dynamic")).toBe(true);
  });

  it("leaves out a list no action uses, and keeps a field's list code when the list is not declared", () => {
    const changed = structuredClone(manifest);
    changed.lists.push({ code: "unused", type: "static", names: { en: "Unused", ru: "Не используется" }, items: [] });
    const action = changed.actions[0]!;
    action.fields[0]!.list = "undeclared";
    const { actionGroups, lists } = previewActions(changed);
    expect(lists.map((list) => list.code)).not.toContain("unused");
    expect(lists.map((list) => list.code)).not.toContain("undeclared");
    expect(flat(actionGroups).find((candidate) => candidate.code === action.code)!.lists[0]).toBe("undeclared");
  });

  it("reads a response field no Response row fills as null, and an unknown method into the last group", () => {
    const changed = structuredClone(manifest);
    const action = changed.actions.find((candidate) => candidate.responseFields.length > 0)!;
    action.responseFields = [];
    action.request.source.method = "messages-send";
    const { actionGroups } = previewActions(changed);
    expect(actionGroups.at(-1)!.code).toBe("other");
    expect(actionGroups.at(-1)!.actions.map((candidate) => candidate.code)).toEqual([action.code]);
    expect(actionGroups.at(-1)!.actions[0]!.outputs.every((field) => field.key === null)).toBe(true);
  });

  it("is empty for a manifest from before actions (no actions[], no lists[])", () => {
    const raw = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/preview/manifest.json"), "utf8")) as Record<string, unknown>;
    expect("actions" in raw || "lists" in raw).toBe(false);
    // As the loader gives it (empty arrays filled in) and as written (no keys at all).
    const bare = structuredClone(side.manifest) as Partial<Manifest>;
    delete bare.actions;
    delete bare.lists;
    for (const old of [side.manifest, bare as Manifest]) {
      const data = previewData({ manifest: old, samples: side.samples });
      expect(data.actionGroups).toEqual([]);
      expect(data.lists).toEqual([]);
      expect(data.groups.length).toBeGreaterThan(0);
    }
  });

  it("takes the path from a URL with or without a host", () => {
    expect(urlPath("https://{{connection.host}}/api/v1.1/profiles/import")).toBe("/api/v1.1/profiles/import");
    expect(urlPath("http://example.com")).toBe("/");
    expect(urlPath("/api/v1.1/goals/register")).toBe("/api/v1.1/goals/register");
  });
});

describe("what an action is found by", () => {
  it("takes names, descriptions, code and its words, and the method; not the group or the fields", () => {
    const action = manifest.actions.find((candidate) => candidate.code === "segmentAdd")!;
    const text = actionSearchText(action, manifest.actions);
    for (const part of [action.names.en, action.names.ru, action.descriptions.en, action.descriptions.ru, action.code, codeWords(action.code), "profiles-segstatic-add"]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain("Subscriptions and segments");
    // Fields are not searched: "email" would find nearly every action.
    expect(text).not.toContain(action.fields[0]!.hints.en);
  });

  it("leaves out a description sentence that quotes another action's name", () => {
    const [a, b] = structuredClone(manifest.actions.slice(0, 2)) as [ManifestAction, ManifestAction];
    a.descriptions = { en: `Adds a profile. To only read one, use “${b.names.en}”.`, ru: `Добавляет профиль. Чтобы прочитать, выберите «${b.names.ru}».` };
    const text = actionSearchText(a, [a, b]);
    expect(text).toContain("Adds a profile.");
    expect(text).toContain("Добавляет профиль.");
    expect(text).not.toContain(b.names.en);
    expect(text).not.toContain(b.names.ru);
  });
});

describe("the page markup", () => {
  it("has the Triggers | Actions switch as tabs over the list when the manifest has actions, and none without", () => {
    const page = renderPreviewHtml(input);
    expect(page).toContain('role="tablist"');
    expect(page.match(/<button type="button" role="tab"/g)).toHaveLength(2);
    expect(page).toContain('<div class="trigger-list" id="trigger-list" role="tabpanel" aria-labelledby="view-triggers">');
    expect(page).toContain('data-i18n="introActions"');
    const old = renderPreviewHtml({ manifest: side.manifest, samples: side.samples, logoSvg: side.logoSvg! });
    expect(old).not.toContain('role="tablist"');
    expect(old).not.toContain('data-i18n="introActions"');
    expect(old).toContain('<nav class="trigger-list" id="trigger-list"></nav>');
    const json = /<script type="application\/json" id="preview-data">(.*?)<\/script>/s.exec(old)![1]!;
    expect(JSON.parse(json).data).toMatchObject({ actionGroups: [], lists: [] });
  });

  it("is byte-identical for the same input, actions included", () => {
    expect(renderPreviewHtml(input)).toBe(renderPreviewHtml(input));
    expect(renderPreviewHtml({ ...input, manifest: structuredClone(input.manifest) })).toBe(renderPreviewHtml(input));
  });

  it("keeps hostile action text inside the data, as text", () => {
    const hostile = structuredClone(manifest);
    const action = hostile.actions[0]!;
    action.names.en = '</script><script>window.__pwned=1</script>';
    action.fields[0]!.hints.en = '<img src=x onerror="window.__pwned=2">';
    const page = renderPreviewHtml({ ...input, manifest: hostile });
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    expect(page).not.toContain("<img src=x");
    const json = /<script type="application\/json" id="preview-data">(.*?)<\/script>/s.exec(page)![1]!;
    const data = JSON.parse(json).data as ReturnType<typeof previewData>;
    expect(flat(data.actionGroups).find((candidate) => candidate.code === action.code)!.names.en).toBe(action.names.en);
  });
});
