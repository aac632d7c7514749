/**
 * The AsyncAPI export, built from the project's real schemas and samples (every event type), validated by
 * the official @asyncapi/parser; examples are checked against their payloads with ajv, since the
 * parser's v3 ruleset does not check message examples.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { Parser } from "@asyncapi/parser";
import Ajv2020Module from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./fixtures/temp.js";
import { generateAsyncApi, type AsyncApiDocument } from "../scripts/derive/asyncapi.js";
import { collectSamples } from "../scripts/load/release/side.js";
import { EVENT_TYPES } from "../scripts/event-types.js";
import type { JsonSchema } from "../scripts/load/json-schema.js";
import { loadSchemas } from "../scripts/load/schemas.js";
import type { Manifest } from "../scripts/model/manifest.js";
import { FORMATS } from "../scripts/runtime/formats.js";

const Ajv2020 = Ajv2020Module.default;
const root = join(import.meta.dirname, "..");

/** A manifest naming every registered event type; only names, groups and the confirmed flag matter here. */
function registryManifest(): Manifest {
  const names = (text: string) => ({ en: text, ru: text });
  return {
    format: "albato-app-manifest/1",
    app: { code: "altcraft", version: "2.1.0", names: names("Altcraft"), descriptions: names("Altcraft events."), website: "https://altcraft.com", docsUrl: "https://guides.altcraft.com", logo: "logo.svg", categories: [] },
    authorization: { type: "none", names: names("None"), fields: [] },
    connectionFields: [],
    lists: [],
    actions: [],
    groups: [...new Set(EVENT_TYPES.map((info) => info.channel))].map((code) => ({ code, names: names(code) })),
    fieldBlocks: [],
    triggers: EVENT_TYPES.map((info) => ({
      code: `t_${info.type}`,
      model: "webhook",
      names: names(`Event ${info.type}`),
      descriptions: names(`Altcraft sent ${info.type}.`),
      altcraftNames: names(info.type),
      group: info.channel,
      eventType: info.type,
      eventTypeConfirmed: info.confirmed,
      filter: { all: [{ variable: "data.event_type", operator: "equal", value: info.type }] },
      response: { contentType: "JSON", returnDataArray: true, arrayPath: "" },
      fields: [],
    })),
  };
}

function repoSamples() {
  const dir = join(root, "schemas/samples");
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => join(entry.parentPath, entry.name))
    .map((file) => ({ file: file.slice(root.length + 1).split("\\").join("/"), data: JSON.parse(readFileSync(file, "utf8")) as unknown }));
  return collectSamples(files);
}

let document: AsyncApiDocument;
let input: Parameters<typeof generateAsyncApi>[0];

beforeAll(async () => {
  const loaded = await loadSchemas(root);
  input = {
    manifest: registryManifest(),
    eventSchemas: new Map([...loaded.events].map(([type, event]) => [type, event.resolved])),
    samples: repoSamples(),
  };
  document = generateAsyncApi(input);
});

const severities = ["error", "warning", "information", "hint"];

async function diagnose(doc: unknown) {
  return (await new Parser().validate(JSON.stringify(doc))).map((d) => ({ severity: severities[d.severity], code: String(d.code), path: d.path.join("/"), message: d.message }));
}

describe("AsyncAPI export", () => {
  it("validates with @asyncapi/parser: no errors, no warnings", async () => {
    const diagnostics = await diagnose(document);
    const serious = diagnostics.filter((d) => d.severity === "error" || d.severity === "warning");
    expect(serious).toEqual([]);
    // Reported, not failed: the parser only suggests AsyncAPI 3.1.0.
    console.info(`asyncapi parser: ${diagnostics.length} diagnostic(s): ${diagnostics.map((d) => `${d.severity} ${d.code}`).join(", ")}`);
  });

  it("fails validation when the document is broken (the check is real)", async () => {
    const broken = structuredClone(document) as { operations: Record<string, { action: string }> };
    broken.operations.receiveActionHooks!.action = "listen";
    expect((await diagnose(broken)).filter((d) => d.severity === "error").length).toBeGreaterThan(0);
  });

  it("has one message per event type, each with examples that match its payload", () => {
    const components = document.components as { schemas: Record<string, JsonSchema>; messages: Record<string, { payload: { $ref: string }; examples: { name: string; payload: unknown }[]; description: string }> };
    const ajv = new Ajv2020({ strict: false, allErrors: true, formats: { ...FORMATS } });
    for (const info of EVENT_TYPES) {
      const message = components.messages[info.type];
      expect(message, info.type).toBeDefined();
      expect(message!.payload).toEqual({ $ref: `#/components/schemas/${info.type}` });
      expect(message!.examples.length, `${info.type} examples`).toBeGreaterThan(0);
      const validate = ajv.compile(components.schemas[info.type]!);
      for (const example of message!.examples) expect(validate(example.payload), `${info.type}/${example.name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(message!.description.includes("Provisional:"), info.type).toBe(!info.confirmed);
    }
  });

  it("describes the batch as an array of the event payloads, with array examples", () => {
    const batch = (document.components as { messages: Record<string, { payload: { type: string; items: { oneOf: { $ref: string }[] } }; examples: { payload: unknown }[] }> }).messages.batch!;
    expect(batch.payload.type).toBe("array");
    expect(batch.payload.items.oneOf).toHaveLength(EVENT_TYPES.length);
    expect(batch.examples.map((e) => Array.isArray(e.payload))).toEqual([true, true]);
    expect((batch.examples[1]!.payload as { event_type: string }[]).map((e) => e.event_type)).toEqual(EVENT_TYPES.map((i) => i.type));
    const operation = (document.operations as Record<string, { action: string; messages: unknown[] }>).receiveActionHooks!;
    expect(operation.action).toBe("receive");
    expect(operation.messages).toEqual([{ $ref: "#/channels/actionHook/messages/batch" }]);
  });

  it("is bundled (no external $ref) and deterministic", () => {
    const text = JSON.stringify(document);
    const refs = [...text.matchAll(/"\$ref":"([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => !ref.startsWith("#/"))).toEqual([]);
    expect(text).not.toContain('"$id"');
    expect(JSON.stringify(generateAsyncApi(input))).toBe(text);
    expect(document.info).toMatchObject({ title: "Altcraft action hooks", version: "2.1.0" });
  });
});

describe("asyncapi command", () => {
  const run = promisify(execFile);

  it("writes a valid document from a manifest with its package beside it", async () => {
    const out = join(tempDir("asyncapi-cli"), "asyncapi.json");
    await run(process.execPath, [join(root, "dist/scripts/cli.js"), "asyncapi", "--manifest", join(root, "test/fixtures/diff/base/manifest.json"), "--out", out]);
    const written = JSON.parse(readFileSync(out, "utf8")) as { components: { messages: Record<string, unknown> } };
    expect(Object.keys(written.components.messages)).toEqual(["batch", "click", "deliv", "deliv_push"]);
    expect((await diagnose(written)).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("exits 2 when the manifest has no schemas beside it", async () => {
    const dir = tempDir("asyncapi-bare");
    const manifest = join(dir, "manifest.json");
    await import("node:fs/promises").then((fs) => fs.copyFile(join(root, "test/fixtures/diff/base/manifest.json"), manifest));
    const failure = await run(process.execPath, [join(root, "dist/scripts/cli.js"), "asyncapi", "--manifest", manifest, "--out", join(dir, "a.json")]).catch((e: unknown) => e as { code: number; stderr: string });
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr.trim()).toBe(
      `altcraft-albato: ${manifest}: no schema for event type "click" beside the manifest; pass the package zip (--manifest dist/altcraft-albato-<version>.zip)`,
    );
  });
});
