/**
 * The one place that names every Altcraft action-hook event type.
 *
 * `confirmed: false` marks wire names that Altcraft's documentation does not show (they are our best
 * guess until a captured request proves them; see README, "Confirming a provisional event type").
 * Confirming one is a one-line change here: flip `confirmed` to true. Renaming one also means renaming
 * its schema and samples, which `build` checks.
 */

/** The channel a trigger is grouped under in the Albato trigger picker. */
export type Channel = "email" | "sms" | "push" | "promo" | "website" | "campaigns" | "profiles";

/** Which shared `event_data` part the event carries. */
export type EventFamily = "tracking" | "delivery" | "launch" | "promo" | "pixel" | "import";

export interface EventTypeInfo {
  /** The `event_type` string on the wire. */
  readonly type: string;
  readonly channel: Channel;
  readonly family: EventFamily;
  /** False when the wire name is our inference, not Altcraft's documentation. */
  readonly confirmed: boolean;
  /** True for the 19 events the Altcraft app on Albato offers today. */
  readonly core: boolean;
}

export const EVENT_TYPES: readonly EventTypeInfo[] = [
  // Email
  { type: "send", channel: "email", family: "delivery", confirmed: true, core: true },
  { type: "deliv", channel: "email", family: "delivery", confirmed: true, core: true },
  { type: "undeliv", channel: "email", family: "delivery", confirmed: true, core: true },
  { type: "open", channel: "email", family: "tracking", confirmed: true, core: true },
  { type: "click", channel: "email", family: "tracking", confirmed: true, core: true },
  { type: "confirmsub", channel: "email", family: "tracking", confirmed: true, core: true },
  { type: "unsub", channel: "email", family: "tracking", confirmed: true, core: true },
  { type: "uopen", channel: "email", family: "tracking", confirmed: true, core: false },
  { type: "uclick", channel: "email", family: "tracking", confirmed: true, core: false },
  { type: "confirm", channel: "email", family: "tracking", confirmed: true, core: false },
  { type: "read", channel: "email", family: "tracking", confirmed: true, core: false },
  { type: "glanced", channel: "email", family: "tracking", confirmed: true, core: false },
  { type: "skimmed", channel: "email", family: "tracking", confirmed: true, core: false },
  { type: "reply", channel: "email", family: "delivery", confirmed: true, core: false },
  { type: "complain", channel: "email", family: "delivery", confirmed: true, core: false },
  { type: "sbounce", channel: "email", family: "delivery", confirmed: true, core: false },
  { type: "hbounce", channel: "email", family: "delivery", confirmed: true, core: false },
  { type: "suppress", channel: "email", family: "delivery", confirmed: true, core: false },
  // SMS
  { type: "send_sms", channel: "sms", family: "delivery", confirmed: true, core: true },
  { type: "deliv_sms", channel: "sms", family: "delivery", confirmed: true, core: true },
  { type: "undeliv_sms", channel: "sms", family: "delivery", confirmed: true, core: true },
  { type: "click_sms", channel: "sms", family: "tracking", confirmed: true, core: true },
  { type: "uclick_sms", channel: "sms", family: "tracking", confirmed: true, core: false },
  { type: "unsub_sms", channel: "sms", family: "tracking", confirmed: true, core: false },
  // Push
  { type: "send_push", channel: "push", family: "delivery", confirmed: true, core: true },
  { type: "deliv_push", channel: "push", family: "delivery", confirmed: false, core: true },
  { type: "open_push", channel: "push", family: "tracking", confirmed: true, core: true },
  { type: "click_push", channel: "push", family: "tracking", confirmed: true, core: true },
  { type: "uopen_push", channel: "push", family: "tracking", confirmed: true, core: false },
  { type: "uclick_push", channel: "push", family: "tracking", confirmed: true, core: false },
  // Promo codes
  { type: "promocode_attach", channel: "promo", family: "promo", confirmed: false, core: true },
  { type: "promocode_activate", channel: "promo", family: "promo", confirmed: false, core: true },
  // Website
  { type: "pixel_open", channel: "website", family: "pixel", confirmed: false, core: true },
  // Campaigns
  { type: "launch", channel: "campaigns", family: "launch", confirmed: false, core: true },
  // Profiles
  { type: "import_manual", channel: "profiles", family: "import", confirmed: true, core: false },
  { type: "import_file", channel: "profiles", family: "import", confirmed: true, core: false },
  { type: "import_api", channel: "profiles", family: "import", confirmed: true, core: false },
];

const byType = new Map(EVENT_TYPES.map((info) => [info.type, info]));

/** The registry entry for a wire name, or undefined for a type Altcraft is not known to send. */
export function eventTypeInfo(type: string): EventTypeInfo | undefined {
  return byType.get(type);
}

/** The schema of an event type: a fixed place, which the build checks. */
export function eventSchemaFile(type: string): string {
  return `schemas/events/${type}.schema.json`;
}

/** The folder of an event type's samples (every `*.json` there is one sample event). */
export function eventSamplesDir(type: string): string {
  return `schemas/samples/${type}`;
}

/** Wire names that are still our inference. */
export function provisionalEventTypes(): string[] {
  return EVENT_TYPES.filter((info) => !info.confirmed).map((info) => info.type);
}
