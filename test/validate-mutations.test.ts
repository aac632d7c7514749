/**
 * Property-style: random mutations of valid samples (a required key dropped, a value of the wrong type)
 * always give at least one problem, at the place the mutation was made — through the library and
 * through `validate` on an NDJSON log of all of them (so line numbers are checked at scale too).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { JsonSchema, JsonType } from "../scripts/load/json-schema.js";
import { typesOf } from "../scripts/load/json-schema.js";
import { loadSchemas, type LoadedSchemas } from "../scripts/load/schemas.js";
import type * as Library from "../scripts/index.js";
import { cli, importDist, root, validSamples, type Sample } from "./fixtures/validate/build.js";

let lib: typeof Library;
let schemas: LoadedSchemas;

beforeAll(async () => {
  lib = await importDist<typeof Library>("index.js");
  schemas = await loadSchemas(root);
}, 300_000);

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const escape = (key: string | number) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");

interface Site {
  /** Pointer of the object (for a dropped key) or of the value (for a wrong type). */
  pointer: string;
  parent: Record<string, unknown> | unknown[];
  key: string | number;
  schema: JsonSchema;
  required: boolean;
}

/** Every value of the event that its schema describes, with the schema that describes it. */
function sites(value: unknown, schema: JsonSchema, pointer: string, found: Site[]): Site[] {
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => {
      found.push({ pointer: `${pointer}/${index}`, parent: value, key: index, schema: schema.items!, required: false });
      sites(item, schema.items!, `${pointer}/${index}`, found);
    });
  } else if (typeof value === "object" && value !== null && schema.properties) {
    const object = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(schema.properties)) {
      if (!(key in object)) continue;
      const childPointer = `${pointer}/${escape(key)}`;
      found.push({ pointer: childPointer, parent: object, key, schema: child, required: (schema.required ?? []).includes(key) });
      sites(object[key], child, childPointer, found);
    }
  }
  return found;
}

const CANDIDATES: Array<[JsonType, unknown]> = [
  ["string", "Анна"],
  ["integer", 42],
  ["number", 4.5],
  ["boolean", true],
  ["object", { nested: 1 }],
  ["array", [1]],
  ["null", null],
];

/** A value none of the schema's types allow (integer counts as a number). */
function wrongValue(schema: JsonSchema, next: () => number): unknown {
  const allowed = new Set(typesOf(schema));
  if (allowed.has("number")) allowed.add("integer");
  const options = CANDIDATES.filter(([type]) => !allowed.has(type));
  return options[Math.floor(next() * options.length)]![1];
}

interface Mutation {
  sample: Sample;
  kind: "drop" | "retype";
  event: Record<string, unknown>;
  /** Where the problem must be reported. */
  pointer: string;
  keyword: string;
}

function mutations(count: number, seed: number): Mutation[] {
  const next = random(seed);
  const samples = validSamples();
  const made: Mutation[] = [];
  while (made.length < count) {
    const sample = samples[Math.floor(next() * samples.length)]!;
    const event = structuredClone(sample.event);
    const resolved = schemas.events.get(sample.type)!.resolved;
    const all = sites(event, resolved, "", []);
    const kind = next() < 0.4 ? "drop" : "retype";
    const candidates = kind === "drop" ? all.filter((s) => s.required) : all.filter((s) => s.schema.type !== undefined);
    if (candidates.length === 0) continue;
    const site = candidates[Math.floor(next() * candidates.length)]!;
    if (kind === "drop") {
      delete (site.parent as Record<string, unknown>)[site.key as string];
      made.push({ sample, kind, event, pointer: site.pointer.slice(0, site.pointer.lastIndexOf("/")), keyword: "required" });
    } else {
      (site.parent as Record<string, unknown>)[site.key as string] = wrongValue(site.schema, next);
      made.push({ sample, kind, event, pointer: site.pointer, keyword: "type" });
    }
  }
  return made;
}

describe("random mutations of valid samples", () => {
  it("always give a problem at the mutated place (library, 600 mutations)", () => {
    for (const mutation of mutations(600, 1234)) {
      const problems = lib.validateEvent(mutation.event, { eventType: mutation.sample.type });
      const label = `${mutation.sample.type}/${mutation.sample.name} ${mutation.kind} ${mutation.pointer}`;
      expect(problems.length, label).toBeGreaterThan(0);
      const at = problems.filter((p) => p.pointer === mutation.pointer);
      expect(at.map((p) => p.keyword), label).toContain(mutation.keyword);
    }
  });

  it("are each reported on their own line of an NDJSON log, and only there", () => {
    const dir = mkdtempSync(join(tmpdir(), "validate-mutations-"));
    try {
      const made = mutations(300, 99);
      const valid = validSamples();
      // Every mutated line is followed by a valid event, which must stay free of problems.
      const lines = made.flatMap((m, i) => [JSON.stringify(m.event), JSON.stringify(valid[i % valid.length]!.event)]);
      const file = join(dir, "mutated.ndjson");
      writeFileSync(file, `${lines.join("\n")}\n`);
      const result = spawnSync(process.execPath, [cli, "validate", "--json", file], { encoding: "utf8", maxBuffer: 1 << 26 });
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout) as { events: number; invalid: number; problems: Array<{ line: number; pointer: string; keyword: string }> };
      expect(report.events).toBe(600);
      // A dropped event_type or a retyped one is reported as such, not by the type's schema.
      expect(report.invalid).toBe(300);
      expect(report.problems.every((p) => p.line % 2 === 1)).toBe(true);
      made.forEach((mutation, i) => {
        const onLine = report.problems.filter((p) => p.line === 2 * i + 1);
        expect(onLine.length, `line ${2 * i + 1}`).toBeGreaterThan(0);
        if (mutation.pointer === "/event_type" || (mutation.kind === "drop" && !("event_type" in mutation.event))) return;
        expect(onLine.some((p) => p.pointer === mutation.pointer), `line ${2 * i + 1} ${mutation.pointer}`).toBe(true);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
