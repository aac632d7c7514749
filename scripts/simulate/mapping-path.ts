/**
 * Mapping paths as the App Integrator writes them on the Response tab and in trigger filters: `data.`
 * for the body (one array element, once "Data array return" has split the request), then dotted keys;
 * `key[]` means "every element of the array at key" (`data.subscription[].channel`).
 */

export interface PathStep {
  key: string;
  /** The value at `key` is an array whose elements the rest of the path is read from. */
  each: boolean;
}

export interface MappingPath {
  text: string;
  steps: PathStep[];
}

/** What a path finds in one element: one value, or (through `[]`) the values of every array element. */
export type Found = { kind: "one"; value: unknown } | { kind: "many"; values: unknown[] };

const SEGMENT = /^([^.[\]\s]+)(\[\])?$/;

/** The path, or why it is not one this tool reads (a `headers.` variable, a malformed segment). */
export function parseMappingPath(text: string): MappingPath | { error: string } {
  if (!text.startsWith("data.")) {
    return { error: `"${text}" is not a body variable (data.…); simulate plays request bodies only` };
  }
  const steps: PathStep[] = [];
  for (const segment of text.slice("data.".length).split(".")) {
    const match = SEGMENT.exec(segment);
    if (!match) return { error: `"${text}" is not a mapping path (data.key.key, key[] for every element of an array)` };
    steps.push({ key: match[1]!, each: match[2] !== undefined });
  }
  return { text, steps };
}

export function hasEach(path: MappingPath): boolean {
  return path.steps.some((step) => step.each);
}

/** The own property `key` of an object; undefined for anything else (arrays and primitives have no keys here). */
function member(node: unknown, key: string): unknown {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return undefined;
  return Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
}

/**
 * Read `path` in `data`. Without `[]` the result is one value (undefined when a key is missing). With `[]`
 * it is the values found under every element, in array order, undefined where an element lacks the key;
 * a `[]` step over something that is not an array contributes no values.
 */
export function findAtPath(data: unknown, path: MappingPath): Found {
  if (!hasEach(path)) {
    let node = data;
    for (const step of path.steps) node = member(node, step.key);
    return { kind: "one", value: node };
  }
  let nodes: unknown[] = [data];
  for (const step of path.steps) {
    const next: unknown[] = [];
    for (const node of nodes) {
      const value = member(node, step.key);
      if (!step.each) next.push(value);
      else if (Array.isArray(value)) next.push(...value);
    }
    nodes = next;
  }
  return { kind: "many", values: nodes };
}
