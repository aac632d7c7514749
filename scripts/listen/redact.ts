/**
 * The `--token` secret hidden wherever a request carries it: in the path however it is spelt
 * (`/<token>/`, `//<token>`, `/../<token>`, `?t=<token>`, any of its characters percent-encoded, in
 * either case of hex, encoded again as `%25…`), and in header values (a `Referer` holding the hook URL).
 * What is shown or captured says `{token}` instead, so captures and console logs can be shared.
 */

export const TOKEN_PLACEHOLDER = "{token}";

/** One character of the token as it may appear in a URL: itself, or `%HH` (any hex case), `%25HH`, … */
function characterPattern(char: string): string {
  const hex = char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0");
  const hexPattern = [...hex].map((digit) => (/[A-F]/.test(digit) ? `[${digit}${digit.toLowerCase()}]` : digit)).join("");
  const literal = /[A-Za-z0-9]/.test(char) ? char : `\\${char}`;
  return `(?:${literal}|%(?:25)*${hexPattern})`;
}

/** A function that replaces every spelling of `token` in a text with `{token}`; the identity without a token. */
export function tokenRedactor(token: string | undefined): (text: string) => string {
  if (token === undefined || token === "") return (text) => text;
  const pattern = new RegExp([...token].map(characterPattern).join(""), "g");
  // Most texts (the headers of every request) hold no trace of it: without the token itself or a "%",
  // no spelling of it can be there.
  return (text) => (text.includes(token) || text.includes("%") ? text.replace(pattern, TOKEN_PLACEHOLDER) : text);
}

/** Request headers with the token hidden in every value (and name). */
export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
  redact: (text: string) => string,
): Record<string, string | string[] | undefined> {
  const result: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    result[redact(name)] = Array.isArray(value) ? value.map(redact) : value === undefined ? undefined : redact(value);
  }
  return result;
}
