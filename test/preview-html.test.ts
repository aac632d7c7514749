/** The preview page as a file: self-contained, deterministic, escaped; and its small parts. */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./fixtures/temp.js";
import { scriptJson } from "../scripts/derive/html.js";
import { renderPreviewHtml } from "../scripts/derive/preview.js";
import { displayValue, exampleFor, valuesAtPath } from "../scripts/derive/preview/example-value.js";
import { previewData } from "../scripts/derive/preview/model.js";
import { setupSteps } from "../scripts/derive/preview/setup-steps.js";
import { ALTCRAFT_STEPS } from "../scripts/derive/setup/text.js";
import { UI_STRINGS } from "../scripts/derive/preview/strings.js";
import { SEARCH_SYNONYMS } from "../scripts/derive/preview/synonyms.js";
import { loadBuilt } from "../scripts/load/release/built.js";
import type { Side } from "../scripts/load/release/side.js";

const root = join(import.meta.dirname, "..");
const fixture = join(root, "test/fixtures/preview/manifest.json");
let side: Side;
let html: string;

beforeAll(async () => {
  side = await loadBuilt(fixture);
  html = renderPreviewHtml({ manifest: side.manifest, samples: side.samples, logoSvg: side.logoSvg! });
});

describe("renderPreviewHtml", () => {
  it("is byte-identical for the same input", () => {
    expect(renderPreviewHtml({ manifest: side.manifest, samples: side.samples, logoSvg: side.logoSvg! })).toBe(html);
  });

  it("references nothing outside the page and forbids fetching anything", () => {
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/i);
    expect(html).not.toMatch(/@import|@font-face|url\((?!"?data:)/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|video|audio)\b/i); // images come in as data: URIs, built by the script
    expect(html).toContain('<link rel="icon" href="data:image/svg+xml;base64,');
  });

  it("keeps hostile labels and sample values inside the data, as text", () => {
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<b>Not bold</b>");
    const json = /<script type="application\/json" id="preview-data">(.*?)<\/script>/s.exec(html)![1]!;
    const parsed = JSON.parse(json) as { data: ReturnType<typeof previewData> };
    const hbounce = parsed.data.groups.flatMap((g) => g.triggers).find((t) => t.eventType === "hbounce")!;
    expect(hbounce.descriptions.en).toContain("</script><script>window.__pwned=1</script>");
    expect(hbounce.fields[0]!.names.en).toBe('<img src=x onerror="window.__pwned=2">Event type');
  });

  it("says what it is before its script runs: a reference for integration engineers", () => {
    expect(html).toContain("<title>Altcraft on Albato — app reference</title>");
    expect(html).toContain('<strong data-i18n="pageKind">App reference</strong><span data-i18n="pageAudience">for integration engineers</span>');
    expect(html).toContain("This page shows the Altcraft app as it is declared for Albato");
    expect(UI_STRINGS.ru.intro).toContain("{app}");
    expect(UI_STRINGS.ru.intro).toContain("связки");
  });

  it("fills the app's name in as text, even when it looks like a replacement pattern or markup", () => {
    const hostile = structuredClone(side.manifest);
    hostile.app.names.en = "$& <b>$1</b>";
    const page = renderPreviewHtml({ manifest: hostile, samples: side.samples });
    expect(page).toContain("<title>$&#38; &#60;b&#62;$1&#60;/b&#62; on Albato — app reference</title>");
    expect(page).not.toContain("<b>$1</b>");
  });

  it("embeds the search: the synonym table, and for each trigger the text it is found by", () => {
    const json = /<script type="application\/json" id="preview-data">(.*?)<\/script>/s.exec(html)![1]!;
    const parsed = JSON.parse(json) as { data: ReturnType<typeof previewData>; synonyms: unknown };
    expect(parsed.synonyms).toEqual(SEARCH_SYNONYMS);
    for (const trigger of parsed.data.groups.flatMap((g) => g.triggers)) {
      for (const part of [trigger.names.en, trigger.names.ru, trigger.eventType, trigger.code]) expect(trigger.search).toContain(part);
    }
    expect(html).toContain("var PreviewSearch = (function () {");
  });

  it("escapes what JSON inside <script> must not contain", () => {
    expect(scriptJson({ a: "</script>&\u2028\u2029" })).toBe('{"a":"\\u003c/script\\u003e\\u0026\\u2028\\u2029"}');
    expect(JSON.parse(scriptJson({ a: "</script>&\u2028" }))).toEqual({ a: "</script>&\u2028" });
  });

  it("groups triggers by channel in the manifest's order and keeps only http(s) links", () => {
    const data = previewData({ manifest: side.manifest, samples: side.samples });
    expect(data.groups.map((g) => g.code)).toEqual(side.manifest.groups.map((g) => g.code).filter((code) => side.manifest.triggers.some((t) => t.group === code)));
    expect(data.groups.flatMap((g) => g.triggers).length).toBe(side.manifest.triggers.length);
    expect(data.app.logo).toBeNull();
    const hostile = structuredClone(side.manifest);
    hostile.app.website = "javascript:alert(1)";
    hostile.triggers[0]!.group = "undeclared";
    const changed = previewData({ manifest: hostile, samples: new Map() });
    expect(changed.app.website).toBe("");
    expect(changed.groups.at(-1)).toMatchObject({ code: "undeclared", names: { en: "undeclared", ru: "undeclared" } });
  });

  it("has every UI string in both languages", () => {
    // Russian has one plural form more ("…Few"): the rest pair up key for key.
    const en = Object.keys(UI_STRINGS.en).sort();
    const ru = Object.keys(UI_STRINGS.ru).filter((key) => !key.endsWith("Few")).sort();
    expect(Object.keys(UI_STRINGS.ru).filter((key) => key.endsWith("Few")).map((key) => key.replace(/Few$/, "One")).filter((key) => !(key in UI_STRINGS.en))).toEqual([]);
    expect(ru).toEqual(en);
    for (const value of Object.values(UI_STRINGS.ru)) expect(value).not.toMatch(/^[\x20-\x7e]*[a-z]{4,}[\x20-\x7e]*$/); // no English left
  });
});

describe("example values", () => {
  const samples = [
    { data: { event_data: { link_url: null }, subscription: [{ channel: "email" }, { channel: "sms" }, {}] } },
    { data: { event_data: { link_url: "https://a.example/x", count: 3 }, custom_data: { tags: ["a", "b"] } } },
  ];

  it("takes the first sample that has the path, even when its value is null", () => {
    expect(exampleFor(samples, "data.event_data.link_url")).toBe("null");
    expect(exampleFor(samples.slice(1), "data.event_data.link_url")).toBe("https://a.example/x");
    expect(exampleFor(samples, "data.event_data.count")).toBe("3");
    expect(exampleFor(samples, "data.event_data.missing")).toBeNull();
  });

  it("collects array-of-object leaves and shows lists as JSON", () => {
    expect(valuesAtPath(samples[0]!.data, "data.subscription[].channel")).toEqual(["email", "sms"]);
    expect(exampleFor(samples, "data.subscription[].channel")).toBe('["email","sms"]');
    expect(exampleFor(samples, "data.custom_data.tags")).toBe('["a","b"]');
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
    expect(displayValue(false)).toBe("false");
  });
});

describe("setup steps", () => {
  it("are the setup guide's Altcraft steps, with this trigger's event after the capture settings", () => {
    for (const locale of ["en", "ru"] as const) {
      const steps = setupSteps(locale, { altcraftName: "Click", eventType: "click" });
      expect(steps).toHaveLength(ALTCRAFT_STEPS.length + 1);
      expect(steps.filter((_, index) => index !== 4).map((segments) => segments.map((segment) => ("text" in segment ? segment.text : "")).join(""))).toEqual(ALTCRAFT_STEPS.map((step) => step[locale]));
      expect(steps[4]!.filter((segment) => "strong" in segment || "code" in segment)).toEqual([{ strong: "Click" }, { code: "click" }]);
    }
  });

  it("keeps values as segments of their own, so markup characters in them stay text", () => {
    const [, , , , own] = setupSteps("en", { altcraftName: "**Bold?**", eventType: "a`b" });
    expect(own).toContainEqual({ strong: "**Bold?**" });
    expect(own).toContainEqual({ code: "a`b" });
  });
});

describe("preview command", () => {
  const run = promisify(execFile);
  const cli = join(root, "dist/scripts/cli.js");
  const dir = tempDir("preview-cli");

  async function preview(args: string[], cwd = root): Promise<{ code: number; stderr: string }> {
    try {
      const { stderr } = await run(process.execPath, [cli, "preview", ...args], { cwd });
      return { code: 0, stderr };
    } catch (error) {
      return { code: (error as { code: number }).code, stderr: (error as { stderr: string }).stderr };
    }
  }

  it("writes the page from a manifest with its samples beside it", async () => {
    const out = join(dir, "page.html");
    const result = await preview(["--manifest", fixture, "--out", out]);
    expect(result.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(html);
  });

  it("asks for a build when there is no dist/manifest.json, and names a missing file", async () => {
    const missing = await preview([], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(
      "altcraft-albato: dist/manifest.json not found: run `npm run build` first, or pass --manifest <manifest.json|package.zip>",
    );
    const named = await preview(["--manifest", join(dir, "nope.json")]);
    expect(named.code).toBe(2);
    expect(named.stderr.trim()).toBe(`altcraft-albato: ${join(dir, "nope.json")}: no such file; expected a manifest.json or a package zip`);
  });
});
