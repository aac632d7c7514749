/** Send a built request to Altcraft: its answer, or why there was none (the `network` or `timeout` error `call` reports). */
import { HttpFailure, httpPost, type HttpAnswer } from "../http-post.js";
import type { HttpRequestDocument } from "./request.js";
import type { CallError } from "./response.js";

/** A list of a large account is a few hundred kilobytes; more is not an Altcraft answer, and is refused. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

export async function postRequest(request: HttpRequestDocument, timeoutMs: number): Promise<{ answer: HttpAnswer; error?: undefined } | { error: CallError }> {
  try {
    const options = { timeoutMs, maxAnswerBytes: MAX_ANSWER_BYTES, tooLong: "refused" } as const;
    return { answer: await httpPost(new URL(request.url), JSON.stringify(request.body), request.headers, options) };
  } catch (error) {
    if (!(error instanceof HttpFailure)) throw error;
    return { error: { kind: error.kind, message: error.message } };
  }
}
