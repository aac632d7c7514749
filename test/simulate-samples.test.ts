/**
 * `simulate` end to end on every sample of the project: the bundled CLI, as a child process, plays every
 * `schemas/samples/<event_type>/*.json` through a freshly built manifest. Each sample must be exactly one
 * run of its event type's trigger, and every field of that trigger must hold the value the sample itself
 * gives by the documented rules (computed by test/fixtures/simulate/expected.ts, not by the simulator).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { builtProject, ROOT, runJson, type BuiltProject } from "./fixtures/simulate/cli.js";
import { expectedValue } from "./fixtures/simulate/expected.js";

interface RunDoc {
  file: string;
  index: number;
  trigger: string;
  eventType: string | null;
  fields: Record<string, unknown>;
  empty: string[];
}

const SAMPLES = join(ROOT, "schemas", "samples");
const sampleTypes = readdirSync(SAMPLES).filter((name) => name !== "invalid").sort();
const sampleFiles = sampleTypes.flatMap((type) =>
  readdirSync(join(SAMPLES, type))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ type, name })),
);

let project: BuiltProject;
let code: number | null;
let doc: { requests: number; runs: RunDoc[]; unmatched: unknown[]; skipped: unknown[] };
const pathOf = (type: string, name: string) => join(project.root, "schemas", "samples", type, name);

beforeAll(() => {
  project = builtProject("simulate-samples");
  // The samples of the project copy (the folders, as a user would name them), through its own manifest.
  const result = runJson(["simulate", ...sampleTypes.map((type) => join(project.root, "schemas", "samples", type)), "--manifest", project.manifestFile]);
  code = result.code;
  doc = result.doc as unknown as typeof doc;
});

describe("simulate on every sample", () => {
  it("finds samples to play (the test would be empty otherwise)", () => {
    expect(sampleTypes.length).toBeGreaterThanOrEqual(30);
    expect(sampleFiles.length).toBeGreaterThan(sampleTypes.length);
  });

  it("plays each sample file as one request, every element taken: exit 0, nothing unmatched or skipped", () => {
    expect(code).toBe(0);
    expect(doc.requests).toBe(sampleFiles.length);
    expect(doc.runs).toHaveLength(sampleFiles.length);
    expect(doc.unmatched).toEqual([]);
    expect(doc.skipped).toEqual([]);
  });

  it.each(sampleFiles)("$type/$name: one run of its trigger, every field as the sample gives it", ({ type, name }) => {
    const file = pathOf(type, name);
    const trigger = project.manifest.triggers.find((candidate) => candidate.eventType === type);
    expect(trigger, `a trigger for ${type}`).toBeDefined();
    const runs = doc.runs.filter((run) => run.file === file);
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    expect(run).toMatchObject({ index: 0, trigger: trigger!.code, eventType: type });

    const sample = JSON.parse(readFileSync(file, "utf8")) as unknown;
    expect(Object.keys(run.fields)).toEqual(trigger!.fields.map((field) => field.code));
    const expectedEmpty: string[] = [];
    for (const field of trigger!.fields) {
      const expected = expectedValue(field, sample);
      expect(run.fields[field.code], `${field.code} (${field.type} ${field.path})`).toStrictEqual(expected);
      if (expected === null || expected === "") expectedEmpty.push(field.code);
    }
    expect(run.empty).toEqual(expectedEmpty);
  });

  it("gives some sample a value for every field type the manifest uses (so each conversion is exercised)", () => {
    const typeOf = new Map<string, string>();
    for (const trigger of project.manifest.triggers) for (const field of trigger.fields) typeOf.set(`${trigger.code}/${field.code}`, field.type);
    const withValue = new Set<string>();
    for (const run of doc.runs) {
      for (const [fieldCode, value] of Object.entries(run.fields)) if (value !== null) withValue.add(typeOf.get(`${run.trigger}/${fieldCode}`)!);
    }
    expect([...withValue].sort()).toEqual([...new Set(typeOf.values())].sort());
  });

  it("converts an `event_date` with 9 fraction digits and an offset to the same instant in UTC, in milliseconds", () => {
    const run = doc.runs.find((candidate) => candidate.file === pathOf("deliv", "full.json"))!;
    const dateField = project.manifest.triggers.find((trigger) => trigger.eventType === "deliv")!.fields.find((field) => field.path === "data.event_date")!;
    // The sample says 2024-04-08T11:13:29.149194240+03:00.
    expect(run.fields[dateField.code]).toBe("2024-04-08T08:13:29.149Z");
  });
});
