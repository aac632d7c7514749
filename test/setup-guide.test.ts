/** The Markdown setup guides: the plan's screens in order, each block once, every trigger naming its blocks, both languages. */
import { describe, expect, it } from "vitest";
import { blockLayout } from "../scripts/derive/setup/blocks.js";
import { ASSUMPTIONS } from "../scripts/albato-assumptions.js";
import { cell } from "../scripts/derive/setup/markdown-text.js";
import { guideFileName, renderSetupGuide, renderSetupGuides } from "../scripts/derive/setup/markdown.js";
import { setupPlan } from "../scripts/derive/setup/plan.js";
import { ALTCRAFT_STEPS, CHECK_STEPS, duration, ruCount, totalsLine } from "../scripts/derive/setup/text.js";
import { derive, fixtureConnector, REGISTRY } from "./fixtures/build/definition.js";

const { manifest } = derive();
const plan = setupPlan(manifest, REGISTRY);

function positions(text: string, needles: string[]): number[] {
  return needles.map((needle) => text.indexOf(needle));
}

describe("renderSetupGuide", () => {
  for (const locale of ["en", "ru"] as const) {
    describe(locale, () => {
      const text = renderSetupGuide(plan, locale);

      it("opens with the totals, then takes the App Integrator's screens in order, then Altcraft, then the check", () => {
        const headings =
          locale === "en"
            ? ["## 1. App card", "## 2. Authorization", "## 3. Connection fields", "## 4. Field blocks", "## 5. Triggers", "## 6. Lists", "## 7. Actions", "## 8. Altcraft: event capture", "## 9. Check before publishing"]
            : ["## 1. Карточка приложения", "## 2. Авторизация", "## 3. Поля подключения", "## 4. Блоки полей", "## 5. Триггеры", "## 6. Списки", "## 7. Действия", "## 8. Altcraft: захват событий", "## 9. Проверка перед публикацией"];
        const at = positions(text, headings);
        expect(at.every((position) => position > 0), JSON.stringify(at)).toBe(true);
        expect([...at].sort((a, b) => a - b)).toEqual(at);
        const totals = `**${totalsLine(plan.totals)[locale]}.**`;
        expect(totals).toBe(
          locale === "en"
            ? `**2 triggers (${plan.totals.fields} fields), 2 lists, 2 actions (8 fields); ${plan.totals.entries} form entries: about 1–2 hours of entry.**`
            : `**2 триггера (${plan.totals.fields} полей), 2 списка, 2 действия (8 полей); ${plan.totals.entries} значение для ввода: примерно 1–2 часа работы.**`,
        );
        expect(text.indexOf(totals)).toBeGreaterThan(0);
        expect(text.indexOf(totals)).toBeLessThan(at[0]!);
      });

      it("lists every field block variant once, with each field's code, names, type and mapping", () => {
        const layout = blockLayout(manifest);
        for (const variant of layout.variants) {
          expect(text.split(`### ${variant.names[locale]}\n`)).toHaveLength(2);
          for (const field of variant.fields) expect(text).toContain(`| \`${field.code}\` | ${field.names.en} | ${field.names.ru} | \`${field.type}\``);
        }
        // A field shared by two triggers in the same block is listed once, not per trigger.
        expect(text.split("| `customDataEmail` |")).toHaveLength(2);
      });

      it("names, for each trigger, its blocks in its field order, linked to where they are listed", () => {
        const layout = blockLayout(manifest);
        for (const trigger of manifest.triggers) {
          const names = layout.byTrigger.get(trigger.code)!.map((id) => layout.variants.find((variant) => variant.id === id)!.names[locale]);
          const line = text.split("\n").find((candidate) => candidate.startsWith("- [ ] **") && candidate.includes(`(${trigger.fields.length})`) && names.every((name) => candidate.includes(`[${name}]`)));
          expect(line, trigger.code).toBeDefined();
          expect(positions(line!, names.map((name) => `[${name}]`))).toEqual([...positions(line!, names.map((name) => `[${name}]`))].sort((a, b) => a - b));
        }
        expect(text).toContain(locale === "en" ? "[Event A](#event-a)" : "[Событие A](#событие-a)");
      });

      it("gives each trigger its names, the Webhook model, its response settings and its filter", () => {
        for (const trigger of manifest.triggers) {
          expect(text).toContain(`| \`${trigger.names.en}\` |`);
          expect(text).toContain(`| \`${trigger.names.ru}\` |`);
          expect(text).toContain(`\`data.event_type\` \`equal\` \`${trigger.eventType}\``);
        }
        expect(text).toContain("| `Webhook` |");
        expect(text).toContain("`JSON`");
        expect(text).toMatch(/`DateTime` \(RFC3339, UTC\)/);
      });

      it("flags the provisional event type, and only it", () => {
        const note = locale === "en" ? "> ⚠️ Provisional event type: the wire name promocode_attach" : "> ⚠️ Предварительный тип события: название promocode_attach";
        expect(text.split(note)).toHaveLength(2);
        expect(text).toContain("`promocode_attach` ⚠️");
        expect(text).not.toContain("`click` ⚠️");
      });

      it("gives the Altcraft steps, Altcraft's own name of every event, and the check steps", () => {
        const altcraft = text.slice(text.indexOf("## 8."), text.indexOf("## 9."));
        ALTCRAFT_STEPS.forEach((step, index) => expect(altcraft).toContain(`${index + 1}. ${step[locale]}`));
        for (const trigger of manifest.triggers) expect(altcraft).toContain(`| ${trigger.altcraftNames[locale]} | \`${trigger.eventType}\``);
        const check = text.slice(text.indexOf("## 9."));
        for (const step of CHECK_STEPS) expect(check).toContain(`- [ ] ${step[locale]}`);
        // Each assumption simulate makes, with how to check it in Albato.
        for (const assumption of ASSUMPTIONS) expect(check).toContain(`- [ ] **${assumption.id}**: ${assumption.text[locale]}`);
        for (const assumption of ASSUMPTIONS) expect(check).toContain(assumption.check[locale]);
      });
    });
  }

  for (const locale of ["en", "ru"] as const) {
    it(`lists the error rules every request widget shares once, and points each Errors tab at them (${locale})`, () => {
      const text = renderSetupGuide(plan, locale);
      const heading = locale === "en" ? "### Error rules" : "### Правила ошибок";
      expect(text.split(`${heading}\n`)).toHaveLength(2);
      const rules = manifest.actions[0]!.errors;
      for (const rule of rules) expect(text.split(`| \`${rule.type}\` | ${rule.all.map((condition) => `\`${condition.variable}\` \`${condition.operator}\` \`${condition.value}\``).join(locale === "en" ? " and " : " и ")} |`)).toHaveLength(2);
      const pointers = text.split("\n").filter((line) => line.includes(locale === "en" ? "](#error-rules)" : "](#правила-ошибок)"));
      // The connection test, each dynamic list and each action.
      expect(pointers).toHaveLength(1 + manifest.lists.filter((list) => list.type === "dynamic").length + manifest.actions.length);
    });
  }

  it("gives each action its fields with hints, lists and checkboxes, every parameter row and the response mapping", () => {
    const text = renderSetupGuide(plan, "en");
    for (const action of manifest.actions) {
      const section = text.slice(text.indexOf(`(\`${action.code}\`)`));
      for (const field of action.fields) expect(section).toContain(`| \`${field.code}\` | \`${field.names.en}\` | \`${field.names.ru}\` | \`${field.hints.en}\``);
      for (const row of action.request.parameters) expect(section).toContain(`| \`${row.key}\` | \`${row.value}\` | \`${row.type}\` |`);
      for (const row of action.responseFields) expect(section).toContain(`| \`${row.key}\` | \`${row.field}\` |`);
      expect(section).toContain(`URL: \`${action.request.url}\``);
    }
    const dynamic = manifest.lists.find((list) => list.type === "dynamic")!;
    expect(text).toContain(`#### 6.1 ${dynamic.names.en} (\`${dynamic.code}\`)`);
  });

  it("without shared rules, gives each Errors tab its own table", () => {
    const odd = structuredClone(manifest);
    odd.actions[0]!.errors = [{ type: "Default", all: [{ variable: "data.error", operator: "not equal", value: "0" }], message: "Failed" }];
    const text = renderSetupGuide(setupPlan(odd, REGISTRY), "en");
    expect(text).not.toContain("### Error rules");
    expect(text).toContain("| `Default` | `data.error` `not equal` `0` | `Failed` |");
  });

  it("keeps table cells intact when a label holds a pipe or a line break", () => {
    const connector = fixtureConnector();
    connector.locales.en.triggers.emailLinkClicked!.description = "Clicks | taps\non links";
    const text = renderSetupGuide(setupPlan(derive(connector).manifest, REGISTRY), "en");
    expect(text).toContain("`Clicks \\| taps on links`");
    expect(cell("a\\|b\n c")).toBe("a\\\\\\|b c");
  });

  it("renders one file per locale, the same bytes for the same manifest", () => {
    const guides = renderSetupGuides(plan);
    expect([...guides.keys()]).toEqual([guideFileName("en"), guideFileName("ru")]);
    expect(guides.get("SETUP.ru.md")).toBe(renderSetupGuide(setupPlan(derive().manifest, REGISTRY), "ru"));
  });
});

describe("duration and ruCount", () => {
  it("says minutes below an hour and a half, whole hours above, with the Russian form the last number takes", () => {
    expect(duration({ low: 20, high: 40 })).toEqual({ en: "20–40 minutes", ru: "20–40 минут" });
    expect(duration({ low: 20, high: 42 }).ru).toBe("20–42 минуты");
    expect(duration({ low: 600, high: 1200 })).toEqual({ en: "10–20 hours", ru: "10–20 часов" });
    expect(duration({ low: 10, high: 100 }).ru).toBe("1–2 часа");
    expect(duration({ low: 600, high: 1260 }).ru).toBe("10–21 час");
  });

  it("picks one, few or many by the last digits", () => {
    const forms = ["триггер", "триггера", "триггеров"] as const;
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112].map((count) => ruCount(count, forms))).toEqual([
      "1 триггер",
      "2 триггера",
      "4 триггера",
      "5 триггеров",
      "11 триггеров",
      "12 триггеров",
      "14 триггеров",
      "21 триггер",
      "22 триггера",
      "25 триггеров",
      "101 триггер",
      "111 триггеров",
      "112 триггеров",
    ]);
  });
});
