/**
 * The app definition as loaded from `connector/` (app.yaml, triggers.yaml, locales/*.yaml), every value
 * checked, with the place each came from so later checks can point at it.
 */
import type { Place } from "../errors.js";
import type { Locale, Localized } from "./manifest.js";

export interface LocatedValue<T> {
  value: T;
  place: Place;
}

export interface ConnectorApp {
  code: string;
  /** The app version (semver), also the package's version: `dist/altcraft-albato-<version>.zip`. */
  version: string;
  website: string;
  docsUrl: string;
  /** Repo-relative path of the logo (SVG). */
  logo: string;
  categories: string[];
  place: Place;
}

export interface ConnectorTrigger {
  /** Stable id (Latin letters and digits), also the key of the trigger's labels in every locale. */
  code: string;
  eventType: string;
  /** Code of the group (channel) it is listed under. */
  group: string;
  /** Repo-relative path of the event schema. */
  schema: string;
  /** Repo-relative paths of the sample files (one event each). */
  samples: string[];
  /** Field paths (schema paths like `event_data.ip`) deliberately not exposed for this trigger, with why. */
  exclude: Record<string, string>;
  place: Place;
}

/** A path the policy leaves out, with why, and where it says so. */
export interface PolicyExclusion {
  path: string;
  reason: string;
  place: Place;
}

/**
 * The field policy (`connector/fields.yaml`): which schema leaves become trigger fields, in which order,
 * and which are left out with a reason, everywhere or for the triggers of one event family or channel.
 */
export interface FieldPolicy {
  file: string;
  /** In display order; each block's paths in the order its fields appear. */
  blocks: Array<{ id: string; paths: string[]; place: Place }>;
  exclude: PolicyExclusion[];
  /** By event family, then by channel (scripts/event-types.ts). */
  excludeFor: { family: Record<string, PolicyExclusion[]>; channel: Record<string, PolicyExclusion[]> };
}

/** The labels of one locale, keyed by stable ids, never by English text. */
export interface LocaleLabels {
  locale: Locale;
  file: string;
  app: { name: string; description: string };
  /** The name of the authorization entity (e.g. "No authorization"). */
  authorization: { name: string };
  connection: Record<string, { name: string; hint: string }>;
  groups: Record<string, string>;
  /** `altcraft`: the event as Altcraft's own interface names it (in its list of hook events). */
  triggers: Record<string, { name: string; description: string; altcraft: string }>;
  /** Names of the field blocks of the field policy, by block id. */
  blocks: Record<string, string>;
  /** Field labels keyed by schema path, e.g. `event_data.link_url`, `subscription[].channel`. */
  fields: Record<string, string>;
  /**
   * Line of each key, intermediate ones included (`triggers`, `triggers.emailLinkClicked`,
   * `triggers.emailLinkClicked.name`, `fields.event_data.ip` …), for messages.
   */
  lines: Record<string, number>;
}

export const CONNECTION_FIELD_TYPES = ["Webhook", "string", "password"] as const;

export interface ConnectorConnectionField {
  code: string;
  type: (typeof CONNECTION_FIELD_TYPES)[number];
  requiredWhenCreating: boolean;
  requiredWhenEditing: boolean;
  place: Place;
}

export interface ConnectorDefinition {
  root: string;
  app: ConnectorApp;
  /** Action hooks carry no credentials, so the app asks for none. */
  authorization: "none";
  connectionFields: ConnectorConnectionField[];
  /** Group codes in display order. */
  groups: string[];
  triggers: ConnectorTrigger[];
  fieldPolicy: FieldPolicy;
  locales: Record<Locale, LocaleLabels>;
  /** Every file the definition was read from (repo-relative, sorted): YAML files and the logo, for cache keys. */
  files: string[];
}

export type { Localized };
