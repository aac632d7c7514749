/**
 * `call --list <code>`: a static list's items as the manifest has them; a dynamic list fetched as Albato
 * fetches it when a connection is saved, page after page while the answer names a next page (Altcraft's
 * `next_from_id`, scripts/api-methods.ts LIST_PAGING), each item's key and name read by the list's mapping.
 */
import type { Locale, ManifestDynamicList, ManifestList } from "../model/manifest.js";
import { postRequest } from "./post.js";
import type { Target } from "./options.js";
import { buildRequest, type HttpRequestDocument } from "./request.js";
import { applyAnswer, variableValue, type CallError } from "./response.js";

/** A runaway paging (an answer naming the same next page again) stops here. */
export const MAX_PAGES = 100;

export interface ListItem {
  key: string;
  name: string;
}

export interface ListResult {
  items?: ListItem[];
  /** The last request made (all when it failed), its status and answer. */
  request?: HttpRequestDocument;
  status?: number;
  response?: unknown;
  error?: CallError;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
}

function itemOf(item: unknown, list: ManifestDynamicList): ListItem {
  const at = (path: string) => variableValue(item, `data.${path}`);
  return { key: text(at(list.response.key)), name: text(at(list.response.name)) };
}

export function staticItems(list: ManifestList, locale: Locale): ListItem[] {
  return list.type === "static" ? list.items.map((item) => ({ key: item.key, name: item.names[locale] })) : [];
}

export async function fetchList(list: ManifestDynamicList, target: Target, token: string | undefined, timeoutMs: number): Promise<ListResult> {
  const first = buildRequest(list.request, new Map(), target, token, `list "${list.code}"`);
  const items: ListItem[] = [];
  let request = first;
  const seen = new Set<string>();
  for (let page = 1; ; page++) {
    const sent = await postRequest(request, timeoutMs);
    if (sent.error) return { request, error: sent.error };
    const answer = sent.answer;
    const outcome = applyAnswer(answer, list.errors, []);
    const failed = (error: CallError): ListResult => ({ request, status: answer.status, response: outcome.response, error });
    if (outcome.error) return failed(outcome.error);
    const array = variableValue(outcome.response, list.response.arrayPath);
    if (!Array.isArray(array)) return failed({ kind: "response", message: `the answer has no array at ${list.response.arrayPath}` });
    items.push(...array.map((item) => itemOf(item, list)));
    const next = variableValue(outcome.response, list.paging.next);
    if (next === undefined || next === null) return { items };
    const cursor = text(next);
    if (seen.has(cursor) || page >= MAX_PAGES) return failed({ kind: "response", message: `paging does not end: page ${page} names ${list.paging.next} ${cursor} again or there are over ${MAX_PAGES} pages` });
    seen.add(cursor);
    request = { ...request, body: { ...request.body, [list.paging.parameter]: next } };
  }
}
