/**
 * What Albato makes of an answer: a non-2xx status fails the run (scripts/albato-behaviour.ts), a body
 * that is not JSON cannot be parsed, then the Errors tab's blocks are tried (all conditions of a block on
 * `data.` variables), and on success the Response tab fills the response fields.
 */
import { ABSENT_VARIABLE_TEXT, NON_2XX_FAILS } from "../albato-behaviour.js";
import type { ErrorRule, ResponseFieldRow } from "../model/manifest.js";
import type { HttpAnswer } from "../http-post.js";

export type ErrorKind = "api" | "credential" | "http" | "response" | "network" | "timeout" | "usage";

export interface CallError {
  kind: ErrorKind;
  message: string;
}

export interface Outcome {
  /** The parsed body, or the text when it is not JSON. */
  response: unknown;
  output?: Record<string, unknown>;
  error?: CallError;
}

/** The value of a `data.`-prefixed variable in a parsed body; undefined when absent. */
export function variableValue(body: unknown, variable: string): unknown {
  if (!variable.startsWith("data.")) return undefined;
  let node = body;
  for (const key of variable.slice("data.".length).split(".")) {
    if (typeof node !== "object" || node === null || Array.isArray(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function variableText(body: unknown, variable: string): string {
  const value = variableValue(body, variable);
  if (value === undefined || value === null) return ABSENT_VARIABLE_TEXT.value;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** A message template with `{{data.…}}` mappings filled in. */
export function fillMessage(template: string, body: unknown): string {
  return template.replace(/\{\{(data(?:\.[A-Za-z_][A-Za-z0-9_]*)+)\}\}/g, (_whole, variable: string) => variableText(body, variable));
}

function matches(rule: ErrorRule, body: unknown): boolean {
  return rule.all.every((condition) => {
    const text = variableText(body, condition.variable);
    return condition.operator === "equal" ? text === condition.value : text !== condition.value;
  });
}

export function applyAnswer(answer: HttpAnswer, rules: readonly ErrorRule[], responseFields: readonly ResponseFieldRow[]): Outcome {
  let body: unknown;
  let parsed = true;
  try {
    body = JSON.parse(answer.text) as unknown;
  } catch {
    body = answer.text;
    parsed = false;
  }
  if (NON_2XX_FAILS.value && (answer.status < 200 || answer.status > 299)) {
    return { response: body, error: { kind: "http", message: `HTTP ${answer.status}${parsed && typeof body === "object" && body !== null ? `: ${fillMessage("{{data.error_text}}", body)}` : ""}`.replace(/: $/, "") } };
  }
  if (!parsed) return { response: body, error: { kind: "response", message: `the answer is not JSON (HTTP ${answer.status}); Albato cannot parse it` } };
  const rule = rules.find((candidate) => matches(candidate, body));
  if (rule) return { response: body, error: { kind: rule.type === "InvalidCredential" ? "credential" : "api", message: fillMessage(rule.message, body) } };
  const output: Record<string, unknown> = {};
  for (const row of responseFields) output[row.field] = variableValue(body, row.key) ?? null;
  return { response: body, output };
}
