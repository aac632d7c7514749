/**
 * The preview page in a real browser: Debian's Chromium driven by playwright-core (never a downloaded
 * browser), the pages served from 127.0.0.1. Two pages: the frozen fixture (test/fixtures/preview/, with
 * hostile labels and sample values) and the repo's own app, derived in memory (every trigger, today's
 * wording). Writes screenshots and the measured contrast and font sizes to test-output/.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appPreviewInput } from "./fixtures/browser/app-preview.js";
import { launchChromium } from "./fixtures/browser/chromium.js";
import { servePages, type PageServer } from "./fixtures/browser/serve.js";
import { reusedPage, type WatchedPage } from "./fixtures/browser/watched-page.js";
import { BROKEN_HYPHENS, SCROLL_BOXES, TEXT_AUDIT, type TextSample } from "./fixtures/browser/page-audits.js";
import { renderPreviewHtml } from "../scripts/derive/preview.js";
import { loadBuilt } from "../scripts/load/release/built.js";
import type { Side } from "../scripts/load/release/side.js";
import type { Manifest } from "../scripts/model/manifest.js";

const root = join(import.meta.dirname, "..");
const outputDir = join(root, "test-output");
let side: Side;
let app: Manifest;
let server: PageServer;
let pageUrl: string;
let appUrl: string;
let browser: Browser;

beforeAll(async () => {
  side = await loadBuilt(join(root, "test/fixtures/preview/manifest.json"));
  const appInput = await appPreviewInput();
  app = appInput.manifest;
  const pages = new Map([
    ["/preview.html", renderPreviewHtml({ manifest: side.manifest, samples: side.samples, logoSvg: side.logoSvg! })],
    ["/app.html", renderPreviewHtml(appInput)],
  ]);
  server = await servePages(pages);
  pageUrl = `${server.base}/preview.html`;
  appUrl = `${server.base}/app.html`;
  browser = await launchChromium();
  mkdirSync(outputDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const load = reusedPage(() => browser);
const open = (width = 1280, height = 900, url = pageUrl): Promise<WatchedPage> => load(url, { width, height, ready: "[data-trigger]" });

const openApp = (width = 1280, height = 900) => open(width, height, appUrl);
const triggerByType = (eventType: string) => side.manifest.triggers.find((t) => t.eventType === eventType)!;
const appTrigger = (eventType: string) => app.triggers.find((t) => t.eventType === eventType)!;
const listed = (page: Page) => page.locator("button[data-trigger]").count();
/** The event types of the listed triggers, in list order. */
async function listedTypes(page: Page, manifest: Manifest): Promise<string[]> {
  const codes = await page.locator("button[data-trigger]").evaluateAll((buttons) => buttons.map((b) => b.getAttribute("data-trigger")!));
  return codes.map((code) => manifest.triggers.find((t) => t.code === code)!.eventType);
}

const SIZES = [
  [1280, 900],
  [390, 844],
] as const;

describe("preview page in Chromium", () => {
  it("loads with no console errors and no request but the page itself", async () => {
    const { page, errors, requests } = await open();
    await page.waitForTimeout(200); // give late requests (favicon, fonts) a chance to show up
    expect(errors).toEqual([]);
    expect(requests).toEqual([pageUrl]);
    expect(server.hits.filter((hit) => hit !== "/preview.html" && hit !== "/app.html")).toEqual([]);
    expect(await page.title()).toBe("Altcraft on Albato — app reference");
  });

  it("says at the top, in both languages, that it is a reference for integration engineers", async () => {
    const { page } = await open();
    expect(await page.locator(".topbar-title").innerText()).toMatch(/^App reference\s+for integration engineers$/);
    const intro = page.locator("#intro");
    expect(await intro.textContent()).toMatch(/^A reference for integration engineers\. This page shows the Altcraft app as it is declared for Albato/);
    expect(await intro.textContent()).toContain("field types, field and trigger codes, and the Altcraft event type each trigger fires on");
    await page.click('[data-lang="ru"]');
    expect(await page.title()).toBe("Altcraft в Albato — справочник приложения");
    expect(await page.locator(".topbar-title strong").textContent()).toBe("Справочник приложения");
    expect(await intro.textContent()).toMatch(/^Справочник для инженеров интеграции\. Здесь приложение Altcraft показано так, как оно объявлено в Albato/);
    expect(await intro.textContent()).toContain("как при создании связки в Albato");
    // The intro comes before the app card and the picker.
    const top = await page.locator("#intro").boundingBox();
    expect(top!.y).toBeLessThan((await page.locator("#app-card").boundingBox())!.y);
  });

  it("filters the trigger list as the user types", async () => {
    const { page } = await open();
    const total = side.manifest.triggers.length;
    expect(await listed(page)).toBe(total);
    await expect(page.locator("#trigger-count").textContent()).resolves.toBe(`${total} of ${total}`);
    await page.fill("#search", "push");
    const expected = side.manifest.triggers.filter((t) => t.group === "push").length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(total);
    expect(await listed(page)).toBe(expected);
    await expect(page.locator("#trigger-count").textContent()).resolves.toBe(`${expected} of ${total}`);
    // Groups without a match disappear; the email group has none.
    expect(await page.locator('[data-group="email"]').count()).toBe(0);
    await page.fill("#search", "no such trigger zzz");
    expect(await listed(page)).toBe(0);
    await expect(page.locator(".empty").textContent()).resolves.toBe("No trigger matches “no such trigger zzz”.");
    await page.fill("#search", "");
    expect(await listed(page)).toBe(total);
  });

  it("switches every label to Russian and back", async () => {
    const { page } = await open();
    const click = triggerByType("click");
    const button = page.locator(`button[data-trigger="${click.code}"] span`).first();
    expect(await button.textContent()).toBe(click.names.en);
    await page.click(`button[data-trigger="${click.code}"]`);
    await page.click('[data-lang="ru"]');
    expect(await button.textContent()).toBe(click.names.ru);
    expect(await page.locator("#trigger-title").textContent()).toBe(click.names.ru);
    expect(await page.locator("html").getAttribute("lang")).toBe("ru");
    expect(await page.locator("#search").getAttribute("placeholder")).toBe("Поиск триггеров");
    expect(await page.locator("#fields th").first().textContent()).toBe("Название");
    expect(await page.locator("#app-description").textContent()).toBe(side.manifest.app.descriptions.ru);
    const firstField = click.fields[0]!;
    expect(await page.locator(`#fields tr[data-field="${firstField.code}"] td.label`).textContent()).toBe(firstField.names.ru);
    expect(await page.locator("#setup-steps li").first().textContent()).toContain("В Albato откройте «Приложения»");
    // No English UI text is left on the page.
    const body = (await page.locator("body").innerText()).replace(/https?:\S+/g, "");
    for (const english of ["Search triggers", "Fields", "Example", "Set up in Altcraft", "Documentation", "Webhook trigger", "reference", "engineers"]) {
      expect(body, english).not.toContain(english);
    }
    await page.click('[data-lang="en"]');
    expect(await button.textContent()).toBe(click.names.en);
  });

  it("shows the selected trigger's fields with example values from the samples", async () => {
    const { page } = await open();
    const click = triggerByType("click");
    await page.click(`button[data-trigger="${click.code}"]`);
    expect(await page.locator(`button[data-trigger="${click.code}"]`).getAttribute("aria-current")).toBe("true");
    expect(await page.locator("#trigger-title").textContent()).toBe(click.names.en);
    expect(await page.locator("#trigger-description").textContent()).toBe(click.descriptions.en);
    expect(await page.locator("#fields tbody tr").count()).toBe(click.fields.length);
    const full = side.samples.get("click")![0]!.data as { event_date: string; event_data: { link_url: string } };
    const row = (path: string) => page.locator(`#fields tr[data-field="${click.fields.find((f) => f.path === path)!.code}"]`);
    expect(await row("data.event_data.link_url").locator("td.example").textContent()).toBe(full.event_data.link_url);
    expect(await row("data.event_date").locator("td.type-cell").textContent()).toBe("DateTime");
    expect(await row("data.event_date").locator("td.example").textContent()).toBe(full.event_date);
  });

  it("marks provisional event types in the list and explains them on the trigger", async () => {
    const { page } = await open();
    const provisional = side.manifest.triggers.filter((t) => !t.eventTypeConfirmed);
    expect(provisional.length).toBeGreaterThan(0);
    expect(await page.locator("button[data-trigger] .badge-provisional").count()).toBe(provisional.length);
    const one = provisional[0]!;
    await page.click(`button[data-trigger="${one.code}"]`);
    expect(await page.locator("#trigger-title .badge-provisional").textContent()).toBe("Provisional");
    expect(await page.locator("#provisional-note").textContent()).toContain(`“${one.eventType}” is our best inference`);
    await page.click(`button[data-trigger="${triggerByType("click").code}"]`);
    expect(await page.locator("#provisional-note").count()).toBe(0);
  });

  it("shows hostile labels and sample values as text", async () => {
    const { page, errors } = await open();
    const hbounce = triggerByType("hbounce");
    await page.click(`button[data-trigger="${hbounce.code}"]`);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("#trigger-description").textContent()).toBe(hbounce.descriptions.en);
    expect(await page.locator("#fields td.label").first().textContent()).toBe(hbounce.fields[0]!.names.en);
    const fname = hbounce.fields.find((f) => f.path === "data.custom_data._fname")!;
    expect(await page.locator(`#fields tr[data-field="${fname.code}"] td.example`).textContent()).toMatch(/^<\/script><img src=x/);
    // A hostile search stays a search.
    await page.fill("#search", '<img src=x onerror="window.__pwned=3">');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.images.length)).toBe(1); // the logo only
    expect(await page.evaluate(() => document.scripts.length)).toBe(2); // the data and the page script
    expect(errors).toEqual([]);
  });

  for (const [width, height] of SIZES) {
    it(`fits ${width}px without sideways scrolling and writes a screenshot`, async () => {
      const { page } = await open(width, height);
      await page.click(`button[data-trigger="${triggerByType("deliv_push").code}"]`);
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const file = join(outputDir, `preview-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect(readFileSync(file).subarray(1, 4).toString()).toBe("PNG");
    });
  }
});

describe("the app's preview: search", () => {
  // Each query with event types it must find and event types it must not; `only` when the result is exact.
  const cases: { query: string; finds: string[]; not?: string[]; only?: true }[] = [
    { query: "пуш", finds: ["send_push", "deliv_push", "open_push", "click_push", "uopen_push", "uclick_push"], only: true },
    { query: "push", finds: ["send_push", "deliv_push", "open_push", "click_push", "uopen_push", "uclick_push"], only: true },
    { query: "смс", finds: ["send_sms", "deliv_sms", "undeliv_sms", "click_sms", "uclick_sms", "unsub_sms"], only: true },
    { query: "sms", finds: ["send_sms", "deliv_sms", "undeliv_sms", "click_sms", "uclick_sms", "unsub_sms"], only: true },
    { query: "пиксель", finds: ["pixel_open"], only: true },
    { query: "pixel", finds: ["pixel_open"], only: true },
    { query: "доставка", finds: ["deliv", "deliv_sms", "deliv_push", "undeliv", "undeliv_sms"], not: ["open", "click", "launch"] },
    { query: "delivered", finds: ["deliv", "deliv_sms", "deliv_push"], not: ["open", "click"] },
    { query: "открытие", finds: ["open", "uopen", "open_push", "uopen_push"], not: ["send", "deliv", "click_sms", "launch"] },
    { query: "уникальный", finds: ["uopen", "uclick", "uclick_sms", "uopen_push", "uclick_push"], not: ["open", "click", "click_sms", "open_push", "click_push"] },
    { query: "уникальн", finds: ["uopen", "uclick", "uclick_sms", "uopen_push", "uclick_push"], not: ["open", "click", "click_sms", "open_push", "click_push"] },
    { query: "unique", finds: ["uopen", "uclick", "uclick_sms", "uopen_push", "uclick_push"], not: ["open", "click", "click_sms", "open_push", "click_push"] },
    { query: "впервые", finds: ["uopen", "uclick", "uclick_sms", "uopen_push", "uclick_push"], not: ["open", "click", "click_sms", "open_push", "click_push"] },
    { query: "первый", finds: ["uopen", "uclick", "uclick_sms", "uopen_push", "uclick_push"], not: ["open", "click", "click_sms", "open_push", "click_push"] },
    { query: "неуникальные", finds: ["open", "click", "click_sms", "open_push", "click_push"], not: ["uopen", "uclick", "uclick_sms", "uopen_push", "uclick_push"] },
    { query: "клик", finds: ["click", "uclick", "click_sms", "uclick_sms", "click_push", "uclick_push"], not: ["open", "send", "deliv"] },
    { query: "click", finds: ["click", "uclick", "click_sms", "uclick_sms", "click_push", "uclick_push"], not: ["open", "send", "deliv"] },
    { query: "отписка", finds: ["unsub", "unsub_sms"], only: true },
    { query: "unsubscribe", finds: ["unsub", "unsub_sms"], only: true },
    { query: "промокод", finds: ["promocode_attach", "promocode_activate"], only: true },
    { query: "coupon", finds: ["promocode_attach", "promocode_activate"], only: true },
    { query: "bounce", finds: ["sbounce", "hbounce"], not: ["send", "open", "deliv"] },
    { query: "отказ", finds: ["sbounce", "hbounce"], not: ["send", "open", "deliv"] },
    { query: "спам", finds: ["complain"], only: true },
    { query: "рассылка", finds: ["launch"], only: true },
    // Descriptions are searched: these words are in no name.
    { query: "почтовый сервер", finds: ["deliv", "sbounce"], not: ["send", "open"] },
    { query: "mailbox", finds: ["sbounce"], only: true },
    { query: "4 seconds", finds: ["glanced", "skimmed"], not: ["read", "open"] },
    // Event types and codes.
    { query: "uclick_sms", finds: ["uclick_sms"], only: true },
    { query: "emailLinkClicked", finds: ["click"], only: true },
    { query: "promocode_attach", finds: ["promocode_attach"], only: true },
  ];

  for (const { query, finds, not = [], only } of cases) {
    it(`«${query}» finds ${only ? "exactly " : ""}${finds.join(", ")}${not.length ? ` and not ${not.join(", ")}` : ""}`, async () => {
      const { page } = await openApp();
      await page.fill("#search", query);
      const found = await listedTypes(page, app);
      if (only) expect(found.slice().sort()).toEqual(finds.slice().sort());
      else expect(found).toEqual(expect.arrayContaining(finds));
      for (const eventType of not) expect(found, eventType).not.toContain(eventType);
      await expect(page.locator("#trigger-count").textContent()).resolves.toBe(`${found.length} of ${app.triggers.length}`);
    });
  }

  it("ignores case and «ё»", async () => {
    const { page } = await openApp();
    const results = [];
    for (const query of ["жёсткий", "ЖЕСТКИЙ", "Жесткий"]) {
      await page.fill("#search", query);
      results.push(await listedTypes(page, app));
    }
    expect(results[0]).toContain("hbounce");
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it("keeps the detail on a listed trigger: the chosen one, else the first listed, else “nothing found”", async () => {
    const { page } = await openApp();
    const sent = appTrigger("send");
    const title = page.locator("#trigger-title");
    const current = page.locator('button[data-trigger][aria-current="true"]');
    await page.click(`button[data-trigger="${sent.code}"]`);
    expect(await title.textContent()).toBe(sent.names.en);
    // The chosen trigger is filtered out: the first listed is shown, and marked as the current one.
    await page.fill("#search", "пуш");
    const firstCode = await page.locator("button[data-trigger]").first().getAttribute("data-trigger");
    const first = app.triggers.find((t) => t.code === firstCode)!;
    expect(first.group).toBe("push");
    expect(await title.textContent()).toBe(first.names.en);
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute("data-trigger")).toBe(first.code);
    // Still listed: it stays.
    await page.fill("#search", "email");
    expect(await title.textContent()).toBe(sent.names.en);
    // Nothing listed: the detail says so, and shows no trigger.
    await page.fill("#search", "zzzz qqqq");
    expect(await title.count()).toBe(0);
    expect(await page.locator("#detail-empty h2").textContent()).toBe("Nothing found");
    expect(await page.locator("#detail-empty p").textContent()).toBe(`Try another word, or clear the search to see all ${app.triggers.length} triggers.`);
    await page.click('[data-lang="ru"]');
    expect(await page.locator("#detail-empty h2").textContent()).toBe("Ничего не найдено");
    await page.click('[data-lang="en"]');
    // Clearing the search brings the chosen trigger back.
    await page.click("#detail-empty button");
    expect(await page.inputValue("#search")).toBe("");
    expect(await listed(page)).toBe(app.triggers.length);
    expect(await title.textContent()).toBe(sent.names.en);
    // A trigger chosen during a search stays chosen when the search is cleared.
    const pushOpened = appTrigger("open_push");
    await page.fill("#search", "push");
    await page.click(`button[data-trigger="${pushOpened.code}"]`);
    await page.fill("#search", "");
    expect(await title.textContent()).toBe(pushOpened.names.en);
    expect(await current.getAttribute("data-trigger")).toBe(pushOpened.code);
  });

  it("makes no request while searching, switching language and picking triggers", async () => {
    const { page, requests, errors } = await openApp();
    for (const query of ["пуш", "zzzz", "доставка", ""]) await page.fill("#search", query);
    await page.click('[data-lang="ru"]');
    for (const trigger of app.triggers.slice(0, 5)) await page.click(`button[data-trigger="${trigger.code}"]`);
    await page.click('[data-lang="en"]');
    await page.waitForTimeout(200);
    expect(requests).toEqual([appUrl]);
    expect(errors).toEqual([]);
  });
});

describe("the app's preview: legible and one scroll on a phone", () => {
  const measures: Record<string, { minRatio: number; minSize: number; texts: number }> = {};
  afterAll(() => {
    writeFileSync(join(outputDir, "preview-measures.json"), `${JSON.stringify(measures, null, 2)}\n`);
  });

  const withMostFields = () => app.triggers.reduce((a, b) => (b.fields.length > a.fields.length ? b : a));
  const withFewestFields = () => app.triggers.reduce((a, b) => (b.fields.length < a.fields.length ? b : a));

  for (const [width, height] of SIZES) {
    for (const lang of ["en", "ru"] as const) {
      it(`keeps every visible text at 4.5:1 or more and 12 px or more (${width}px, ${lang})`, async () => {
        const { page } = await openApp(width, height);
        if (lang === "ru") await page.click('[data-lang="ru"]');
        const provisional = app.triggers.find((t) => !t.eventTypeConfirmed)!;
        const samples: TextSample[] = [];
        // A provisional trigger (badge and note) on show; then the "nothing found" state.
        await page.click(`button[data-trigger="${provisional.code}"]`);
        expect(await page.locator("#provisional-note").count()).toBe(1);
        samples.push(...((await page.evaluate(TEXT_AUDIT)) as TextSample[]));
        await page.fill("#search", "zzzz");
        samples.push(...((await page.evaluate(TEXT_AUDIT)) as TextSample[]));
        // What is measured covers the page: names, labels, codes, badges, counters, the placeholder.
        expect(samples.length).toBeGreaterThan(200);
        for (const text of [provisional.names[lang], provisional.fields[0]!.names[lang], provisional.fields[0]!.code, "zzzz", lang === "en" ? "Provisional" : "Предварительный"]) {
          // Hyphenated words are nodes of their own (they must not break), so each word is looked for.
          for (const word of text.split(/\s+/)) expect(samples.some((sample) => sample.text.includes(word)), `${word} of ${text}`).toBe(true);
        }
        expect(samples.some((sample) => sample.text.startsWith("::before counter("))).toBe(true);
        await page.fill("#search", "");
        samples.push(...((await page.evaluate(TEXT_AUDIT)) as TextSample[]));
        expect(samples.some((sample) => sample.text === (lang === "en" ? "Search triggers" : "Поиск триггеров"))).toBe(true);

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

  it("measures contrast as WCAG does, so the audit can fail", async () => {
    const { page } = await openApp();
    // Grey #8a94a6 on white is 3.06:1; on a transparent box inside the page background #f4f5f8, 2.81:1.
    await page.evaluate(() => {
      const box = document.createElement("div");
      box.id = "probe";
      box.innerHTML = '<p style="color:#8a94a6;background:#fff;font-size:11px">a</p><p style="color:#8a94a6">b</p><p style="color:rgba(27,35,48,0.3)">c</p>';
      document.querySelector("main")!.prepend(box);
    });
    const probe = ((await page.evaluate(TEXT_AUDIT)) as TextSample[]).filter((sample) => sample.where.includes("div#probe"));
    expect(probe.map((s) => [s.text, s.ratio, s.size])).toEqual([
      ["a", 3.06, 11],
      ["b", 2.81, 15],
      ["c", expect.closeTo(1.86, 1), 15], // 30% of the text colour over the page background
    ]);
  });

  for (const lang of ["en", "ru"] as const) {
    it(`at 390px nothing but the page scrolls, sideways or down (${lang})`, async () => {
      const { page } = await openApp(390, 844);
      if (lang === "ru") await page.click('[data-lang="ru"]');
      const check = async (state: string) => {
        expect(await page.evaluate(SCROLL_BOXES), state).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), state).toBeLessThanOrEqual(390);
      };
      await check("on load");
      // The whole list is in the page: its last trigger lies below the first screen.
      const last = page.locator("button[data-trigger]").last();
      expect((await last.boundingBox())!.y).toBeGreaterThan(844);
      await page.click(`button[data-trigger="${withMostFields().code}"]`);
      await check("the trigger with the most fields");
      // Picking a trigger brings its detail up under the top bar; the button there goes back to the list.
      const detailTop = await page.locator("#detail").evaluate((el) => el.getBoundingClientRect().top);
      const topbar = await page.locator(".topbar").evaluate((el) => el.getBoundingClientRect().bottom);
      expect(detailTop).toBeGreaterThanOrEqual(topbar);
      expect(detailTop).toBeLessThan(topbar + 40);
      await page.click(".to-list");
      const button = page.locator(`button[data-trigger="${withMostFields().code}"]`);
      const box = await button.evaluate((el) => el.getBoundingClientRect());
      expect(box.top).toBeGreaterThan(topbar);
      expect(box.bottom).toBeLessThan(844);
      await page.fill("#search", "zzzz");
      await check("nothing found");
      await page.screenshot({ path: join(outputDir, `preview-app-390-${lang}.png`), fullPage: true });
    });
  }

  it("shows the trigger list's head below the top bar wherever the page is scrolled (1280px)", async () => {
    for (const lang of ["en", "ru"] as const) {
      for (const trigger of [withMostFields(), withFewestFields()]) {
        const { page } = await openApp(1280, 900);
        if (lang === "ru") await page.click('[data-lang="ru"]');
        await page.click(`button[data-trigger="${trigger.code}"]`);
        const maxScroll = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
        for (const y of [0, Math.round(maxScroll / 2), maxScroll - 1, maxScroll]) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          const [head, picker, topbar] = await page.evaluate(() =>
            [".picker-head", ".picker", ".topbar"].map((selector) => {
              const rect = document.querySelector(selector)!.getBoundingClientRect();
              return { top: rect.top, bottom: rect.bottom };
            }),
          );
          const where = `${lang} ${trigger.code} at ${y}px of ${maxScroll}`;
          expect(head!.top, where).toBeGreaterThanOrEqual(topbar!.bottom);
          // Once scrolled past its place, the picker sits whole between the top bar and the window's bottom.
          if (y > 0) expect(picker!.bottom, where).toBeLessThanOrEqual(900);
        }
        if (trigger === withMostFields()) await page.screenshot({ path: join(outputDir, `preview-app-1280-${lang}-bottom.png`) });
      }
    }
  });

  for (const [width, height] of SIZES) {
    it(`keeps names whole: no badge wraps a name, no hyphenated word breaks (${width}px)`, async () => {
      const { page } = await openApp(width, height);
      for (const lang of ["en", "ru"] as const) {
        await page.click(`[data-lang="${lang}"]`);
        const provisional = app.triggers.filter((t) => !t.eventTypeConfirmed);
        expect(provisional.length).toBeGreaterThan(0);
        for (const trigger of provisional) {
          const lines = await page
            .locator(`button[data-trigger="${trigger.code}"] .pick-name`)
            .evaluate((el) => new Set(Array.from(el.getClientRects(), (rect) => Math.round(rect.top))).size);
          expect(lines, `${lang} ${trigger.names[lang]}`).toBe(1);
          await page.click(`button[data-trigger="${trigger.code}"]`);
          expect(await page.evaluate(BROKEN_HYPHENS), `${lang} ${trigger.code}`).toEqual([]);
        }
        // The hyphenated names are there to be checked.
        expect(await page.locator(".nobreak", { hasText: "AK-Pixel" }).count()).toBeGreaterThan(0);
      }
      await page.screenshot({ path: join(outputDir, `preview-app-${width}-ru.png`), fullPage: true });
    });
  }
});
