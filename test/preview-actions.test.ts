/**
 * The preview's action picker in a real browser (Debian's Chromium through playwright-core, pages served
 * from 127.0.0.1): the "Triggers | Actions" switch, each action's detail compared with the manifest, the
 * search, provisional actions, hostile text, and the audits (contrast, font size, one scroll on a phone,
 * unbroken hyphenated words, no English left on the Russian page, no request). Pages: the repo's own app
 * (derived in memory, every action), the same app with hostile action text, and the frozen fixture of a
 * release from before actions (no switch). Writes screenshots and the measured figures to test-output/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPreviewHtml } from "../scripts/derive/preview.js";
import { loadBuilt } from "../scripts/load/release/built.js";
import type { Locale, Localized, Manifest, ManifestAction } from "../scripts/model/manifest.js";
import { appPreviewInput } from "./fixtures/browser/app-preview.js";
import { launchChromium } from "./fixtures/browser/chromium.js";
import { BROKEN_HYPHENS, SCROLL_BOXES, TEXT_AUDIT, type TextSample } from "./fixtures/browser/page-audits.js";
import { servePages, type PageServer } from "./fixtures/browser/serve.js";
import { reusedPage, type WatchedPage } from "./fixtures/browser/watched-page.js";

const root = join(import.meta.dirname, "..");
const outputDir = join(root, "test-output");
const LOCALES: readonly Locale[] = ["en", "ru"];
const SIZES = [
  [1280, 900],
  [390, 844],
] as const;

const HOSTILE = {
  name: '<img src=x onerror="window.__pwned=1">Add',
  description: "</script><script>window.__pwned=2</script> Adds.",
  hint: "<b>Not bold</b> & {app} $1",
  list: '<img src=x onerror="window.__pwned=3">List',
  item: "<i>item</i>",
  method: '"><img src=x onerror="window.__pwned=4">',
};

let app: Manifest;
let server: PageServer;
let browser: Browser;
let appUrl: string;
let oldUrl: string;
let hostileUrl: string;
let hostileAction: ManifestAction;

beforeAll(async () => {
  const input = await appPreviewInput();
  app = input.manifest;
  const hostile = structuredClone(input.manifest);
  hostileAction = hostile.actions.find((action) => action.fields.some((field) => field.list === "matchingModes"))!;
  hostileAction.names.en = HOSTILE.name;
  hostileAction.descriptions.en = HOSTILE.description;
  hostileAction.fields[0]!.hints.en = HOSTILE.hint;
  hostileAction.request.source.method = HOSTILE.method;
  const matching = hostile.lists.find((list) => list.code === "matchingModes")!;
  matching.names.en = HOSTILE.list;
  if (matching.type === "static") matching.items[0]!.names.en = HOSTILE.item;
  const old = await loadBuilt(join(root, "test/fixtures/preview/manifest.json"));
  server = await servePages(
    new Map([
      ["/app.html", renderPreviewHtml(input)],
      ["/hostile.html", renderPreviewHtml({ ...input, manifest: hostile })],
      ["/old.html", renderPreviewHtml({ manifest: old.manifest, samples: old.samples, logoSvg: old.logoSvg! })],
    ]),
  );
  appUrl = `${server.base}/app.html`;
  oldUrl = `${server.base}/old.html`;
  hostileUrl = `${server.base}/hostile.html`;
  browser = await launchChromium();
  mkdirSync(outputDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const load = reusedPage(() => browser);

function open(options: { width?: number; height?: number; url?: string; hash?: string } = {}): Promise<WatchedPage> {
  const { width, height, url = appUrl, hash = "" } = options;
  return load(url + hash, { width, height, ready: "[data-trigger], [data-action]" });
}

/** The app page on its actions view (by the switch, as a user gets there). */
async function openActions(options: { width?: number; height?: number; lang?: Locale } = {}): Promise<WatchedPage> {
  const opened = await open(options);
  await opened.page.click("#view-actions");
  if (options.lang === "ru") await opened.page.click('[data-lang="ru"]');
  return opened;
}

const action = (code: string) => app.actions.find((candidate) => candidate.code === code)!;
const listName = (code: string, lang: Locale) => app.lists.find((list) => list.code === code)!.names[lang];
const listedActions = (page: Page) => page.locator("button[data-action]").evaluateAll((buttons) => buttons.map((b) => b.getAttribute("data-action")!));
const provisionalActions = () => app.actions.filter((candidate) => candidate.provisional);

/** What the action detail shows, read from the page. */
const READ_DETAIL = String.raw`(() => {
  function text(root, selector) { var node = root.querySelector(selector); return node ? node.textContent : null; }
  var title = document.getElementById("action-title");
  return {
    name: title.firstElementChild.textContent,
    badge: text(title, ".badge-provisional"),
    description: text(document, "#action-description"),
    method: text(document, "#action-api [data-api-method]"),
    meta: text(document, "#action-api"),
    note: text(document, "#provisional-note"),
    inputs: Array.prototype.map.call(document.querySelectorAll("#inputs tbody tr"), function (row) {
      return { code: row.getAttribute("data-field"), required: row.getAttribute("data-required"), name: text(row, ".field-name"), mark: text(row, ".req"),
        hint: text(row, ".hint"), type: text(row, "td.type-cell"), list: text(row, "td.list"), codeCell: text(row, "td.code") };
    }),
    outputs: Array.prototype.map.call(document.querySelectorAll("#outputs tbody tr"), function (row) {
      return { code: row.getAttribute("data-field"), name: text(row, ".field-name"), type: text(row, "td.type-cell"), codeCell: text(row, "td.code"), key: text(row, "td.response") };
    }),
    noOutputs: text(document, "#no-outputs"),
    lists: Array.prototype.map.call(document.querySelectorAll("#action-lists .list-card"), function (card) {
      return { code: card.getAttribute("data-list"), name: text(card, ".list-title"), badge: text(card, ".badge-provisional"), source: text(card, ".list-source"), api: text(card, ".list-api"),
        items: Array.prototype.map.call(card.querySelectorAll(".list-items li"), function (li) { return { key: li.getAttribute("data-key"), name: text(li, ".item-name"), code: text(li, "code") }; }) };
    }),
  };
})()`;

interface Detail {
  name: string;
  badge: string | null;
  description: string;
  method: string;
  meta: string;
  note: string | null;
  inputs: Array<{ code: string; required: string; name: string; mark: string; hint: string | null; type: string; list: string; codeCell: string }>;
  outputs: Array<{ code: string; name: string; type: string; codeCell: string; key: string }>;
  noOutputs: string | null;
  lists: Array<{ code: string; name: string; badge: string | null; source: string | null; api: string | null; items: Array<{ key: string; name: string; code: string }> }>;
}

/** What the detail must show for an action, from the manifest. */
function expectedDetail(source: ManifestAction, lang: Locale) {
  const inputs = source.fields.filter((field) => field.editable);
  const used = [...new Set(inputs.flatMap((field) => (field.list ? [field.list] : [])))];
  const required = lang === "en" ? "Required" : "Обязательное";
  const optional = lang === "en" ? "Optional" : "Необязательное";
  return {
    name: source.names[lang],
    description: source.descriptions[lang],
    method: source.request.source.method,
    inputs: inputs.map((field) => ({
      code: field.code,
      required: String(field.required),
      name: field.names[lang],
      mark: field.required ? required : optional,
      hint: field.hints[lang],
      type: field.type,
      list: field.list ? listName(field.list, lang) : "—",
      codeCell: field.code,
    })),
    outputs: source.fields
      .filter((field) => !field.editable)
      .map((field) => ({ code: field.code, name: field.names[lang], type: field.type, codeCell: field.code, key: source.responseFields.find((row) => row.field === field.code)!.key })),
    lists: used.map((code) => {
      const list = app.lists.find((candidate) => candidate.code === code)!;
      return { code, name: list.names[lang], items: list.type === "static" ? list.items.map((item) => ({ key: item.key, name: item.names[lang], code: item.key })) : [] };
    }),
  };
}

describe("the Triggers | Actions switch", () => {
  it("is not there for a manifest without actions, and the page works as before", async () => {
    const { page, errors } = await open({ url: oldUrl, hash: "#action:profileImport" });
    expect(await page.locator("#view-switch, [role=tab], [data-action]").count()).toBe(0);
    expect(await page.locator("#picker-title").textContent()).toBe("Triggers");
    expect(await page.locator("#trigger-title").count()).toBe(1);
    expect(await page.locator("#intro").textContent()).not.toContain("Actions");
    await page.fill("#search", "push");
    expect(await page.locator("button[data-trigger]").count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it("shows the actions by group, in both languages, and the triggers again", async () => {
    const { page, errors } = await open();
    const tabs = page.locator('#view-switch[role="tablist"] [role="tab"]');
    expect(await tabs.allTextContents()).toEqual(["Triggers", "Actions"]);
    expect(await tabs.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("aria-selected")))).toEqual(["true", "false"]);
    expect(await page.locator("button[data-action]").count()).toBe(0);
    await page.click("#view-actions");
    expect(await tabs.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("aria-selected")))).toEqual(["false", "true"]);
    expect(await page.locator("button[data-trigger]").count()).toBe(0);
    expect((await listedActions(page)).sort()).toEqual(app.actions.map((a) => a.code).sort());
    expect(await page.locator("#trigger-count").textContent()).toBe(`${app.actions.length} of ${app.actions.length}`);
    expect(await page.locator("#search").getAttribute("placeholder")).toBe("Search actions");
    expect(await page.locator("#search-hint").textContent()).toBe("Names, descriptions, API methods and codes, in English or Russian");
    expect(await page.locator("#trigger-list .group h3").allTextContents()).toEqual(["Profiles", "Subscriptions and segments", "Campaigns and scenarios", "Promo codes", "Goals"]);
    expect(await page.locator("#picker").getAttribute("aria-labelledby")).toBe("view-actions");
    expect(await page.locator("#trigger-list").getAttribute("aria-labelledby")).toBe("view-actions");
    // The first action is on show.
    expect(await page.locator("#action-title > span").first().textContent()).toBe(app.actions[0]!.names.en);
    await page.click('[data-lang="ru"]');
    expect(await tabs.allTextContents()).toEqual(["Триггеры", "Действия"]);
    expect(await page.locator("#view-switch").getAttribute("aria-label")).toBe("Триггеры или действия");
    expect(await page.locator("#trigger-list .group h3").allTextContents()).toEqual(["Профили", "Подписки и сегменты", "Кампании и сценарии", "Промокоды", "Цели"]);
    expect(await page.locator("#search").getAttribute("placeholder")).toBe("Поиск действий");
    await page.click("#view-triggers");
    expect(await page.locator("button[data-trigger]").count()).toBe(app.triggers.length);
    expect(await page.locator("#trigger-title").count()).toBe(1);
    expect(await page.locator("#search").getAttribute("placeholder")).toBe("Поиск триггеров");
    expect(errors).toEqual([]);
  });

  it("is a keyboard tab list: one tab stop, arrow keys, Home and End move and show", async () => {
    const { page } = await open();
    // Shift+Tab from the search reaches the selected tab, and only it is in the tab order.
    await page.focus("#search");
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement!.id)).toBe("view-triggers");
    expect(await page.locator('[role="tab"][tabindex="0"]').getAttribute("id")).toBe("view-triggers");
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement!.id)).toBe("view-actions");
    expect(await page.locator("#view-actions").getAttribute("aria-selected")).toBe("true");
    expect(await page.locator("#view-actions").getAttribute("tabindex")).toBe("0");
    expect(await page.locator("#view-triggers").getAttribute("tabindex")).toBe("-1");
    expect(await page.locator("button[data-action]").count()).toBe(app.actions.length);
    await page.keyboard.press("ArrowRight"); // wraps round
    expect(await page.evaluate(() => document.activeElement!.id)).toBe("view-triggers");
    await page.keyboard.press("End");
    expect(await page.locator("#view-actions").getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("Home");
    expect(await page.locator("#view-triggers").getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("ArrowLeft");
    expect(await page.locator("#view-actions").getAttribute("aria-selected")).toBe("true");
    // Tab goes on from the switch to the search.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement!.id)).toBe("search");
  });

  it("remembers the view and the action in the URL, and each view keeps its own choice", async () => {
    const { page } = await open();
    const firstTrigger = await page.locator("button[data-trigger]").first().getAttribute("data-trigger");
    const trigger = app.triggers[3]!;
    await page.click(`button[data-trigger="${trigger.code}"]`);
    await page.click("#view-actions");
    expect(await page.evaluate(() => location.hash)).toBe(`#action:${app.actions[0]!.code}`);
    await page.click('button[data-action="goalRegister"]');
    expect(await page.evaluate(() => location.hash)).toBe("#action:goalRegister");
    await page.reload();
    await page.waitForSelector("[data-action]");
    expect(await page.locator("#view-actions").getAttribute("aria-selected")).toBe("true");
    expect(await page.locator('button[data-action="goalRegister"]').getAttribute("aria-current")).toBe("true");
    expect(await page.locator("#action-title > span").first().textContent()).toBe(action("goalRegister").names.en);
    await page.click("#view-triggers");
    expect(await page.evaluate(() => location.hash)).toBe(`#${firstTrigger}`); // the reload forgot the trigger, not the action
    await page.click(`button[data-trigger="${trigger.code}"]`);
    await page.click("#view-actions");
    expect(await page.locator("#action-title > span").first().textContent()).toBe(action("goalRegister").names.en);
    await page.click("#view-triggers");
    expect(await page.locator("#trigger-title > span").first().textContent()).toBe(trigger.names.en);
    // An unknown action still opens the actions view, on its first action.
    const { page: again } = await open({ hash: "#action:noSuchAction" });
    expect(await again.locator("#view-actions").getAttribute("aria-selected")).toBe("true");
    expect(await again.locator("#action-title > span").first().textContent()).toBe(app.actions[0]!.names.en);
  });
});

describe("an action on show", () => {
  for (const lang of LOCALES) {
    it(`shows every input and response field, the method and the lists as the manifest has them (${lang})`, async () => {
      const { page } = await openActions({ lang });
      for (const source of app.actions) {
        await page.click(`button[data-action="${source.code}"]`);
        expect(await page.locator(`button[data-action="${source.code}"]`).getAttribute("aria-current")).toBe("true");
        const detail = (await page.evaluate(READ_DETAIL)) as Detail;
        const expected = expectedDetail(source, lang);
        expect(detail, source.code).toMatchObject({ name: expected.name, description: expected.description, method: expected.method, inputs: expected.inputs, outputs: expected.outputs });
        expect(detail.meta, source.code).toContain(`POST ${source.request.url.replace("https://{{connection.host}}", "")}`);
        expect(detail.meta, source.code).toContain(source.code);
        expect(detail.lists.map(({ code, name, items }) => ({ code, name, items })), source.code).toEqual(expected.lists);
        for (const list of detail.lists) {
          const declared = app.lists.find((candidate) => candidate.code === list.code)!;
          if (declared.type === "dynamic") {
            expect(list.source, list.code).toBe(lang === "en" ? "Albato loads the items from the user's Altcraft account when the connection is saved or updated." : "Albato загружает значения из аккаунта Altcraft пользователя при сохранении или обновлении подключения.");
            expect(list.api, list.code).toContain(declared.request.source.method);
            expect(list.api, list.code).toContain(`POST ${declared.request.url.replace("https://{{connection.host}}", "")}`);
          } else {
            expect(list.source).toBeNull();
            expect(list.api).toBeNull();
          }
          expect(list.badge !== null, list.code).toBe(declared.type === "dynamic" && declared.provisional);
        }
        if (expected.outputs.length === 0) expect(detail.noOutputs).toBe(lang === "en" ? "This action gives the next steps no fields." : "Это действие не передаёт полей следующим шагам.");
        else expect(detail.noOutputs).toBeNull();
      }
    });
  }

  it("marks provisional actions in the list and explains them on the action", async () => {
    const { page } = await openActions();
    const provisional = provisionalActions();
    expect(provisional.length).toBeGreaterThan(0);
    expect((await page.locator("button[data-action] .badge-provisional").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-provisional")))).sort()).toEqual(
      provisional.map((a) => a.code).sort(),
    );
    for (const source of app.actions) {
      await page.click(`button[data-action="${source.code}"]`);
      const detail = (await page.evaluate(READ_DETAIL)) as Detail;
      if (!source.provisional) {
        expect(detail.badge, source.code).toBeNull();
        expect(detail.note, source.code).toBeNull();
        continue;
      }
      expect(detail.badge).toBe("Provisional");
      expect(detail.note).toBe(
        `Altcraft's documentation of the ${source.request.source.method} method is incomplete, so part of this action's request or response is our inference. ` +
          `Try it with altcraft-albato call ${source.code} against a real account before publishing.`,
      );
      expect(await page.locator("#provisional-note code").allTextContents()).toEqual([source.request.source.method, `altcraft-albato call ${source.code}`]);
    }
    await page.click('[data-lang="ru"]');
    await page.click(`button[data-action="${provisional[0]!.code}"]`);
    expect(await page.locator("#action-title .badge-provisional").textContent()).toBe("Предварительное");
    expect(await page.locator("#provisional-note").textContent()).toContain(`Перед публикацией проверьте действие на настоящем аккаунте командой altcraft-albato call ${provisional[0]!.code}.`);
  });

  it("shows hostile action text as text", async () => {
    const { page, errors } = await open({ url: hostileUrl });
    await page.click("#view-actions");
    await page.click(`button[data-action="${hostileAction.code}"]`);
    const detail = (await page.evaluate(READ_DETAIL)) as Detail;
    expect(detail.name).toBe(HOSTILE.name);
    expect(detail.description).toBe(HOSTILE.description);
    expect(detail.method).toBe(HOSTILE.method);
    expect(detail.inputs[0]!.hint).toBe(HOSTILE.hint);
    const matching = detail.lists.find((list) => list.code === "matchingModes")!;
    expect(matching.name).toBe(HOSTILE.list);
    expect(matching.items[0]!.name).toBe(HOSTILE.item);
    expect(detail.inputs.find((field) => field.code === "matching")!.list).toBe(HOSTILE.list);
    expect(await page.locator(`button[data-action="${hostileAction.code}"] .pick-name`).textContent()).toBe(HOSTILE.name);
    // The hostile method is searched as text.
    await page.fill("#search", "onerror");
    expect(await listedActions(page)).toEqual([hostileAction.code]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.images.length)).toBe(1); // the logo only
    expect(await page.evaluate(() => document.scripts.length)).toBe(2);
    expect(await page.locator("#detail b, #detail i").evaluateAll((nodes) => nodes.map((n) => n.textContent).filter((t) => /bold|item/.test(t!)))).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe("searching the actions", () => {
  // Each query with exactly the actions it finds; the Russian ones typed on the Russian page too.
  const cases: [string, string[]][] = [
    ["сегмент", ["segmentAdd", "segmentRemove"]],
    ["segment", ["segmentAdd", "segmentRemove"]],
    ["цель", ["goalRegister"]],
    ["goal", ["goalRegister"]],
    ["конверсия", ["goalRegister"]],
    ["промокод", ["promoCodeActivate", "promoCodeAssign", "promoCodeGet", "promoCodeUpdate"]],
    ["coupon", ["promoCodeActivate", "promoCodeAssign", "promoCodeGet", "promoCodeUpdate"]],
    ["удалить", ["profileDelete", "segmentRemove"]],
    ["delete", ["profileDelete", "segmentRemove"]],
    ["сценарий", ["scenarioStart"]],
    ["workflow", ["scenarioStart"]],
    ["subscribe", ["subscriptionSet"]],
    ["подписку", ["subscriptionSet"]],
    ["кампания", ["profileImportAndTriggerCampaignStart", "triggerCampaignStart"]],
    ["пиксель", ["goalRegister"]],
    ["profileDelete", ["profileDelete"]],
    ["promocodes-attach", ["promoCodeAssign"]],
  ];

  for (const [query, expected] of cases) {
    it(`«${query}» finds exactly ${expected.join(", ")}`, async () => {
      const { page } = await openActions({ lang: /[а-я]/.test(query) ? "ru" : "en" });
      await page.fill("#search", query);
      expect((await listedActions(page)).sort()).toEqual(expected);
      const count = await page.locator("#trigger-count").textContent();
      expect(count).toBe(/[а-я]/.test(query) ? `${expected.length} из ${app.actions.length}` : `${expected.length} of ${app.actions.length}`);
    });
  }

  it("finds by «профиль» every action that works on a profile", async () => {
    const { page } = await openActions({ lang: "ru" });
    await page.fill("#search", "профиль");
    const found = await listedActions(page);
    expect(found).toEqual(expect.arrayContaining(["profileImport", "profileUpdate", "profileGet", "profileDelete", "segmentAdd", "segmentRemove"]));
    expect(found).not.toContain("promoCodeGet");
  });

  it("keeps one search for both views, and the detail follows it", async () => {
    const { page } = await open();
    await page.fill("#search", "промокод");
    const triggersFound = await page.locator("button[data-trigger]").count();
    expect(triggersFound).toBe(app.triggers.filter((t) => /promocode/.test(t.eventType)).length);
    await page.click("#view-actions");
    expect(await page.inputValue("#search")).toBe("промокод");
    expect((await listedActions(page)).length).toBe(4);
    await page.fill("#search", "");
    const title = page.locator("#action-title > span:first-child");
    const current = page.locator('button[data-action][aria-current="true"]');
    await page.click('button[data-action="goalRegister"]');
    // The chosen action filtered out: the first listed is shown.
    await page.fill("#search", "сегмент");
    expect(await title.textContent()).toBe(action("segmentAdd").names.en);
    expect(await current.getAttribute("data-action")).toBe("segmentAdd");
    // Listed again: back.
    await page.fill("#search", "цель");
    expect(await title.textContent()).toBe(action("goalRegister").names.en);
    // Nothing listed.
    await page.fill("#search", "zzzz qqqq");
    expect(await title.count()).toBe(0);
    expect(await page.locator(".empty").textContent()).toBe("No action matches “zzzz qqqq”.");
    expect(await page.locator("#detail-empty p").textContent()).toBe(`Try another word, or clear the search to see all ${app.actions.length} actions.`);
    await page.click('[data-lang="ru"]');
    expect(await page.locator(".empty").textContent()).toBe("Нет действий по запросу «zzzz qqqq».");
    expect(await page.locator("#detail-empty p").textContent()).toBe(`Попробуйте другое слово или очистите поиск, чтобы увидеть все действия (${app.actions.length}).`);
    await page.click("#detail-empty button");
    expect(await page.inputValue("#search")).toBe("");
    expect(await title.textContent()).toBe(action("goalRegister").names.ru);
  });

  it("makes no request while switching, searching and picking actions", async () => {
    const { page, requests, errors } = await open();
    await page.click("#view-actions");
    for (const query of ["сегмент", "zzzz", "goal", ""]) await page.fill("#search", query);
    await page.click('[data-lang="ru"]');
    for (const source of app.actions) await page.click(`button[data-action="${source.code}"]`);
    await page.click("#view-triggers");
    await page.click("#view-actions");
    await page.click('[data-lang="en"]');
    await page.waitForTimeout(200);
    expect(requests).toEqual([appUrl]);
    expect(server.hits.filter((hit) => !["/app.html", "/hostile.html", "/old.html"].includes(hit))).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** Latin words of the visible text that is not code (codes, types, keys and methods are code), and of titles, labels and placeholders. */
const LATIN_WORDS = String.raw`(() => {
  function visible(el) { return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && el.getClientRects().length > 0; }
  var words = {};
  function add(text) { (String(text).match(/[A-Za-z]+/g) || []).forEach(function (w) { words[w] = true; }); }
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    var parent = node.parentElement;
    if (parent.closest("code, .type, .mono, script, style, noscript") || !visible(parent)) continue;
    add(node.textContent);
  }
  Array.prototype.forEach.call(document.querySelectorAll("[title], [aria-label], [placeholder]"), function (el) {
    ["title", "aria-label", "placeholder"].forEach(function (name) { if (el.hasAttribute(name)) add(el.getAttribute(name)); });
  });
  add(document.title);
  return Object.keys(words).sort();
})()`;

/** Every Russian text of the manifest: data may hold Latin names (Email, AK-Pixel, Altcraft). */
function russianData(manifest: Manifest): string[] {
  const texts: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      if (typeof record.ru === "string" && typeof record.en === "string") texts.push((record as unknown as Localized).ru);
      else Object.values(record).forEach(visit);
    }
  };
  visit(manifest);
  return texts;
}

describe("the actions view in Russian", () => {
  it("has no English left: every Latin word is a name the Russian data or the page's own names use", async () => {
    const { page } = await openActions({ lang: "ru" });
    const allowed = new Set(["Altcraft", "Albato", "API", "altcraft", "albato", "EN", "RU", ...russianData(app).flatMap((text) => text.match(/[A-Za-z]+/g) ?? [])]);
    const seen = new Set<string>();
    for (const source of app.actions) {
      await page.click(`button[data-action="${source.code}"]`);
      for (const word of (await page.evaluate(LATIN_WORDS)) as string[]) seen.add(word);
    }
    await page.fill("#search", "zzzz");
    for (const word of (await page.evaluate(LATIN_WORDS)) as string[]) seen.add(word);
    seen.delete("zzzz");
    expect([...seen].filter((word) => !allowed.has(word))).toEqual([]);
    // The check can fail: the English page has English words.
    await page.click('[data-lang="en"]');
    await page.fill("#search", "");
    const english = (await page.evaluate(LATIN_WORDS)) as string[];
    expect(english.filter((word) => !allowed.has(word))).toEqual(expect.arrayContaining(["Input", "Required", "Search", "actions"]));
  });
});

describe("the actions view: legible and one scroll on a phone", () => {
  const measures: Record<string, { minRatio: number; minSize: number; texts: number }> = {};
  afterAll(() => {
    writeFileSync(join(outputDir, "preview-actions-measures.json"), `${JSON.stringify(measures, null, 2)}\n`);
  });

  for (const [width, height] of SIZES) {
    for (const lang of LOCALES) {
      it(`keeps every visible text at 4.5:1 or more and 12 px or more (${width}px, ${lang})`, async () => {
        const { page } = await openActions({ width, height, lang });
        const samples: TextSample[] = [];
        // A provisional action with both kinds of list, one with response fields, one with a provisional list, one with three static lists; then nothing found.
        for (const code of ["goalRegister", "profileGet", "scenarioStart", "subscriptionSet"]) {
          await page.click(`button[data-action="${code}"]`);
          samples.push(...((await page.evaluate(TEXT_AUDIT)) as TextSample[]));
        }
        await page.fill("#search", "zzzz");
        samples.push(...((await page.evaluate(TEXT_AUDIT)) as TextSample[]));
        await page.fill("#search", "");
        samples.push(...((await page.evaluate(TEXT_AUDIT)) as TextSample[]));
        // What is measured covers the view: the switch, marks, hints, list items, badges, the placeholder.
        const goal = action("goalRegister");
        const status = app.lists.find((list) => list.code === "subscriptionStatuses")!;
        const must = [
          lang === "en" ? "Actions" : "Действия",
          lang === "en" ? "Required" : "Обязательное",
          lang === "en" ? "Optional" : "Необязательное",
          lang === "en" ? "Search actions" : "Поиск действий",
          lang === "en" ? "Provisional" : "Предварительное",
          goal.fields.find((field) => field.code === "goal")!.hints[lang].slice(0, 40),
          status.type === "static" ? status.items[0]!.names[lang] : "",
          "goals-register",
          "zzzz",
        ];
        for (const text of must) expect(samples.some((sample) => sample.text.includes(text)), text).toBe(true);
        // On a phone the column headings stand before each value.
        if (width === 390) {
          for (const heading of lang === "en" ? ["List", "Code", "From the response"] : ["Список", "Код", "Из ответа"]) {
            expect(samples.some((sample) => sample.text === `::before "${heading} "`), heading).toBe(true);
          }
        }
        expect(samples.filter((sample) => sample.ratio < 4.5)).toEqual([]);
        expect(samples.filter((sample) => sample.size < 12)).toEqual([]);
        measures[`${width}px ${lang}`] = {
          minRatio: Math.min(...samples.map((s) => s.ratio)),
          minSize: Math.min(...samples.map((s) => s.size)),
          texts: samples.length,
        };
      });
    }
  }

  for (const [width, height] of SIZES) {
    it(`fits ${width}px with no sideways scroll${width === 390 ? " and no inner scroll box" : ""}, and no hyphenated word breaks`, async () => {
      for (const lang of LOCALES) {
        const { page } = await openActions({ width, height, lang });
        for (const source of app.actions) {
          await page.click(`button[data-action="${source.code}"]`);
          const where = `${lang} ${source.code}`;
          if (width === 390) expect(await page.evaluate(SCROLL_BOXES), where).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(width);
          expect(await page.evaluate(BROKEN_HYPHENS), where).toEqual([]);
        }
        // The hyphenated words are there to be checked.
        await page.click('button[data-action="goalRegister"]');
        expect(await page.locator("#detail .nobreak", { hasText: "AK-Pixel" }).count()).toBeGreaterThan(0);
        await page.screenshot({ path: join(outputDir, `preview-actions-${width}-${lang}.png`), fullPage: true });
      }
    });

    it(`never lets a badge add a line to an action's name in the list (${width}px)`, async () => {
      for (const lang of LOCALES) {
        const { page } = await openActions({ width, height, lang });
        for (const source of provisionalActions()) {
          const lines = await page.locator(`button[data-action="${source.code}"]`).evaluate((button) => {
            const count = () => new Set(Array.from(button.querySelector(".pick-name")!.getClientRects(), (rect) => Math.round(rect.top))).size;
            const badge = button.querySelector<HTMLElement>(".badge-provisional")!;
            const withBadge = count();
            badge.style.display = "none";
            const without = count();
            badge.style.display = "";
            return { withBadge, without };
          });
          expect(lines.withBadge, `${lang} ${source.code}`).toBe(lines.without);
        }
      }
    });
  }

  it("brings a picked action up under the top bar on a phone, and goes back to it in the list", async () => {
    const { page } = await openActions({ width: 390, height: 844 });
    await page.click('button[data-action="goalRegister"]');
    const topbar = await page.locator(".topbar").evaluate((el) => el.getBoundingClientRect().bottom);
    const detailTop = await page.locator("#detail").evaluate((el) => el.getBoundingClientRect().top);
    expect(detailTop).toBeGreaterThanOrEqual(topbar);
    expect(detailTop).toBeLessThan(topbar + 40);
    expect(await page.locator(".to-list").textContent()).toBe("↑ All actions");
    await page.click(".to-list");
    const box = await page.locator('button[data-action="goalRegister"]').evaluate((el) => el.getBoundingClientRect());
    expect(box.top).toBeGreaterThan(topbar);
    expect(box.bottom).toBeLessThan(844);
    expect(await page.evaluate(() => document.activeElement!.getAttribute("data-action"))).toBe("goalRegister");
  });
});
