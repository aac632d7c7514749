/** The data the preview page renders, derived from the manifest and samples; embedded in the page as JSON. */
import { LOCALES, type Localized, type Locale, type Manifest } from "../../model/manifest.js";
import { previewActions, type PreviewActionGroup, type PreviewList } from "./actions.js";
import { exampleFor } from "./example-value.js";
import { searchText } from "./search-text.js";
import { setupSteps, type Segment } from "./setup-steps.js";

export interface PreviewField {
  code: string;
  names: Localized;
  type: string;
  path: string;
  example: string | null;
}

export interface PreviewTrigger {
  code: string;
  names: Localized;
  descriptions: Localized;
  eventType: string;
  confirmed: boolean;
  /** What the page's search looks through (search-text.ts). */
  search: string;
  fields: PreviewField[];
  steps: Record<Locale, Segment[][]>;
}

export interface PreviewGroup {
  code: string;
  names: Localized;
  triggers: PreviewTrigger[];
}

export interface PreviewData {
  app: {
    names: Localized;
    descriptions: Localized;
    version: string;
    website: string;
    docsUrl: string;
    logo: string | null;
  };
  /** The trigger picker's groups. */
  groups: PreviewGroup[];
  /** The action picker's groups (actions.ts); none for a manifest without actions, and then the page shows no switch. */
  actionGroups: PreviewActionGroup[];
  /** The lists the actions' fields pick from. */
  lists: PreviewList[];
}

export interface PreviewInput {
  manifest: Manifest;
  /** Samples by event type, in the order the example should be taken from (e.g. `full` before `minimal`). */
  samples: ReadonlyMap<string, readonly { data: unknown }[]>;
  /** The logo's SVG text, embedded as a data URI. */
  logoSvg?: string;
}

/** Only http(s) links become links; anything else (javascript:, data:) is dropped. */
function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : "";
}

function byLocale<T>(make: (locale: Locale) => T): Record<Locale, T> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, make(locale)])) as Record<Locale, T>;
}

export function previewData({ manifest, samples, logoSvg }: PreviewInput): PreviewData {
  const groupNames = (code: string) => manifest.groups.find((group) => group.code === code)?.names ?? byLocale(() => code);
  const trigger = (source: Manifest["triggers"][number]): PreviewTrigger => ({
    code: source.code,
    names: source.names,
    descriptions: source.descriptions,
    eventType: source.eventType,
    confirmed: source.eventTypeConfirmed,
    search: searchText(source, manifest.triggers, groupNames(source.group)),
    fields: source.fields.map((field) => ({
      code: field.code,
      names: field.names,
      type: field.type,
      path: field.path,
      example: exampleFor(samples.get(source.eventType) ?? [], field.path),
    })),
    steps: byLocale((locale) =>
      // A manifest built before triggers carried Altcraft's names (preview --manifest of an old release) has none.
      setupSteps(locale, { altcraftName: source.altcraftNames?.[locale] ?? source.eventType, eventType: source.eventType }),
    ),
  });
  // Groups in the manifest's order; a trigger naming an undeclared group gets a group of its own.
  const groups: PreviewGroup[] = manifest.groups.map((group) => ({ code: group.code, names: group.names, triggers: [] }));
  for (const source of manifest.triggers) {
    let group = groups.find((candidate) => candidate.code === source.group);
    if (!group) {
      group = { code: source.group, names: byLocale(() => source.group), triggers: [] };
      groups.push(group);
    }
    group.triggers.push(trigger(source));
  }
  return {
    app: {
      names: manifest.app.names,
      descriptions: manifest.app.descriptions,
      version: manifest.app.version,
      website: safeUrl(manifest.app.website),
      docsUrl: safeUrl(manifest.app.docsUrl),
      logo: logoSvg ? `data:image/svg+xml;base64,${Buffer.from(logoSvg, "utf8").toString("base64")}` : null,
    },
    groups: groups.filter((group) => group.triggers.length > 0),
    ...previewActions(manifest),
  };
}
