/**
 * The hook requests the inputs stand for, as Albato would receive them: one per sample file, batch file,
 * NDJSON line or capture record. `readEventInputs` gives each event with its place (file, line, and
 * `/index` for an element of an array); events of the same file and line are one request.
 */
import type { SourcedEvent } from "../load/event-inputs.js";
import { pointerSegments } from "../runtime/pointer.js";

export interface RequestElement {
  /** Position in the posted array (0 for a request that is one event object, as `send` posts it). */
  index: number;
  event: Record<string, unknown>;
}

export interface HookRequest {
  file: string;
  /** The NDJSON line or capture record, 1-based; absent for a whole-file request. */
  line?: number;
  elements: RequestElement[];
}

function indexOf(pointer: string | undefined): number {
  if (pointer === undefined) return 0;
  const first = pointerSegments(pointer)[0];
  const index = first === undefined ? NaN : Number(first);
  return Number.isSafeInteger(index) && index >= 0 ? index : 0;
}

/**
 * Group events into requests, keeping input order. A new request starts when the file or line changes,
 * or when the index does not grow (the same file named twice is read, and played, twice).
 */
export function groupRequests(events: readonly SourcedEvent[]): HookRequest[] {
  const requests: HookRequest[] = [];
  let current: HookRequest | undefined;
  for (const { event, place } of events) {
    const index = indexOf(place.pointer);
    const last = current?.elements[current.elements.length - 1];
    if (!current || current.file !== place.file || current.line !== place.line || (last !== undefined && index <= last.index)) {
      current = { file: place.file, ...(place.line !== undefined ? { line: place.line } : {}), elements: [] };
      requests.push(current);
    }
    current.elements.push({ index, event });
  }
  return requests;
}
