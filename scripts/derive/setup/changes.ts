/**
 * The change-only setup: from the changes between the published release (`build --baseline`) and this
 * one, as `diff` classifies them, only the App Integrator steps that turn the one into the other, in the
 * order of its screens, each with the values to enter and what happens to existing automations. Where
 * Albato does not allow an edit (a field code), the step says what to do instead. Changes with nothing to
 * enter (a confirmed event type, a sample the schema now rejects) have no step.
 */
import type { Change, ChangeClass } from "../changes/change.js";
import type { EventTypeInfo } from "../../event-types.js";
import type { Localized, Manifest } from "../../model/manifest.js";
import { differing, IMPACT, step, t, titled, type ChangeStep } from "./change-step.js";
import type { Entry } from "./plan.js";
import { actionChangeSteps, authorizationChangeSteps, listChangeSteps } from "./changes-api.js";
import { appStep, connectionSteps, fieldStep, triggerPlan, triggerSteps } from "./plan.js";
import { LABELS } from "./text.js";

export type { ChangeStep } from "./change-step.js";

export interface ChangePlan {
  baselineVersion: string;
  version: string;
  intro: Localized;
  steps: ChangeStep[];
  entries: number;
}

/** Where a change stands in the App Integrator's order: app, authorization, connection, triggers, lists, actions. */
function screenRank(change: Change, after: Manifest, before: Manifest): [number, number, number] {
  const indexIn = (codes: string[], older: string[], code: string | undefined) => {
    const index = codes.indexOf(code ?? "");
    return index >= 0 ? index : codes.length + older.indexOf(code ?? "");
  };
  if (change.class === "app-label-changed") return [change.connection === undefined ? 0 : 2, 0, 0];
  if (change.class.startsWith("authorization")) return [1, 0, 0];
  if (change.class.startsWith("connection-field")) return [2, 0, 0];
  if (change.list !== undefined) return [4, indexIn(after.lists.map((list) => list.code), before.lists.map((list) => list.code), change.list), 0];
  if (change.action !== undefined) return [5, indexIn(after.actions.map((action) => action.code), before.actions.map((action) => action.code), change.action), 0];
  const triggerRank = indexIn(after.triggers.map((trigger) => trigger.code), before.triggers.map((trigger) => trigger.code), change.trigger);
  const within: Partial<Record<ChangeClass, number>> = {
    "trigger-added": 0,
    "trigger-removed": 0,
    "trigger-label-changed": 1,
    "group-changed": 1,
    "response-changed": 2,
    "field-removed": 4,
    "fields-reordered": 5,
    "filter-changed": 6,
    "event-type-changed": 6,
  };
  const trigger = after.triggers.find((candidate) => candidate.code === change.trigger);
  const fieldIndex = trigger && change.field !== undefined ? trigger.fields.findIndex((field) => field.path === change.field) : -1;
  return [3, triggerRank, within[change.class] ?? 3 + (fieldIndex >= 0 ? fieldIndex / 1000 : 0.999)];
}

function stepsOf(change: Change, all: readonly Change[], before: Manifest, after: Manifest, registry: readonly EventTypeInfo[], done: Set<string>): ChangeStep[] {
  const beforeTrigger = before.triggers.find((trigger) => trigger.code === change.trigger);
  const afterTrigger = after.triggers.find((trigger) => trigger.code === change.trigger);
  const once = (id: string, make: () => ChangeStep[]): ChangeStep[] => {
    if (done.has(id)) return [];
    done.add(id);
    return make();
  };
  switch (change.class) {
    case "app-label-changed": {
      // The app card's or the authorization's texts, or a connection field's names and hints; a group's
      // names are typed nowhere.
      const code = change.connection;
      const authorization = code === undefined ? once("change:authorization", () => authorizationChangeSteps(before, after)) : [];
      const id = code === undefined ? "change:app" : `change:connection:${code}`;
      return once(id, () => {
        const now = code === undefined ? appStep(after) : connectionSteps(after).find((candidate) => candidate.id === `connection:${code}`);
        const then = code === undefined ? appStep(before) : connectionSteps(before).find((candidate) => candidate.id === `connection:${code}`);
        const entries = now && then ? differing(now.entries, then.entries) : [];
        if (!now || entries.length === 0) return [];
        const where = code === undefined ? t("App card: enter the new texts.", "Карточка приложения: введите новые тексты.") : t("Connection Fields tab: enter the field's new texts.", "Вкладка Connection Fields: введите новые тексты поля.");
        return [step(id, now.title, where, IMPACT.text, entries)];
      }).concat(authorization);
    }
    case "authorization-changed":
    case "authorization-field-added":
      return once("change:authorization", () => authorizationChangeSteps(before, after));
    case "list-added":
    case "list-removed":
    case "list-changed":
    case "list-items-added":
    case "list-label-changed":
      return once(`change:list:${change.list}`, () => listChangeSteps(change, before, after));
    case "action-added":
    case "action-removed":
    case "action-request-changed":
    case "action-response-changed":
    case "action-field-removed":
    case "action-field-required":
    case "action-field-code-changed":
    case "action-field-type-changed":
    case "action-field-list-changed":
    case "action-field-added":
    case "action-label-changed":
      return once(`change:action:${change.action}`, () => {
        const textOnly = all.every((other) => other.action !== change.action || other.class === "action-label-changed");
        return actionChangeSteps(change, before, after, textOnly);
      });
    case "connection-field-added":
    case "connection-field-changed":
    case "connection-field-removed": {
      const code = change.connection ?? "";
      const id = `change:connection:${code}`;
      return once(id, () => {
        const now = connectionSteps(after).find((candidate) => candidate.id === `connection:${code}`);
        if (change.class === "connection-field-removed" || !now) {
          return [step(id, t(`Connection field ${code}`, `Поле подключения ${code}`), t("Connection Fields tab: delete the field.", "Вкладка Connection Fields: удалите поле."), IMPACT.connectionRemoved)];
        }
        const added = change.class === "connection-field-added";
        return [
          step(
            id,
            now.title,
            added ? t("Connection Fields tab: add the field.", "Вкладка Connection Fields: добавьте поле.") : t("Connection Fields tab: change the field.", "Вкладка Connection Fields: измените поле."),
            added ? IMPACT.connectionAdded : IMPACT.changed,
            now.entries,
          ),
        ];
      });
    }
    case "trigger-added":
      if (!afterTrigger) return [];
      return triggerSteps(triggerPlan(after, afterTrigger, registry)).map((planStep, index) =>
        step(`change:${planStep.id}`, titled(afterTrigger, planStep.title), index === 0 ? t("Create the trigger.", "Создайте триггер.") : t("Enter as shown.", "Введите, как показано."), IMPACT.added, planStep.entries),
      );
    case "trigger-removed":
      if (!beforeTrigger) return [];
      return [step(`change:trigger:${beforeTrigger.code}/delete`, beforeTrigger.names, t("Delete the trigger.", "Удалите триггер."), IMPACT.triggerRemoved)];
    case "trigger-label-changed":
    case "group-changed":
      if (!afterTrigger || !beforeTrigger) return [];
      return once(`change:trigger:${afterTrigger.code}`, () => {
        const now = triggerPlan(after, afterTrigger, registry).create;
        const then = triggerPlan(before, beforeTrigger, registry).create;
        return [step(`change:trigger:${afterTrigger.code}`, afterTrigger.names, t("Open the trigger and enter the new values.", "Откройте триггер и введите новые значения."), IMPACT.text, differing(now.entries, then.entries))];
      });
    case "response-changed":
      if (!afterTrigger) return [];
      return [step(`change:trigger:${afterTrigger.code}/response`, titled(afterTrigger, triggerPlan(after, afterTrigger, registry).response.title), t("Requests tab, Response widget: set it as shown.", "Вкладка Requests, виджет Response: настройте, как показано."), IMPACT.changed, triggerPlan(after, afterTrigger, registry).response.entries)];
    case "filter-changed":
    case "event-type-changed":
      if (!afterTrigger) return [];
      return once(`change:trigger:${afterTrigger.code}/filter`, () => {
        const filter = triggerPlan(after, afterTrigger, registry).filter;
        return [step(`change:${filter.id}`, titled(afterTrigger, filter.title), t("Triggers list, the trigger's filter: set it as shown.", "Список триггеров, фильтр триггера: настройте, как показано."), IMPACT.changed, filter.entries)];
      });
    case "field-added": {
      const field = afterTrigger?.fields.find((candidate) => candidate.path === change.field);
      if (!afterTrigger || !field) return [];
      const planStep = fieldStep(afterTrigger, field);
      return [step(`change:${planStep.id}`, titled(afterTrigger, field.names), t("Fields tab: add the field at its place in the order, then map it on the Response tab.", "Вкладка Fields: добавьте поле на его место в порядке полей, затем сопоставьте его на вкладке Response."), IMPACT.changed, planStep.entries)];
    }
    case "field-removed": {
      const field = beforeTrigger?.fields.find((candidate) => candidate.path === change.field);
      if (!beforeTrigger || !field) return [];
      return [step(`change:trigger:${beforeTrigger.code}/field:${field.code}/delete`, titled(beforeTrigger, field.names), t(`Fields tab: delete the field ${field.code} (and its mapping on the Response tab).`, `Вкладка Fields: удалите поле ${field.code} (и его сопоставление на вкладке Response).`), IMPACT.fieldRemoved)];
    }
    case "field-code-changed": {
      const field = afterTrigger?.fields.find((candidate) => candidate.path === change.field);
      const old = beforeTrigger?.fields.find((candidate) => candidate.path === change.field);
      if (!afterTrigger || !field || !old) return [];
      return [
        step(
          `change:trigger:${afterTrigger.code}/field:${field.code}/recode`,
          titled(afterTrigger, field.names),
          t(
            `A field code cannot be edited in the App Integrator: delete the field ${old.code} and add it again with the code ${field.code}, then map it.`,
            `Код поля в App Integrator изменить нельзя: удалите поле ${old.code} и добавьте его заново с кодом ${field.code}, затем сопоставьте.`,
          ),
          IMPACT.codeChanged,
          fieldStep(afterTrigger, field).entries,
        ),
      ];
    }
    case "field-path-changed": {
      // The field moved: it keeps its code under a new path.
      const old = beforeTrigger?.fields.find((candidate) => candidate.path === change.field);
      const field = afterTrigger?.fields.find((candidate) => candidate.code === old?.code);
      if (!afterTrigger || !field) return [];
      return [step(`change:trigger:${afterTrigger.code}/field:${field.code}/mapping`, titled(afterTrigger, field.names), t("Response tab: map the field to its new path.", "Вкладка Response: сопоставьте поле с новым путём."), IMPACT.changed, [{ label: LABELS.mapping, value: field.path, kind: "text" }])];
    }
    case "field-type-changed":
    case "field-type-widened": {
      const field = afterTrigger?.fields.find((candidate) => candidate.path === change.field);
      if (!afterTrigger || !field) return [];
      const entries = fieldStep(afterTrigger, field).entries.filter((entry) => entry.label === LABELS.fieldType || entry.label.en.startsWith("Gear"));
      return [
        step(
          `change:trigger:${afterTrigger.code}/field:${field.code}/type`,
          titled(afterTrigger, field.names),
          t(
            "Fields tab: change the field's type (and its gear). If the App Integrator does not let you, delete the field and add it again with the same code.",
            "Вкладка Fields: измените тип поля (и его шестерёнку). Если App Integrator этого не позволяет, удалите поле и добавьте его заново с тем же кодом.",
          ),
          IMPACT.typeChanged,
          entries,
        ),
      ];
    }
    case "field-label-changed": {
      const field = afterTrigger?.fields.find((candidate) => candidate.path === change.field);
      if (!afterTrigger || !field) return [];
      const entries = fieldStep(afterTrigger, field).entries.filter((entry) => entry.label === LABELS.nameIn.en || entry.label === LABELS.nameIn.ru);
      return [step(`change:trigger:${afterTrigger.code}/field:${field.code}/names`, titled(afterTrigger, field.names), t("Fields tab: enter the field's new names.", "Вкладка Fields: введите новые названия поля."), IMPACT.text, entries)];
    }
    case "fields-reordered": {
      if (!afterTrigger) return [];
      const order = afterTrigger.fields.map((field, index): Entry => ({ label: t(`Position ${index + 1}`, `Позиция ${index + 1}`), value: field.code, kind: "choice" }));
      return [
        step(
          `change:trigger:${afterTrigger.code}/order`,
          titled(afterTrigger, t("field order", "порядок полей")),
          t("Sorting tab: put the fields in this order (after any field added or removed above).", "Вкладка Sorting: расставьте поля в этом порядке (после добавления и удаления полей выше)."),
          IMPACT.text,
          order,
        ),
      ];
    }
    case "event-type-confirmed":
    case "payload-rejected":
      return [];
  }
}

export function changePlan(before: Manifest, after: Manifest, changes: readonly Change[], registry: readonly EventTypeInfo[]): ChangePlan {
  const ranked = [...changes].sort((a, b) => {
    const [x, y] = [screenRank(a, after, before), screenRank(b, after, before)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  const done = new Set<string>();
  const steps = ranked.flatMap((change) => stepsOf(change, changes, before, after, registry, done));
  const from = before.app.version;
  const to = after.app.version;
  return {
    baselineVersion: from,
    version: to,
    intro: t(
      `Only the steps that turn the published version ${from} into ${to}, in the order of the App Integrator's screens. Each says what happens to existing automations.`,
      `Только шаги, которые превращают опубликованную версию ${from} в ${to}, в порядке экранов App Integrator. Для каждого сказано, что произойдёт с существующими связками.`,
    ),
    steps,
    entries: steps.reduce((sum, changeStep) => sum + changeStep.entries.length, 0),
  };
}
