/**
 * The JSON Schemas of the Altcraft API calls (schemas/api), their samples, and the registry
 * (scripts/api-methods.ts) that names the methods:
 *
 * - every schema is a valid 2020-12 schema with its own `$id`, compiles in strict ajv, and follows the
 *   house rules (a title and a description on every property and array item, composition by whole-document
 *   `$ref`s inside `allOf`, nothing closed, only the product's formats, no custom keywords);
 * - every sample request and response validates; every invalid sample fails with exactly the problems its
 *   .expect.json lists;
 * - the registry and the files agree both ways, and the documented enums (status, matching modes) are as
 *   the documentation gives them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ErrorObject } from "ajv";
import {
  apiMethod,
  apiMethods,
  DOCUMENTED_ERROR_CODES,
  INVALID_CREDENTIAL_CODES,
  SUCCESS_CODE,
  TOKEN_PLACEMENT,
} from "../scripts/api-methods.js";
import { createAjv } from "../scripts/load/ajv.js";
import { schemaDocument } from "../scripts/load/schemas.js";
import type { ValidateFunction } from "../scripts/runtime/load-validators.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const API = join(ROOT, "schemas", "api");
const SAMPLES = join(API, "samples");
const INVALID = join(SAMPLES, "invalid");
const ID_BASE = "https://altcraft-albato.dev/";

const readJson = (file: string): Json => JSON.parse(readFileSync(file, "utf8")) as Json;
const isObject = (value: Json | undefined): value is Schema => typeof value === "object" && value !== null && !Array.isArray(value);

/** Every `*.schema.json` under schemas/api (samples aside), repo-relative with forward slashes. */
function schemaPaths(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "samples" ? [] : schemaPaths(path);
      return entry.name.endsWith(".schema.json") ? [relative(ROOT, path).split("\\").join("/")] : [];
    })
    .sort();
}

const files = schemaPaths(API);
const schemas = new Map(files.map((file) => [file, readJson(join(ROOT, file)) as Schema]));
const methodFiles = files.filter((file) => !file.startsWith("schemas/api/common/"));

// The product's one ajv setup (strict: unknown keywords and ignored keywords fail compilation; union types
// are ours on purpose). strictRequired is off there because our required keys are declared across allOf
// parts and anyOf branches name their parent's properties, which ajv cannot see; "every required key is
// declared" below checks what it would.
const ajv = createAjv(files.map((file) => schemaDocument(readFileSync(join(ROOT, file), "utf8"), file)));

function validatorFor(name: string): ValidateFunction {
  const validate = ajv.getSchema(`${ID_BASE}schemas/api/${name}.schema.json`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate as unknown as ValidateFunction;
}

/** Each distinct problem as "pointer keyword" (plus the missing property of a `required`), sorted. */
function problems(errors: readonly unknown[] | null | undefined): string[] {
  const text = (error: ErrorObject): string => {
    const base = `${error.instancePath} ${error.keyword}`;
    return error.keyword === "required" ? `${base} ${(error.params as { missingProperty: string }).missingProperty}` : base;
  };
  return [...new Set(((errors ?? []) as ErrorObject[]).map(text))].sort();
}

/** The file a relative `$ref` in `from` points at. */
function refTarget(from: string, ref: string): string {
  return posix.join(posix.dirname(from), ref);
}

/** A schema's declared properties, its own and those of the documents its allOf parts reference. */
function declared(schema: Schema, file: string): Map<string, Schema> {
  const out = new Map<string, Schema>();
  for (const part of (schema["allOf"] as Schema[] | undefined) ?? []) {
    const ref = part["$ref"];
    if (typeof ref !== "string") continue;
    const target = refTarget(file, ref);
    const referenced = schemas.get(target);
    if (!referenced) throw new Error(`${file}: $ref ${ref} does not resolve`);
    for (const [key, value] of declared(referenced, target)) out.set(key, value);
  }
  for (const [key, value] of Object.entries((schema["properties"] as Schema | undefined) ?? {})) out.set(key, value as Schema);
  return out;
}

/** The required keys of a schema, its own and those of its allOf documents. */
function requiredKeys(schema: Schema, file: string): Set<string> {
  const out = new Set((schema["required"] as string[] | undefined) ?? []);
  for (const part of (schema["allOf"] as Schema[] | undefined) ?? []) {
    const ref = part["$ref"];
    if (typeof ref === "string") for (const key of requiredKeys(schemas.get(refTarget(file, ref))!, refTarget(file, ref))) out.add(key);
  }
  return out;
}

const ALLOWED_FORMATS = new Set(["date-time", "date", "time", "ipv4", "ipv6", "email", "uri", "uuid"]);

/** House rules on every subschema; returns one line per violation. */
function ruleViolations(node: Json, file: string, path: string, out: string[] = []): string[] {
  if (!isObject(node)) return out;
  const where = `${file}#${path}`;
  for (const key of Object.keys(node)) if (key.startsWith("x-")) out.push(`${where}: custom keyword ${key}`);
  if (node["additionalProperties"] === false) out.push(`${where}: additionalProperties must stay open`);
  if ("$ref" in node) {
    const ref = node["$ref"];
    if (!/\/allOf\/\d+$/.test(path)) out.push(`${where}: $ref only inside allOf`);
    if (typeof ref !== "string" || ref.includes("#") || /^[a-z]+:/i.test(ref)) out.push(`${where}: $ref must be a relative whole-document reference`);
    else if (!schemas.has(refTarget(file, ref))) out.push(`${where}: $ref ${ref} points at no schema file`);
  }
  const format = node["format"];
  if (format !== undefined && !ALLOWED_FORMATS.has(String(format))) out.push(`${where}: format ${String(format)} is not one of ours`);
  const titled = (sub: Json, at: string): void => {
    if (!isObject(sub)) return;
    const title = sub["title"];
    const description = sub["description"];
    if (typeof title !== "string" || !/^[A-Z]/.test(title) || title.length > 40) out.push(`${file}#${at}: needs a short title starting with a capital`);
    if (typeof description !== "string" || description.trim().length < 10 || !/[.)]$/.test(description.trim()))
      out.push(`${file}#${at}: needs a sentence of description ending with a full stop`);
  };
  for (const [name, sub] of Object.entries(isObject(node["properties"]) ? node["properties"] : {})) {
    titled(sub, `${path}/properties/${name}`);
    ruleViolations(sub, file, `${path}/properties/${name}`, out);
  }
  for (const key of ["items", "additionalProperties"]) {
    const sub = node[key];
    if (isObject(sub)) {
      titled(sub, `${path}/${key}`);
      ruleViolations(sub, file, `${path}/${key}`, out);
    }
  }
  for (const key of ["allOf", "anyOf"]) {
    const parts = node[key];
    if (Array.isArray(parts)) parts.forEach((part, index) => ruleViolations(part, file, `${path}/${key}/${index}`, out));
  }
  return out;
}

describe("API schemas", () => {
  it("are there: a request and a response per registered method, plus shared parts", () => {
    expect(methodFiles.length).toBe(apiMethods().length * 2);
    expect(files.filter((file) => file.startsWith("schemas/api/common/")).length).toBeGreaterThanOrEqual(5);
  });

  it("each declare the 2020-12 dialect, the $id their path implies, a title and a description", () => {
    for (const [file, schema] of schemas) {
      expect(schema["$schema"], file).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schema["$id"], file).toBe(ID_BASE + file);
      expect(typeof schema["title"], file).toBe("string");
      expect(typeof schema["description"], file).toBe("string");
    }
  });

  it("are valid against the 2020-12 meta-schema and compile in strict ajv", () => {
    for (const [file, schema] of schemas) {
      expect(ajv.validateSchema(schema), `${file}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
      expect(() => ajv.getSchema(schema["$id"] as string), file).not.toThrow();
    }
  });

  it("follow the house rules: titled properties and items, allOf-only $refs to whole files, open objects, our formats", () => {
    const violations = [...schemas].flatMap(([file, schema]) => ruleViolations(schema, file, ""));
    expect(violations).toEqual([]);
  });

  it("declare every key they require (in their own properties or an allOf part)", () => {
    const undeclared: string[] = [];
    const walk = (node: Json, file: string, path: string, inherited: Map<string, Schema>): void => {
      if (!isObject(node)) return;
      const own = declared(node, file);
      const known = new Map([...inherited, ...own]);
      for (const key of (node["required"] as string[] | undefined) ?? []) if (!known.has(key)) undeclared.push(`${file}#${path}: ${key}`);
      for (const [index, part] of ((node["anyOf"] as Json[] | undefined) ?? []).entries()) walk(part, file, `${path}/anyOf/${index}`, known);
      for (const [name, sub] of Object.entries(isObject(node["properties"]) ? node["properties"] : {})) walk(sub, file, `${path}/properties/${name}`, new Map());
      if (isObject(node["items"])) walk(node["items"], file, `${path}/items`, new Map());
    };
    for (const [file, schema] of schemas) walk(schema, file, "", new Map());
    expect(undeclared).toEqual([]);
  });

  it("require the body token in every request and error, error_text in every response", () => {
    expect(TOKEN_PLACEMENT.bodyKey).toBe("token");
    for (const { id } of apiMethods()) {
      const request = `schemas/api/${id}.request.schema.json`;
      const response = `schemas/api/${id}.response.schema.json`;
      expect([...requiredKeys(schemas.get(request)!, request)], request).toContain("token");
      expect(declared(schemas.get(request)!, request).get("token")?.["type"], request).toBe("string");
      expect([...requiredKeys(schemas.get(response)!, response)], response).toEqual(expect.arrayContaining(["error", "error_text"]));
      expect(declared(schemas.get(response)!, response).get("error")?.["type"], response).toBe("integer");
    }
  });

  it("give the subscription status as the seven documented words or their numbers 0–6", () => {
    const status = schemas.get("schemas/api/common/subscription-status.schema.json")!;
    expect(status["enum"]).toEqual(["subscribed", "unsubscribed", "complained", "hardbounced", "unconfirmed", "suspended", "invalid", 0, 1, 2, 3, 4, 5, 6]);
    const validate = validatorFor("subscriptions-set.request");
    const sample = readJson(join(SAMPLES, "subscriptions-set", "request.json")) as Schema;
    for (const value of ["complained", 2, 6]) expect(validate({ ...sample, status: value }), String(value)).toBe(true);
    for (const value of ["complainer", "Subscribed", 7, -1, "2"]) expect(validate({ ...sample, status: value }), String(value)).toBe(false);
  });

  it("accept exactly the documented matching modes per method", () => {
    const all = ["email", "email_profile", "email_sub", "phone", "phone_sub", "profile_id", "push_sub", "custom", "custom_sub", "email_phone", "email_phone_sub"];
    const four = ["email", "phone", "profile_id", "custom"];
    const five = ["email", "email_profile", "phone", "profile_id", "custom"];
    const documented: Record<string, string[]> = {
      "profiles-import": all,
      "profiles-update": all,
      "profiles-get": all,
      "profiles-delete": four,
      "campaigns-triggers-start": four,
      "workflows-start": four,
      "campaigns-triggers-import_and_start": five,
      "goals-register": five,
      "promocodes-attach": five,
    };
    for (const [id, modes] of Object.entries(documented)) {
      const validate = validatorFor(`${id}.request`);
      const sample = readJson(join(SAMPLES, id, "request.json")) as Schema;
      const accepted = [...all, "md5"].filter((mode) => validate({ ...sample, matching: mode }));
      expect(accepted, id).toEqual(modes);
    }
  });

  it("take a promo code date as RFC 3339 or an empty string, and nothing else", () => {
    const validate = validatorFor("promocodes-get.response");
    const sample = readJson(join(SAMPLES, "promocodes-get", "response.json")) as Schema;
    const withDate = (value: Json) => ({ ...sample, data: { ...(sample["data"] as Schema), expire_date: value } });
    expect(validate(withDate(""))).toBe(true);
    expect(validate(withDate("2024-08-31T20:59:59.5+03:00"))).toBe(true);
    expect(validate(withDate("2024-08-31"))).toBe(false);
    expect(validate(withDate(" "))).toBe(false);
    expect(validate(withDate(null))).toBe(false);
  });

  it("keep responses open to fields Altcraft adds", () => {
    for (const { id } of apiMethods()) {
      const sample = readJson(join(SAMPLES, id, "response.json")) as Schema;
      expect(validatorFor(`${id}.response`)({ ...sample, request_id: "c0ffee", extra: { nested: [1] } }), id).toBe(true);
    }
  });
});

describe("API samples", () => {
  const folders = readdirSync(SAMPLES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "invalid")
    .map((entry) => entry.name)
    .sort();

  it("are filed under registered methods only, each with request.json and response.json", () => {
    expect(folders).toEqual(apiMethods().map((info) => info.id).sort());
    for (const folder of folders) {
      const names = readdirSync(join(SAMPLES, folder)).sort();
      expect(names, folder).toEqual(expect.arrayContaining(["request.json", "response.json"]));
      for (const name of names) expect(["request.json", "response.json", "error-response.json"], `${folder}/${name}`).toContain(name);
    }
  });

  for (const folder of folders) {
    it(`${folder}: request.json and response.json validate, and error-response.json is an error`, () => {
      const request = readJson(join(SAMPLES, folder, "request.json"));
      const response = readJson(join(SAMPLES, folder, "response.json"));
      expect(isObject(request) && isObject(response), "JSON objects").toBe(true);
      const validateRequest = validatorFor(`${folder}.request`);
      validateRequest(request);
      expect(problems(validateRequest.errors), "request").toEqual([]);
      const validateResponse = validatorFor(`${folder}.response`);
      validateResponse(response);
      expect(problems(validateResponse.errors), "response").toEqual([]);
      expect((response as Schema)["error"]).toBe(SUCCESS_CODE);
      const errorFile = join(SAMPLES, folder, "error-response.json");
      if (existsSync(errorFile)) {
        const error = readJson(errorFile) as Schema;
        validateResponse(error);
        expect(problems(validateResponse.errors), "error response").toEqual([]);
        expect(DOCUMENTED_ERROR_CODES.map(({ code }) => code).filter((code) => code !== SUCCESS_CODE)).toContain(error["error"]);
      }
    });
  }

  it("use one token in every request (the one the fake server is started with)", () => {
    const tokens = new Set(folders.map((folder) => (readJson(join(SAMPLES, folder, "request.json")) as Schema)["token"]));
    expect([...tokens]).toEqual(["bfc505684d774e52b188fa1f003cd5ed"]);
  });
});

describe("invalid API samples", () => {
  const names = readdirSync(INVALID)
    .filter((name) => name.endsWith(".json") && !name.endsWith(".expect.json"))
    .map((name) => name.replace(/\.json$/, ""))
    .sort();
  type Expectation = { schema: string; mistake: string; problems: { pointer: string; keyword: string; missingProperty?: string }[] };
  const expectationOf = (name: string): Expectation => readJson(join(INVALID, `${name}.expect.json`)) as unknown as Expectation;

  it("come with an expectation each, and cover a missing token, a wrong type and an unknown status", () => {
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) expect(existsSync(join(INVALID, `${name}.expect.json`)), name).toBe(true);
    for (const file of readdirSync(INVALID).filter((f) => f.endsWith(".expect.json"))) expect(names, file).toContain(file.replace(/\.expect\.json$/, ""));
    const mistakes = new Set(names.map((name) => expectationOf(name).mistake));
    for (const mistake of ["missing token", "wrong type", "unknown status"]) expect([...mistakes]).toContain(mistake);
  });

  for (const name of names) {
    it(`${name} fails with exactly the listed problems`, () => {
      const sample = readJson(join(INVALID, `${name}.json`));
      expect(isObject(sample), "a JSON object").toBe(true);
      const expectation = expectationOf(name);
      const match = /^(.+)\.(request|response)$/.exec(expectation.schema);
      expect(match, expectation.schema).not.toBeNull();
      expect(apiMethod(match![1]!), "a registered method").toBeDefined();
      const expected = expectation.problems
        .map((problem) => `${problem.pointer} ${problem.keyword}${problem.keyword === "required" ? ` ${problem.missingProperty ?? "?"}` : ""}`)
        .sort();
      expect(new Set(expected).size, "no duplicates").toBe(expected.length);
      const validate = validatorFor(expectation.schema);
      expect(validate(sample)).toBe(false);
      expect(problems(validate.errors)).toEqual(expected);
    });
  }
});

describe("the API method registry", () => {
  it("names each method once, by its path, with a docs page", () => {
    const ids = apiMethods().map((info) => info.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const info of apiMethods()) {
      expect(info.path, info.id).toBe(`/api/v1.1/${info.id.replaceAll("-", "/")}`);
      if (info.documentedPath !== undefined) expect(info.documentedPath, info.id).toBe(`${info.path}/`);
      expect(info.docs, info.id).toMatch(/^https:\/\/(guides|docs)\.altcraft\.com\//);
      expect(info.purpose.length, info.id).toBeGreaterThan(10);
      expect(apiMethod(info.id)).toBe(info);
    }
    expect(apiMethod("profiles-add")).toBeUndefined();
  });

  it("has both schema files for every entry, and an entry for every schema file (no strays)", () => {
    const expected = apiMethods().flatMap(({ id }) => [`schemas/api/${id}.request.schema.json`, `schemas/api/${id}.response.schema.json`]);
    expect([...methodFiles].sort()).toEqual([...expected].sort());
  });

  it("covers the actions and lists of the catalogue", () => {
    const actions = apiMethods().filter((info) => info.kind === "action").map((info) => info.id);
    const lists = apiMethods().filter((info) => info.kind === "list").map((info) => info.id);
    expect(actions).toHaveLength(15);
    expect(lists.sort()).toEqual(["campaigns-triggers-list", "databases-list", "resources-list", "segments-list", "workflows-list"]);
  });

  it("marks the undocumented facts it knows of", () => {
    const unseen = apiMethods().filter((info) => !info.responseSeen).map((info) => info.id);
    expect(unseen).toEqual(expect.arrayContaining(["campaigns-triggers-start", "campaigns-triggers-import_and_start", "workflows-start"]));
    const incomplete = apiMethods().filter((info) => !info.requestComplete).map((info) => info.id);
    expect(incomplete).toEqual(expect.arrayContaining(["profiles-update", "goals-register"]));
    const codes = DOCUMENTED_ERROR_CODES.map(({ code }) => code);
    expect(codes).toEqual([0, 400, 401, 402, 403]);
    for (const code of INVALID_CREDENTIAL_CODES) expect(codes).toContain(code);
  });
});
