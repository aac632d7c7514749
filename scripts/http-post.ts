/**
 * One POST with `node:http(s)`, for `call` (Altcraft's API) and `send` (a hook receiver). Not `fetch`: it
 * refuses ports such as 6000 that a local receiver may well use, and follows redirects, which neither
 * command does (Albato's handling of them is not documented). The whole exchange (connecting, sending,
 * reading the answer) must end within the timeout, so a host that accepts the connection and never
 * answers cannot hang a command, and the answer is bounded in size.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface KeepAliveAgents {
  http: HttpAgent;
  https: HttpsAgent;
}

/** Keep-alive connections for one run, at most `sockets` per host (the run's concurrency). */
export function keepAliveAgents(sockets: number): KeepAliveAgents & { close(): void } {
  const http = new HttpAgent({ keepAlive: true, maxSockets: sockets });
  const https = new HttpsAgent({ keepAlive: true, maxSockets: sockets });
  return { http, https, close: () => (http.destroy(), https.destroy()) };
}

export interface PostOptions {
  timeoutMs: number;
  /** Answers longer than this are `cut` to it (when only a snippet is shown) or `refused` (a failure). */
  maxAnswerBytes: number;
  tooLong: "cut" | "refused";
  /** Connections shared by a run's requests; without them each request opens its own. */
  agents?: KeepAliveAgents;
}

/**
 * A failed exchange: `timeout` when the time ran out, `network` otherwise (refused, reset, DNS, TLS, an
 * answer too long). `code` is the system's word for it (`ECONNREFUSED`; `ETIMEDOUT` for the timeout).
 */
export class HttpFailure extends Error {
  constructor(
    readonly kind: "timeout" | "network",
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "HttpFailure";
  }
}

export function httpPost(url: URL, body: string, headers: Readonly<Record<string, string>>, options: PostOptions): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const https = url.protocol === "https:";
    const payload = Buffer.from(body, "utf8");
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const req = (https ? httpsRequest : httpRequest)(url, {
      method: "POST",
      headers: { ...headers, "content-length": String(payload.length) },
      ...(options.agents ? { agent: https ? options.agents.https : options.agents.http } : {}),
    });
    const timer = setTimeout(() => {
      finish(() => reject(new HttpFailure("timeout", `no answer within ${options.timeoutMs / 1000} s`, "ETIMEDOUT")));
      req.destroy();
    }, options.timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) =>
      finish(() => reject(new HttpFailure("network", error.code ? `${error.code}: ${error.message}` : error.message, error.code))),
    );
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if (size + chunk.length > options.maxAnswerBytes && options.tooLong === "refused") {
          finish(() => reject(new HttpFailure("network", `the answer is larger than ${options.maxAnswerBytes} bytes`)));
          req.destroy();
          return;
        }
        if (size < options.maxAnswerBytes) chunks.push(chunk.subarray(0, options.maxAnswerBytes - size));
        size += chunk.length;
      });
      res.on("end", () => finish(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") })));
      res.on("error", (error) => finish(() => reject(new HttpFailure("network", error.message))));
    });
    req.end(payload);
  });
}
