import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { CannotRunError, fsReason } from "../errors.js";
import { cannotMakeFolder } from "../write/atomic.js";
import { terminalSafe } from "../write/terminal-text.js";
import { defaultCapturePath } from "./capture-path.js";
import { CaptureWriter } from "./capture-writer.js";
import { loadEventValidator } from "./load-validator.js";
import { COLOURS, formatRequestLine, formatSummary, PLAIN } from "./request-line.js";
import { createListenServer } from "./server.js";
import { parseByteSize } from "./sizes.js";
import type { EventValidator } from "./validator.js";

export interface ListenOptions {
  host: string;
  port: string;
  out?: string;
  /** A secret path segment; `true` (the flag without a value) makes one up. */
  token?: string | true;
  maxBody: string;
  okBody: string;
  strict?: boolean;
  /** Seconds to let requests in flight finish after SIGINT/SIGTERM. */
  grace: string;
}

export interface ListenIo {
  out: (line: string) => void;
  err: (line: string) => void;
  colour: boolean;
  /** Registers the handler for SIGINT/SIGTERM; called again on a second signal, which means "stop now". */
  onStop: (handler: () => void) => void;
  /** For tests; by default the library validator. */
  validator?: EventValidator;
}

const TOKEN_CHARS = /^[A-Za-z0-9._~-]+$/;
const MIN_TOKEN_LENGTH = 12;

/** Request lines are written together, at most this long after the first of them… */
const CONSOLE_FLUSH_MS = 50;
/** …or as soon as this many are waiting. */
const CONSOLE_FLUSH_LINES = 512;

export function parseListenOptions(options: ListenOptions): {
  host: string;
  port: number;
  out: string;
  token: string | undefined;
  maxBody: number;
  okBody: string;
  graceMs: number;
} {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CannotRunError(`--port must be a whole number from 0 to 65535 (found "${options.port}")`);
  }
  const maxBody = parseByteSize(options.maxBody);
  if (maxBody === undefined) {
    throw new CannotRunError(`--max-body must be a size such as 10MiB, 512KiB or 1048576 (found "${options.maxBody}")`);
  }
  let token: string | undefined;
  if (options.token === true) token = randomBytes(18).toString("base64url");
  else if (options.token !== undefined) {
    if (!TOKEN_CHARS.test(options.token)) {
      throw new CannotRunError("--token may hold only letters, digits and . _ ~ - (it becomes a URL path segment)");
    }
    // The path is the only protection hooks have; a short one is guessed, and hiding it in captures
    // ({token}) would hide every occurrence of a common string.
    if (options.token.length < MIN_TOKEN_LENGTH) {
      throw new CannotRunError(`--token must be at least ${MIN_TOKEN_LENGTH} characters (found ${options.token.length}); --token alone makes one up`);
    }
    token = options.token;
  }
  const grace = Number(options.grace);
  if (!Number.isFinite(grace) || grace < 0) throw new CannotRunError(`--grace must be a number of seconds (found "${options.grace}")`);
  return {
    host: options.host,
    port,
    out: options.out ?? defaultCapturePath(),
    token,
    maxBody,
    okBody: options.okBody,
    graceMs: grace * 1000,
  };
}

/** Run the receiver until SIGINT/SIGTERM; returns the exit code (0 after a clean stop). */
export async function runListen(options: ListenOptions, io: ListenIo): Promise<number> {
  const settings = parseListenOptions(options);
  const paint = io.colour ? COLOURS : PLAIN;
  const validate = io.validator ?? (await loadEventValidator(options.strict === true));

  // The capture file is opened once the port is bound (a port in use leaves no file behind), in the same
  // turn of the event loop, so no request can arrive before it is open.
  let capture: CaptureWriter | undefined;

  // Request lines go out in one write per CONSOLE_FLUSH_MS (or per CONSOLE_FLUSH_LINES lines): a write per
  // turn of the event loop was ~1.5% of listen's time under load (profiled). A person watching sees a
  // line a few tens of milliseconds late; the capture file, not the console, is the record.
  let pendingLines: string[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  const flushLines = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (pendingLines.length === 0) return;
    io.out(pendingLines.join("\n"));
    pendingLines = [];
  };
  const listener = createListenServer({
    capture: {
      appendAll: (lines) => {
        if (capture === undefined) throw new Error("the capture file is not open");
        capture.appendAll(lines);
      },
    },
    validate,
    ...(settings.token !== undefined ? { token: settings.token } : {}),
    maxBody: settings.maxBody,
    okBody: settings.okBody,
    onRequest: (outcome) => {
      const count = pendingLines.push(formatRequestLine(outcome, paint));
      if (count >= CONSOLE_FLUSH_LINES) flushLines();
      else if (count === 1) flushTimer = setTimeout(flushLines, CONSOLE_FLUSH_MS);
    },
  });

  await new Promise<void>((resolve, reject) => {
    listener.server.once("error", (error: NodeJS.ErrnoException) => {
      const hint = error.code === "EADDRINUSE" ? "; pick another with --port" : "";
      reject(new CannotRunError(`cannot listen on ${settings.host}:${settings.port}: ${error.code ?? error.message}${hint}`));
    });
    listener.server.listen(settings.port, settings.host, () => {
      listener.server.removeAllListeners("error");
      try {
        capture = openCapture(settings.out);
        resolve();
      } catch (error) {
        listener.server.close();
        reject(error);
      }
    });
  });
  if (capture!.repairedTornBytes > 0) {
    io.err(
      terminalSafe(
        `note: ${settings.out} ended in a torn line (${capture!.repairedTornBytes} bytes: a run was killed while writing that record); cut it off (that request was never answered, so its sender sent it again)`,
      ),
    );
  }

  const { port } = listener.server.address() as AddressInfo;
  const host = settings.host.includes(":") ? `[${settings.host}]` : settings.host;
  const url = `http://${host}:${port}/${settings.token ?? ""}`;
  io.out(`Listening on ${url}`);
  io.out(terminalSafe(`Capturing every request to ${settings.out}`));
  io.out(
    terminalSafe(`Paste the URL under which Altcraft reaches this port (a tunnel or reverse proxy to ${url}) into the action hook's URL; the success pattern may be "${settings.okBody}".`),
  );
  if (settings.token === undefined && !isLoopback(settings.host)) {
    io.err(paint.warn("warning: no --token and not on loopback: anyone who can reach this port can post to it"));
  }
  io.out("Stop with Ctrl-C; the summary follows.");

  await new Promise<void>((resolve) => {
    let stopping = false;
    io.onStop(() => {
      if (stopping) {
        listener.server.closeAllConnections();
        return;
      }
      stopping = true;
      void listener.shutdown(settings.graceMs).then(resolve);
    });
  });
  capture!.close();
  flushLines();
  io.out("");
  for (const line of formatSummary(listener.stats, settings.out, paint)) io.out(line);
  return 0;
}

/** The capture file, or one line naming it and why it cannot be appended to. */
function openCapture(path: string): CaptureWriter {
  try {
    return CaptureWriter.open(path);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { kind?: string };
    if (failure.code === "ENOTREGULAR") throw new CannotRunError(`cannot open the capture file: it is ${failure.kind}, not a regular file`, { file: path });
    if (failure.path !== undefined && failure.path !== path) throw cannotMakeFolder(path, error);
    throw new CannotRunError(`cannot open the capture file: ${fsReason(error)}`, { file: path });
  }
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host.startsWith("127.") || host === "::1";
}
