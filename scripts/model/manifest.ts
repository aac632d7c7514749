/**
 * The Albato app manifest (`format: "albato-app-manifest/1"`): our own format, mirroring the App
 * Integrator entity by entity. Its JSON Schema is `schemas/manifest/manifest.schema.json`; this is the
 * TypeScript view of the same shape.
 */
export const MANIFEST_FORMAT = "albato-app-manifest/1";

export type Locale = "en" | "ru";
export const LOCALES: readonly Locale[] = ["en", "ru"];

/** Text per locale, every locale present. */
export type Localized = Record<Locale, string>;

export type AlbatoScalarType = "String" | "Int" | "Decimal" | "Boolean" | "DateTime" | "Phone";
export type AlbatoFieldType = AlbatoScalarType | `${AlbatoScalarType}Array`;

export const ALBATO_SCALAR_TYPES: readonly AlbatoScalarType[] = ["String", "Int", "Decimal", "Boolean", "DateTime", "Phone"];
/** Every Albato field type: the scalars and their arrays. */
export const ALBATO_FIELD_TYPES: readonly AlbatoFieldType[] = [...ALBATO_SCALAR_TYPES, ...ALBATO_SCALAR_TYPES.map((type) => `${type}Array` as const)];

export interface ManifestApp {
  code: string;
  version: string;
  names: Localized;
  descriptions: Localized;
  website: string;
  docsUrl: string;
  /** File name of the logo inside the package. */
  logo: string;
  categories: string[];
}

export interface ConnectionField {
  code: string;
  type: "Webhook" | "string" | "password";
  names: Localized;
  hints: Localized;
  requiredWhenCreating: boolean;
  requiredWhenEditing: boolean;
}

export interface TriggerFilter {
  /** Conditions, all of which must hold (AND). */
  all: Array<{ variable: string; operator: "equal"; value: string }>;
}

export interface TriggerResponse {
  contentType: "JSON";
  returnDataArray: true;
  /** Empty: Altcraft posts a root-level array. */
  arrayPath: "";
}

export interface ManifestField {
  /** Albato field code: Latin letters and digits, unique in the trigger, frozen once published. */
  code: string;
  names: Localized;
  type: AlbatoFieldType;
  /** The field policy's block it belongs to (connector/fields.yaml). */
  block: string;
  /** Mapping path in the App Integrator, `data.`-prefixed; array-of-object leaves as `data.subscription[].channel`. */
  path: string;
  /** For DateTime fields: the source format as Albato's gear dialog asks for it. */
  dateTimeFormat?: { format: "RFC3339"; timeZone: "UTC" };
  /** For array fields: the separator set in the field's gear, which joins the elements into one value. */
  separator?: string;
  /** Where the field comes from: the schema file and the JSON pointer of the property. */
  source: { schema: string; pointer: string };
}

export interface ManifestTrigger {
  code: string;
  model: "webhook";
  names: Localized;
  descriptions: Localized;
  /** The event as Altcraft's own interface names it (what the engineer ticks in the hook's settings). */
  altcraftNames: Localized;
  group: string;
  eventType: string;
  eventTypeConfirmed: boolean;
  filter: TriggerFilter;
  response: TriggerResponse;
  fields: ManifestField[];
}

export interface ManifestGroup {
  code: string;
  names: Localized;
}

/** A field of the authorization (Custom type): asked when a connection is made, stored in it. */
export interface AuthorizationField {
  code: string;
  type: "password" | "string";
  names: Localized;
  hints: Localized;
  /** The "Required field" checkbox. */
  required: boolean;
  /** The "Editable field" checkbox: the value shows, and can be changed, in the connection settings. */
  editable: boolean;
}

export interface ManifestAuthorization {
  type: "none" | "custom";
  names: Localized;
  /** The authorization fields (Custom type); none for `none`. */
  fields: AuthorizationField[];
  /** The request the connection's Test button makes, with its error rules. */
  test?: { request: ManifestRequest; errors: ErrorRule[] };
}

/**
 * One row of a request's Parameters tab: `key` is the dotted path in the JSON body (`data._fname`),
 * `value` a literal or a template naming an action field as `{{<field code>}}` or a value of the
 * connection as `{{connection.<code>}}`, `type` the variable type the value is sent as.
 */
export interface ParameterRow {
  key: string;
  value: string;
  type: AlbatoFieldType;
}

/** The Request tab of a request widget. */
export interface ManifestRequest {
  method: "POST";
  /** Built from the connection's host: `https://{{connection.host}}/api/v1.1/…`. */
  url: string;
  contentType: "JSON";
  parameters: ParameterRow[];
  /** The Altcraft API method called (its id in scripts/api-methods.ts) and its request and response schemas. */
  source: { method: string; requestSchema: string; responseSchema: string };
}

export interface ErrorCondition {
  /** A response variable: `data.` + the body path. */
  variable: string;
  operator: "equal" | "not equal";
  value: string;
}

/** One block of the Errors tab: when all its conditions hold, the run fails with this type and message. */
export interface ErrorRule {
  type: "Default" | "InvalidCredential";
  all: ErrorCondition[];
  /** Static text and `{{data.…}}` mappings. */
  message: string;
}

/** A field of an action: an input the user fills (editable) or a response field the Response tab fills. */
export interface ActionField {
  /** Latin letters and digits, unique in the action, frozen by the lock once published. */
  code: string;
  names: Localized;
  hints: Localized;
  type: AlbatoFieldType;
  /** The code of the list the user picks the value from. */
  list?: string;
  required: boolean;
  /** False for a response field: filled from the Response tab, not shown to the user. */
  editable: boolean;
}

/** One row of the Response tab: a response body variable (`data.`-prefixed) → the action field it fills. */
export interface ResponseFieldRow {
  key: string;
  field: string;
}

export interface ManifestAction {
  code: string;
  names: Localized;
  descriptions: Localized;
  /** True when the documentation is too thin to be sure of the request or the response (scripts/api-methods.ts says why). */
  provisional: boolean;
  /** Inputs in the order a user fills them, then the response fields. */
  fields: ActionField[];
  request: ManifestRequest;
  responseFields: ResponseFieldRow[];
  errors: ErrorRule[];
}

export interface StaticListItem {
  /** The unique key, what requests send. */
  key: string;
  names: Localized;
}

export interface ManifestStaticList {
  code: string;
  type: "static";
  names: Localized;
  items: StaticListItem[];
}

export interface ManifestDynamicList {
  code: string;
  type: "dynamic";
  names: Localized;
  provisional: boolean;
  request: ManifestRequest;
  /** Where the items are in the response, and which of each item's keys is its key and which its name. */
  response: { arrayPath: string; key: string; name: string };
  /** How to ask for the next page: the request parameter, and the response variable holding its value. */
  paging: { parameter: string; next: string };
  errors: ErrorRule[];
}

export type ManifestList = ManifestStaticList | ManifestDynamicList;

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  app: ManifestApp;
  authorization: ManifestAuthorization;
  connectionFields: ConnectionField[];
  lists: ManifestList[];
  groups: ManifestGroup[];
  /** The field policy's blocks, in the order fields appear in a trigger. */
  fieldBlocks: ManifestGroup[];
  triggers: ManifestTrigger[];
  actions: ManifestAction[];
}
