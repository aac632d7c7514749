/** The capture file format `listen` writes and `validate`, `send` and `infer` read: one record per line. */

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
  /**
   * Set when `listen` refused the request before trusting anything in it (a path that is not the
   * token's): why. Such a record keeps no headers and no body (`body` is empty, `bodyBytes` says how many
   * bytes came).
   */
  refused?: string;
  /** True when the body was larger than `--max-body`: then `body` holds only its first bytes. */
  truncated?: true;
  /** The raw body as UTF-8 text (invalid bytes become U+FFFD; `bodyBase64` then keeps the exact bytes). */
  body: string;
  /** The exact bytes, base64, present only when the body is not valid UTF-8. */
  bodyBase64?: string;
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
