import { isUtf8 } from "node:buffer";
import type { CaptureRecord } from "../model/capture.js";

/** How much of a too-large body a record keeps: enough to see what the sender was sending. */
export const TRUNCATED_PREFIX_BYTES = 4096;

const lossyUtf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

export interface RecordInput {
  receivedAt: Date;
  method: string;
  path: string;
  remoteAddress?: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Total bytes received; larger than `body.length` when the body was cut off. */
  bodyBytes: number;
  truncated: boolean;
}

/**
 * The record of a request as one NDJSON line (with its newline), and whether the body is UTF-8 text.
 *
 * This runs for every request, so a UTF-8 body is not decoded and re-encoded: its bytes, read as Latin-1
 * (one char per byte), go through JSON.stringify, which escapes only quotes, backslashes and control
 * characters (all single bytes in UTF-8), and are written back as Latin-1. The line holds exactly the
 * body's UTF-8 bytes, escaped: the same bytes `JSON.stringify(text)` would give, at half the cost.
 */
export function captureLine(input: RecordInput): { line: Buffer; utf8: boolean } {
  const utf8 = isUtf8(input.body);
  const meta: Omit<CaptureRecord, "body"> = {
    receivedAt: input.receivedAt.toISOString(),
    method: input.method,
    path: input.path,
    ...(input.remoteAddress !== undefined ? { remoteAddress: input.remoteAddress } : {}),
    headers: input.headers,
    bodyBytes: input.bodyBytes,
    ...(input.truncated ? { truncated: true as const } : {}),
  };
  if (!utf8) {
    const record: CaptureRecord = { ...meta, body: lossyUtf8.decode(input.body), bodyBase64: input.body.toString("base64") };
    return { line: Buffer.from(`${JSON.stringify(record)}\n`, "utf8"), utf8 };
  }
  const prefix = `${JSON.stringify(meta).slice(0, -1)},"body":`;
  const body = JSON.stringify(input.body.toString("latin1"));
  // One allocation for the line: this is the hot path of every request.
  const prefixBytes = Buffer.byteLength(prefix, "utf8");
  const line = Buffer.allocUnsafe(prefixBytes + body.length + 2);
  line.write(prefix, 0, "utf8");
  line.write(body, prefixBytes, "latin1");
  line.write("}\n", prefixBytes + body.length, "latin1");
  return { line, utf8 };
}

export interface RefusedInput {
  receivedAt: Date;
  method: string;
  /** The path, the token hidden in it. */
  path: string;
  bodyBytes: number;
  /** Why it was refused before its body was looked at. */
  refused: string;
}

/**
 * The record of a request refused before anything in it was trusted (a path that is not the token's):
 * when, the method, the path with the token hidden, how many bytes, and why. No headers and no body:
 * a stranger's guesses at the secret path are counted, never kept.
 */
export function refusedLine(input: RefusedInput): Buffer {
  const record: CaptureRecord = {
    receivedAt: input.receivedAt.toISOString(),
    method: input.method,
    path: input.path,
    headers: {},
    bodyBytes: input.bodyBytes,
    refused: input.refused,
    body: "",
  };
  return Buffer.from(`${JSON.stringify(record)}\n`, "utf8");
}
