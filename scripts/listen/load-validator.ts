import { EVENT_TYPES } from "../event-types.js";
import type { EventValidator } from "./validator.js";

/**
 * The library's `validateEvent`, with every event type's precompiled validator loaded up front: a missing
 * build is reported when `listen` starts, not on the first request, and no request pays for a load.
 */
export async function loadEventValidator(strict: boolean): Promise<EventValidator> {
  const { validateEvent } = await import("../runtime/validate.js");
  for (const { type } of EVENT_TYPES) validateEvent({ event_type: type });
  return (event) => validateEvent(event, { strict });
}
