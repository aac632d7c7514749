/**
 * The preview page in a real browser: Debian's Chromium driven by playwright-core (never a downloaded
 * browser), the page served from 127.0.0.1. Writes screenshots for review to test-output/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./fixtures/browser/chromium.js";
import { renderPreviewHtml } from "../scripts/derive/preview.js";
import { loadBuilt } from "../scripts/load/release/built.js";
import type { Side } from "../scripts/load/release/side.js";

const root = join(import.meta.dirname, "..");
const outputDir = join(root, "test-output");
let side: Side;
let server: Server;
let pageUrl: string;
let browser: Browser;
const hits: string[] = [];

beforeAll(async () => {
  side = await loadBuilt(join(root, "test/fixtures/preview/manifest.json"));
  const html = renderPreviewHtml({ manifest: side.manifest, samples: side.samples, logoSvg: side.logoSvg! });
  server = createServer((request, response) => {
    hits.push(request.url ?? "");
    if (request.url === "/preview.html") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/preview.html`;
  browser = await launchChromium();
  mkdirSync(outputDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

// One page for the whole file (opening pages is the slow part); every test reloads it from scratch.
let shared: Opened;

async function open(width = 1280, height = 900): Promise<Opened> {
  if (!shared) {
    const page = await (await browser.newContext()).newPage();
    shared = { page, errors: [], requests: [] };
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") shared.errors.push(message.text());
    });
    page.on("pageerror", (error) => shared.errors.push(error.message));
    page.on("request", (request) => shared.requests.push(request.url()));
  }
  shared.errors.length = 0;
  shared.requests.length = 0;
  await shared.page.setViewportSize({ width, height });
  await shared.page.goto("about:blank");
  shared.requests.length = 0;
  await shared.page.goto(pageUrl, { waitUntil: "load" });
  await shared.page.waitForSelector("[data-trigger]");
  return shared;
}

const triggerByType = (eventType: string) => side.manifest.triggers.find((t) => t.eventType === eventType)!;
const listed = (page: Page) => page.locator("button[data-trigger]").count();

describe("preview page in Chromium", () => {
  it("loads with no console errors and no request but the page itself", async () => {
    const { page, errors, requests } = await open();
    await page.waitForTimeout(200); // give late requests (favicon, fonts) a chance to show up
    expect(errors).toEqual([]);
    expect(requests).toEqual([pageUrl]);
    expect(hits.filter((hit) => hit !== "/preview.html")).toEqual([]);
    expect(await page.title()).toBe("Altcraft on Albato — app preview");
  });

  it("filters the trigger list as the user types", async () => {
    const { page } = await open();
    const total = side.manifest.triggers.length;
    expect(await listed(page)).toBe(total);
    await expect(page.locator("#trigger-count").textContent()).resolves.toBe(`${total} of ${total}`);
    await page.fill("#search", "push");
    const expected = side.manifest.triggers.filter((t) =>
      [t.names.en, t.names.ru, t.eventType, t.code].join("\n").toLowerCase().includes("push"),
    ).length;
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
    expect(await page.locator("#setup-steps li").first().textContent()).toContain("В Albato добавьте приложение");
    // No English UI text is left on the page.
    const body = (await page.locator("body").innerText()).replace(/https?:\S+/g, "");
    for (const english of ["Search triggers", "Fields", "Example", "Set up in Altcraft", "Documentation", "Webhook trigger"]) {
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
    expect(await page.evaluate(() => document.images.length)).toBe(1); // the logo only
    expect(await page.evaluate(() => document.scripts.length)).toBe(2); // the data and the page script
    expect(errors).toEqual([]);
  });

  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
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
