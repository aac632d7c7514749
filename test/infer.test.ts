/** `infer`: drafts that accept what was seen, comparisons that find each kind of mismatch, files for review. */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { FORMATS } from "../scripts/runtime/formats.js";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./fixtures/temp.js";
import { analyse } from "../scripts/infer/analyse.js";
import { compareWithSchema, type Finding } from "../scripts/infer/compare.js";
import { draftSchema } from "../scripts/infer/draft.js";
import { runInfer } from "../scripts/infer/run.js";
import { emptyShape, observe } from "../scripts/infer/shape.js";
import type { EventInput } from "../scripts/load/event-inputs.js";
import type { JsonSchema } from "../scripts/load/json-schema.js";
import { loadSchemas, type EventSchema } from "../scripts/load/schemas.js";
import { root, samples } from "./fixtures/live/harness.js";

const dir = tempDir("infer");
let schemas: Map<string, EventSchema>;
beforeAll(async () => {
  schemas = (await loadSchemas(root)).events;
});

/** A seeded generator, so a failing case can be replayed by its seed. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Gen = (random: () => number) => unknown;
const scalarGens: Gen[] = [
  (r) => Math.floor(r() * 1000),
  (r) => r() * 100,
  (r) => `text-${Math.floor(r() * 9)}`,
  (r) => new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 1e10)).toISOString().replace("Z", `${Math.floor(r() * 9)}Z`),
  (r) => r() < 0.5,
  () => null,
];

/** A random object "species": each key has a generator and a chance of being present. */
function species(random: () => number, depth: number): Gen {
  const keys = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, i) => {
    const roll = random();
    const gen: Gen =
      depth > 0 && roll < 0.15
        ? species(random, depth - 1)
        : depth > 0 && roll < 0.25
          ? ((inner: Gen) => (r: () => number) => Array.from({ length: Math.floor(r() * 3) }, () => inner(r)))(species(random, depth - 1))
          : // A key mixes up to two scalar kinds (e.g. integer and number, string and null).
            ((a: Gen, b: Gen, mix: number) => (r: () => number) => (r() < mix ? a(r) : b(r)))(
              scalarGens[Math.floor(random() * scalarGens.length)]!,
              scalarGens[Math.floor(random() * scalarGens.length)]!,
              random() < 0.5 ? 1 : 0.7,
            );
    return { key: `k${i}`, gen, presence: random() < 0.5 ? 1 : 0.6 };
  });
  return (r) => Object.fromEntries(keys.filter((k) => r() < k.presence).map((k) => [k.key, k.gen(r)]));
}

describe("draft schemas", () => {
  it("accept every event they were drawn from, and require exactly the keys every event had (200 random species)", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    for (const [name, check] of Object.entries(FORMATS)) ajv.addFormat(name, check);
    for (let seed = 1; seed <= 200; seed++) {
      const random = rng(seed);
      const make = species(random, 2);
      const events = Array.from({ length: 1 + Math.floor(random() * 25) }, () => ({ event_type: "click", ...(make(random) as object) }));
      const shape = emptyShape();
      for (const event of events) observe(shape, event);
      const draft = draftSchema(shape, "click");
      const validate = ajv.compile(draft);
      for (const event of events) {
        if (!validate(event)) throw new Error(`seed ${seed}: ${JSON.stringify(validate.errors)} for ${JSON.stringify(event)}`);
      }
      const always = Object.keys(events[0]!).filter((key) => events.every((event) => key in event)).sort();
      expect(draft.required, `seed ${seed}`).toEqual(always);
      expect(draft.properties!.event_type!.const).toBe("click");
    }
  });

  it("merge integer with number, make a type nullable when null is seen, and spot date-times", () => {
    const shape = emptyShape();
    for (const event of [
      { event_type: "x", n: 1, m: 1, when: "2024-05-14T09:00:01.120443512Z", maybe: null, tags: ["a"], nested: { a: 1 } },
      { event_type: "x", n: 1.5, m: 2, when: "2024-05-14T09:00:01+03:00", maybe: "s", tags: [], nested: { a: 2, b: true } },
      { event_type: "x", n: 2, when: "yesterday", maybe: "t" },
    ]) observe(shape, event);
    const draft = draftSchema(shape, "x");
    const props = draft.properties!;
    expect(props.n).toMatchObject({ type: "number", $comment: "seen in 3 of 3" });
    expect(props.m).toMatchObject({ type: "integer", $comment: "seen in 2 of 3" });
    expect(props.maybe!.type).toEqual(["string", "null"]);
    expect(props.when!.format).toBeUndefined();
    expect(props.tags).toMatchObject({ type: "array", items: { type: "string" } });
    expect(props.nested).toMatchObject({ type: "object", required: ["a"], properties: { b: { type: "boolean" } } });
    expect(draft.required).toEqual(["event_type", "maybe", "n", "when"]);
    const dates = emptyShape();
    observe(dates, { when: "2024-05-14T09:00:01Z" });
    expect(draftSchema(dates, "x").properties!.when!.format).toBe("date-time");
  });
});

describe("comparing with the current schemas", () => {
  const click = () => JSON.parse(JSON.stringify(samples().find((s) => s.file.endsWith("click/full.json"))!.event)) as Record<string, any>;
  const compare = (events: Record<string, unknown>[], type = "click"): Finding[] => {
    const shape = emptyShape();
    for (const event of events) observe(shape, event);
    return compareWithSchema(shape, schemas.get(type)!.resolved);
  };
  const kinds = (findings: Finding[]) => findings.map((f) => `${f.kind} ${f.path}`);

  it("finds nothing to report for every valid sample against its own schema, beyond fields the sample lacks", () => {
    for (const sample of samples()) {
      const findings = compare([sample.event], sample.type).filter((f) => f.kind !== "unseen" && f.kind !== "undeclared");
      expect(findings, sample.file).toEqual([]);
    }
  });

  it("reports each kind of mismatch at its place", () => {
    const a = click();
    const b = click();
    a.event_data.referrer = "https://mail.example/";
    b.account_id = "23";
    b.event_date = "2024-05-14 09:00:01";
    b.subscription[0].priority = 1.5;
    b.custom_data.loyalty_level = "gold"; // custom_data is open: its keys are chosen per hook
    delete b.is_test;
    delete a.event_data.ip;
    delete b.event_data.ip;
    expect(kinds(compare([a, b]))).toEqual([
      "type /account_id",
      "unseen /event_data/ip",
      "undeclared /event_data/referrer",
      "format /event_date",
      "required /is_test",
      "type /subscription/*/priority",
    ]);
    const typeFinding = compare([b]).find((f) => f.path === "/account_id")!;
    expect(typeFinding.message).toBe("1 value of type string; the schema allows integer");
  });

  it("checks values against enum and const", () => {
    const schema: JsonSchema = { type: "object", properties: { status: { type: "string", enum: ["subscribed", "unsubscribed"] }, kind: { const: "a" } } };
    const shape = emptyShape();
    for (const status of ["subscribed", "suspended", "blocked"]) observe(shape, { status, kind: "b" });
    const findings = compareWithSchema(shape, schema);
    expect(findings.map((f) => [f.kind, f.path, f.message])).toEqual([
      ["enum", "/kind", 'values outside the allowed "a": "b"'],
      ["enum", "/status", 'values outside the allowed "subscribed", "unsubscribed": "blocked", "suspended"'],
    ]);
  });

  it("names unknown and provisional types and counts conflicts", () => {
    const bad = { ...click(), account_id: "x" };
    const input: EventInput = {
      files: ["a"],
      skipped: [],
      problems: [],
      events: [bad, { ...click(), event_type: "deliv_push" }, { ...click(), event_type: "clik" }, { foo: 1 }].map((event) => ({ event, raw: JSON.stringify(event), place: { file: "a" } })),
    };
    const result = analyse(input, schemas);
    expect(result.types.map((t) => [t.eventType, t.standing, t.events])).toEqual([
      ["(no event_type)", "unknown", 1],
      ["click", "confirmed", 1],
      ["clik", "unknown", 1],
      ["deliv_push", "provisional", 1],
    ]);
    expect(result.conflicts).toBe(1);
    expect(analyse(input, schemas, "deliv_push").types.map((t) => t.eventType)).toEqual(["deliv_push"]);
    // An unknown wire name checked against a registry type's schema: only real differences are reported.
    const asClick = analyse(input, schemas, "clik", "click").types[0]!;
    expect(asClick).toMatchObject({ eventType: "clik", standing: "unknown", schemaFile: "schemas/events/click.schema.json", conflicts: 0 });
    expect(analyse(input, schemas, "clik", "deliv").types[0]!.findings.some((f) => f.kind === "undeclared" && f.path === "/event_data/link_url")).toBe(true);
  });
});

describe("runInfer", () => {
  const capture = (events: unknown[][]) =>
    events.map((batch) => JSON.stringify({ receivedAt: "2024-05-14T09:00:00.000Z", method: "POST", path: "/{token}", headers: {}, bodyBytes: 1, body: JSON.stringify(batch) })).join("\n") + "\n";
  const sample = (type: string) => samples().find((s) => s.type === type && s.file.endsWith("full.json"))!.event;

  it("reports types, evidence for provisional ones, unknown ones with a hint; writes sorted drafts atomically and identically", async () => {
    const file = join(dir, "capture.ndjson");
    writeFileSync(file, capture([[sample("click"), sample("deliv_push")], [sample("deliv_push"), { ...sample("click"), event_type: "clik" }, { ...sample("click"), event_type: "../evil" }]]));
    const lines: string[] = [];
    const drafts = join(dir, "drafts");
    expect(await runInfer([file], { write: drafts }, (line) => lines.push(line))).toBe(0);
    const text = lines.join("\n");
    expect(text).toContain("Read 5 events from 1 file.");
    expect(text).toContain("deliv_push: 2 events, PROVISIONAL type — evidence for confirming `deliv_push`: 2 events seen");
    expect(text).toContain('clik: 1 event, UNKNOWN type: not in scripts/event-types.ts (did you mean "click"?)');
    expect(text).toContain("No conflicts");
    expect(text).toContain('No draft file for "../evil" (not a usable file name).');
    expect(readdirSync(drafts).sort()).toEqual(["click.draft.schema.json", "clik.draft.schema.json", "deliv_push.draft.schema.json"]);
    const first = readFileSync(join(drafts, "click.draft.schema.json"), "utf8");
    const keys = Object.keys((JSON.parse(first) as JsonSchema).properties!);
    expect(keys).toEqual([...keys].sort());
    await runInfer([file], { write: drafts }, () => {});
    expect(readFileSync(join(drafts, "click.draft.schema.json"), "utf8")).toBe(first);
  });

  it("exits 1 on conflicts and when --event-type was never seen", async () => {
    const file = join(dir, "conflict.ndjson");
    writeFileSync(file, capture([[{ ...sample("click"), is_test: "no" }]]));
    const lines: string[] = [];
    expect(await runInfer([file], {}, (line) => lines.push(line))).toBe(1);
    expect(lines.join("\n")).toContain("/is_test [type] 1 value of type string; the schema allows boolean");
    const none: string[] = [];
    expect(await runInfer([file], { eventType: "launch" }, (line) => none.push(line))).toBe(1);
    expect(none.at(-1)).toBe(`No "launch" events in ${file}.`);
  });

  it("refuses --schema without --event-type, or naming no registry type (exit 2)", async () => {
    await expect(runInfer([join(dir, "conflict.ndjson")], { schema: "click" }, () => {})).rejects.toThrow(/--schema needs --event-type/);
    await expect(runInfer([join(dir, "conflict.ndjson")], { eventType: "x", schema: "clik" }, () => {})).rejects.toThrow(
      /--schema "clik" is not an event type/,
    );
  });
});
