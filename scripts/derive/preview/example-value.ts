/**
 * The example value a field shows: taken from the first sample that has the field's path. Paths are the
 * manifest's mapping paths (`data.event_data.link_url`, `data.subscription[].channel`).
 */

/** Every value at a path; `[]` after a segment walks each item of that array. */
export function valuesAtPath(sample: unknown, path: string): unknown[] {
  const segments = path.replace(/^data\./, "").split(".");
  let current: unknown[] = [sample];
  for (const segment of segments) {
    const isArray = segment.endsWith("[]");
    const key = isArray ? segment.slice(0, -2) : segment;
    const next: unknown[] = [];
    for (const node of current) {
      if (typeof node !== "object" || node === null || Array.isArray(node) || !(key in node)) continue;
      const value = (node as Record<string, unknown>)[key];
      if (isArray) {
        if (Array.isArray(value)) next.push(...value);
      } else next.push(value);
    }
    current = next;
  }
  return current;
}

/** How a value reads in the preview: strings as they are, everything else as compact JSON. */
export function displayValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The example for a field, or null when no sample has the path. */
export function exampleFor(samples: readonly { data: unknown }[], path: string): string | null {
  const isList = path.includes("[]");
  for (const sample of samples) {
    const values = valuesAtPath(sample.data, path);
    if (values.length === 0) continue;
    return isList ? JSON.stringify(values) : displayValue(values[0]);
  }
  return null;
}
