/**
 * `validate` on the inputs that used to go wrong, through the bundled bin users run: listen captures
 * (their bodies checked, every record without events said), bytes that are not UTF-8, integers beyond
 * 2^53, control characters from input, `--json` when the command cannot run, symbolic-link loops and
 * FIFOs, and a reader that leaves early while worker threads are busy.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureLine } from "../scripts/listen/capture-record.js";
import { defaultTuning } from "../scripts/validate/plan.js";
import { tempDir } from "./fixtures/temp.js";
import { root, samplesDir, validSamples } from "./fixtures/validate/build.js";

const bin = join(root, "dist", "bin", "altcraft-albato.cjs");
const dir = tempDir("validate-inputs-cli");

function run(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, [bin, "validate", ...args], { cwd: root, input, encoding: "utf8", timeout: 60_000, maxBuffer: 1 << 26 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

interface JsonDocument {
  events: number;
  valid: number;
  invalid: number;
  files: number;
  problems: Array<{ file: string; line?: number; column?: number; index?: number; eventType?: string; pointer: string; keyword: string; message: string }>;
  warnings?: Array<{ file: string; line?: number; index?: number; eventType?: string; pointer: string; keyword: string; message: string }>;
}

function runJson(args: string[], input?: string | Buffer): { code: number | null; doc: JsonDocument; stderr: string } {
  const result = run(["--json", ...args], input);
  // Exactly one document, whatever happened.
  return { code: result.code, doc: JSON.parse(result.stdout) as JsonDocument, stderr: result.stderr };
}

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, content);
  return path;
}

const click = () => structuredClone(validSamples().find((s) => s.type === "click" && s.name === "full.json")!.event);

function record(body: string | Buffer, extra: { method?: string; path?: string; truncated?: boolean; bodyBytes?: number } = {}): Buffer {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  return captureLine({
    receivedAt: new Date(Date.UTC(2024, 4, 14)),
    method: extra.method ?? "POST",
    path: extra.path ?? "/{token}",
    headers: {},
    body: bytes,
    bodyBytes: extra.bodyBytes ?? bytes.length,
    truncated: extra.truncated ?? false,
  }).line;
}

describe("listen captures", () => {
  it("checks each record's body, with the record's line and the event's index", () => {
    const bad = click();
    bad.account_id = "23";
    const file = write("capture.ndjson", Buffer.concat([record(JSON.stringify([click(), click()])), record(JSON.stringify([click(), bad]))]));
    const { code, doc } = runJson([file]);
    expect(code).toBe(1);
    expect(doc).toMatchObject({ events: 4, valid: 3, invalid: 1, files: 1 });
    expect(doc.problems).toEqual([expect.objectContaining({ file, line: 2, index: 1, eventType: "click", pointer: "/account_id", keyword: "type" })]);
    expect(run([file]).stdout).toContain(`${file}:2[1] click /account_id: must be an integer, found string "23"\n`);
  });

  it("reports every record whose body holds nothing to check: cut off, not UTF-8, empty, not JSON", () => {
    const body = JSON.stringify([click()]);
    const file = write(
      "refused.ndjson",
      Buffer.concat([
        record(body.slice(0, 40), { truncated: true, bodyBytes: body.length }),
        record(Buffer.from([0x5b, 0x7b, 0x7d, 0xff, 0x5d])),
        record("", { method: "GET", path: "/favicon.ico" }),
        record('[{"event_type": nope}]'),
        record(body),
      ]),
    );
    const { code, doc } = runJson([file]);
    expect(code).toBe(1);
    expect(doc.problems.map((p) => [p.line, p.keyword])).toEqual([
      [1, "truncated"],
      [2, "encoding"],
      [3, "empty"],
      [4, "json"],
    ]);
    expect(doc).toMatchObject({ events: 5, valid: 1, invalid: 4 });
    const lines = run([file]).stdout.trim().split("\n");
    expect(lines).toEqual([
      `${file}:1: request POST /{token}: the body was cut off after 40 of its ${body.length} bytes (larger than listen's --max-body): not checked`,
      `${file}:2: request POST /{token}: the body is not valid UTF-8 (byte 0xff at byte 3 of the body): not checked`,
      `${file}:3: request GET /favicon.ico: the body is empty: no events`,
      `${file}:4: request POST /{token}: the body is not valid JSON: Unexpected token 'o' (line 1, column 18 of the body)`,
      "5 events in 1 file: 1 valid, 4 invalid, 4 problems",
    ]);
  });

  it("says precisely what a torn last record is, as a warning, and checks the records before it", () => {
    const whole = record(JSON.stringify([click()]));
    const file = write("torn.ndjson", Buffer.concat([whole, whole.subarray(0, 120)]));
    const { code, doc } = runJson([file]);
    expect(code).toBe(0);
    expect(doc).toMatchObject({ events: 1, valid: 1, problems: [] });
    expect(doc.warnings).toEqual([expect.objectContaining({ line: 2, keyword: "torn" })]);
    const text = run([file]).stdout;
    expect(text).toContain(`${file}:2: warning: the last record is cut off (120 bytes, no newline): listen was stopped while writing it`);
    expect(text).toContain("1 event in 1 file: all valid, 1 warning\n");
    // A torn line that is no capture record is a line that is not JSON, and says why it may be.
    const log = write("torn-log.ndjson", `${JSON.stringify(click())}\n{"event_type":"cli`);
    const plain = runJson([log]);
    expect(plain.code).toBe(1);
    expect(plain.doc.problems).toEqual([expect.objectContaining({ line: 2, keyword: "json" })]);
    expect(plain.doc.problems[0]!.message).toMatch(/the last line stops in the middle of a value, with no newline/);
  });
});

describe("bytes that are not UTF-8", () => {
  it("are a problem with line and column, in a log, a document and stdin; the other lines are still checked", () => {
    const good = JSON.stringify(click());
    const log = write("latin1.ndjson", Buffer.concat([Buffer.from(`${good}\n{"event_type":"click","x":"`), Buffer.from([0xe9, 0x22, 0x7d, 0x0a]), Buffer.from(`${good}\n`)]));
    const { code, doc } = runJson([log]);
    expect(code).toBe(1);
    expect(doc).toMatchObject({ events: 3, valid: 2, invalid: 1 });
    expect(doc.problems).toEqual([expect.objectContaining({ line: 2, column: 28, keyword: "encoding", message: "not valid UTF-8 (byte 0xe9): not read" })]);
    const pretty = JSON.stringify(click(), null, 2).replace('"click"', '"cl\u0000ick"');
    const bytes = Buffer.from(pretty, "utf8");
    bytes[bytes.indexOf(0)] = 0xc3; // a lead byte with no continuation
    const document = write("broken.json", bytes);
    expect(runJson([document]).doc.problems.map((p) => [p.line, p.keyword])).toEqual([[2, "encoding"]]);
    expect(runJson(["-"], bytes).doc.problems.map((p) => [p.file, p.line, p.keyword])).toEqual([["<stdin>", 2, "encoding"]]);
  });

  it("but a real U+FFFD in the text is UTF-8 and passes", () => {
    const event = click();
    (event.custom_data as Record<string, unknown>)._fname = "\uFFFD";
    expect(run([write("replacement.json", JSON.stringify(event))]).code).toBe(0);
  });
});

describe("integers beyond 2^53", () => {
  it("are a warning at file, line, index and pointer, not a failure", () => {
    const second = JSON.stringify(click()).replace(/"account_id":\d+/, '"account_id":9007199254740993');
    const line = `[${JSON.stringify(click())},${second}]`;
    const file = write("big-id.ndjson", `${JSON.stringify(click())}\n${line}\n`);
    const { code, doc } = runJson([file]);
    expect(code).toBe(0);
    expect(doc.problems).toEqual([]);
    expect(doc.warnings).toEqual([
      {
        file,
        line: 2,
        index: 1,
        eventType: "click",
        pointer: "/account_id",
        keyword: "inexactInteger",
        message: "integer 9007199254740993 is beyond 2^53 and cannot be held exactly: JSON.parse reads it as 9007199254740992",
      },
    ]);
    expect(run([file]).stdout).toBe(
      `${file}:2[1] click /account_id: warning: integer 9007199254740993 is beyond 2^53 and cannot be held exactly: JSON.parse reads it as 9007199254740992\n` +
        "3 events in 1 file: all valid, 1 warning\n",
    );
  });

  it("are not warned about inside strings, nor when JSON.parse holds them exactly", () => {
    const event = click();
    (event.custom_data as Record<string, unknown>).phone = "90071992547409931234";
    const text = JSON.stringify(event).replace(/"account_id":\d+/, '"account_id":9007199254740992');
    const { code, doc } = runJson([write("exact.json", text)]);
    expect(code).toBe(0);
    expect(doc.warnings).toBeUndefined();
    expect(Object.keys(doc)).toEqual(["events", "valid", "invalid", "files", "provisionalEventTypes", "problems"]);
  });
});

describe("text from input on a terminal", () => {
  const ESCAPES = "\u001b]0;owned\u0007\u001b[2J\u009b31m\u202e";

  it("is escaped in every line: the event type, the file name, JSON excerpts, quoted values", () => {
    const event = click();
    event.event_type = `click${ESCAPES}`;
    const name = write(`evil${"\u001b[2J"}.json`, JSON.stringify(event));
    const broken = write("broken-excerpt.ndjson", `{"event_type": "\u009b2J", nope}\n`);
    const quoted = click();
    quoted.event_date = `yesterday${ESCAPES}`;
    const value = write("quoted.json", JSON.stringify(quoted));
    const { stdout } = run([name, broken, value]);
    expect(stdout).toContain("evil\\x1b[2J.json");
    expect(stdout).toContain("\\x1b]0;owned\\x07\\x1b[2J");
    expect(stdout).toContain("\\x9b");
    expect(stdout).toContain("\\u202e");
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it("is escaped in the --json document too, which stays the same JSON", () => {
    const event = click();
    event.event_type = `click${ESCAPES}`;
    const file = write("evil-json.json", JSON.stringify(event));
    const { stdout } = run(["--json", file]);
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    const doc = JSON.parse(stdout) as JsonDocument;
    expect(doc.problems[0]!.eventType).toBe(`click${ESCAPES}`);
  });

  it("is escaped in the notes about what a folder holds that is not read", () => {
    const folder = join(dir, "fifo-note");
    mkdirSync(folder, { recursive: true });
    write("fifo-note/a.json", JSON.stringify(click()));
    spawnSync("mkfifo", [join(folder, "pipe\u001b[2J.json")]);
    const result = run([folder]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`altcraft-albato: note: ${folder}/pipe\\x1b[2J.json: a FIFO, not read\n`);
  });
});

describe("--json when the command cannot run (exit 2)", () => {
  const cases: Array<[string, () => string[]]> = [
    ["an unreadable path", () => [join(dir, "missing.json")]],
    ["an unknown --event-type", () => ["--event-type", "nope", join(samplesDir, "click", "full.json")]],
    ['"-" twice', () => ["-", "-"]],
    ["a FIFO given explicitly", () => {
      const fifo = join(dir, "explicit.fifo");
      spawnSync("mkfifo", [fifo]);
      return [fifo];
    }],
    ["a folder without event files", () => {
      mkdirSync(join(dir, "empty-folder"), { recursive: true });
      return [join(dir, "empty-folder")];
    }],
    ["a missing argument", () => []],
    ["an unknown option", () => ["--no-such-option", "x.json"]],
  ];
  for (const [what, args] of cases) {
    it(`prints one document with the error for ${what}`, () => {
      const { code, doc, stderr } = runJson(args(), "");
      expect(code).toBe(2);
      // The failure document every command prints; what was checked, when validate got that far.
      const failure = doc as unknown as { ok: boolean; exitCode: number; error: string; checked?: JsonDocument };
      expect(failure).toMatchObject({ ok: false, exitCode: 2 });
      if (failure.checked) expect(failure.checked).toMatchObject({ events: 0, valid: 0, invalid: 0, files: 0, problems: [] });
      expect(failure.error).toMatch(/\S/);
      // The one-line message is on stderr as without --json, and the document says the same.
      expect(stderr).toContain(failure.error);
      expect(stderr).not.toMatch(/\n\s+at /);
    });
  }

  it("names the file as data; inputs are resolved before any is checked, so nothing was", () => {
    const good = write("before-error.json", JSON.stringify(click()));
    const fifo = join(dir, "explicit.fifo");
    const { doc } = runJson([good, fifo]);
    const failure = doc as unknown as { error: string; problems: unknown[]; checked: JsonDocument };
    expect(failure.problems).toEqual([{ file: fifo, message: 'cannot read: a FIFO (give a file, a folder, or "-" for stdin)' }]);
    expect(failure.error).toContain("cannot read: a FIFO");
    expect(failure.checked).toMatchObject({ events: 0, valid: 0, files: 0 });
  });
});

describe("folders the walker must not loop in", () => {
  it("reads each real file once through link loops (../L, .., .), and refuses nothing it can read", () => {
    const top = join(dir, "L");
    mkdirSync(join(top, "sub"), { recursive: true });
    write("L/full.json", JSON.stringify(click()));
    symlinkSync("../L", join(top, "self"));
    symlinkSync("..", join(top, "sub", "up"));
    symlinkSync(".", join(top, "dot"));
    const result = runJson([top]);
    expect(result.code).toBe(0);
    expect(result.doc).toMatchObject({ events: 1, files: 1 });
  });

  it("skips a FIFO inside a folder with a note, and does not block on it", () => {
    const folder = join(dir, "with-fifo");
    mkdirSync(folder, { recursive: true });
    write("with-fifo/a.json", JSON.stringify(click()));
    spawnSync("mkfifo", [join(folder, "b.ndjson")]);
    const result = run([folder]);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("1 event in 1 file: all valid\n");
    expect(result.stderr).toBe(`altcraft-albato: note: ${join(folder, "b.ndjson")}: a FIFO, not read\n`);
  });
});

describe.skipIf(availableParallelism() < 2)("a large log on worker threads", () => {
  const bad = JSON.stringify({ event_type: "click" });
  // Above the size from which workers join in, so the run is on every core.
  const big = (): string => write("many-bad.ndjson", `${bad}\n`.repeat(Math.ceil((defaultTuning().parallelBytes + (1 << 20)) / (bad.length + 1))));

  it("ends quietly when its reader goes away (validate … | head -1), with the exit code of what it found", () => {
    const file = big();
    const result = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" validate "${file}" | head -n 1; echo "exit \${PIPESTATUS[0]}" >&2`], { encoding: "utf8" });
    expect(result.stdout).toBe(`${file}:1 click (root): missing required property "event_date"\n`);
    expect(result.stderr).toBe("exit 1\n");
  });
});
