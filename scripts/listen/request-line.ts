import { terminalSafe } from "../write/terminal-text.js";
import type { ListenStats } from "./stats.js";
import { typeStanding } from "./validator.js";

/** What one request did, for its console line. */
export interface RequestOutcome {
  at: Date;
  status: number;
  method: string;
  /** The path as captured (a token shown as `{token}`). */
  path: string;
  /** Events per `event_type`, in the order first seen. */
  eventCounts: ReadonlyMap<string, number>;
  problems: number;
  /** The first problem, as `type pointer: message`, to show without opening the capture. */
  firstProblem?: string;
  /** Why the request was refused (4xx/5xx). */
  reason?: string;
  /** Integers beyond 2^53 in the body: how many, and the first (`/0/account_id 9007199254740993`). */
  unsafeIntegers?: { count: number; first: string };
}

export interface Paint {
  ok(text: string): string;
  bad(text: string): string;
  warn(text: string): string;
  dim(text: string): string;
}

const ansi = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
export const COLOURS: Paint = { ok: ansi(32), bad: ansi(31), warn: ansi(33), dim: ansi(2) };
export const PLAIN: Paint = { ok: (t) => t, bad: (t) => t, warn: (t) => t, dim: (t) => t };

function clock(at: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}`;
}

/** `click×3 open×1`, with provisional types in yellow and unknown ones in red (marked in words too). */
export function formatTypeCounts(counts: Iterable<[string, number]>, paint: Paint): string {
  const parts: string[] = [];
  for (const [type, count] of counts) {
    const standing = typeStanding(type);
    // Event types come from the sender: escaped, so none can drive the operator's terminal.
    const text = `${terminalSafe(type)}×${count}`;
    if (standing === "provisional") parts.push(paint.warn(`${text} (provisional)`));
    else if (standing === "unknown") parts.push(paint.bad(`${text} (unknown type)`));
    else parts.push(text);
  }
  return parts.join(" ");
}

/** One console line per request: time, status, method and path, events by type, problems. */
export function formatRequestLine(outcome: RequestOutcome, paint: Paint): string {
  // Status 0: the client went away before its body was complete, so nothing was answered.
  const status = outcome.status === 200 ? paint.ok("200") : paint.bad(outcome.status === 0 ? "---" : String(outcome.status));
  // Everything but the clock and the status came from the request: escaped before it is painted.
  const head = `${paint.dim(clock(outcome.at))} ${status} ${terminalSafe(outcome.method)} ${terminalSafe(outcome.path)}`;
  if (outcome.reason !== undefined) return `${head}  ${terminalSafe(outcome.reason)}`;
  const events = outcome.eventCounts.size === 0 ? "no events" : formatTypeCounts(outcome.eventCounts, paint);
  const problems =
    outcome.problems === 0
      ? paint.dim("0 problems")
      : paint.bad(`${outcome.problems} problem${outcome.problems === 1 ? "" : "s"}`) +
        (outcome.firstProblem !== undefined ? ` (first: ${terminalSafe(outcome.firstProblem)})` : "");
  const large = outcome.unsafeIntegers;
  const warning =
    large === undefined
      ? ""
      : "  " +
        paint.warn(
          `${large.count} integer${large.count === 1 ? "" : "s"} beyond 2^53 (first: ${terminalSafe(large.first)}): kept exactly in the capture, but JSON.parse rounds them`,
        );
  return `${head}  ${events}  ${problems}${warning}`;
}

/** The summary printed when `listen` stops. */
export function formatSummary(stats: ListenStats, capturePath: string, paint: Paint): string[] {
  const data = stats.toJSON();
  const statuses = Object.entries(data.byStatus)
    .sort(([a], [b]) => (a === "0" ? 1 : 0) - (b === "0" ? 1 : 0))
    .map(([status, count]) => `${status === "0" ? "aborted" : status}×${count}`)
    .join(" ");
  const lines = [
    `Requests: ${data.requests}${statuses ? ` (${statuses})` : ""}`,
    `Events: ${data.events}${data.events ? `  ${formatTypeCounts(Object.entries(data.byType), paint)}` : ""}`,
    `Problems: ${data.problems}`,
    ...(data.unsafeIntegers > 0
      ? [paint.warn(`Integers beyond 2^53: ${data.unsafeIntegers} (in the capture exactly as sent; anything that parses them with JSON.parse rounds them)`)]
      : []),
    `Capture: ${terminalSafe(capturePath)}`,
  ];
  const unconfirmed = stats.unconfirmedTypes();
  if (unconfirmed.length > 0) {
    lines.push(`Next: altcraft-albato infer ${terminalSafe(capturePath)}   (${unconfirmed.map((u) => `${terminalSafe(u.type)}: ${u.standing}`).join(", ")})`);
  }
  return lines;
}
