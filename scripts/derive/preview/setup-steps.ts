/**
 * The Altcraft side of connecting a trigger, step by step, per locale. Templates use `**bold**` for UI
 * names and `` `code` `` for values; they are split into segments before values are filled in, so a
 * value containing `*` or a backtick stays plain text.
 */
import type { Locale } from "../../model/manifest.js";

export type Segment = { text: string } | { strong: string } | { code: string };

export interface StepValues {
  app: string;
  connectionField: string;
  trigger: string;
  eventType: string;
}

const TEMPLATES: Record<Locale, string[]> = {
  en: [
    "In Albato, add the **{app}** app and create a connection. Albato shows a **{connectionField}**: copy it.",
    "In Altcraft, open **Integrations → Event capture** and click **+ Create** (the account's master user can do this).",
    "Name the hook and switch it on.",
    "Under **Capture settings**, choose the database (or all of them), and in **Actions** tick `{eventType}`.",
    "Under **Request options**, choose **JSON batch (HTTP POST)**, paste the URL into **URL**, and leave **API response success message** empty: Albato answers with status 200.",
    "Save. In Albato, start an automation with the trigger **{trigger}**; its fields fill in from the next event Altcraft sends.",
  ],
  ru: [
    "В Albato добавьте приложение **{app}** и создайте подключение. Albato покажет **{connectionField}** — скопируйте его.",
    "В Altcraft откройте **Интеграции → Захват событий** и нажмите **+ Создать** (это может мастер-пользователь аккаунта).",
    "Задайте название захвата и включите его.",
    "В **Настройках захвата** выберите базу (или все базы), а в **Действиях** отметьте `{eventType}`.",
    "В **Параметрах запроса** выберите **JSON batch (HTTP POST)**, вставьте адрес в поле **URL**, а **Сообщение об успешном ответе API** оставьте пустым: Albato отвечает кодом 200.",
    "Сохраните. В Albato создайте связку с триггером **{trigger}** — его поля заполнятся из следующего события Altcraft.",
  ],
};

function fill(text: string, values: StepValues): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? values[key as keyof StepValues] : whole));
}

/** Split one template into segments, then fill in the values inside each segment. */
export function stepSegments(template: string, values: StepValues): Segment[] {
  const segments: Segment[] = [];
  for (const part of template.split(/(\*\*[^*]+\*\*|`[^`]+`)/)) {
    if (part === "") continue;
    if (part.startsWith("**")) segments.push({ strong: fill(part.slice(2, -2), values) });
    else if (part.startsWith("`")) segments.push({ code: fill(part.slice(1, -1), values) });
    else segments.push({ text: fill(part, values) });
  }
  return segments;
}

export function setupSteps(locale: Locale, values: StepValues): Segment[][] {
  return TEMPLATES[locale].map((template) => stepSegments(template, values));
}
