/**
 * The field blocks as the guide lists them: a block has as many variants as there are different field
 * lists among the triggers that have it (the recipient block of email events has the recipient's email,
 * that of SMS events the phone). Each variant is listed once; a trigger names the variants it takes.
 */
import type { Localized, Manifest, ManifestField } from "../../model/manifest.js";
import { LOCALES } from "../../model/manifest.js";

export interface BlockVariant {
  /** `recipient`, `recipient-2` …: stable for the same manifest. */
  id: string;
  block: string;
  names: Localized;
  fields: ManifestField[];
  /** Codes of the triggers that take it, in manifest order. */
  triggers: string[];
}

export interface BlockLayout {
  variants: BlockVariant[];
  /** Trigger code → the ids of its variants, in its field order. */
  byTrigger: Map<string, string[]>;
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export function blockLayout(manifest: Manifest): BlockLayout {
  const variants: BlockVariant[] = [];
  const bySignature = new Map<string, BlockVariant>();
  const byTrigger = new Map<string, string[]>();
  for (const trigger of manifest.triggers) {
    const ids: string[] = [];
    const blocks = [...new Set(trigger.fields.map((field) => field.block))];
    for (const block of blocks) {
      const fields = trigger.fields.filter((field) => field.block === block);
      // What is typed for a field (its source in the schemas differs from trigger to trigger).
      const signature = `${block}\0${fields.map(({ source: _source, ...typed }) => JSON.stringify(typed)).join("\0")}`;
      let variant = bySignature.get(signature);
      if (!variant) {
        const count = variants.filter((other) => other.block === block).length;
        const names = manifest.fieldBlocks.find((candidate) => candidate.code === block)?.names ?? { en: block, ru: block };
        variant = { id: count === 0 ? block : `${block}-${count + 1}`, block, names, fields, triggers: [] };
        bySignature.set(signature, variant);
        variants.push(variant);
      }
      variant.triggers.push(trigger.code);
      ids.push(variant.id);
    }
    byTrigger.set(trigger.code, ids);
  }
  // Blocks with several variants name them A, B, C … in the order first met.
  for (const block of new Set(variants.map((variant) => variant.block))) {
    const same = variants.filter((variant) => variant.block === block);
    if (same.length < 2) continue;
    same.forEach((variant, index) => {
      variant.names = Object.fromEntries(LOCALES.map((locale) => [locale, `${variant.names[locale]} ${LETTERS[index] ?? index + 1}`])) as Localized;
    });
  }
  return { variants, byTrigger };
}
