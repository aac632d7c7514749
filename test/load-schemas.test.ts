import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CannotRunError } from "../scripts/errors.js";
import { EVENT_TYPES } from "../scripts/event-types.js";
import { parseJson } from "../scripts/load/json.js";
import { SCHEMA_ID_BASE, type SchemaDocument } from "../scripts/load/json-schema.js";
import { mergeSchemas, resolveSchema } from "../scripts/load/resolve-refs.js";
import { loadSchemas } from "../scripts/load/schemas.js";

const root = join(import.meta.dirname, "..");

function doc(file: string, json: object): SchemaDocument {
  const id = SCHEMA_ID_BASE + file;
  return { file, id, json: { $id: id, ...json }, text: JSON.stringify(json) };
}

function documents(...docs: SchemaDocument[]): Map<string, SchemaDocument> {
  return new Map(docs.map((d) => [d.id, d]));
}

/** The lines the CLI would print for the error `action` throws. */
function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(CannotRunError);
    return (error as CannotRunError).lines().join("\n");
  }
  throw new Error("expected an error");
}

async function rejectionOf(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(CannotRunError);
    return (error as CannotRunError).lines().join("\n");
  }
  throw new Error("expected an error");
}

describe("resolveSchema", () => {
  it("inlines relative $refs and merges allOf with the schema's own properties", () => {
    const base = doc("schemas/common/base.schema.json", {
      type: "object",
      required: ["a"],
      properties: { a: { type: "string", title: "A", examples: ["x"] }, b: { type: "integer" } },
    });
    const event = doc("schemas/events/e.schema.json", {
      allOf: [{ $ref: "../common/base.schema.json" }],
      required: ["b"],
      properties: { a: { const: "e", title: "Event A" }, c: { $ref: "../common/base.schema.json#/properties/b" } },
    });
    const resolved = resolveSchema(event, documents(base, event));
    expect(resolved.required).toEqual(["a", "b"]);
    expect(resolved.properties?.a).toEqual({ type: "string", title: "Event A", const: "e" });
    expect(resolved.properties?.c).toEqual({ type: "integer" });
    expect(JSON.stringify(resolved)).not.toContain("$ref");
  });

  it("reports a dangling $ref with the file and the pointer of the reference", () => {
    const event = doc("schemas/events/e.schema.json", {
      properties: { x: { $ref: "../common/missing.schema.json" } },
    });
    const message = messageOf(() => resolveSchema(event, documents(event)));
    expect(message).toContain("schemas/events/e.schema.json /properties/x/$ref");
    expect(message).toContain("points at nothing");
  });

  it("reports a dangling fragment inside an existing file", () => {
    const base = doc("schemas/common/base.schema.json", { $defs: {} });
    const event = doc("schemas/events/e.schema.json", { $ref: "../common/base.schema.json#/$defs/nope" });
    expect(messageOf(() => resolveSchema(event, documents(base, event)))).toContain("points at nothing");
  });

  it("reports a cycle of $refs across files, naming the chain", () => {
    const a = doc("schemas/common/a.schema.json", { properties: { next: { $ref: "./b.schema.json" } } });
    const b = doc("schemas/common/b.schema.json", { properties: { back: { $ref: "./a.schema.json" } } });
    const event = doc("schemas/events/e.schema.json", { $ref: "../common/a.schema.json" });
    const message = messageOf(() => resolveSchema(event, documents(a, b, event)));
    expect(message).toMatch(/cyclic "\$ref": schemas\/common\/a\.schema\.json# → schemas\/common\/b\.schema\.json# → schemas\/common\/a\.schema\.json#/);
    expect(message).toContain("schemas/common/b.schema.json /properties/back/$ref");
  });

  it("mergeSchemas unions required and lets the second schema's keywords win", () => {
    const merged = mergeSchemas(
      { required: ["a"], title: "one", properties: { p: { type: "string", title: "P" } } },
      { required: ["a", "b"], title: "two", properties: { p: { description: "d" } } },
    );
    expect(merged).toEqual({
      required: ["a", "b"],
      title: "two",
      properties: { p: { type: "string", title: "P", description: "d" } },
    });
  });
});

describe("parseJson", () => {
  it("names the line and column of a syntax error", () => {
    expect(messageOf(() => parseJson('{\n  "a": 1,\n  }\n', "x.json"))).toMatch(/^x\.json:3:3: not valid JSON: /);
  });

  it("points at the end of a cut-off text", () => {
    expect(messageOf(() => parseJson('{"a":', "cut.json"))).toBe("cut.json:1:6: not valid JSON: Unexpected end of JSON input");
  });

  it("points at a bare word V8 names no position for (a schema's `\"type\": object`)", () => {
    const text = '{\n  "$id": "x",\n  "properties": {\n    "a": {\n      "title": "A",\n      "type": object\n    }\n  }\n}\n';
    expect(messageOf(() => parseJson(text, "schemas/events/x.schema.json"))).toMatch(/^schemas\/events\/x\.schema\.json:6:15: not valid JSON: /);
  });
});

describe("loadSchemas on the repository", () => {
  it("resolves one schema per registry event type, each with its event_type constant", async () => {
    const loaded = await loadSchemas(root);
    expect([...loaded.events.keys()]).toEqual(EVENT_TYPES.map((info) => info.type));
    for (const [type, event] of loaded.events) {
      expect(event.resolved.properties?.event_type?.const).toBe(type);
      expect(event.resolved.required).toEqual(
        expect.arrayContaining(["event_type", "event_date", "account_id", "is_test", "event_data"]),
      );
    }
  });

  it("rejects a schema whose $id does not match its path, and a stray event schema, all in one report", async () => {
    const copy = await mkdtemp(join(tmpdir(), "schemas-"));
    try {
      await cp(join(root, "schemas"), join(copy, "schemas"), { recursive: true });
      await writeFile(join(copy, "schemas/events/open_email.schema.json"), JSON.stringify({ $id: `${SCHEMA_ID_BASE}schemas/events/open_email.schema.json` }));
      expect(await rejectionOf(() => loadSchemas(copy))).toMatch(/schemas\/events\/open_email\.schema\.json: no event type "open_email"/);
      await mkdir(join(copy, "schemas/extra"), { recursive: true });
      await writeFile(join(copy, "schemas/extra/x.schema.json"), JSON.stringify({ $id: "https://elsewhere/x.json" }));
      await writeFile(join(copy, "schemas/common/broken.schema.json"), '{\n  "type": object\n}\n');
      const report = await rejectionOf(() => loadSchemas(copy));
      expect(report).toMatch(/schemas\/extra\/x\.schema\.json \/\$id: "\$id" must be/);
      expect(report).toMatch(/schemas\/common\/broken\.schema\.json:2:11: not valid JSON/);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
