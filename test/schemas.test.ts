/**
 * The event JSON Schemas under schemas/ and their samples.
 *
 * - one schema per registered event type (scripts/event-types.ts), and no other;
 * - every schema compiles in strict Ajv (draft 2020-12) and follows the house rules: every property has a
 *   title and a description, composition only by `allOf` of `$ref`s, nothing closed, only our x-* keywords;
 * - every valid sample validates, every event type has full.json and minimal.json, full.json carries every
 *   declared field;
 * - every invalid sample fails, with at least the (pointer, keyword) pairs of its .expect.json (the exact
 *   list, one problem per defect, is what `validate` reports: test/validate.test.ts checks that).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import Ajv2020Module from "ajv/dist/2020.js";
import type { ErrorObject, ValidateFunction } from "ajv";
import { EVENT_TYPES, eventTypeInfo } from "../scripts/event-types.js";
import { FORMATS } from "../scripts/runtime/formats.js";

// CommonJS interop: both packages set `module.exports.default` to themselves, so `.default` is right under
// Node's ESM loader, Vite's and TypeScript's nodenext view alike.
const Ajv2020 = Ajv2020Module.default;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SCHEMAS = join(ROOT, "schemas");
const SAMPLES = join(SCHEMAS, "samples");
const INVALID = join(SAMPLES, "invalid");
const BASE_ID = "https://altcraft-albato.dev/schemas";

const readJson = (file: string): Json => JSON.parse(readFileSync(file, "utf8")) as Json;
const jsonFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort();

interface SchemaFile {
  file: string; // relative to schemas/, e.g. "events/click.schema.json"
  schema: Schema;
}
const schemaFiles: SchemaFile[] = ["common", "events"].flatMap((folder) =>
  jsonFiles(join(SCHEMAS, folder)).map((name) => ({ file: `${folder}/${name}`, schema: readJson(join(SCHEMAS, folder, name)) as Schema })),
);
const bySchemaFile = new Map(schemaFiles.map((entry) => [entry.file, entry.schema]));
const eventSchemas = schemaFiles.filter((entry) => entry.file.startsWith("events/"));

function eventConst(schema: Schema): Json | undefined {
  const props = schema["properties"] as Schema | undefined;
  return (props?.["event_type"] as Schema | undefined)?.["const"];
}

function makeAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // The product's own format checks (the ones `validate` runs), not ajv-formats' looser date-time.
  for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, validate);
  ajv.addKeyword({ keyword: "x-open", schemaType: "boolean" });
  ajv.addKeyword({ keyword: "x-albato-type", schemaType: "string" });
  ajv.addKeyword({ keyword: "x-albato-exclude", schemaType: "string" });
  for (const { schema } of schemaFiles) ajv.addSchema(schema);
  return ajv;
}
const ajv = makeAjv();

function validatorFor(eventType: string): ValidateFunction {
  const validate = ajv.getSchema(`${BASE_ID}/events/${eventType}.schema.json`);
  if (!validate) throw new Error(`no schema for event type ${eventType}`);
  return validate;
}

/** The distinct (pointer, keyword) pairs of Ajv's errors, sorted. */
function problems(errors: ErrorObject[] | null | undefined): string[] {
  return [...new Set((errors ?? []).map((error) => `${error.instancePath} ${error.keyword}`))].sort();
}

/** Resolve a relative $ref from a schema file to another schema file (relative to schemas/). */
function refTarget(fromFile: string, ref: string): string {
  return join(dirname(fromFile), ref).replaceAll("\\", "/");
}

/** A declared property and the schema file it is declared in (for resolving its own relative $refs). */
interface Declared {
  schema: Schema;
  file: string;
}

/** Property names a schema declares, its own and those of the schemas it composes with allOf/$ref. */
function declared(schema: Schema, file: string): Map<string, Declared> {
  const out = new Map<string, Declared>();
  for (const part of (schema["allOf"] as Schema[] | undefined) ?? []) {
    const ref = part["$ref"];
    if (typeof ref === "string") {
      const target = refTarget(file, ref);
      const refSchema = bySchemaFile.get(target);
      if (!refSchema) throw new Error(`${file}: $ref ${ref} does not resolve`);
      for (const [key, value] of declared(refSchema, target)) out.set(key, value);
    }
  }
  for (const [key, value] of Object.entries((schema["properties"] as Schema | undefined) ?? {})) out.set(key, { schema: value as Schema, file });
  return out;
}

const ALLOWED_X = new Set(["x-open", "x-albato-type", "x-albato-exclude"]);
const ALBATO_TYPES = new Set(["String", "Int", "Decimal", "Boolean", "DateTime", "Phone"]);
const FORBIDDEN = ["oneOf", "anyOf", "not", "if", "then", "else", "dependentSchemas", "patternProperties", "unevaluatedProperties"];

/** House rules, checked on every subschema; returns human-readable violations. */
function ruleViolations(node: Json, path: string, out: string[] = []): string[] {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return out;
  for (const key of Object.keys(node)) {
    if (key.startsWith("x-") && !ALLOWED_X.has(key)) out.push(`${path}: unknown annotation ${key}`);
    if (FORBIDDEN.includes(key)) out.push(`${path}: ${key} is not allowed (compose with allOf of $ref only)`);
  }
  if (node["additionalProperties"] === false) out.push(`${path}: additionalProperties must stay open`);
  if ("x-open" in node && node["x-open"] !== true) out.push(`${path}: x-open must be true`);
  const albatoType = node["x-albato-type"];
  if (albatoType !== undefined && !ALBATO_TYPES.has(String(albatoType))) out.push(`${path}: x-albato-type ${String(albatoType)} is not an Albato type`);
  if ("$ref" in node && !/\/allOf\/\d+$/.test(path)) out.push(`${path}: $ref only inside allOf`);
  const properties = node["properties"];
  if (properties && typeof properties === "object" && !Array.isArray(properties)) {
    for (const [name, sub] of Object.entries(properties)) {
      const where = `${path}/properties/${name}`;
      const prop = sub as Schema;
      const title = prop["title"];
      const description = prop["description"];
      if (typeof title !== "string" || !/^[A-Z]/.test(title) || title.length > 40) out.push(`${where}: needs a short title starting with a capital`);
      if (typeof description !== "string" || !/[.)]$/.test(description.trim()) || description.length < 10)
        out.push(`${where}: needs a one-sentence description ending with a full stop`);
      ruleViolations(sub, where, out);
    }
  }
  const items = node["items"];
  if (items && typeof items === "object" && !Array.isArray(items)) {
    if (typeof items["title"] !== "string" || typeof items["description"] !== "string") out.push(`${path}/items: needs a title and a description`);
    ruleViolations(items, `${path}/items`, out);
  }
  const allOf = node["allOf"];
  if (Array.isArray(allOf)) allOf.forEach((part, index) => ruleViolations(part, `${path}/allOf/${index}`, out));
  return out;
}

describe("event schemas", () => {
  it("has exactly one schema per registered event type, named by its wire name", () => {
    const consts = eventSchemas.map(({ schema }) => eventConst(schema));
    expect([...consts].sort()).toEqual(EVENT_TYPES.map((info) => info.type).sort());
    for (const { file, schema } of eventSchemas) {
      const type = eventConst(schema);
      expect(file).toBe(`events/${String(type)}.schema.json`);
      expect(schema["$id"]).toBe(`${BASE_ID}/${file}`);
    }
  });

  it("gives every schema the 2020-12 dialect, its own $id, a title and a description", () => {
    for (const { file, schema } of schemaFiles) {
      expect(schema["$schema"], file).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schema["$id"], file).toBe(`${BASE_ID}/${file}`);
      expect(typeof schema["title"], file).toBe("string");
      expect(typeof schema["description"], file).toBe("string");
    }
  });

  it("compiles every schema in strict mode", () => {
    for (const { file, schema } of schemaFiles) {
      expect(() => ajv.getSchema(schema["$id"] as string), file).not.toThrow();
      expect(ajv.getSchema(schema["$id"] as string), file).toBeTypeOf("function");
    }
  });

  it("follows the house rules: titles, descriptions, allOf-only composition, open objects", () => {
    const violations = schemaFiles.flatMap(({ file, schema }) => ruleViolations(schema, file));
    expect(violations).toEqual([]);
  });

  it("requires exactly the five documented fields and keeps everything else optional", () => {
    const envelope = bySchemaFile.get("common/envelope.schema.json")!;
    expect([...(envelope["required"] as string[])].sort()).toEqual(["account_id", "event_data", "event_date", "event_type", "is_test"]);
    for (const { file, schema } of schemaFiles) {
      if (file === "common/envelope.schema.json") continue;
      expect(JSON.stringify(schema), file).not.toContain('"required"');
    }
  });

  it("leaves whether a wire name is confirmed to the registry alone (confirming one stays a one-line change)", () => {
    for (const info of EVENT_TYPES) {
      const schema = bySchemaFile.get(`events/${info.type}.schema.json`)!;
      expect(JSON.stringify(schema), info.type).not.toMatch(/provisional|unconfirmed|not confirmed|event type name/i);
    }
  });

  it("gives the leaf fields of each event distinct titles (they become Albato field labels)", () => {
    const leaves = (schema: Schema, file: string, path: string, out: [string, string][]) => {
      for (const [name, { schema: prop, file: propFile }] of declared(schema, file)) {
        const types = ([] as Json[]).concat(prop["type"] ?? []);
        if (prop["x-albato-exclude"] !== undefined) continue;
        if (types.includes("object")) leaves(prop, propFile, `${path}${name}.`, out);
        else if (types.includes("array") && (prop["items"] as Schema)["allOf"]) leaves(prop["items"] as Schema, propFile, `${path}${name}[].`, out);
        else out.push([`${path}${name}`, String(prop["title"])]);
      }
      return out;
    };
    for (const info of EVENT_TYPES) {
      const file = `events/${info.type}.schema.json`;
      const byTitle = new Map<string, string[]>();
      for (const [path, title] of leaves(bySchemaFile.get(file)!, file, "", [])) byTitle.set(title, [...(byTitle.get(title) ?? []), path]);
      const clashes = [...byTitle].filter(([, paths]) => paths.length > 1);
      expect(clashes, info.type).toEqual([]);
    }
  });

  it("adds link_url to click-type events and extra_uid to push events", () => {
    const clickTypes = new Set(["click", "uclick", "confirm", "confirmsub", "unsub", "click_sms", "uclick_sms", "unsub_sms", "click_push", "uclick_push"]);
    for (const info of EVENT_TYPES) {
      const file = `events/${info.type}.schema.json`;
      const data = declared(bySchemaFile.get(file)!, file).get("event_data")!;
      const fields = declared(data.schema, data.file);
      expect(fields.has("link_url"), info.type).toBe(clickTypes.has(info.type));
      expect(fields.has("extra_uid"), info.type).toBe(info.channel === "push");
    }
  });
});

describe("valid samples", () => {
  const folders = readdirSync(SAMPLES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "invalid")
    .map((entry) => entry.name)
    .sort();

  it("are filed under registered event types only", () => {
    for (const folder of folders) expect(eventTypeInfo(folder), folder).toBeDefined();
  });

  it("include full.json and minimal.json for every event type", () => {
    for (const info of EVENT_TYPES) {
      expect(existsSync(join(SAMPLES, info.type, "full.json")), `${info.type}/full.json`).toBe(true);
      expect(existsSync(join(SAMPLES, info.type, "minimal.json")), `${info.type}/minimal.json`).toBe(true);
    }
  });

  for (const folder of folders) {
    for (const name of jsonFiles(join(SAMPLES, folder))) {
      it(`${folder}/${name} validates`, () => {
        const sample = readJson(join(SAMPLES, folder, name));
        expect(sample !== null && typeof sample === "object" && !Array.isArray(sample), "one event object").toBe(true);
        expect((sample as Schema)["event_type"]).toBe(folder);
        const validate = validatorFor(folder);
        validate(sample);
        expect(problems(validate.errors)).toEqual([]);
      });
    }
  }

  it("minimal.json holds only the five required fields", () => {
    for (const info of EVENT_TYPES) {
      const sample = readJson(join(SAMPLES, info.type, "minimal.json")) as Schema;
      expect(Object.keys(sample).sort(), info.type).toEqual(["account_id", "event_data", "event_date", "event_type", "is_test"]);
    }
  });

  it("full.json carries every declared field", () => {
    // A campaign launch is not about one profile, so its full sample has no profile fields.
    const profileFields = ["profile_id", "_xxh", "_md5", "sends_trying_num", "subscription_hash_id", "custom_data", "subscription"];
    const missing: string[] = [];
    for (const info of EVENT_TYPES) {
      const file = `events/${info.type}.schema.json`;
      const root = declared(bySchemaFile.get(file)!, file);
      const sample = readJson(join(SAMPLES, info.type, "full.json")) as Schema;
      for (const key of root.keys()) {
        if (info.family === "launch" && profileFields.includes(key)) continue;
        if (!(key in sample)) missing.push(`${info.type}: ${key}`);
      }
      const eventData = root.get("event_data")!;
      for (const key of declared(eventData.schema, eventData.file).keys()) {
        if (!(key in (sample["event_data"] as Schema))) missing.push(`${info.type}: event_data.${key}`);
      }
      if (info.family === "launch") continue;
      const customData = bySchemaFile.get("common/custom-data.schema.json")!;
      for (const key of declared(customData, "common/custom-data.schema.json").keys()) {
        if (!(key in (sample["custom_data"] as Schema))) missing.push(`${info.type}: custom_data.${key}`);
      }
      const item = bySchemaFile.get("common/subscription-item.schema.json")!;
      const seen = new Set((sample["subscription"] as Schema[]).flatMap((entry) => Object.keys(entry)));
      for (const key of declared(item, "common/subscription-item.schema.json").keys()) {
        if (!seen.has(key)) missing.push(`${info.type}: subscription[].${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("invalid samples", () => {
  const names = jsonFiles(INVALID)
    .filter((name) => !name.endsWith(".expect.json"))
    .map((name) => name.replace(/\.json$/, ""));

  it("come with an expectation each, and there are enough of them", () => {
    expect(names.length).toBeGreaterThanOrEqual(13);
    for (const name of names) expect(existsSync(join(INVALID, `${name}.expect.json`)), name).toBe(true);
    for (const file of jsonFiles(INVALID).filter((f) => f.endsWith(".expect.json")))
      expect(names, file).toContain(file.replace(/\.expect\.json$/, ""));
  });

  for (const name of names) {
    it(`${name} fails as expected`, () => {
      const sample = readJson(join(INVALID, `${name}.json`));
      expect(sample !== null && typeof sample === "object" && !Array.isArray(sample), "one event object").toBe(true);
      const expectation = readJson(join(INVALID, `${name}.expect.json`)) as { eventType: string; problems: { pointer: string; keyword: string }[] };
      const expected = [...new Set(expectation.problems.map((problem) => `${problem.pointer} ${problem.keyword}`))].sort();
      expect(expected.length).toBe(expectation.problems.length);

      if (expected.includes("/event_type unknownEventType")) {
        expect(expected).toEqual(["/event_type unknownEventType"]);
        expect((sample as Schema)["event_type"]).toBe(expectation.eventType);
        expect(eventTypeInfo(expectation.eventType)).toBeUndefined();
        expect(eventSchemas.filter(({ schema }) => eventConst(schema) === expectation.eventType)).toEqual([]);
        return;
      }
      expect(eventTypeInfo(expectation.eventType), "eventType is registered").toBeDefined();
      const validate = validatorFor(expectation.eventType);
      expect(validate(sample)).toBe(false);
      // Raw ajv may name a defect twice (format and pattern of event_date); `validate` reports it once.
      expect(problems(validate.errors)).toEqual(expect.arrayContaining(expected));
    });
  }
});
