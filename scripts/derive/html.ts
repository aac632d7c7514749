/** Writing self-contained HTML pages (the preview, the entry assistant): escaping and embedded data. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script> element: no `<`, `>` or `&` (so no `</script>`), no line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Inline CSS or JS must not close its own element early. */
export function assertInlineSafe(name: string, text: string): string {
  if (/<\/(script|style)/i.test(text)) throw new Error(`${name} must not contain a closing </script> or </style>`);
  return text;
}

/** A Content-Security-Policy that forbids every network request: the page cannot fetch anything, even by mistake. */
export const NO_NETWORK_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The start of a self-contained page up to its <body>: UTF-8, a phone's viewport, the no-network
 * policy, the page's title (text), its inline CSS, and whatever else `head` holds (already HTML).
 */
export function pageHead(options: { generator: string; title: string; css: string; cssName: string; head?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${NO_NETWORK_CSP}">
<meta name="generator" content="${escapeHtml(options.generator)}">
<title>${escapeHtml(options.title)}</title>
${options.head ?? ""}<style>${assertInlineSafe(options.cssName, options.css)}</style>
</head>
`;
}
