/** Small wording helpers shared by the rules, so messages read the same everywhere. */
import { LOCALES, type Localized, type ManifestTrigger } from "../../../model/manifest.js";

export function quote(value: unknown): string {
  return JSON.stringify(value);
}

/** `emailClicked ("Email link clicked")`. */
export function triggerTitle(trigger: ManifestTrigger): string {
  return `${trigger.code} (${quote(trigger.names.en)})`;
}

/** One `en: "A" → "B"` per locale whose text differs; empty when none does. */
export function localizedChanges(before: Partial<Localized> | undefined, after: Partial<Localized> | undefined): string[] {
  const changes: string[] = [];
  const locales = new Set<string>([...LOCALES, ...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const locale of [...locales].sort()) {
    const a = (before as Record<string, string> | undefined)?.[locale];
    const b = (after as Record<string, string> | undefined)?.[locale];
    if (a !== b) changes.push(`${locale}: ${a === undefined ? "(none)" : quote(a)} → ${b === undefined ? "(none)" : quote(b)}`);
  }
  return changes;
}

/** JSON with object keys sorted, so equal structures compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, node: unknown) =>
    node && typeof node === "object" && !Array.isArray(node)
      ? Object.fromEntries(Object.entries(node as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : node,
  );
}
