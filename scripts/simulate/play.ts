/**
 * Requests played through the triggers the way Albato handles a webhook: each element of a request's
 * array is offered to every trigger, each trigger whose filter lets it through runs once with the
 * element's field values, and an element no trigger takes is reported as such. Elements are played one at
 * a time, as the report consumes them, so a large capture's runs never sit in memory all at once.
 */
import type { FieldValue } from "./convert.js";
import { fieldValues } from "./field-values.js";
import { filterMatches } from "./filter.js";
import type { PlannedTrigger } from "./plan.js";
import type { HookRequest } from "./requests.js";

/** Where an element came from: its request's file (and line), and its index in the posted array. */
export interface ElementPlace {
  file: string;
  line?: number;
  index: number;
}

export interface Run {
  trigger: string;
  triggerName: string;
  fields: Record<string, FieldValue>;
  empty: string[];
}

/** What happened to one element: the runs it started, none when no trigger took it. */
export interface ElementOutcome {
  place: ElementPlace;
  /** The element's `event_type` when it is text. */
  eventType: string | null;
  runs: Run[];
}

export function* playRequests(requests: readonly HookRequest[], triggers: readonly PlannedTrigger[]): Generator<ElementOutcome> {
  for (const request of requests) {
    for (const element of request.elements) {
      const place: ElementPlace = { file: request.file, ...(request.line !== undefined ? { line: request.line } : {}), index: element.index };
      const eventType = typeof element.event.event_type === "string" ? element.event.event_type : null;
      const runs = triggers
        .filter((trigger) => filterMatches(trigger, element.event))
        .map((trigger): Run => ({ trigger: trigger.code, triggerName: trigger.name, ...fieldValues(trigger, element.event) }));
      yield { place, eventType, runs };
    }
  }
}
