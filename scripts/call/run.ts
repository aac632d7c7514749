/**
 * `call <action> [--input code=value]… [--dry-run] [--host H | --base-url URL] [--json]` and
 * `call --list <code>`: render the exact request an action (or a list) of the built manifest sends, send it
 * unless it is a dry run, and show what Albato would: the response fields, or the error message.
 *
 * `--json` prints one document whatever happens: `{ request, status, response, output, error }` for an
 * action, `{ items }` for a list (`{ request, status, response, error }` when it failed), only the keys
 * that apply, the token redacted everywhere. Exit 0 on success; 1 when Altcraft answered with an error
 * (an application or token error, a non-2xx status, an answer Albato cannot parse); 2 for a usage
 * mistake, a network failure or a timeout.
 */
import { CannotRunError, EXIT_CANNOT_RUN, EXIT_FOUND_WANTING, EXIT_OK, isUserError } from "../errors.js";
import { didYouMean } from "../load/nearest-key.js";
import { loadBuilt } from "../load/release/built.js";
import { LOCALES, type Locale, type Manifest, type ManifestAction } from "../model/manifest.js";
import { terminalSafe } from "../write/terminal-text.js";
import { postRequest } from "./post.js";
import { fetchList, staticItems, type ListResult } from "./list.js";
import { parseInputs, parseTarget, parseTimeout, readToken, TOKEN_VARIABLE, type CallOptions } from "./options.js";
import { redactText, redactValue } from "./redact.js";
import { buildRequest, type HttpRequestDocument } from "./request.js";
import { applyAnswer, type CallError, type ErrorKind } from "./response.js";

export interface CallIo {
  /** stdout. */
  out(text: string): void;
  /** One stderr line (without the newline). */
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

export interface ActionResult {
  request: HttpRequestDocument;
  status?: number;
  response?: unknown;
  output?: Record<string, unknown>;
  error?: CallError;
}

const EXIT_OF: Record<ErrorKind, number> = {
  api: EXIT_FOUND_WANTING,
  credential: EXIT_FOUND_WANTING,
  http: EXIT_FOUND_WANTING,
  response: EXIT_FOUND_WANTING,
  network: EXIT_CANNOT_RUN,
  timeout: EXIT_CANNOT_RUN,
  usage: EXIT_CANNOT_RUN,
};

function findAction(manifest: Manifest, code: string): ManifestAction {
  const action = manifest.actions.find((candidate) => candidate.code === code);
  if (action) return action;
  const codes = manifest.actions.map((candidate) => candidate.code);
  throw new CannotRunError(`no action "${code}"${didYouMean(code, codes)} in the manifest; the actions are ${codes.join(", ") || "none"}`);
}

function parseLocale(text: string | undefined): Locale {
  if (text === undefined) return "en";
  if (!(LOCALES as readonly string[]).includes(text)) throw new CannotRunError(`--locale must be one of ${LOCALES.join(", ")} (found "${text}")`);
  return text as Locale;
}

export async function callAction(action: ManifestAction, options: CallOptions, env: NodeJS.ProcessEnv): Promise<ActionResult> {
  const dryRun = options.dryRun === true;
  const inputs = parseInputs(action, options.input ?? []);
  const target = parseTarget(options);
  const timeoutMs = parseTimeout(options.timeout);
  const token = readToken(dryRun, env);
  const request = buildRequest(action.request, inputs, target, token, `action "${action.code}"`);
  if (dryRun) return { request };
  const sent = await postRequest(request, timeoutMs);
  if (sent.error) return { request, error: sent.error };
  return { request, status: sent.answer.status, ...applyAnswer(sent.answer, action.errors, action.responseFields) };
}

export async function callList(manifest: Manifest, code: string, options: CallOptions, env: NodeJS.ProcessEnv): Promise<ListResult> {
  const list = manifest.lists.find((candidate) => candidate.code === code);
  if (!list) {
    const codes = manifest.lists.map((candidate) => candidate.code);
    throw new CannotRunError(`--list: no list "${code}"${didYouMean(code, codes)} in the manifest; the lists are ${codes.join(", ") || "none"}`);
  }
  if ((options.input ?? []).length > 0) throw new CannotRunError("--input is for actions; a list takes none");
  const locale = parseLocale(options.locale);
  if (list.type === "static") return { items: staticItems(list, locale) };
  const dryRun = options.dryRun === true;
  const target = parseTarget(options);
  const timeoutMs = parseTimeout(options.timeout);
  const token = readToken(dryRun, env);
  if (dryRun) return { request: buildRequest(list.request, new Map(), target, token, `list "${list.code}"`) };
  return fetchList(list, target, token, timeoutMs);
}

/** The `--json` document: only the keys that apply, in the documented order. */
function document(result: ActionResult | ListResult): Record<string, unknown> {
  const keys = ["request", "status", "response", "output", "items", "error"] as const;
  const out: Record<string, unknown> = {};
  for (const key of keys) if ((result as Record<string, unknown>)[key] !== undefined) out[key] = (result as Record<string, unknown>)[key];
  return out;
}

function requestText(request: HttpRequestDocument): string {
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`);
  return `${request.method} ${request.url}\n${headers.join("\n")}\n\n${JSON.stringify(request.body, null, 2)}`;
}

function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The text a terminal gets: the request of a dry run, the output fields or items, the error on stderr. */
function printText(result: ActionResult | ListResult, dryRun: boolean, io: CallIo, token: string | undefined): void {
  // Each line escaped on its own: nothing from an answer can move the cursor or fake a line.
  const safe = (text: string) => terminalSafe(redactText(text, token));
  const out = (lines: readonly string[]) => io.out(lines.map((line) => `${line}\n`).join(""));
  if (result.error) {
    io.err(safe(`altcraft-albato: ${result.error.kind} error${result.status !== undefined ? ` (HTTP ${result.status})` : ""}: ${result.error.message}`));
    return;
  }
  if ("items" in result && result.items) {
    out(result.items.map((item) => `${safe(item.key)}\t${safe(item.name)}`));
    return;
  }
  if (dryRun && result.request) {
    out(requestText(redactValue(result.request, token)).split("\n").map(safe));
    return;
  }
  const output = (result as ActionResult).output ?? {};
  const lines = Object.entries(output).map(([code, value]) => safe(`${code}: ${valueText(value)}`));
  out(lines.length > 0 ? lines : [`done (HTTP ${result.status ?? "?"}); the action has no response fields`]);
}

export async function runCall(actionCode: string | undefined, options: CallOptions, io: CallIo): Promise<number> {
  const json = options.json === true;
  // The token is known before anything can fail, so every message can be redacted.
  const token = io.env[TOKEN_VARIABLE] || undefined;
  try {
    if (actionCode !== undefined && options.list !== undefined) throw new CannotRunError("give an action code or --list <code>, not both");
    if (actionCode === undefined && options.list === undefined) throw new CannotRunError("name the action to call (call <action code>), or a list (call --list <code>)");
    const { manifest } = await loadBuilt(options.manifest);
    const result = options.list !== undefined ? await callList(manifest, options.list, options, io.env) : await callAction(findAction(manifest, actionCode!), options, io.env);
    if (json) io.out(`${JSON.stringify(redactValue(document(result), token), null, 2)}\n`);
    else printText(result, options.dryRun === true, io, token);
    return result.error ? EXIT_OF[result.error.kind] : EXIT_OK;
  } catch (error) {
    if (!isUserError(error)) throw error;
    const lines = error.lines().map((line) => redactText(line, token));
    // The issue's document for call: `error: { kind, message }` (only the keys that apply).
    if (json) io.out(`${JSON.stringify({ error: { kind: "usage", message: lines.join("\n") } }, null, 2)}\n`);
    for (const line of lines) io.err(terminalSafe(`altcraft-albato: ${line}`));
    return EXIT_CANNOT_RUN;
  }
}
