/**
 * The Albato app manifest (`albato-app-manifest/1`) from the loaded connector, the derived fields of each
 * trigger and the frozen field codes. Labels come from the locale files by stable id; a missing label is
 * left empty here and reported by the `labelsComplete` constraint, so one run reports every gap.
 */
import type { EventTypeInfo } from "../event-types.js";
import type { ConnectorDefinition, LocaleLabels } from "../model/connector.js";
import type { Locale, Localized, Manifest, ManifestField, ManifestTrigger } from "../model/manifest.js";
import { LOCALES, MANIFEST_FORMAT } from "../model/manifest.js";
import { PACKAGE_LOGO } from "../model/package.js";
import type { EventFields } from "./fields.js";
import { mappingPath } from "./fields.js";
import { deriveActions, deriveAuthorization, deriveLists } from "./manifest-api.js";

export interface ManifestInput {
  connector: ConnectorDefinition;
  /** The derived fields of each trigger, aligned with `connector.triggers`. */
  triggerFields: readonly EventFields[];
  /** Lock key → frozen field code (every path of `triggerFields` and every action field has one). */
  codes: ReadonlyMap<string, string>;
  registry: readonly EventTypeInfo[];
}

function localized(connector: ConnectorDefinition, pick: (labels: LocaleLabels) => string | undefined): Localized {
  const result = {} as Record<Locale, string>;
  for (const locale of LOCALES) result[locale] = pick(connector.locales[locale]) ?? "";
  return result;
}

/** What joins an array field's elements into one value (the guide tells users to set it in the gear). */
export const ARRAY_SEPARATOR = ", ";

function deriveField(connector: ConnectorDefinition, field: EventFields["fields"][number], code: string): ManifestField {
  const isDateTime = field.type === "DateTime" || field.type === "DateTimeArray";
  return {
    code,
    names: localized(connector, (labels) => labels.fields[field.path]),
    type: field.type,
    block: field.block,
    path: mappingPath(field.path),
    ...(isDateTime ? { dateTimeFormat: { format: "RFC3339", timeZone: "UTC" } as const } : {}),
    ...(field.type.endsWith("Array") ? { separator: ARRAY_SEPARATOR } : {}),
    source: { schema: field.source.schema, pointer: field.source.pointer },
  };
}

export function deriveManifest(input: ManifestInput): Manifest {
  const { connector, triggerFields, codes, registry } = input;
  const confirmed = new Map(registry.map((info) => [info.type, info.confirmed]));
  const triggers = connector.triggers.map((trigger, index): ManifestTrigger => {
    const fields = triggerFields[index]?.fields ?? [];
    return {
      code: trigger.code,
      model: "webhook",
      names: localized(connector, (labels) => labels.triggers[trigger.code]?.name),
      descriptions: localized(connector, (labels) => labels.triggers[trigger.code]?.description),
      altcraftNames: localized(connector, (labels) => labels.triggers[trigger.code]?.altcraft),
      group: trigger.group,
      eventType: trigger.eventType,
      eventTypeConfirmed: confirmed.get(trigger.eventType) ?? false,
      filter: { all: [{ variable: "data.event_type", operator: "equal", value: trigger.eventType }] },
      response: { contentType: "JSON", returnDataArray: true, arrayPath: "" },
      fields: fields.map((field) => deriveField(connector, field, codes.get(field.path) ?? "")),
    };
  });
  const { app } = connector;
  return {
    format: MANIFEST_FORMAT,
    app: {
      code: app.code,
      version: app.version,
      names: localized(connector, (labels) => labels.app.name),
      descriptions: localized(connector, (labels) => labels.app.description),
      website: app.website,
      docsUrl: app.docsUrl,
      logo: PACKAGE_LOGO,
      categories: [...app.categories],
    },
    authorization: deriveAuthorization(connector),
    connectionFields: connector.connectionFields.map((field) => ({
      code: field.code,
      type: field.type,
      names: localized(connector, (labels) => labels.connection[field.code]?.name),
      hints: localized(connector, (labels) => labels.connection[field.code]?.hint),
      requiredWhenCreating: field.requiredWhenCreating,
      requiredWhenEditing: field.requiredWhenEditing,
    })),
    lists: deriveLists(connector),
    groups: connector.groups.map((code) => ({ code, names: localized(connector, (labels) => labels.groups[code]) })),
    fieldBlocks: connector.fieldPolicy.blocks.map(({ id }) => ({ code: id, names: localized(connector, (labels) => labels.blocks[id]) })),
    triggers,
    actions: deriveActions(connector, codes),
  };
}

/** The manifest's file text: 2-space JSON with a trailing newline (key order is the derivation's, fixed). */
export function renderManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
