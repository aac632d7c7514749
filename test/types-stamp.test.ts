/**
 * The stamp on the committed types (derive/types-stamp.ts): a build keeps stamped types while the
 * schemas and the text are as stamped, and generates them afresh when either changed; `--check` and
 * `--no-cache` never trust a stamp, and `--check` names a generator change for what it is.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCurrentTypes, stampTypes, typesSourceHash } from "../scripts/derive/types-stamp.js";
import { TYPES_FILE } from "../scripts/derive/write-generated.js";
import { loadSchemas, type LoadedSchemas } from "../scripts/load/schemas.js";
import { build, edit, makeProject, removeProjects } from "./fixtures/build/project.js";
import { REPO } from "./fixtures/connector/project.js";

let schemas: LoadedSchemas;

beforeAll(async () => {
  schemas = await loadSchemas(REPO);
}, 60_000);

afterAll(removeProjects);

describe("stampTypes and isCurrentTypes", () => {
  const text = "export interface A {\n  a: string;\n}\n";

  it("accept their own stamp for the same sources, and only then", () => {
    const hash = typesSourceHash(schemas);
    const stamped = stampTypes(text, hash);
    expect(stamped.endsWith(text)).toBe(true);
    expect(stamped.split("\n")[0]).toMatch(/^\/\/ Stamp of `altcraft-albato build`: schemas [0-9a-f]{32}, text [0-9a-f]{32}\./);
    expect(isCurrentTypes(stamped, hash)).toBe(true);
    expect(isCurrentTypes(stamped, "0".repeat(32))).toBe(false);
    expect(isCurrentTypes(stamped.replace("a: string", "a: number"), hash)).toBe(false);
    expect(isCurrentTypes(text, hash)).toBe(false);
    expect(isCurrentTypes(`\n${stamped}`, hash)).toBe(false);
  });

  it("hash the sources: the same schemas hash the same; a schema text or the list of event types changes it", () => {
    const hash = typesSourceHash(schemas);
    expect(typesSourceHash(schemas)).toBe(hash);
    const [file, document] = [...schemas.documents][0]!;
    const edited = new Map(schemas.documents).set(file, { ...document, text: `${document.text} ` });
    expect(typesSourceHash({ ...schemas, documents: edited })).not.toBe(hash);
    const fewer = new Map([...schemas.events].slice(1));
    expect(typesSourceHash({ ...schemas, events: fewer })).not.toBe(hash);
  });
});

describe("a build", () => {
  let root: string;
  const types = (): Promise<string> => readFile(join(root, TYPES_FILE), "utf8");

  beforeAll(async () => {
    root = await makeProject();
    const first = await build(root, { cache: false });
    expect(first.code, first.stderr).toBe(0);
  }, 120_000);

  it("keeps stamped types that are current, even when the generator would now write something else", async () => {
    // A current stamp on a different text stands for a generator change that forgot TYPES_REVISION.
    const fresh = await types();
    const body = fresh.slice(fresh.indexOf("\n") + 1).replace("export type AltcraftHookBatch", "export type AltcraftBatch2 = 1;\nexport type AltcraftHookBatch");
    const drifted = stampTypes(body, typesSourceHash(await loadSchemas(root)));
    await writeFile(join(root, TYPES_FILE), drifted);
    // A new generator is a new toolchain: the cache of generated code has no entry for it.
    await rm(join(root, "node_modules/.cache"), { recursive: true, force: true });
    const kept = await build(root, { json: true });
    expect(kept.code, kept.stderr).toBe(0);
    expect(await types()).toBe(drifted);

    const check = await build(root, { check: true, json: true });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("bump TYPES_REVISION");

    const noCache = await build(root, { cache: false });
    expect(noCache.code, noCache.stderr).toBe(0);
    expect(await types()).toBe(fresh);
  }, 120_000);

  it("generates them afresh after a hand edit or a schema change", async () => {
    const fresh = await types();
    await writeFile(join(root, TYPES_FILE), fresh.replace("export type AltcraftHookBatch", "export type Mine = 1;\nexport type AltcraftHookBatch"));
    const check = await build(root, { check: true, json: true });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("or it was edited");
    expect((await build(root)).code).toBe(0);
    expect(await types()).toBe(fresh);

    await edit(root, "schemas/events/click.schema.json", '"description": "The link that was clicked."', '"description": "The link the recipient clicked."');
    expect((await build(root)).code).toBe(0);
    const after = await types();
    expect(after).toContain("The link the recipient clicked.");
    expect(isCurrentTypes(after, typesSourceHash(await loadSchemas(root)))).toBe(true);
  }, 120_000);
});
