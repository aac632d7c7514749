/** JSON pointers (RFC 6901): the one place that escapes, parses and follows them. */

/** One escaped segment: `~` → `~0`, `/` → `~1`. */
export function pointerSegment(key: string | number): string {
  const text = String(key);
  return text.includes("~") || text.includes("/") ? text.replace(/~/g, "~0").replace(/\//g, "~1") : text;
}

/** `base` + `/segment` for each key. */
export function appendPointer(base: string, ...keys: ReadonlyArray<string | number>): string {
  let pointer = base;
  for (const key of keys) pointer += `/${pointerSegment(key)}`;
  return pointer;
}

/** The unescaped segments of a pointer ("" → none). A `#` fragment form is accepted and URI-decoded. */
export function pointerSegments(pointer: string): string[] {
  let text = pointer;
  if (text.startsWith("#")) text = decodeURIComponent(text.slice(1));
  if (text === "") return [];
  return text
    .slice(1)
    .split("/")
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The value a pointer names inside `data`, or undefined when there is none. */
export function valueAtPointer(data: unknown, pointer: string): unknown {
  let node = data;
  for (const key of pointerSegments(pointer)) {
    if (typeof node !== "object" || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
