import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { Duplex } from "node:stream";
import { checkBody, type BodyVerdict } from "./check-body.js";
import { captureLine, refusedLine, TRUNCATED_PREFIX_BYTES } from "./capture-record.js";
import { redactHeaders, tokenRedactor } from "./redact.js";
import { CaptureWriteError } from "./capture-writer.js";
import type { RequestOutcome } from "./request-line.js";
import { ListenStats } from "./stats.js";
import { formatByteSize } from "./sizes.js";
import type { EventValidator } from "./validator.js";

export interface ListenServerOptions {
  /** Where every request goes first, as one line each; throws `CaptureWriteError` when the disk refuses. */
  capture: { appendAll(lines: readonly Buffer[]): void };
  validate: EventValidator;
  /**
   * When set, only `/<token>` is served; other paths get 404, and are captured without headers or body.
   * The token is hidden (`{token}`) wherever it appears in what is shown or captured. Without it every
   * path is accepted.
   */
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
  const redact = tokenRedactor(options.token);
  const okBody = Buffer.from(options.okBody, "utf8");
  // The answer to nearly every request, prepared once (the raw-array form skips header validation).
  const okHeaders = ["content-type", "text/plain; charset=utf-8", "content-length", String(okBody.length)];
  let closing = false;
  /** Connections answered with "connection: close": what else arrives on them is never a request. */
  const ending = new WeakSet<object>();
  /** Connections with a request being handled. */
  const inFlight = new WeakSet<object>();

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
    // The secret never lands in a capture file or on the console, however the path spells it.
    const shownPath = redact(url);

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
      const { line, utf8 } = pathAllowed
        ? captureLine({
            receivedAt: new Date(),
            method: req.method ?? "",
            path: shownPath,
            ...(req.socket.remoteAddress !== undefined ? { remoteAddress: req.socket.remoteAddress } : {}),
            headers: tokenPath === undefined ? req.headers : redactHeaders(req.headers, redact),
            body: truncated ? body.subarray(0, TRUNCATED_PREFIX_BYTES) : body,
            bodyBytes: received,
            truncated: truncated || aborted,
          })
        : { line: refusedLine({ receivedAt: new Date(), method: req.method ?? "", path: shownPath, bodyBytes: received, refused: "not the token path (404)" }), utf8: true };
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
        ...(verdict.unsafeIntegers !== undefined ? { unsafeIntegers: verdict.unsafeIntegers } : {}),
      });
    };

    const answer = (status: number, reason: string, headers: Record<string, string> = {}) => {
      send(status, Buffer.from(`${reason}\n`, "utf8"), headers);
      report({ status, reason });
    };

    const send = (status: number, body: Buffer, headers: Record<string, string> = {}) => {
      if (closing || truncated) {
        res.shouldKeepAlive = false;
        // What the sender still writes on this connection is the rest of a refused body, not a request.
        ending.add(req.socket);
      }
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
      stats.addRequest(full.status, full.eventCounts, full.problems, full.unsafeIntegers?.count ?? 0);
      options.onRequest?.(full);
    };

    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > options.maxBody) {
        truncated = true;
        settle(false);
      } else if (pathAllowed) {
        // A refused path's body is only counted, never held.
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
    inFlight.add(req.socket);
    res.on("close", () => inFlight.delete(req.socket));
    handle(req, res);
    if (closing) res.on("finish", () => server.closeIdleConnections());
  });
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => refuseUnparsed(error, socket));

  /**
   * A request Node's parser gave up on before it became a request (headers past Node's limit, a garbled
   * request line, headers that never finished): answered with its status, and a console line with what
   * could be read of its request line, the token hidden. Nothing is captured: there is no request to keep.
   */
  function refuseUnparsed(error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex): void {
    const refusal = CLIENT_ERRORS[error.code ?? ""];
    // A connection whose request is under way (the sender went away mid-body) is that request's to report.
    if (refusal === undefined || !socket.writable || ending.has(socket) || inFlight.has(socket)) {
      socket.destroy();
      return;
    }
    const [status, reason] = refusal;
    const text = `${reason}\n`;
    socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nconnection: close\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
    const requestLine = /^([A-Z]{1,20}) (\S{1,2048})/.exec(error.rawPacket?.subarray(0, 4096).toString("latin1") ?? "");
    const outcome: RequestOutcome = {
      at: new Date(),
      status,
      method: requestLine?.[1] ?? "?",
      path: requestLine ? redact(requestLine[2]!) : "?",
      eventCounts: NO_EVENTS,
      problems: 0,
      reason,
    };
    stats.addRequest(status, NO_EVENTS, 0);
    options.onRequest?.(outcome);
  }

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

/** Node's parser errors a sender can cause, with the answer each gets; others (a reset) just close. */
const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, "request headers too large (Node's limit is 16 KiB)"],
  HPE_HEADERS_TIMEOUT: [408, "request headers did not arrive in time"],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "request did not arrive in time"],
};
for (const code of ["HPE_INVALID_METHOD", "HPE_INVALID_URL", "HPE_INVALID_CONSTANT", "HPE_INVALID_VERSION", "HPE_INVALID_HEADER_TOKEN", "HPE_INVALID_CONTENT_LENGTH", "HPE_UNEXPECTED_CONTENT_LENGTH", "HPE_INVALID_TRANSFER_ENCODING", "HPE_INVALID_CHUNK_SIZE", "HPE_LF_EXPECTED", "HPE_CR_EXPECTED", "HPE_STRICT"]) {
  CLIENT_ERRORS[code] = [400, `not a valid HTTP request (${code})`];
}

const STATUS_TEXT: Record<number, string> = { 400: "Bad Request", 408: "Request Timeout", 431: "Request Header Fields Too Large" };

/** Read and drop the rest of a refused body for a moment (so the client sees the 413), then cut it off. */
function drainThenCut(req: IncomingMessage): void {
  const cut = setTimeout(() => req.socket.destroy(), DRAIN_AFTER_REFUSAL_MS);
  cut.unref();
  req.on("end", () => clearTimeout(cut));
  req.resume();
}
