import { isUtf8 } from "node:buffer";

/**
 * One line of a capture file: the whole HTTP request as it arrived, written before anything else looks at
 * it, so a capture holds even the requests that fail validation or parsing.
 */
export interface CaptureRecord {
  /** When the request's body was complete (ISO 8601, UTC, milliseconds). */
  receivedAt: string;
  method: string;
  /** The request path and query; a `--token` secret is replaced by `/{token}` so captures can be shared. */
  path: string;
  remoteAddress?: string;
  /** Request headers as Node parsed them (lower-case names, repeated headers joined). */
  headers: Record<string, string | string[] | undefined>;
  /** Bytes of body received (before the limit cut it off, when `truncated`). */
  bodyBytes: number;
  /** True when the body was larger than `--max-body`: then `body` holds only its first bytes. */
  truncated?: true;
  /** The raw body as UTF-8 text (invalid bytes become U+FFFD; `bodyBase64` then keeps the exact bytes). */
  body: string;
  /** The exact bytes, base64, present only when the body is not valid UTF-8. */
  bodyBase64?: string;
}

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

/** The exact body bytes a record holds (the prefix only, for a truncated one). */
export function recordBodyBytes(record: CaptureRecord): Buffer {
  return record.bodyBase64 !== undefined ? Buffer.from(record.bodyBase64, "base64") : Buffer.from(record.body, "utf8");
}

/** Does a parsed NDJSON line look like a capture record (rather than an event or a batch)? */
export function isCaptureRecord(value: unknown): value is CaptureRecord {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.receivedAt === "string" && typeof candidate.body === "string" && typeof candidate.method === "string";
}
