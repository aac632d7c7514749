/** `altcraft-albato validate` as users run it: the built CLI in a child process. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, invalidSamples, root, samplesDir, validSamples } from "./fixtures/validate/build.js";
import { deletedProfile, legacyDeliv, send, withExtras } from "./fixtures/validate/documented.js";

interface JsonReport {
  events: number;
  valid: number;
  invalid: number;
  files: number;
  provisionalEventTypes: string[];
  problems: Array<{ file: string; line?: number; column?: number; index?: number; eventType?: string; pointer: string; keyword: string; message: string }>;
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "validate-cli-"));
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, "validate", ...args], { cwd: root, input, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function runJson(args: string[], input?: string): { code: number | null; report: JsonReport; stderr: string } {
  const { code, stdout, stderr } = run(["--json", ...args], input);
  if (stdout === "") throw new Error(`validate ${args.join(" ")} printed nothing (exit ${code}): ${stderr}`);
  return { code, report: JSON.parse(stdout) as JsonReport, stderr };
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const event = (type: string, name = "full.json") => structuredClone(validSamples().find((s) => s.type === type && s.name === name)!.event);
const line = (value: unknown) => JSON.stringify(value);

describe("samples", () => {
  it("accepts every valid sample (exit 0)", () => {
    const typeDirs = readdirSync(samplesDir).filter((name) => name !== "invalid").sort().map((name) => join(samplesDir, name));
    const { code, report } = runJson(typeDirs);
    expect(report.problems).toEqual([]);
    expect(code).toBe(0);
    expect(report.events).toBe(validSamples().length);
    expect(report.valid).toBe(validSamples().length);
  });

  it("reports exactly the expected problems of every invalid sample, each once (exit 1)", () => {
    // A sample whose own event_type differs from the expected type is checked as that type's trigger would.
    const samples = invalidSamples();
    const ownType = samples.filter((s) => s.expect.eventType === (event0(s.file) as { event_type?: string }).event_type);
    const forced = samples.filter((s) => !ownType.includes(s));
    const reports = [runJson(ownType.map((s) => s.file))];
    for (const sample of forced) reports.push(runJson(["--event-type", sample.expect.eventType, sample.file]));
    for (const { code } of reports) expect(code).toBe(1);
    const problems = reports.flatMap(({ report }) => report.problems);
    // Compared as one map, so a failure lists every sample that differs.
    const got: Record<string, string[]> = {};
    const want: Record<string, string[]> = {};
    for (const sample of samples) {
      const own = problems.filter((p) => p.file === sample.file);
      got[sample.name] = own.map((p) => `${p.pointer} ${p.keyword} (${p.eventType})`).sort();
      want[sample.name] = sample.expect.problems.map((p) => `${p.pointer} ${p.keyword} (${sample.expect.eventType})`).sort();
    }
    expect(got).toEqual(want);
  });
});

function event0(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}

describe("inputs", () => {
  it("reports a non-JSON line of NDJSON with its number and still checks every other line", () => {
    const bad = event("click");
    bad.account_id = "23";
    const file = write("log.ndjson", [line(event("send")), line(event("deliv")), "{not json", line(event("open")), line(bad), ""].join("\n"));
    const { code, report } = runJson([file]);
    expect(code).toBe(1);
    expect(report).toMatchObject({ events: 5, valid: 3, invalid: 2 });
    expect(report.problems.map((p) => [p.line, p.keyword, p.pointer])).toEqual([
      [3, "json", ""],
      [5, "type", "/account_id"],
    ]);
    const text = run([file]);
    expect(text.stdout).toContain(`${file}:3:2: not valid JSON:`);
    expect(text.stdout).toContain(`${file}:5 click /account_id: must be an integer, found string "23"`);
    expect(text.stdout.trim().split("\n").at(-1)).toBe("5 events in 1 file: 3 valid, 2 invalid, 2 problems");
  });

  it("reports a bad element of a batch with its index, in a file and on an NDJSON line", () => {
    const bad = event("deliv");
    bad.is_test = "false";
    const batch = [event("send"), bad, event("click")];
    const file = write("batch.json", JSON.stringify(batch, null, 2));
    const { code, report } = runJson([file]);
    expect(code).toBe(1);
    expect(report.problems).toEqual([
      expect.objectContaining({ file, index: 1, eventType: "deliv", pointer: "/is_test", keyword: "type" }),
    ]);
    expect(report.problems[0]!.line).toBeUndefined();
    expect(run([file]).stdout).toContain(`${file}[1] deliv /is_test: must be a boolean, found string "false"`);
    const lines = write("batches.jsonl", `${line([event("send")])}\n${line(batch)}\n`);
    expect(runJson([lines]).report.problems.map((p) => [p.line, p.index, p.pointer])).toEqual([[2, 1, "/is_test"]]);
  });

  it("reads stdin for -", () => {
    const good = run(["-"], line([event("click"), event("open")]));
    expect(good.code).toBe(0);
    expect(good.stdout).toBe("2 events in 1 file: all valid\n");
    const bad = event("click");
    delete bad.event_date;
    const { code, report } = runJson(["-"], line(bad));
    expect(code).toBe(1);
    expect(report.problems).toEqual([
      expect.objectContaining({ file: "<stdin>", line: 1, pointer: "", keyword: "required", message: 'missing required property "event_date"' }),
    ]);
  });

  it("walks a directory recursively in sorted order, reading only *.json, *.ndjson and *.jsonl", () => {
    const bad = event("open");
    bad.event_date = "yesterday";
    write("tree/b/inner.ndjson", `${line(bad)}\n`);
    write("tree/a.json", line(bad));
    write("tree/b/z.jsonl", line(bad));
    write("tree/c.JSON", line(event("send")));
    write("tree/notes.txt", "not an event at all");
    const { code, report } = runJson([join(dir, "tree")]);
    expect(code).toBe(1);
    expect(report.files).toBe(4);
    expect(report.problems.map((p) => relative(dir, p.file))).toEqual(["tree/a.json", "tree/b/inner.ndjson", "tree/b/z.jsonl"]);
  });

  it("reads a pretty-printed event as one event and an empty file as a problem", () => {
    expect(run([write("pretty.json", JSON.stringify(event("click"), null, 2))]).stdout).toBe("1 event in 1 file: all valid\n");
    const empty = runJson([write("empty.json", "")]);
    expect(empty.code).toBe(1);
    expect(empty.report.problems.map((p) => p.keyword)).toEqual(["empty"]);
  });
});

describe("exit codes and output", () => {
  it("exits 2 with one line for a path that cannot be read, before checking anything", () => {
    const missing = join(dir, "missing.json");
    const result = run([write("ok.json", line(event("send"))), missing]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`altcraft-albato: ${missing}: cannot read: no such file or directory (ENOENT)\n`);
    const emptyDir = join(dir, "nothing-here");
    mkdirSync(emptyDir, { recursive: true });
    expect(run([emptyDir]).code).toBe(2);
  });

  it("exits 2 on usage mistakes", () => {
    for (const args of [[], ["--no-such-option", "x.json"], ["--event-type", "nope", "x.json"], ["-", "-"]]) {
      const result = run(args, "");
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).not.toMatch(/\n\s+at /);
    }
  });

  it("--json prints exactly one JSON document on stdout, notices on stderr", () => {
    const { stdout, stderr, code } = run(["--json", join(samplesDir, "deliv_push"), join(samplesDir, "click")]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(Object.keys(report)).toEqual(["events", "valid", "invalid", "files", "provisionalEventTypes", "problems"]);
    expect(report.provisionalEventTypes).toEqual(["deliv_push"]);
    expect(stderr).toMatch(/^note: validated events of provisional types \(deliv_push\)/);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("says nothing about provisional types when none were validated", () => {
    const result = run([join(samplesDir, "click")]);
    expect(result.stderr).toBe("");
  });

  it("--strict reports a property the schema does not declare, which tolerant mode accepts", () => {
    const extended = event("click");
    extended.delivery_channel = "smtp";
    (extended.event_data as Record<string, unknown>).click_count = 2;
    const file = write("extended.json", line(extended));
    expect(run([file]).code).toBe(0);
    const { code, report } = runJson(["--strict", file]);
    expect(code).toBe(1);
    expect(report.problems.map((p) => [p.pointer, p.keyword])).toEqual([
      ["/event_data/click_count", "unevaluatedProperties"],
      ["/delivery_channel", "unevaluatedProperties"],
    ]);
  });

  it("stops quietly when its reader goes away (validate … | head)", () => {
    const bad = line({ event_type: "click" });
    const file = write("many-bad.ndjson", `${bad}\n`.repeat(50_000));
    const result = spawnSync("bash", ["-c", `"${process.execPath}" "${cli}" validate "${file}" | head -n 1; echo "exit \${PIPESTATUS[0]}" >&2`], {
      encoding: "utf8",
    });
    expect(result.stdout).toBe(`${file}:1 click (root): missing required property "event_date"\n`);
    expect(result.stderr).toBe("exit 1\n");
  });

  it("gives byte-identical output for the same input", () => {
    const args = ["--json", join(samplesDir, "invalid")];
    expect(run(args).stdout).toBe(run(args).stdout);
  });
});

describe("documented payloads (altcraft-action-hooks.md)", () => {
  it("accepts them as one HTTP batch body, and --strict names only the extra fields", () => {
    const body = JSON.stringify([legacyDeliv, send, deletedProfile, withExtras]);
    const { code, report } = runJson(["-"], body);
    expect(report.problems).toEqual([]);
    expect(code).toBe(0);
    expect(report.events).toBe(4);
    const strict = runJson(["--strict", "-"], body);
    expect(strict.report.problems.map((p) => [p.index, p.pointer])).toEqual([
      [3, "/event_data/ab_variant"],
      [3, "/new_field"],
    ]);
  });

  it("reports a defective documented payload exactly once per defect, with its index", () => {
    const defective = [legacyDeliv, { ...send, account_id: "23" }, { ...deletedProfile, event_date: "2023-01-10 08:00:00" }];
    const { report } = runJson(["-"], JSON.stringify(defective));
    expect(report.problems.map((p) => [p.index, p.pointer, p.keyword])).toEqual([
      [1, "/account_id", "type"],
      // One defect, one problem: the date breaks the schema's `pattern` and `format` alike.
      [2, "/event_date", "format"],
    ]);
  });
});
