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

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  app: ManifestApp;
  authorization: { type: "none" | "custom"; names: Localized };
  connectionFields: ConnectionField[];
  groups: ManifestGroup[];
  /** The field policy's blocks, in the order fields appear in a trigger. */
  fieldBlocks: ManifestGroup[];
  triggers: ManifestTrigger[];
}
