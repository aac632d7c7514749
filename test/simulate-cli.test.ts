/**
 * `simulate` as users run it: the bundled CLI in child processes, on a manifest built for the test, with
 * a batch mixing event types, an NDJSON log, a real `listen` capture, unmatched elements and empty
 * fields; the `--json` document's shape; the text report; and every way it cannot run (exit 2).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ASSUMPTIONS } from "../scripts/albato-assumptions.js";
import { tempDir } from "./fixtures/temp.js";
import { builtProject, ROOT, runBundle, runJson, startListen, type BuiltProject } from "./fixtures/simulate/cli.js";
import { expectedValue } from "./fixtures/simulate/expected.js";

interface RunDoc {
  file: string;
  line?: number;
  index: number;
  trigger: string;
  eventType: string | null;
  fields: Record<string, unknown>;
  empty: string[];
}
interface Doc {
  requests: number;
  runs: RunDoc[];
  unmatched: Array<{ file: string; line?: number; index: number; eventType: string | null }>;
  skipped: Array<{ file: string; line?: number; pointer?: string; reason: string }>;
  assumptions: Array<{ id: string; text: string; check: string }>;
}

const dir = tempDir("simulate-cli");
let project: BuiltProject;
const sample = (type: string, name = "full.json") => JSON.parse(readFileSync(join(ROOT, "schemas/samples", type, name), "utf8")) as Record<string, unknown>;
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const simulate = (...args: string[]) => {
  const result = runJson(["simulate", ...args, "--manifest", project.manifestFile]);
  return { code: result.code, doc: result.doc as unknown as Doc, stderr: result.stderr };
};
const triggerOf = (eventType: string) => project.manifest.triggers.find((trigger) => trigger.eventType === eventType)!;

/** Every field of the run as the event gives it, by the documented rules (not the simulator's code). */
function expectFieldsOf(run: RunDoc, event: unknown): void {
  const trigger = project.manifest.triggers.find((candidate) => candidate.code === run.trigger)!;
  const expected = Object.fromEntries(trigger.fields.map((field) => [field.code, expectedValue(field, event)]));
  expect(run.fields).toStrictEqual(expected);
  expect(run.empty).toEqual(trigger.fields.filter((field) => expected[field.code] === null || expected[field.code] === "").map((field) => field.code));
}

beforeAll(() => {
  project = builtProject("simulate-cli-project");
});

describe("simulate plays requests", () => {
  it("a batch mixing event types: one request, a run per element of its type's trigger, the stranger unmatched (exit 1)", () => {
    const events = [sample("click"), sample("send_sms"), sample("open"), { ...sample("open"), event_type: "open_letter" }, sample("deliv", "minimal.json")];
    const file = write("mixed.json", JSON.stringify(events));
    const { code, doc } = simulate(file);
    expect(code).toBe(1);
    expect(doc.requests).toBe(1);
    expect(doc.runs.map((run) => [run.index, run.trigger, run.eventType])).toEqual([
      [0, triggerOf("click").code, "click"],
      [1, triggerOf("send_sms").code, "send_sms"],
      [2, triggerOf("open").code, "open"],
      [4, triggerOf("deliv").code, "deliv"],
    ]);
    for (const run of doc.runs) {
      expect(run.file).toBe(file);
      expect(run).not.toHaveProperty("line");
      expectFieldsOf(run, events[run.index]);
    }
    expect(doc.unmatched).toEqual([{ file, index: 3, eventType: "open_letter" }]);
  });

  it("an NDJSON log: one request per line (an event or a batch), runs placed by line and index", () => {
    const lines = [JSON.stringify(sample("click")), "", JSON.stringify([sample("unsub"), sample("uclick")]), JSON.stringify({ event_type: 7 })];
    const file = write("hooks.ndjson", `${lines.join("\n")}\n`);
    const { code, doc } = simulate(file);
    expect(code).toBe(1);
    expect(doc.requests).toBe(3);
    expect(doc.runs.map((run) => [run.line, run.index, run.trigger])).toEqual([
      [1, 0, triggerOf("click").code],
      [3, 0, triggerOf("unsub").code],
      [3, 1, triggerOf("uclick").code],
    ]);
    expectFieldsOf(doc.runs[2]!, sample("uclick"));
    expect(doc.unmatched).toEqual([{ file, line: 4, index: 0, eventType: null }]);
  });

  it("a real `listen` capture: the posted batch is one request; a refused request is skipped and listed", async () => {
    const capture = join(dir, "capture.ndjson");
    const listen = await startListen(["--out", capture]);
    const batch = [sample("click_push"), { ...sample("promocode_attach"), event_type: "promocode_given" }, sample("pixel_open")];
    try {
      const accepted = await fetch(listen.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(batch) });
      expect(accepted.status).toBe(200);
      const refused = await fetch(listen.url, { method: "POST", body: "this is not JSON" });
      expect(refused.status).toBe(400);
    } finally {
      listen.child.kill("SIGTERM");
    }
    expect(await listen.exited).toBe(0);

    const { code, doc } = simulate(capture);
    expect(code).toBe(1);
    expect(doc.requests).toBe(1);
    expect(doc.runs.map((run) => [run.line, run.index, run.trigger])).toEqual([
      [1, 0, triggerOf("click_push").code],
      [1, 2, triggerOf("pixel_open").code],
    ]);
    expectFieldsOf(doc.runs[0]!, batch[0]);
    expectFieldsOf(doc.runs[1]!, batch[2]);
    expect(doc.unmatched).toEqual([{ file: capture, line: 1, index: 1, eventType: "promocode_given" }]);
    expect(doc.skipped).toEqual([{ file: capture, line: 2, reason: "POST /: body is not JSON" }]);
  });

  it("fields that are absent, null or of another type come out empty and are listed; odd values convert by the rules", () => {
    const click = sample("click");
    const odd = {
      ...click,
      event_date: "2024-04-08T11:13:29.149194240+03:00",
      account_id: "23",
      is_test: "no",
      custom_data: { email: null, phones: 79991234567 },
      event_data: { ...(click.event_data as object), city: 7, link_url: 42 },
      subscription: [{ status: "subscribed" }, { status: "unsubscribed", email: "b@example.org" }, { status: 3 }],
    };
    const { code, doc } = simulate(write("odd.json", JSON.stringify(odd)));
    expect(code).toBe(0);
    const run = doc.runs[0]!;
    const byPath = (path: string) => triggerOf("click").fields.find((field) => field.path === path)!.code;
    expect(run.fields[byPath("data.event_date")]).toBe("2024-04-08T08:13:29.149Z");
    expect(run.fields[byPath("data.subscription[].status")]).toBe("subscribed, unsubscribed");
    expect(run.fields[byPath("data.subscription[].email")]).toBe("b@example.org");
    for (const path of ["data.account_id", "data.is_test", "data.custom_data.email", "data.custom_data.phones", "data.event_data.city", "data.event_data.link_url", "data.custom_data._fname"]) {
      expect(run.fields[byPath(path)], path).toBeNull();
      expect(run.empty).toContain(byPath(path));
    }
    expectFieldsOf(run, odd);
  });
});

describe("simulate on a manifest of its own", () => {
  const fixture = join(ROOT, "test/fixtures/simulate/manifest.json");
  it("joins with the field's separator, runs every trigger an element passes, and converts every type", () => {
    const event = {
      event_type: "click",
      event_date: "2024-05-14T12:13:19.034315796+03:00",
      account_id: 23,
      is_test: true,
      event_data: { link_url: "https://m.example.com/x", device: "mobile", lat: 55.7558 },
      custom_data: { phone: "+79991234567", phones: ["+79991234567", "+79990000000"], flags: [true, "yes", false], visits: ["2024-01-01T00:00:00Z", 5] },
      subscription: [{ channel: "email", priority: 1, weight: 0.25 }, { channel: "sms", priority: 2, weight: 1 }],
    };
    const file = write("fixture-events.json", JSON.stringify([event, { ...event, event_type: "open" }]));
    const result = runJson(["simulate", file, "--manifest", fixture]);
    expect(result.code).toBe(0);
    const doc = result.doc as unknown as Doc;
    expect(doc.runs.map((run) => [run.index, run.trigger])).toEqual([
      [0, "linkClicked"],
      [0, "mobileLinkClicked"],
      [1, "emailOpened"],
    ]);
    expect(doc.runs[0]!.fields).toStrictEqual({
      linkUrl: "https://m.example.com/x",
      eventDate: "2024-05-14T09:13:19.034Z",
      accountId: 23,
      lat: 55.7558,
      isTest: true,
      phone: "+79991234567",
      phones: "+79991234567, +79990000000",
      channels: "email | sms",
      priorities: "1, 2",
      weights: "0.25, 1",
      flags: "true, false",
      visits: "2024-01-01T00:00:00.000Z",
    });
    expect(doc.runs[0]!.empty).toEqual([]);
    expect(doc.runs[2]!.fields).toEqual({ eventType: "open" });
  });
});

describe("simulate --json", () => {
  it("prints exactly the documented keys, the assumptions table included", () => {
    const { doc } = simulate(write("shape.ndjson", `${JSON.stringify(sample("open"))}\n${JSON.stringify([{ event_type: "nope" }, 1])}\n`));
    expect(Object.keys(doc)).toEqual(["requests", "runs", "unmatched", "skipped", "assumptions"]);
    expect(Object.keys(doc.runs[0]!)).toEqual(["file", "line", "index", "trigger", "eventType", "fields", "empty"]);
    expect(Object.keys(doc.unmatched[0]!)).toEqual(["file", "line", "index", "eventType"]);
    expect(doc.skipped).toEqual([{ file: join(dir, "shape.ndjson"), line: 2, pointer: "/1", reason: "a number, not an event object; a batch holds event objects" }]);
    expect(doc.assumptions).toEqual(ASSUMPTIONS.map((assumption) => ({ id: assumption.id, text: assumption.text.en, check: assumption.check.en })));
    // A whole-file request has no line.
    expect(Object.keys(simulate(join(ROOT, "schemas/samples/open/full.json")).doc.runs[0]!)).toEqual(["file", "index", "trigger", "eventType", "fields", "empty"]);
  });

  it("is written exactly as printJson writes a document (2-space indent, one trailing newline), runs or none", () => {
    const cases = [
      write("format-some.ndjson", `${JSON.stringify([sample("open"), { event_type: "nope" }, "x"])}\n${JSON.stringify(sample("click"))}\n`),
      write("format-none.json", JSON.stringify([{ event_type: "nope" }])),
    ];
    for (const file of cases) {
      const { stdout } = runBundle(["simulate", file, "--manifest", project.manifestFile, "--json"]);
      expect(stdout).toBe(`${JSON.stringify(JSON.parse(stdout), null, 2)}\n`);
    }
    expect((JSON.parse(runBundle(["simulate", cases[1]!, "--manifest", project.manifestFile, "--json"]).stdout) as Doc).runs).toEqual([]);
  });

  it("reads a package zip as the manifest, with the same runs", () => {
    const zip = join(project.root, "dist", `altcraft-albato-${project.manifest.app.version}.zip`);
    const file = join(ROOT, "schemas/samples/click/full.json");
    const fromZip = runJson(["simulate", file, "--manifest", zip]);
    expect(fromZip.code).toBe(0);
    expect((fromZip.doc as unknown as Doc).runs).toEqual(simulate(file).doc.runs);
  });

  it("uses dist/manifest.json by default", () => {
    const result = runJson(["simulate", "schemas/samples/click/full.json"], project.root);
    expect(result.code).toBe(0);
    expect((result.doc as unknown as Doc).runs.map((run) => run.trigger)).toEqual([triggerOf("click").code]);
  });
});

describe("simulate cannot run (exit 2, one error, one JSON document with --json)", () => {
  it("without a built manifest: says to build, and names the manifest it looked for", () => {
    const empty = tempDir("simulate-no-dist");
    const text = runBundle(["simulate", join(ROOT, "schemas/samples/click/full.json")], empty);
    expect(text).toEqual({
      code: 2,
      stdout: "",
      stderr: "altcraft-albato: dist/manifest.json not found: run `npm run build` first, or pass --manifest <manifest.json|package.zip>\n",
    });
    const json = runJson(["simulate", join(ROOT, "schemas/samples/click/full.json")], empty);
    expect(json.code).toBe(2);
    expect(json.doc).toEqual({
      ok: false,
      exitCode: 2,
      error: "dist/manifest.json not found: run `npm run build` first, or pass --manifest <manifest.json|package.zip>",
      problems: [],
    });
  });

  it("with --manifest naming a file that is not there", () => {
    const missing = join(dir, "nowhere", "manifest.json");
    const json = runJson(["simulate", join(ROOT, "schemas/samples/click/full.json"), "--manifest", missing]);
    expect(json).toMatchObject({ code: 2, doc: { ok: false, problems: [{ message: "no such file; expected a manifest.json or a package zip", file: missing }] } });
  });

  it("with a manifest of another format, pointing at /format", () => {
    const other = write("other-format.json", JSON.stringify({ format: "albato-app-manifest/2", app: {}, triggers: [] }));
    const json = runJson(["simulate", join(ROOT, "schemas/samples/click/full.json"), "--manifest", other]);
    expect(json.code).toBe(2);
    expect(json.doc).toMatchObject({
      ok: false,
      exitCode: 2,
      problems: [{ message: 'manifest format "albato-app-manifest/2" is not supported; this tool reads "albato-app-manifest/1"', file: other, pointer: "/format" }],
    });
    const text = runBundle(["simulate", join(ROOT, "schemas/samples/click/full.json"), "--manifest", other]);
    expect(text.stdout).toBe("");
    expect(text.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("with a filter operator it does not know, naming the trigger", () => {
    const manifest = JSON.parse(readFileSync(project.manifestFile, "utf8")) as { triggers: Array<{ code: string; filter: { all: Array<{ operator: string }> } }> };
    manifest.triggers[2]!.filter.all[0]!.operator = "contains";
    const bad = write("contains.json", JSON.stringify(manifest));
    const json = runJson(["simulate", join(ROOT, "schemas/samples/click/full.json"), "--manifest", bad]);
    expect(json.code).toBe(2);
    expect(json.doc).toMatchObject({
      ok: false,
      problems: [
        {
          message: `trigger ${manifest.triggers[2]!.code}: filter operator "contains" is not one simulate knows (equal)`,
          file: bad,
          pointer: "/triggers/2/filter/all/0/operator",
        },
      ],
    });
  });

  it("with several things it cannot model, every one in the error's problems", () => {
    const manifest = JSON.parse(readFileSync(project.manifestFile, "utf8")) as { triggers: Array<{ code: string; filter: { all: Array<{ operator: string }> }; fields: Array<{ type: string }> }> };
    manifest.triggers[0]!.filter.all[0]!.operator = "not equal";
    manifest.triggers[1]!.fields[0]!.type = "Json";
    const bad = write("two-problems.json", JSON.stringify(manifest));
    const json = runJson(["simulate", join(ROOT, "schemas/samples/click/full.json"), "--manifest", bad]);
    expect(json.code).toBe(2);
    const failure = json.doc as { error: string; problems: Array<{ message: string; file: string; pointer: string }> };
    expect(failure.error).toBe("the manifest has 2 problems:");
    expect(failure.problems.map((problem) => problem.pointer)).toEqual(["/triggers/0/filter/all/0/operator", "/triggers/1/fields/0/type"]);
    expect(failure.problems.every((problem) => problem.file === bad)).toBe(true);
    expect(json.stderr.trim().split("\n")).toHaveLength(3);
  });

  it("on input without events, unreadable input, and usage mistakes", () => {
    const blank = write("blank.ndjson", "\n\n");
    expect(simulate(blank)).toMatchObject({ code: 2, doc: { ok: false, error: `no events in ${blank}` } });
    const broken = write("broken.json", '{"event_type": "click",\n  "x": }');
    expect(simulate(broken)).toMatchObject({ code: 2, doc: { ok: false, problems: [{ file: broken, line: 2, column: 8 }] } });
    expect(simulate(join(dir, "absent.json"))).toMatchObject({ code: 2, doc: { ok: false, problems: [{ message: "cannot read: no such file or directory (ENOENT)" }] } });
    for (const args of [["simulate"], ["simulate", "x.json", "--no-such-option"]]) {
      const result = runBundle([...args, "--json"]);
      expect(result.code).toBe(2);
      expect(Object.keys(JSON.parse(result.stdout) as object)).toEqual(["ok", "exitCode", "error", "problems"]);
    }
  });
});

describe("simulate's text report", () => {
  it("names each run's trigger and event type, prints every field's value as JSON on its own line, the empty ones, and the assumptions", () => {
    const file = write("report.json", JSON.stringify([sample("click"), { event_type: "nope" }]));
    const { code, stdout, stderr } = runBundle(["simulate", file, "--manifest", project.manifestFile]);
    expect(code).toBe(1);
    expect(stderr).toBe("");
    const lines = stdout.split("\n");
    const click = triggerOf("click");
    expect(lines[0]).toBe(`${file}[0]  ${click.code} ${JSON.stringify(click.names.en)}  event type "click"`);
    const codeWidth = Math.max(...click.fields.map((field) => field.code.length));
    for (const field of click.fields) {
      expect(lines).toContain(`  ${field.code.padEnd(codeWidth)}  ${JSON.stringify(expectedValue(field, sample("click")))}`);
    }
    expect(stdout).toContain(`${file}[1]  no trigger took it  event type "nope"\n`);
    for (const assumption of ASSUMPTIONS) expect(lines).toContain(`  ${assumption.id}: ${assumption.text.en}`);
    expect(lines.at(-2)).toBe(`1 request (2 elements) through ${project.manifestFile}: 1 run, 1 element no trigger took.`);
  });

  it("escapes what came from input: control characters and bidi overrides in values and file names", () => {
    const folder = join(dir, "evil\u001b[2Jdir");
    mkdirSync(folder);
    const file = join(folder, "evil.json");
    const event = { ...sample("click"), event_data: { link_url: "https://x.example/\u001b]0;owned\u0007\u202e\u0085" } };
    writeFileSync(file, JSON.stringify(event));
    const { code, stdout } = runBundle(["simulate", file, "--manifest", project.manifestFile]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(stdout).toContain("evil\\x1b[2Jdir/evil.json[0]");
    expect(stdout).toContain('"https://x.example/\\u001b]0;owned\\u0007\\u202e\\x85"');
  });
});

describe("the README's simulate examples", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = /\n## `simulate`[^\n]*\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? "";

  it("has a simulate section with commands and the output they show", () => {
    expect(section).toContain("npx altcraft-albato simulate");
    for (const assumption of ASSUMPTIONS) expect(section).toContain(`\`${assumption.id}\``);
  });

  it("runs each command in the section in a built project, and prints the output shown", () => {
    mkdirSync(join(project.root, "captures"), { recursive: true });
    copyFileSync(join(ROOT, "schemas/samples/click/full.json"), join(project.root, "captures", "click.json"));
    writeFileSync(join(project.root, "captures", "2024-05-14.ndjson"), `${JSON.stringify([sample("click"), sample("open")])}\n`);
    const commands = [...section.matchAll(/^(?:\$ )?npx altcraft-albato (simulate .*)$/gm)].map((match) => match[1]!);
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const command of commands) {
      const args = command.replace(/\s+#.*$/, "").split(/\s+/);
      const result = runBundle(args, project.root);
      expect(result.code, `${command}\n${result.stderr}`).toBe(0);
    }
    // The output block shown after the first command: every line of it appears in what that command prints.
    const shown = /```text\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
    expect(shown).not.toBe("");
    // Compared with runs of spaces as one: the column width follows the trigger's longest field code.
    const squeeze = (text: string) => text.replace(/ {2,}/g, "  ");
    const printed = runBundle(commands[0]!.split(/\s+/), project.root).stdout.split("\n").map(squeeze);
    for (const line of shown.split("\n").filter((text) => text.trim() !== "" && text.trim() !== "…")) expect(printed).toContain(squeeze(line));
  });
});
