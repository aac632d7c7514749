/**
 * The entry assistant (setup.html) in a real browser: Debian's Chromium through playwright-core, the page
 * served from 127.0.0.1, built from the repo's own app (every trigger and field). Copying, ticks that
 * survive a reload (and drop when their step changes), progress, both languages, the changes view, a
 * phone's width, no network, and the contrast and size of every visible text.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manifestChanges } from "../scripts/derive/changes/classify.js";
import { renderSetupAssistant } from "../scripts/derive/setup/assistant/page.js";
import { changePlan, type ChangePlan } from "../scripts/derive/setup/changes.js";
import { integratorSteps, setupPlan, type SetupPlan } from "../scripts/derive/setup/plan.js";
import { EVENT_TYPES } from "../scripts/event-types.js";
import type { Manifest } from "../scripts/model/manifest.js";
import { repoApp } from "./fixtures/build/repo-app.js";
import { launchChromium } from "./fixtures/browser/chromium.js";
import { SCROLL_BOXES, TEXT_AUDIT, type TextSample } from "./fixtures/browser/page-audits.js";
import { servePages, type PageServer } from "./fixtures/browser/serve.js";
import { watch } from "./fixtures/browser/watched-page.js";

let manifest: Manifest;
let plan: SetupPlan;
let changes: ChangePlan;
let server: PageServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let requests: string[];
let errors: string[];

beforeAll(async () => {
  manifest = (await repoApp()).derived.manifest;
  plan = setupPlan(manifest, EVENT_TYPES);
  // A published 0.9.0 without the last trigger and with another name for the first field of the first.
  const baseline = structuredClone(manifest);
  baseline.app.version = "0.9.0";
  baseline.triggers.pop();
  baseline.triggers[0]!.fields[0]!.names.en = "Old name";
  changes = changePlan(baseline, manifest, manifestChanges(baseline, manifest), EVENT_TYPES);
  server = await servePages(
    new Map([
      ["/blank.html", "<!doctype html><title>blank</title><link rel=\"icon\" href=\"data:,\">"],
      ["/setup.html", renderSetupAssistant({ plan })],
      ["/changes.html", renderSetupAssistant({ plan, changes })],
    ]),
  );
  browser = await launchChromium();
  context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.base });
  ({ page, requests, errors } = watch(await context.newPage()));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page afresh: nothing kept from an earlier test unless `keep` (a reload keeps localStorage). */
async function open(path = "/setup.html", options: { width?: number; keep?: boolean } = {}): Promise<void> {
  await page.setViewportSize({ width: options.width ?? 1280, height: 900 });
  if (!options.keep) {
    await page.goto(`${server.base}/blank.html`);
    await page.evaluate(() => localStorage.clear());
  }
  requests.length = 0;
  errors.length = 0;
  server.hits.length = 0;
  await page.goto(`${server.base}${path}`);
}

const progressText = () => page.evaluate(() => [document.querySelector("[data-progress-done]")!.textContent, document.querySelector("[data-progress-total]")!.textContent]);

describe("setup.html", { timeout: 60_000 }, () => {
  it("asks for nothing but itself, and runs without an error", async () => {
    await open();
    await page.locator("details.entity").first().evaluate((details) => ((details as HTMLDetailsElement).open = true));
    await page.locator("button[data-copy]").first().click();
    expect(requests).toEqual([`${server.base}/setup.html`]);
    // The server saw the page and nothing else (no favicon either: the page names its own).
    await page.waitForTimeout(300);
    expect(server.hits).toEqual(["/setup.html"]);
    expect(errors).toEqual([]);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toContain("default-src 'none'");
  });

  it("has one step checkbox per plan step, counting the plan's entries, with the plan's total", async () => {
    await open();
    const boxes = await page.$$eval('[data-view="setup"] input[data-step]', (inputs) => inputs.map((input) => [input.getAttribute("data-step"), Number(input.getAttribute("data-entries"))] as const));
    const integrator = boxes.filter(([id]) => !/^(altcraft|check|assumption|question):/.test(id!));
    expect(integrator).toEqual(integratorSteps(plan).map((step) => [step.id, step.entries.length]));
    expect(boxes.reduce((sum, [, entries]) => sum + entries, 0)).toBe(plan.totals.entries);
    expect(await progressText()).toEqual(["0", String(plan.totals.entries)]);
    const fieldRows = await page.locator("tr.field-row").count();
    expect(fieldRows).toBe(manifest.triggers.reduce((sum, trigger) => sum + trigger.fields.length, 0));
  });

  it("copies exactly the value shown, in either language", async () => {
    await open();
    const code = manifest.triggers[0]!.fields[0]!.code;
    await page.locator("details.entity").first().evaluate((details) => ((details as HTMLDetailsElement).open = true));
    const button = page.locator(`tr.field-row button[data-copy="${code}"]`).first();
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await expect.poll(() => button.getAttribute("class")).toContain("copied");
    await page.locator('button[data-set-locale="ru"]').click();
    const value = plan.triggers[0]!.trigger.names.ru;
    const ruName = page.locator(`details.entity[open] .step button[data-copy="${value}"]`).first();
    await ruName.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
    // Nothing to paste where a value is picked from a list, or where the input is left empty.
    expect(await page.$$eval(`button[data-copy="JSON"], button[data-copy="Webhook"], button[data-copy=""]`, (all) => all.map((node) => node.outerHTML))).toEqual([]);
    expect(await page.locator('button[data-copy="(leave empty)"], button[data-copy="(оставьте пустым)"]').count()).toBe(0);
    // The copy control's label is the page's language, from the styles.
    expect(await ruName.evaluate((node) => getComputedStyle(node, "::after").content)).toBe('"Копировать"');
  });

  it("keeps ticks and the language across a reload, counting the ticked entries", async () => {
    await open();
    const trigger = plan.triggers[0]!;
    const first = page.locator(`details[data-entity="${trigger.trigger.code}"]`);
    await first.evaluate((details) => ((details as HTMLDetailsElement).open = true));
    const createBox = page.locator(`input[data-step="${trigger.create.id}"]`);
    const fieldBox = page.locator(`input[data-step="${trigger.fields[0]!.id}"]`);
    await createBox.check();
    await fieldBox.check();
    await page.locator('button[data-set-locale="ru"]').click();
    const done = trigger.create.entries.length + trigger.fields[0]!.entries.length;
    expect(await progressText()).toEqual([String(done), String(plan.totals.entries)]);
    expect(await first.locator("[data-entity-done]").textContent()).toBe(`2/${trigger.fields.length + 3}`);

    await open("/setup.html", { keep: true });
    expect(await createBox.isChecked()).toBe(true);
    expect(await fieldBox.isChecked()).toBe(true);
    expect(await page.locator("input[data-step]:checked").count()).toBe(2);
    expect(await progressText()).toEqual([String(done), String(plan.totals.entries)]);
    expect(await page.evaluate(() => [document.body.dataset.locale, document.documentElement.lang])).toEqual(["ru", "ru"]);
    expect(await first.locator("tr.field-row").first().getAttribute("class")).toContain("done");

    await first.evaluate((details) => ((details as HTMLDetailsElement).open = true));
    await fieldBox.uncheck();
    await open("/setup.html", { keep: true });
    expect(await page.locator("input[data-step]:checked").count()).toBe(1);
  });

  it("after a rebuild, unticks only the steps whose values changed", async () => {
    await open();
    const [a, b] = plan.triggers[0]!.fields;
    await page.locator("details.entity").first().evaluate((details) => ((details as HTMLDetailsElement).open = true));
    await page.locator(`input[data-step="${a!.id}"]`).check();
    await page.locator(`input[data-step="${b!.id}"]`).check();
    const rebuilt = structuredClone(manifest);
    rebuilt.triggers.find((trigger) => trigger.code === plan.triggers[0]!.trigger.code)!.fields[0]!.names.ru = "Новое название";
    const original = server.pages.get("/setup.html")!;
    server.pages.set("/setup.html", renderSetupAssistant({ plan: setupPlan(rebuilt, EVENT_TYPES) }));
    try {
      await open("/setup.html", { keep: true });
      expect(await page.locator(`input[data-step="${a!.id}"]`).isChecked()).toBe(false);
      expect(await page.locator(`input[data-step="${b!.id}"]`).isChecked()).toBe(true);
    } finally {
      server.pages.set("/setup.html", original);
    }
  });

  it("shows one language at a time", async () => {
    await open();
    const visibleLanguages = () =>
      page.$$eval("[data-l]", (nodes) => [...new Set(nodes.filter((node) => (node as HTMLElement).offsetParent !== null || node.getClientRects().length > 0).map((node) => node.getAttribute("data-l")))]);
    expect(await visibleLanguages()).toEqual(["en"]);
    await page.locator('button[data-set-locale="ru"]').click();
    expect(await visibleLanguages()).toEqual(["ru"]);
    expect(await page.locator('button[data-set-locale="ru"]').getAttribute("aria-pressed")).toBe("true");
  });

  it("with a baseline, switches to only the changes, and counts their entries", async () => {
    await open("/changes.html");
    expect(changes.steps.length).toBeGreaterThan(1);
    await page.locator('button[data-set-view="changes"]').click();
    expect(await page.locator('div[data-view="setup"]').isHidden()).toBe(true);
    const ids = await page.$$eval('div[data-view="changes"] input[data-step]', (inputs) => inputs.map((input) => input.getAttribute("data-step")));
    expect(ids).toEqual(changes.steps.map((step) => step.id));
    expect(await progressText()).toEqual(["0", String(changes.entries)]);
    await page.locator(`input[data-step="${changes.steps[0]!.id}"]`).check();
    expect(await progressText()).toEqual([String(changes.steps[0]!.entries.length), String(changes.entries)]);
    await page.locator('button[data-set-view="setup"]').click();
    expect(await progressText()).toEqual(["0", String(plan.totals.entries)]);
  });

  for (const width of [1280, 390]) {
    for (const locale of ["en", "ru"] as const) {
      it(`at ${width} px in ${locale}: every visible text 4.5:1 or more and 12 px or more; one scroll, nothing wider than the screen`, async () => {
        await open("/changes.html", { width });
        await page.locator(`button[data-set-locale="${locale}"]`).click();
        // Open a wave 1 trigger, a provisional one, tick a step and press a copy button, so their styles are measured too.
        await page.$$eval("details.entity", (all) => {
          (all[0] as HTMLDetailsElement).open = true;
          const provisional = all.find((details) => details.querySelector(".badge.warn"));
          if (provisional) (provisional as HTMLDetailsElement).open = true;
        });
        await page.locator("input[data-step]").first().check();
        await page.locator("details.entity[open] button[data-copy]").first().click();
        const samples = (await page.evaluate(TEXT_AUDIT)) as TextSample[];
        expect(samples.length).toBeGreaterThan(200);
        const low = samples.filter((sample) => sample.ratio < 4.5).slice(0, 5);
        const small = samples.filter((sample) => sample.size < 12).slice(0, 5);
        expect(low).toEqual([]);
        expect(small).toEqual([]);
        expect(await page.evaluate(SCROLL_BOXES)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      }, 60_000);
    }
  }
});
