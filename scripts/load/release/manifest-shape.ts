/**
 * Accept a parsed JSON value as a manifest of the format this tool reads. Only the shape `diff`,
 * `preview` and `asyncapi` rely on is checked here (the build validates the full manifest schema); a
 * wrong shape is one line naming the file and the JSON pointer.
 */
import { CannotRunError } from "../../errors.js";
import { MANIFEST_FORMAT, type Manifest } from "../../model/manifest.js";

type Shape = "string" | "boolean" | "object" | "array";

function kindOf(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

export function readManifest(value: unknown, file: string): Manifest {
  const expect = (node: unknown, shape: Shape, pointer: string): void => {
    if (kindOf(node) !== shape) {
      const expected = `${shape === "array" || shape === "object" ? "an" : "a"} ${shape}`;
      // A missing key is said so, never "found undefined".
      throw new CannotRunError(node === undefined ? `missing: expected ${expected} here` : `expected ${expected}, found ${kindOf(node)}`, {
        file,
        pointer,
      });
    }
  };
  if (kindOf(value) !== "object" || !("format" in (value as object))) {
    throw new CannotRunError(`not an Albato app manifest (no "format"; expected "${MANIFEST_FORMAT}")`, { file });
  }
  const root = value as Record<string, unknown>;
  if (root.format !== MANIFEST_FORMAT) {
    throw new CannotRunError(
      `manifest format ${JSON.stringify(root.format)} is not supported; this tool reads "${MANIFEST_FORMAT}"`,
      { file, pointer: "/format" },
    );
  }
  expect(root.app, "object", "/app");
  const app = root.app as Record<string, unknown>;
  for (const key of ["code", "version"]) expect(app[key], "string", `/app/${key}`);
  for (const key of ["names", "descriptions"]) expect(app[key], "object", `/app/${key}`);
  expect(root.connectionFields ?? [], "array", "/connectionFields");
  expect(root.groups ?? [], "array", "/groups");
  expect(root.triggers, "array", "/triggers");
  (root.triggers as unknown[]).forEach((trigger, t) => {
    const at = `/triggers/${t}`;
    expect(trigger, "object", at);
    const record = trigger as Record<string, unknown>;
    for (const key of ["code", "eventType", "group"]) expect(record[key], "string", `${at}/${key}`);
    for (const key of ["names", "descriptions", "filter", "response"]) expect(record[key], "object", `${at}/${key}`);
    expect(record.eventTypeConfirmed, "boolean", `${at}/eventTypeConfirmed`);
    expect(record.fields, "array", `${at}/fields`);
    (record.fields as unknown[]).forEach((field, f) => {
      const fieldAt = `${at}/fields/${f}`;
      expect(field, "object", fieldAt);
      const fieldRecord = field as Record<string, unknown>;
      for (const key of ["code", "type", "path"]) expect(fieldRecord[key], "string", `${fieldAt}/${key}`);
      expect(fieldRecord.names, "object", `${fieldAt}/names`);
    });
  });
  expect(root.lists ?? [], "array", "/lists");
  ((root.lists ?? []) as unknown[]).forEach((list, l) => {
    const at = `/lists/${l}`;
    expect(list, "object", at);
    const record = list as Record<string, unknown>;
    for (const key of ["code", "type"]) expect(record[key], "string", `${at}/${key}`);
    expect(record.names, "object", `${at}/names`);
    if (record.type === "static") expect(record.items, "array", `${at}/items`);
    else for (const key of ["request", "response", "paging"]) expect(record[key], "object", `${at}/${key}`);
  });
  expect(root.actions ?? [], "array", "/actions");
  ((root.actions ?? []) as unknown[]).forEach((action, a) => {
    const at = `/actions/${a}`;
    expect(action, "object", at);
    const record = action as Record<string, unknown>;
    expect(record.code, "string", `${at}/code`);
    for (const key of ["names", "descriptions", "request"]) expect(record[key], "object", `${at}/${key}`);
    for (const key of ["fields", "responseFields", "errors"]) expect(record[key], "array", `${at}/${key}`);
    const request = record.request as Record<string, unknown>;
    expect(request.url, "string", `${at}/request/url`);
    expect(request.parameters, "array", `${at}/request/parameters`);
    (record.fields as unknown[]).forEach((field, f) => {
      expect(field, "object", `${at}/fields/${f}`);
      for (const key of ["code", "type"]) expect((field as Record<string, unknown>)[key], "string", `${at}/fields/${f}/${key}`);
    });
  });
  // Manifests of versions before the actions have none (and an authorization without fields).
  const authorization = { fields: [], ...(root.authorization as Record<string, unknown> | undefined) };
  return { connectionFields: [], groups: [], lists: [], actions: [], ...root, authorization } as unknown as Manifest;
}
