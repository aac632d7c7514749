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
  return { connectionFields: [], groups: [], ...root } as unknown as Manifest;
}
