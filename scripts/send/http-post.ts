import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** Keep-alive connections for one run, at most `sockets` per host (the run's concurrency). */
export function keepAliveAgents(sockets: number): { http: HttpAgent; https: HttpsAgent; close(): void } {
  const http = new HttpAgent({ keepAlive: true, maxSockets: sockets });
  const https = new HttpsAgent({ keepAlive: true, maxSockets: sockets });
  return { http, https, close: () => (http.destroy(), https.destroy()) };
}

/** Answers longer than this are cut (we only show a snippet of them). */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * One POST with `node:http(s)` (not `fetch`, which refuses ports such as 6000 that a local receiver may
 * well use, and follows redirects). Rejects with an error carrying `code` on network failure or timeout.
 */
export function httpPost(
  url: URL,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  agents?: { http: HttpAgent; https: HttpsAgent },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const https = url.protocol === "https:";
    const payload = Buffer.from(body, "utf8");
    const req = (https ? httpsRequest : httpRequest)(url, {
      method: "POST",
      headers: { ...headers, "content-length": String(payload.length) },
      ...(agents ? { agent: https ? agents.https : agents.http } : {}),
    });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })), timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    req.end(payload);
  });
}
