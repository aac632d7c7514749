import { HttpFailure, httpPost, type KeepAliveAgents } from "../http-post.js";

/** How `send` retries: exponential backoff with jitter, on network errors, 5xx and 429 only. */
export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  /** The first retry waits about this long; each further one about twice as long. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** One attempt's time limit. */
  timeoutMs: number;
}

export interface PostTarget {
  url: string;
  /** Keep-alive agents shared by a run's requests; without them each request opens a connection. */
  agents?: KeepAliveAgents;
  /** Altcraft's "API response success message": when set, a 200 counts only if its body matches. */
  success?: RegExp;
  userAgent: string;
}

/** How one batch ended, after all its attempts. */
export interface BatchResult {
  ok: boolean;
  attempts: number;
  /** The last HTTP status; absent when the last attempt got no answer. */
  status?: number;
  /** Why it failed (the last attempt), or the answer's body for a success. */
  detail: string;
}

const SNIPPET = 120;
/** Only a snippet of an answer is shown: the rest is not kept. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** The delay before retry number `retry` (1-based): half fixed, half random, doubling each time. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

/** `Retry-After` in seconds (the HTTP-date form is rare for webhooks and ignored). */
function retryAfterMs(header: string | undefined, policy: RetryPolicy): number | undefined {
  if (header === undefined || !/^\d+$/.test(header.trim())) return undefined;
  return Math.min(policy.maxDelayMs, Number(header) * 1000);
}

function snippet(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > SNIPPET ? `${line.slice(0, SNIPPET - 1)}…` : line;
}

/** Why a request got no answer, in a word: `ECONNREFUSED`, `ECONNRESET`, `ETIMEDOUT`. */
function networkReason(error: unknown): string {
  if (error instanceof HttpFailure) return error.code ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** POST one batch body, retrying as the policy says. Never throws. */
export async function postBatch(target: PostTarget, body: string, policy: RetryPolicy): Promise<BatchResult> {
  let last: BatchResult = { ok: false, attempts: 0, detail: "not sent" };
  for (let attempt = 1; attempt <= policy.retries + 1; attempt++) {
    let wait: number | undefined;
    try {
      const response = await httpPost(
        new URL(target.url),
        body,
        { "content-type": "application/json", "user-agent": target.userAgent },
        { timeoutMs: policy.timeoutMs, maxAnswerBytes: MAX_ANSWER_BYTES, tooLong: "cut", ...(target.agents ? { agents: target.agents } : {}) },
      );
      const text = response.text;
      if (response.status === 200) {
        if (target.success === undefined || target.success.test(text)) {
          return { ok: true, attempts: attempt, status: 200, detail: snippet(text) };
        }
        // Altcraft counts this delivery failed; asking again would get the same answer.
        return {
          ok: false,
          attempts: attempt,
          status: 200,
          detail: `answer does not match ${String(target.success)}: ${JSON.stringify(snippet(text))}`,
        };
      } else {
        const location = response.headers.location;
        last = {
          ok: false,
          attempts: attempt,
          status: response.status,
          detail:
            location !== undefined
              ? `redirect to ${location} (not followed)`
              : response.status < 300
                ? `Altcraft counts only 200 as success${text ? `: ${snippet(text)}` : ""}`
                : snippet(text) || `HTTP ${response.status}`,
        };
        const retryable = response.status >= 500 || response.status === 429;
        if (!retryable) return last;
        wait = retryAfterMs(response.headers["retry-after"], policy);
      }
    } catch (error) {
      last = { ok: false, attempts: attempt, detail: networkReason(error) };
    }
    if (attempt <= policy.retries) await sleep(wait ?? backoffDelay(attempt, policy));
  }
  return last;
}
