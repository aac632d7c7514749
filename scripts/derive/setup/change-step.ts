/**
 * What a step of the change-only setup is, and the pieces every kind of change builds its steps with:
 * what happens to existing automations, titles, the values that differ.
 */
import type { Localized } from "../../model/manifest.js";
import { LOCALES } from "../../model/manifest.js";
import type { Entry, Step } from "./step.js";

export const t = (en: string, ru: string): Localized => ({ en, ru });

export interface ChangeStep extends Step {
  instruction: Localized;
  impact: Localized;
}

export const IMPACT = {
  added: t(
    "Users can pick it in new automations; existing automations do not change.",
    "Пользователи смогут выбрать его в новых связках; существующие связки не меняются.",
  ),
  changed: t(
    "Once the new version is published, Albato replaces the trigger inside existing automations: they get the change.",
    "После публикации новой версии Albato заменит триггер внутри существующих связок: изменение придёт и в них.",
  ),
  triggerRemoved: t(
    "Existing automations keep working with the trigger as it was; it can no longer be picked for new automations.",
    "Существующие связки продолжат работать с прежним триггером; в новые связки выбрать его будет нельзя.",
  ),
  fieldRemoved: t(
    "Existing automations that map this field get an empty value from then on: tell their owners.",
    "В существующих связках, где это поле сопоставлено, оно будет приходить пустым: предупредите их владельцев.",
  ),
  codeChanged: t(
    "Automations that map the old field get an empty value until they map the new one.",
    "Связки, где сопоставлено старое поле, будут получать пустое значение, пока в них не сопоставят новое.",
  ),
  typeChanged: t(
    "Existing automations get values of the new type; a later step that expects the old type may need a change.",
    "Существующие связки будут получать значения нового типа; последующий шаг, рассчитанный на старый тип, может потребовать правки.",
  ),
  text: t("Users see the new texts; nothing else changes.", "Пользователи увидят новые тексты; больше ничего не меняется."),
  connectionAdded: t(
    "Users are asked for it when they create or edit a connection.",
    "Пользователи будут вводить его при создании или изменении подключения.",
  ),
  connectionRemoved: t(
    "Connections no longer ask for it; what it held is no longer used.",
    "Подключения больше не запрашивают это поле; его значение больше не используется.",
  ),
} as const;

export function step(id: string, title: Localized, instruction: Localized, impact: Localized, entries: Entry[] = []): ChangeStep {
  return { id, title, instruction, impact, entries };
}

/** "<entity>: <what>", per locale. */
export function titled(entity: { names: Localized }, what: Localized): Localized {
  return Object.fromEntries(LOCALES.map((locale) => [locale, `${entity.names[locale]}: ${what[locale]}`])) as Localized;
}

/**
 * The entries of `entries` that differ from `before`'s at the same place; all of them when the number
 * of entries changed (rows were added or removed, so places no longer line up).
 */
export function differing(entries: Entry[], before: Entry[]): Entry[] {
  if (entries.length !== before.length) return entries;
  return entries.filter((entry, index) => JSON.stringify(entry) !== JSON.stringify(before[index]));
}
