/**
 * The app definition as loaded from `connector/` (app.yaml, triggers.yaml, locales/*.yaml), every value
 * checked, with the place each came from so later checks can point at it.
 */
import type { Place } from "../errors.js";
import type { AlbatoFieldType, Locale, Localized } from "./manifest.js";

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
  /** The name of the authorization entity. */
  authorization: { name: string };
  /**
   * Name and hint of every field a connection asks for, by code: the connection fields and the
   * authorization fields (one screen for the user; requests name both as `{{connection.<code>}}`).
   */
  connection: Record<string, { name: string; hint: string }>;
  groups: Record<string, string>;
  /** `altcraft`: the event as Altcraft's own interface names it (in its list of hook events). */
  triggers: Record<string, { name: string; description: string; altcraft: string }>;
  /** Names of the field blocks of the field policy, by block id. */
  blocks: Record<string, string>;
  /** Field labels keyed by schema path, e.g. `event_data.link_url`, `subscription[].channel`. */
  fields: Record<string, string>;
  /** List names by list code, and the names of a static list's items by key. */
  lists: Record<string, { name: string; items: Record<string, string> }>;
  actions: Record<string, { name: string; description: string }>;
  /** Action field labels by field id, shared by every action that has the field. */
  actionFields: Record<string, { name: string; hint: string }>;
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

export const AUTHORIZATION_FIELD_TYPES = ["password", "string"] as const;

export interface ConnectorAuthorizationField {
  code: string;
  type: (typeof AUTHORIZATION_FIELD_TYPES)[number];
  required: boolean;
  editable: boolean;
  place: Place;
}

/**
 * One row of a request's Parameters tab as written: a dotted body key, a literal or a template
 * (`{{<field id>}}`, `{{connection.<code>}}`), and the type when it is not the field's own.
 */
export interface ConnectorRow {
  key: string;
  value: string;
  type?: AlbatoFieldType;
  place: Place;
}

/** A request to an Altcraft API method (its id in scripts/api-methods.ts) with the rows written for it. */
export interface ConnectorRequest {
  method: string;
  rows: ConnectorRow[];
  place: Place;
}

/** Albato's Custom authorization: the fields a connection asks for and the connection test. */
export interface ConnectorAuthorization {
  type: "custom";
  fields: ConnectorAuthorizationField[];
  test: ConnectorRequest;
  place: Place;
}

/** Where the API requests find the account: the connection field holding the host, the authorization field holding the token. */
export interface ConnectorApi {
  hostField: string;
  tokenField: string;
  place: Place;
}

export interface ConnectorStaticList {
  code: string;
  type: "static";
  items: Array<{ key: string; place: Place }>;
  place: Place;
}

export interface ConnectorDynamicList {
  code: string;
  type: "dynamic";
  request: ConnectorRequest;
  /** Response body paths (without `data.`): the array of items, and the key and name inside each item. */
  items: { path: string; key: string; name: string; place: Place };
  place: Place;
}

export type ConnectorList = ConnectorStaticList | ConnectorDynamicList;

/** An input field of an action as written (directly or through a field set). */
export interface ConnectorActionField {
  /** Stable id (Latin letters and digits): the key of its labels and of its lock entry. */
  id: string;
  type: AlbatoFieldType;
  list?: string;
  required: boolean;
  /** A value as a user would type it, for the build's request check (and for reviewers). */
  example: string;
  /** The body keys the field's value goes to (one Parameters row each). */
  to: string[];
  /** The field set it came from, when it did. */
  set?: string;
  place: Place;
}

/** A response field: a value the action returns, read from a response body path. */
export interface ConnectorResponseField {
  id: string;
  type: AlbatoFieldType;
  /** Response body path without `data.` (e.g. `profile_id`, `data._fname`). */
  from: string;
  place: Place;
}

export interface ConnectorAction {
  /** Stable id (Latin letters and digits), also the key of the action's labels. */
  code: string;
  /** The method, and the rows written besides those of the fields (constants, a field's second key). */
  request: ConnectorRequest;
  fields: ConnectorActionField[];
  response: ConnectorResponseField[];
  place: Place;
}

export interface ConnectorDefinition {
  root: string;
  app: ConnectorApp;
  /** The Altcraft API token, asked when a connection is made, and the connection test. */
  authorization: ConnectorAuthorization;
  api: ConnectorApi;
  connectionFields: ConnectorConnectionField[];
  /** In display order (connector/lists.yaml). */
  lists: ConnectorList[];
  /** In display order (connector/actions.yaml). */
  actions: ConnectorAction[];
  /** Group codes in display order. */
  groups: string[];
  triggers: ConnectorTrigger[];
  fieldPolicy: FieldPolicy;
  locales: Record<Locale, LocaleLabels>;
  /** Every file the definition was read from (repo-relative, sorted): YAML files and the logo, for cache keys. */
  files: string[];
}

export type { Localized };
