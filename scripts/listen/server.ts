import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { checkBody, type BodyVerdict } from "./check-body.js";
import { captureLine, TRUNCATED_PREFIX_BYTES } from "./capture-record.js";
import { CaptureWriteError } from "./capture-writer.js";
import type { RequestOutcome } from "./request-line.js";
import { ListenStats } from "./stats.js";
import { formatByteSize } from "./sizes.js";
import type { EventValidator } from "./validator.js";

export interface ListenServerOptions {
  /** Where every request goes first, as one line each; throws `CaptureWriteError` when the disk refuses. */
  capture: { appendAll(lines: readonly Buffer[]): void };
  validate: EventValidator;
  /** When set, only `/<token>` is served; other paths get 404. Without it every path is accepted. */
  token?: string;
  /** Largest body accepted, in bytes; larger ones get 413. */
  maxBody: number;
  /** The 200 body; Altcraft matches it against the hook's "API response success message" pattern. */
  okBody: string;
  /** Called once per request after it is answered (the console line). */
  onRequest?: (outcome: RequestOutcome) => void;
}

export interface ListenServer {
  server: Server;
  stats: ListenStats;
  /** Stop accepting, let requests in flight finish (up to `graceMs`, then cut them), resolve when closed. */
  shutdown(graceMs?: number): Promise<void>;
}

/** After a 413 the rest of the body is drained this long (so the client reads the answer), then cut. */
const DRAIN_AFTER_REFUSAL_MS = 1000;

const NO_EVENTS: ReadonlyMap<string, number> = new Map();

/** The receiver Altcraft's JSON batch hook expects: capture first, then check, then answer. */
export function createListenServer(options: ListenServerOptions): ListenServer {
  const stats = new ListenStats();
  const tokenPath = options.token === undefined ? undefined : Buffer.from(`/${options.token}`);
  const okBody = Buffer.from(options.okBody, "utf8");
  // The answer to nearly every request, prepared once (the raw-array form skips header validation).
  const okHeaders = ["content-type", "text/plain; charset=utf-8", "content-length", String(okBody.length)];
  let closing = false;

  /** Does the path (without its query) name the token? Compared in constant time: the path is the secret. */
  function isTokenPath(pathname: string): boolean {
    if (tokenPath === undefined) return true;
    const given = Buffer.from(pathname);
    return given.length === tokenPath.length && timingSafeEqual(given, tokenPath);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    const pathAllowed = isTokenPath(pathname);
    // The secret never lands in a capture file, so captures can be shared.
    const shownPath = pathAllowed && tokenPath !== undefined ? `/{token}${queryAt === -1 ? "" : url.slice(queryAt)}` : url;

    const chunks: Buffer[] = [];
    let received = 0;
    let truncated = false;
    let settled = false;
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > options.maxBody) truncated = true;

    const settle = (aborted: boolean) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, Math.min(received, options.maxBody));
      const { line, utf8 } = captureLine({
        receivedAt: new Date(),
        method: req.method ?? "",
        path: shownPath,
        ...(req.socket.remoteAddress !== undefined ? { remoteAddress: req.socket.remoteAddress } : {}),
        headers: req.headers,
        body: truncated ? body.subarray(0, TRUNCATED_PREFIX_BYTES) : body,
        bodyBytes: received,
        truncated: truncated || aborted,
      });
      capture(line, (error) => {
        if (error !== undefined) answer(500, `${error.message}; the request was not kept, send it again`);
        else decide(body, utf8, aborted);
      });
    };

    const decide = (body: Buffer, utf8: boolean, aborted: boolean) => {
      if (aborted) return report({ status: 0, reason: "client went away before the body was complete" });
      if (!pathAllowed) return answer(404, "not found");
      if (req.method !== "POST") return answer(405, "method not allowed: use POST", { allow: "POST" });
      if (truncated) return answer(413, `body larger than ${formatByteSize(options.maxBody)}`);
      if (!utf8) return answer(400, "body is not UTF-8 text");
      conclude(checkBody(body, options.validate));
    };

    const conclude = (verdict: BodyVerdict) => {
      if (!verdict.ok) return answer(400, verdict.reason);
      if (closing) send(200, okBody);
      else {
        res.writeHead(200, okHeaders);
        res.end(okBody);
      }
      report({
        status: 200,
        eventCounts: verdict.counts,
        problems: verdict.problems,
        ...(verdict.firstProblem !== undefined ? { firstProblem: verdict.firstProblem } : {}),
      });
    };

    const answer = (status: number, reason: string, headers: Record<string, string> = {}) => {
      send(status, Buffer.from(`${reason}\n`, "utf8"), headers);
      report({ status, reason });
    };

    const send = (status: number, body: Buffer, headers: Record<string, string> = {}) => {
      if (closing || truncated) res.shouldKeepAlive = false;
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": body.length, ...headers });
      res.end(body);
      if (truncated) drainThenCut(req);
    };

    const report = (outcome: Omit<RequestOutcome, "at" | "method" | "path" | "eventCounts" | "problems"> &
      Partial<Pick<RequestOutcome, "eventCounts" | "problems">>) => {
      const full: RequestOutcome = {
        at: new Date(),
        method: req.method ?? "",
        path: shownPath,
        eventCounts: outcome.eventCounts ?? NO_EVENTS,
        problems: outcome.problems ?? 0,
        ...outcome,
      };
      stats.addRequest(full.status, full.eventCounts, full.problems);
      options.onRequest?.(full);
    };

    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > options.maxBody) {
        truncated = true;
        settle(false);
      } else {
        chunks.push(chunk);
      }
    };

    if (truncated) {
      settle(false);
      return;
    }
    req.on("data", onData);
    req.on("end", () => settle(false));
    req.on("close", () => {
      if (!req.complete) settle(true);
    });
  }

  // Records of the requests completed in one turn of the event loop are written together, then answered.
  let queue: { line: Buffer; then: (error?: CaptureWriteError) => void }[] = [];
  const flushQueue = () => {
    const batch = queue;
    queue = [];
    let failure: CaptureWriteError | undefined;
    try {
      options.capture.appendAll(batch.map((entry) => entry.line));
    } catch (error) {
      if (!(error instanceof CaptureWriteError)) throw error;
      failure = error;
    }
    for (const entry of batch) entry.then(failure);
  };
  function capture(line: Buffer, then: (error?: CaptureWriteError) => void): void {
    if (queue.push({ line, then }) === 1) setImmediate(flushQueue);
  }

  const server = createServer((req, res) => {
    handle(req, res);
    if (closing) res.on("finish", () => server.closeIdleConnections());
  });

  async function shutdown(graceMs = 10_000): Promise<void> {
    closing = true;
    await new Promise<void>((resolve) => {
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      cut.unref();
      server.close(() => {
        clearTimeout(cut);
        // A request whose sender went away closes its connection before its record's turn: write it now.
        if (queue.length > 0) flushQueue();
        resolve();
      });
      server.closeIdleConnections();
    });
  }

  return { server, stats, shutdown };
}

/** Read and drop the rest of a refused body for a moment (so the client sees the 413), then cut it off. */
function drainThenCut(req: IncomingMessage): void {
  const cut = setTimeout(() => req.socket.destroy(), DRAIN_AFTER_REFUSAL_MS);
  cut.unref();
  req.on("end", () => clearTimeout(cut));
  req.resume();
}
