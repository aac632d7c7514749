/** The setup guides: every screen in order, every value to enter, provisional types flagged, both languages. */
import { describe, expect, it } from "vitest";
import { guideFileName, renderGuide, renderGuides } from "../scripts/derive/guide.js";
import { derive, fixtureConnector } from "./fixtures/build/definition.js";

const { manifest } = derive();

function sectionOrder(text: string, headings: string[]): number[] {
  return headings.map((heading) => text.indexOf(heading));
}

describe("renderGuide", () => {
  for (const locale of ["en", "ru"] as const) {
    describe(locale, () => {
      const text = renderGuide(manifest, locale);

      it("follows the App Integrator screens in order, then the Altcraft side", () => {
        const headings =
          locale === "en"
            ? ["## 1. App card", "## 2. Authorization", "## 3. Connection fields", "## 4. Triggers (2)", "## 5. Altcraft: event capture"]
            : ["## 1. Карточка приложения", "## 2. Авторизация", "## 3. Поля подключения", "## 4. Триггеры (2)", "## 5. Altcraft: захват событий"];
        const positions = sectionOrder(text, headings);
        expect(positions.every((position) => position > 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      });

      it("gives the connection field's code, type, names and hints", () => {
        expect(text).toContain("`webhookUrl`");
        expect(text).toContain("**Webhook**");
        expect(text).toContain("| Paste it into Altcraft. |");
        expect(text).toContain("| Вставьте его в Altcraft. |");
      });

      it("gives every trigger's names, filter and response settings, and every field's row", () => {
        for (const trigger of manifest.triggers) {
          expect(text).toContain(`| ${trigger.names.en} |`);
          expect(text).toContain(`| ${trigger.names.ru} |`);
          expect(text).toContain(`\`data.event_type\` **equal** \`${trigger.eventType}\``);
          for (const field of trigger.fields) {
            expect(text).toContain(`| \`${field.code}\` | ${field.names.en} | ${field.names.ru} | ${field.type}`);
            expect(text).toContain(`| \`${field.path}\` |`);
          }
        }
        expect(text).toContain("**Return data array**");
        expect(text).toContain("**Path to the array**");
        expect(text).toMatch(locale === "en" ? /DateTime \(gear: RFC 3339, UTC\)/ : /DateTime \(шестерёнка: RFC 3339, UTC\)/);
      });

      it("flags the provisional event type (and only it)", () => {
        const mark = locale === "en" ? "**Provisional event type.**" : "**Предварительный тип события.**";
        expect(text.split(mark)).toHaveLength(2);
        expect(text).toContain("`promocode_attach` ⚠️");
        expect(text).not.toContain("`click` ⚠️");
      });

      it("explains the Altcraft side: event capture, URL, events, batch settings, success response, switch on", () => {
        const altcraft = text.slice(text.lastIndexOf("## 5."));
        const needles =
          locale === "en"
            ? ["Integrations → Event capture", "**URL**", "**Actions**", "maximum batch size", "timeout", "`OK`", "switch the hook on"]
            : ["Интеграции → Захват событий", "**URL**", "**Действия**", "максимальный размер пакета", "таймаут", "`OK`", "включите хук"];
        for (const needle of needles) expect(altcraft).toContain(needle);
      });
    });
  }

  it("keeps table cells intact when a label holds a pipe or a line break", () => {
    const connector = fixtureConnector();
    connector.locales.en.triggers.emailLinkClicked!.description = "Clicks | taps\non links";
    const text = renderGuide(derive(connector).manifest, "en");
    expect(text).toContain("| Clicks \\| taps on links |");
  });

  it("renders one file per locale, deterministically", () => {
    const guides = renderGuides(manifest);
    expect([...guides.keys()]).toEqual([guideFileName("en"), guideFileName("ru")]);
    expect(guides.get("SETUP.ru.md")).toBe(renderGuide(derive().manifest, "ru"));
  });
});
