/**
 * One POST of a JSON body with `node:http(s)`, bounded in time and size: the whole exchange (connecting,
 * sending, reading the answer) must end within the timeout, so a host that accepts the connection and
 * never answers cannot hang `call`. No redirects are followed (Albato's are not documented either).
 */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** A list of a large account is a few hundred kilobytes; more is not an Altcraft answer. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** A failed exchange: `timeout` when the time ran out, `network` otherwise (refused, reset, DNS, TLS, too large). */
export class HttpFailure extends Error {
  constructor(
    readonly kind: "timeout" | "network",
    message: string,
  ) {
    super(message);
    this.name = "HttpFailure";
  }
}

export function postJson(url: URL, body: string, headers: Readonly<Record<string, string>>, timeoutMs: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(body, "utf8");
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const req = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, {
      method: "POST",
      headers: { ...headers, "Content-Length": String(payload.length) },
    });
    const timer = setTimeout(() => {
      finish(() => reject(new HttpFailure("timeout", `no answer within ${timeoutMs / 1000} s`)));
      req.destroy();
    }, timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => finish(() => reject(new HttpFailure("network", error.code ? `${error.code}: ${error.message}` : error.message))));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) {
          finish(() => reject(new HttpFailure("network", `the answer is larger than ${MAX_ANSWER_BYTES} bytes`)));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () => finish(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") })));
      res.on("error", (error) => finish(() => reject(new HttpFailure("network", error.message))));
    });
    req.end(payload);
  });
}
