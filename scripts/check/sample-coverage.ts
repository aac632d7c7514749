/**
 * Sample coverage: optional fields that no sample of their trigger exercises (absent or null in every
 * sample). Not an error — Altcraft omits many fields — but each is a field whose real shape nobody has
 * seen in a sample yet, so the build reports them (count on stderr, the list in `--json`).
 */
import type { DerivedField } from "../derive/fields.js";

export interface UncoveredField {
  trigger: string;
  eventType: string;
  path: string;
}

export interface CoverageReport {
  /** Optional fields across all triggers. */
  optionalFields: number;
  /** Of those, the ones some sample has a value for. */
  covered: number;
  uncovered: UncoveredField[];
}

/** Is there a non-null value at the schema path (`a.b`, `list[].c`) in the sample? */
export function hasValueAt(sample: unknown, path: string): boolean {
  let nodes: unknown[] = [sample];
  for (const segment of path.split(".")) {
    const isArray = segment.endsWith("[]");
    const key = isArray ? segment.slice(0, -2) : segment;
    const next: unknown[] = [];
    for (const node of nodes) {
      if (typeof node !== "object" || node === null || Array.isArray(node)) continue;
      const value = (node as Record<string, unknown>)[key];
      if (value === undefined || value === null) continue;
      if (isArray) {
        if (Array.isArray(value)) next.push(...value);
      } else {
        next.push(value);
      }
    }
    nodes = next;
    if (nodes.length === 0) return false;
  }
  return nodes.some((node) => node !== null && node !== undefined);
}

export interface TriggerCoverageInput {
  trigger: string;
  eventType: string;
  fields: readonly DerivedField[];
  samples: readonly unknown[];
}

export function sampleCoverage(inputs: readonly TriggerCoverageInput[]): CoverageReport {
  const report: CoverageReport = { optionalFields: 0, covered: 0, uncovered: [] };
  for (const { trigger, eventType, fields, samples } of inputs) {
    for (const field of fields) {
      if (!field.optional) continue;
      report.optionalFields++;
      if (samples.some((sample) => hasValueAt(sample, field.path))) report.covered++;
      else report.uncovered.push({ trigger, eventType, path: field.path });
    }
  }
  return report;
}
