/**
 * The API token never leaves `call` in anything it prints: every string (and key) of a document, and every
 * line of text, has each occurrence of the token replaced, whatever put it there (the request body, an
 * answer that echoes it, an error message quoting an input).
 */
export const REDACTED = "***";

export function redactText(text: string, token: string | undefined): string {
  return token ? text.split(token).join(REDACTED) : text;
}

export function redactValue<T>(value: T, token: string | undefined): T {
  if (!token) return value;
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return redactText(node, token);
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === "object" && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [redactText(key, token), walk(child)]));
    }
    return node;
  };
  return walk(value) as T;
}
