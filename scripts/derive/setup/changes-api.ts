/**
 * The change-only steps for the parts that call Altcraft's API. An action or the authorization is
 * compared step by step with its published plan: a new step is added, a gone one deleted, a changed one
 * gets the values that differ (a new field code is a new field: codes cannot be edited). A list cannot
 * be changed once created, so a changed list is created anew and the fields that use it repointed.
 */
import type { Change } from "../changes/change.js";
import type { Localized, Manifest } from "../../model/manifest.js";
import { differing, IMPACT, step, t, titled, type ChangeStep } from "./change-step.js";
import { actionPlan, actionSteps, authorizationPlan, listPlan } from "./plan-api.js";
import type { Step } from "./step.js";

const API_IMPACT = {
  actionAdded: t(
    "Users can pick it in new automations; existing automations do not change.",
    "Пользователи смогут выбрать его в новых связках; существующие связки не меняются.",
  ),
  actionChanged: t(
    "Once the new version is published, Albato replaces the action inside existing automations: they get the change (a field with a new code is a new field, which those automations have not filled in).",
    "После публикации новой версии Albato заменит действие внутри существующих связок: изменение придёт и в них (поле с новым кодом — новое поле, которое в этих связках не заполнено).",
  ),
  actionRemoved: t(
    "Existing automations keep working with the action as it was; it can no longer be picked for new automations.",
    "Существующие связки продолжат работать с прежним действием; в новые связки выбрать его будет нельзя.",
  ),
  authorization: t(
    "Connections made before keep their values; users may have to edit their connection (or create it anew when the type changed).",
    "Созданные ранее подключения сохраняют свои значения; пользователям может понадобиться изменить подключение (или создать его заново, если изменился тип).",
  ),
  list: t(
    "Fields repointed to the new list offer its items; values picked before from the old list stay as they were.",
    "Поля, переключённые на новый список, предлагают его элементы; значения, выбранные раньше из старого списка, остаются прежними.",
  ),
} as const;

const ADD = t("Add it as shown.", "Добавьте, как показано.");
const ENTER = t("Enter the new values.", "Введите новые значения.");
const DELETE = t("Delete it.", "Удалите.");

/** The steps that turn `before`'s steps into `after`'s, step by step by id. */
function stepDiff(owner: { names: Localized }, before: readonly Step[], after: readonly Step[], impact: Localized): ChangeStep[] {
  const old = new Map(before.map((entry) => [entry.id, entry]));
  const kept = new Set(after.map((entry) => entry.id));
  const changes: ChangeStep[] = [];
  for (const now of after) {
    const then = old.get(now.id);
    if (!then) {
      changes.push(step(`change:${now.id}`, titled(owner, now.title), ADD, impact, now.entries));
      continue;
    }
    const entries = differing(now.entries, then.entries);
    if (entries.length > 0) changes.push(step(`change:${now.id}`, titled(owner, now.title), ENTER, impact, entries));
  }
  for (const then of before) {
    if (!kept.has(then.id)) changes.push(step(`change:${then.id}/delete`, titled(owner, then.title), DELETE, impact));
  }
  return changes;
}

export function authorizationChangeSteps(before: Manifest, after: Manifest): ChangeStep[] {
  const steps = (manifest: Manifest) => {
    const plan = authorizationPlan(manifest);
    return [plan.settings, ...plan.fields, ...plan.test];
  };
  return stepDiff(after.authorization, steps(before), steps(after), API_IMPACT.authorization);
}

/** `textOnly`: every change of this action is to its texts (users see new texts, nothing else changes). */
export function actionChangeSteps(change: Change, before: Manifest, after: Manifest, textOnly: boolean): ChangeStep[] {
  const then = before.actions.find((action) => action.code === change.action);
  const now = after.actions.find((action) => action.code === change.action);
  if (change.class === "action-removed") {
    return then ? [step(`change:action:${then.code}/delete`, then.names, t("Delete the action.", "Удалите действие."), API_IMPACT.actionRemoved)] : [];
  }
  if (!now) return [];
  const nowSteps = actionSteps(actionPlan(after, now));
  if (change.class === "action-added" || !then) {
    return nowSteps.map((planStep, index) =>
      step(`change:${planStep.id}`, titled(now, planStep.title), index === 0 ? t("Create the action.", "Создайте действие.") : ADD, API_IMPACT.actionAdded, planStep.entries),
    );
  }
  const impact = textOnly ? IMPACT.text : API_IMPACT.actionChanged;
  return stepDiff(now, actionSteps(actionPlan(before, then)), nowSteps, impact);
}

export function listChangeSteps(change: Change, before: Manifest, after: Manifest): ChangeStep[] {
  const then = before.lists.find((list) => list.code === change.list);
  const now = after.lists.find((list) => list.code === change.list);
  if (change.class === "list-removed") {
    return then ? [step(`change:list:${then.code}/delete`, then.names, t("Delete the list once no field uses it.", "Удалите список, когда его не использует ни одно поле."), API_IMPACT.list)] : [];
  }
  if (!now) return [];
  const steps = listPlan(now).steps;
  if (change.class === "list-added" || !then) {
    return steps.map((planStep, index) =>
      step(`change:${planStep.id}`, titled(now, planStep.title), index === 0 ? t("Create the list.", "Создайте список.") : ADD, IMPACT.added, planStep.entries),
    );
  }
  const users = after.actions.flatMap((action) => action.fields.filter((field) => field.list === now.code).map((field) => `${action.code}.${field.code}`));
  const where = users.length === 0 ? "" : ` (${users.join(", ")})`;
  return [
    step(
      `change:list:${now.code}/recreate`,
      now.names,
      t(
        `A list cannot be changed once created: create it anew with these values, pick the new list in the fields that use the old one${where}, then delete the old list.`,
        `Список после создания изменить нельзя: создайте его заново с этими значениями, выберите новый список в полях, где был старый${where}, затем удалите старый список.`,
      ),
      API_IMPACT.list,
      steps.flatMap((planStep) => planStep.entries),
    ),
  ];
}
