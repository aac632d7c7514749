import { eventTypeInfo } from "../event-types.js";

/** One problem in one event, as the library's `validateEvent` reports it. */
export interface EventProblem {
  kind: string;
  eventType?: string;
  pointer: string;
  keyword?: string;
  message: string;
}

/** Checks one event; `listen` calls it once per event of every batch. */
export type EventValidator = (event: unknown) => readonly EventProblem[];

/** How the registry knows an event type: confirmed, provisional (our inferred wire name), or not at all. */
export type TypeStanding = "confirmed" | "provisional" | "unknown";

export function typeStanding(type: string): TypeStanding {
  const info = eventTypeInfo(type);
  if (!info) return "unknown";
  return info.confirmed ? "confirmed" : "provisional";
}
