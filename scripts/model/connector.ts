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

/** The labels of one locale, keyed by stable ids, never by English text. */
export interface LocaleLabels {
  locale: Locale;
  file: string;
  app: { name: string; description: string };
  /** The name of the authorization entity (e.g. "No authorization"). */
  authorization: { name: string };
  connection: Record<string, { name: string; hint: string }>;
  groups: Record<string, string>;
  triggers: Record<string, { name: string; description: string }>;
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
  locales: Record<Locale, LocaleLabels>;
  /** Every file the definition was read from (repo-relative, sorted): YAML files and the logo, for cache keys. */
  files: string[];
}

export type { Localized };
