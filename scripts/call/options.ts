/**
 * `call`'s options, checked before anything is sent: which host (`--host` as Albato's connection has it,
 * or `--base-url` for a local server), the token (only from ALTCRAFT_TOKEN, never a flag: a flag would
 * sit in the shell history and the process list), the timeout, and the action's inputs.
 */
import { REQUEST_TIMEOUT_MS } from "../albato-behaviour.js";
import { CannotRunError } from "../errors.js";
import { didYouMean } from "../load/nearest-key.js";
import type { ManifestAction } from "../model/manifest.js";

export const TOKEN_VARIABLE = "ALTCRAFT_TOKEN";

export interface CallOptions {
  input?: string[];
  list?: string;
  dryRun?: boolean;
  host?: string;
  baseUrl?: string;
  manifest?: string;
  timeout?: string;
  locale?: string;
  json?: boolean;
}

/** Where requests go: the host a connection holds, and the URL prefix replacing `https://<host>`. */
export interface Target {
  host: string;
  /** `https://<host>`, or `--base-url` without its trailing slash. */
  origin: string;
}

const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d{1,5})?$/;

export function parseTarget(options: Pick<CallOptions, "host" | "baseUrl">): Target {
  if (options.host !== undefined && options.baseUrl !== undefined) throw new CannotRunError("give --host or --base-url, not both");
  if (options.baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new CannotRunError(`--base-url must be an http:// or https:// URL (found "${options.baseUrl}")`);
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.search !== "" || url.hash !== "") {
      throw new CannotRunError(`--base-url must be an http:// or https:// URL without a query (found "${options.baseUrl}")`);
    }
    return { host: url.host, origin: url.href.replace(/\/+$/, "") };
  }
  if (options.host === undefined) {
    throw new CannotRunError("give the account's host with --host (ru.altkraft.com on Altcraft Cloud, else your platform's domain), or --base-url for a test server");
  }
  if (!HOST.test(options.host)) {
    const hint = /^https?:\/\//i.test(options.host) ? " (without https://)" : "";
    throw new CannotRunError(`--host must be a host name such as ru.altkraft.com${hint} (found "${options.host}")`);
  }
  return { host: options.host, origin: `https://${options.host}` };
}

/** The token from the environment; undefined for a dry run without one (the request shows it redacted anyway). */
export function readToken(dryRun: boolean, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const token = env[TOKEN_VARIABLE];
  if (token !== undefined && token !== "") return token;
  if (dryRun) return undefined;
  throw new CannotRunError(`set the API token in the environment variable ${TOKEN_VARIABLE} (it is never taken from a flag)`);
}

export function parseTimeout(text: string | undefined): number {
  if (text === undefined) return REQUEST_TIMEOUT_MS.value;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(seconds > 0) || seconds > 600) {
    throw new CannotRunError(`--timeout must be a number of seconds between 0 and 600 (found "${text}")`);
  }
  return Math.round(seconds * 1000);
}

/**
 * `--input code=value` pairs against the action's fields: each an input field (a response field is filled
 * by Altcraft), given once; every required field given (Albato would not save the step without it).
 */
export function parseInputs(action: ManifestAction, pairs: readonly string[]): Map<string, string> {
  const inputs = action.fields.filter((field) => field.editable);
  const codes = inputs.map((field) => field.code);
  const values = new Map<string, string>();
  for (const pair of pairs) {
    const equals = pair.indexOf("=");
    if (equals <= 0) throw new CannotRunError(`--input must be <field code>=<value> (found "${pair}"); the fields of "${action.code}" are ${codes.join(", ")}`);
    const code = pair.slice(0, equals);
    const field = action.fields.find((candidate) => candidate.code === code);
    if (!field) throw new CannotRunError(`--input: action "${action.code}" has no field "${code}"${didYouMean(code, codes)}; its fields are ${codes.join(", ")}`);
    if (!field.editable) throw new CannotRunError(`--input: "${code}" is a response field of "${action.code}" (Altcraft's answer fills it)`);
    if (values.has(code)) throw new CannotRunError(`--input: field "${code}" is given twice`);
    values.set(code, pair.slice(equals + 1));
  }
  const missing = inputs.filter((field) => field.required && !values.get(field.code));
  if (missing.length > 0) {
    throw new CannotRunError(`action "${action.code}" needs ${missing.map((field) => `--input ${field.code}=<${field.type}>`).join(" ")} (required field${missing.length === 1 ? "" : "s"})`);
  }
  return values;
}
