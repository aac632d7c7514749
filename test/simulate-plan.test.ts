/**
 * How `simulate` reads a manifest's triggers (filters, response settings, fields) and plays elements
 * through them: in-process, on the small hand-written manifest of test/fixtures/simulate/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { thrownLines } from "./fixtures/errors.js";
import { ProblemListError } from "../scripts/errors.js";
import type { SourcedEvent } from "../scripts/load/event-inputs.js";
import type { Manifest } from "../scripts/model/manifest.js";
import { filterMatches } from "../scripts/simulate/filter.js";
import { planTriggers } from "../scripts/simulate/plan.js";
import { playRequests } from "../scripts/simulate/play.js";
import { groupRequests } from "../scripts/simulate/requests.js";

const FILE = "fixture/manifest.json";
const base = (): Manifest => JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/simulate/manifest.json"), "utf8")) as Manifest;
const plan = (manifest: Manifest = base()) => planTriggers(manifest, FILE);
/** A manifest to break on purpose: loose, because the breakage is what the types forbid. */
type Editable = { triggers: any[] };
const click = { event_type: "click", event_data: { link_url: "https://example.com/a", device: "web" } };

describe("trigger filters", () => {
  it("lets an element through when every condition holds, read from the element", () => {
    const [linkClicked, mobile, opened] = plan();
    expect(filterMatches(linkClicked!, click)).toBe(true);
    expect(filterMatches(mobile!, click)).toBe(false);
    expect(filterMatches(mobile!, { ...click, event_data: { device: "mobile" } })).toBe(true);
    expect(filterMatches(opened!, click)).toBe(false);
  });

  it("compares text exactly: another case, a number, an array or a missing key never equals", () => {
    const [linkClicked] = plan();
    for (const eventType of ["Click", "click ", ["click"], 1, null, undefined, { value: "click" }]) {
      expect(filterMatches(linkClicked!, { event_type: eventType }), JSON.stringify(eventType)).toBe(false);
    }
    expect(filterMatches(linkClicked!, ["click"])).toBe(false);
  });

  it("with no condition, takes every element (the one-trigger case Albato allows)", () => {
    const manifest = base();
    manifest.triggers[0]!.filter.all = [];
    expect(filterMatches(plan(manifest)[0]!, { anything: true })).toBe(true);
  });
});

describe("what the manifest must say for simulate to model it", () => {
  const refused = (change: (manifest: Editable) => void): string => {
    const manifest = base();
    change(manifest as unknown as Editable);
    return thrownLines(() => plan(manifest));
  };

  it("an unknown filter operator names the trigger and the pointer", () => {
    expect(refused((m) => (m.triggers[1].filter.all[1].operator = "contains"))).toBe(
      'fixture/manifest.json /triggers/1/filter/all/1/operator: trigger mobileLinkClicked: filter operator "contains" is not one simulate knows (equal)',
    );
  });

  it("every problem at once, sorted by place", () => {
    const manifest = base();
    const editable = manifest as unknown as Editable;
    editable.triggers[0].filter.all[0].variable = "headers.x-event";
    editable.triggers[0].fields[0].type = "Email";
    editable.triggers[2].response.arrayPath = "data";
    let error: unknown;
    try {
      plan(manifest);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ProblemListError);
    expect((error as ProblemListError).lines()).toEqual([
      "the manifest has 3 problems:",
      'fixture/manifest.json /triggers/0/fields/0/type: trigger linkClicked: field linkUrl: type "Email" is not an Albato trigger field type',
      'fixture/manifest.json /triggers/0/filter/all/0/variable: trigger linkClicked: filter variable "headers.x-event" is not a body variable (data.…); simulate plays request bodies only',
      'fixture/manifest.json /triggers/2/response: trigger emailOpened: simulate models "Data array return" on with an empty path (one run per element of the root array) only',
    ]);
  });

  it.each<[string, (m: Editable) => void, RegExp]>([
    ["a filter variable through []", (m) => (m.triggers[0].filter.all[0].variable = "data.subscription[].channel"), /\/filter\/all\/0\/variable: .*\[\] has no meaning in a filter/],
    ["a filter without conditions list", (m) => (m.triggers[0].filter = {}), /\/triggers\/0\/filter\/all: .*no list of conditions/],
    ["a condition without a value", (m) => delete m.triggers[0].filter.all[0].value, /\/filter\/all\/0: .*needs a text variable and value/],
    ["XML bodies", (m) => (m.triggers[0].response.contentType = "XML"), /\/response\/contentType: .*JSON bodies only/],
    ["one run per request", (m) => (m.triggers[0].response.returnDataArray = false), /\/triggers\/0\/response: .*Data array return/],
    ["a [] path on a field of one value", (m) => (m.triggers[0].fields[0].path = "data.subscription[].channel"), /\/fields\/0\/path: .*collects array elements, but the type String holds one value/],
    ["a malformed field path", (m) => (m.triggers[0].fields[0].path = "data.a..b"), /\/fields\/0\/path: trigger linkClicked: field linkUrl: path "data.a..b" is not a mapping path/],
    ["a DateTime without its source format", (m) => delete m.triggers[0].fields[1].dateTimeFormat, /\/fields\/1\/dateTimeFormat: .*RFC3339 and time zone UTC only/],
    ["a DateTime in another source format", (m) => (m.triggers[0].fields[1].dateTimeFormat = { format: "DD.MM.YYYY", timeZone: "UTC" }), /\/fields\/1\/dateTimeFormat:/],
    ["a DateTime in another time zone", (m) => (m.triggers[0].fields[1].dateTimeFormat = { format: "RFC3339", timeZone: "Europe/Moscow" }), /\/fields\/1\/dateTimeFormat:/],
    ["a separator that is not text", (m) => (m.triggers[0].fields[7].separator = 1), /\/fields\/7\/separator: trigger linkClicked: field channels: separator must be text/],
  ])("refuses %s", (_name, change, pattern) => {
    expect(refused(change)).toMatch(pattern);
  });

  it("takes the separator from the manifest, else \", \"", () => {
    const fields = plan()[0]!.fields;
    expect(fields.find((f) => f.code === "channels")!.separator).toBe(" | ");
    expect(fields.find((f) => f.code === "priorities")!.separator).toBe(", ");
  });
});

describe("requests and runs", () => {
  const sourced = (event: Record<string, unknown>, file: string, line?: number, pointer?: string): SourcedEvent => ({
    event,
    raw: JSON.stringify(event),
    place: { file, ...(line !== undefined ? { line } : {}), ...(pointer !== undefined ? { pointer } : {}) },
  });

  it("groups events by file and line, and starts a new request when an index repeats (a file named twice)", () => {
    const requests = groupRequests([
      sourced(click, "a.json"),
      sourced(click, "batch.json", undefined, "/0"),
      sourced(click, "batch.json", undefined, "/2"),
      sourced(click, "log.ndjson", 1),
      sourced(click, "log.ndjson", 2, "/0"),
      sourced(click, "log.ndjson", 2, "/1"),
      sourced(click, "batch.json", undefined, "/0"),
    ]);
    expect(requests.map((request) => [request.file, request.line, request.elements.map((element) => element.index)])).toEqual([
      ["a.json", undefined, [0]],
      ["batch.json", undefined, [0, 2]],
      ["log.ndjson", 1, [0]],
      ["log.ndjson", 2, [0, 1]],
      ["batch.json", undefined, [0]],
    ]);
  });

  it("runs every trigger an element passes (two for a mobile click), and lists elements none takes", () => {
    const requests = groupRequests([
      sourced({ ...click, event_data: { link_url: "https://m.example.com", device: "mobile" } }, "b.json", undefined, "/0"),
      sourced({ event_type: "open" }, "b.json", undefined, "/1"),
      sourced({ event_type: 5 }, "b.json", undefined, "/2"),
    ]);
    expect(requests).toHaveLength(1);
    const outcomes = [...playRequests(requests, plan())];
    expect(outcomes.map((outcome) => [outcome.place.index, outcome.eventType, outcome.runs.map((run) => run.trigger)])).toEqual([
      [0, "click", ["linkClicked", "mobileLinkClicked"]],
      [1, "open", ["emailOpened"]],
      [2, null, []],
    ]);
    expect(outcomes[0]!.runs[1]!.fields).toEqual({ linkUrl: "https://m.example.com" });
    expect(outcomes[2]!.place).toEqual({ file: "b.json", index: 2 });
  });
});
