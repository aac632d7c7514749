/**
 * The HTTP request an action or list sends, as `call` shows and sends it: rendered from the manifest's
 * Request tab (derive/request-body.ts) with the inputs and the connection's values, the host part of the
 * URL replaced by `--base-url` when given.
 */
import { TOKEN_PLACEMENT } from "../api-methods.js";
import { renderRequest, requestPath } from "../derive/request-body.js";
import { CannotRunError } from "../errors.js";
import { parseTemplate } from "../load/template.js";
import type { ManifestRequest } from "../model/manifest.js";
import type { Target } from "./options.js";
import { REDACTED } from "./redact.js";

export interface HttpRequestDocument {
  method: "POST";
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** The connection values a request names: the URL's host field and the token row's field. */
function connectionValues(request: ManifestRequest, target: Target, token: string | undefined): Map<string, string> {
  const values = new Map<string, string>();
  const host = /^https:\/\/\{\{connection\.([A-Za-z][A-Za-z0-9]*)\}\}/.exec(request.url)?.[1];
  if (host) values.set(host, target.host);
  const row = request.parameters.find((candidate) => candidate.key === TOKEN_PLACEMENT.bodyKey);
  const template = row ? parseTemplate(row.value) : undefined;
  if (template && !("error" in template) && template.kind === "connection") values.set(template.name, token ?? REDACTED);
  return values;
}

/** The request; a value that does not fit its field's type is a usage mistake (exit 2), said per field. */
export function buildRequest(request: ManifestRequest, inputs: ReadonlyMap<string, string>, target: Target, token: string | undefined, what: string): HttpRequestDocument {
  const result = renderRequest(request, { fields: inputs, connection: connectionValues(request, target, token) });
  if (!result.rendered) {
    const said = result.problems.map((problem) => (problem.field !== undefined ? `--input ${problem.field}: ${problem.message} (sent as ${problem.key})` : `${problem.key}: ${problem.message}`));
    throw new CannotRunError(`${what}: ${said.join("; ")}`);
  }
  return {
    method: "POST",
    url: `${target.origin}${requestPath(request)}`,
    headers: { "Content-Type": "application/json" },
    body: result.rendered.body,
  };
}
