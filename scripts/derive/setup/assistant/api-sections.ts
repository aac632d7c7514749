/**
 * The assistant's sections for the parts that call Altcraft's API: the authorization, the lists and the
 * actions, each request widget as its tabs' steps (parameter rows and list items as tables).
 */
import type { Localized } from "../../../model/manifest.js";
import { escapeHtml } from "../../html.js";
import type { ActionPlan, AuthorizationPlan, ListPlan } from "../plan-api.js";
import type { Step } from "../step.js";
import { SECTIONS } from "../text.js";
import { both, rowsStepHtml, stepHtml } from "./parts.js";

const PROVISIONAL: Localized = { en: "provisional", ru: "предварительный" };

/** The parameter rows as a table; every other step as its entries. */
function requestStepHtml(step: Step): string {
  return step.id.endsWith("/parameters") ? rowsStepHtml(step, 3) : stepHtml(step);
}

/** One entity (a list or an action) as a collapsible block with a count of its ticked steps. */
function entityHtml(kind: "list" | "action", code: string, names: Localized, provisional: boolean, steps: Step[], body: string): string {
  const badge = provisional ? `<span class="badge warn">${both(PROVISIONAL)}</span>` : "";
  return [
    `<details class="entity" data-entity="${escapeHtml(`${kind}:${code}`)}" id="${escapeHtml(`${kind}-${code}`)}">`,
    `<summary>${both(names)} <code>${escapeHtml(code)}</code>${badge} <span class="count" data-entity-done>0/${steps.length}</span></summary>`,
    `<div class="body">${body}</div></details>`,
  ].join("");
}

export function authorizationHtml(plan: AuthorizationPlan): string {
  const test = plan.test.length === 0 ? "" : `<h3>${both(SECTIONS.authorization.test)}</h3>${plan.test.map(requestStepHtml).join("")}`;
  return `${stepHtml(plan.settings)}${plan.fields.map(stepHtml).join("")}${test}`;
}

export function listHtml(plan: ListPlan): string {
  const { list } = plan;
  const body = plan.steps.map((step) => (step.id.endsWith("/items") ? rowsStepHtml(step, 3) : requestStepHtml(step))).join("");
  return entityHtml("list", list.code, list.names, list.type === "dynamic" && list.provisional, plan.steps, body);
}

export function actionHtml(plan: ActionPlan): string {
  const { action } = plan;
  const steps = [plan.create, ...plan.fields, ...plan.requests];
  const body = [stepHtml(plan.create), `<h4>${both(SECTIONS.actions.fields(action.fields.length))}</h4>`, ...plan.fields.map(stepHtml), ...plan.requests.map(requestStepHtml)].join("");
  return entityHtml("action", action.code, action.names, action.provisional, steps, body);
}
