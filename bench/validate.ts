/**
 * `validate` speed, memory and start-up (issue 13), each measured side by side with its baseline in the
 * same run, the runs alternating, medians and ratios reported:
 *
 * 1. A large NDJSON log (the valid samples, Cyrillic text in every line): `validate` (the bundled bin users
 *    run, on every core) against the floor of merely splitting it into lines and JSON.parse-ing them, on one
 *    thread (target: validate ≥ 1.2× faster) and on two (how close to the two-thread floor it gets).
 *    Events/s, and the peak RSS of validate on LINES and on 2·LINES lines (target < 250 MB, flat).
 * 2. Folders of 1,000 and 10,000 one-event files: `validate` against ajv-cli 5 on the same files with the
 *    same schema, bundled here from schemas/ (target: ≤ 0.35× ajv-cli's time at both sizes), and against
 *    the floor of merely reading and JSON.parse-ing every file on one thread (what no validator can beat
 *    there, so it tells whether the target is within reach on the machine at hand).
 * 3. Start-up: `validate <one sample>` against `node -e 0` (target ≤ 1.5×).
 */
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// The bin users run: the bundle (rolldown.config.ts).
const cli = join(root, "dist", "bin", "altcraft-albato.cjs");
const ajvCli = join(root, "node_modules", "ajv-cli", "dist", "index.js");
const LINES = 500_000;
const LOG_ROUNDS = 5;
const FOLDER_ROUNDS = 7;
const STARTUP_ROUNDS = 40;
const SCHEMA_BASE = "https://altcraft-albato.dev/";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const seconds = (values: number[]): string => values.map((value) => value.toFixed(2)).join(", ");
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const verdict = (ok: boolean): string => (ok ? "met" : "NOT met");

/** Every valid sample as one NDJSON line, each with Cyrillic profile text. */
function sampleLines(): string[] {
  const samplesDir = join(root, "schemas", "samples");
  const lines: string[] = [];
  for (const type of readdirSync(samplesDir).sort()) {
    if (type === "invalid") continue;
    for (const name of readdirSync(join(samplesDir, type)).sort()) {
      const event = JSON.parse(readFileSync(join(samplesDir, type, name), "utf8")) as Record<string, unknown>;
      const custom = event.custom_data;
      if (typeof custom === "object" && custom !== null) {
        Object.assign(custom, { _fname: "Анна", _lname: "Смирнова", _city: "Санкт-Петербург" });
      } else {
        event.comment_ru = "Профиль удалён: исторический экспорт";
      }
      lines.push(JSON.stringify(event));
    }
  }
  return lines;
}

async function writeLog(path: string, count: number, lines: string[]): Promise<void> {
  const out = createWriteStream(path);
  let block = "";
  for (let i = 0; i < count; i++) {
    block += `${lines[i % lines.length]}\n`;
    if (block.length > 1 << 20) {
      if (!out.write(block)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      block = "";
    }
  }
  out.write(block);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Prints the child's peak RSS (bytes, every thread) on stderr as it exits. */
function writeRssHook(dir: string): string {
  const hook = join(dir, "peak-rss.mjs");
  writeFileSync(hook, `process.on("exit", () => process.stderr.write("PEAK_RSS " + process.resourceUsage().maxRSS * 1024 + "\\n"));\n`);
  return hook;
}

/**
 * The floor: read the file with one reused buffer, cut it at byte 10, decode each line and JSON.parse
 * it; nothing else. With a thread count of 2 the file is cut in two byte ranges at a line boundary (the
 * rule validate's ranges follow), one per thread. Counts lines so nothing is optimised away.
 */
function writeFloor(dir: string): string {
  const floor = join(dir, "floor.mjs");
  writeFileSync(
    floor,
    `import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

function parseLines(path, start, end) {
  const fd = openSync(path, "r");
  const size = fstatSync(fd).size;
  const buffer = Buffer.allocUnsafe(1 << 20);
  let count = 0;
  let carry = null;
  let lineStart = start === 0 ? 0 : -1;
  let position = start === 0 ? 0 : start - 1;
  const line = (text) => { if (JSON.parse(text) !== null) count++; };
  outer: while (position < size) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
    if (read === 0) break;
    const chunk = buffer.subarray(0, read);
    let i = 0;
    while (i < read) {
      const newline = chunk.indexOf(10, i);
      if (lineStart === -1) {
        if (newline === -1) break;
        lineStart = position + newline + 1;
        i = newline + 1;
        if (lineStart >= end) break outer;
        continue;
      }
      if (newline === -1) {
        carry = carry === null ? Buffer.from(chunk.subarray(i)) : Buffer.concat([carry, chunk.subarray(i)]);
        break;
      }
      line(carry === null ? chunk.toString("utf8", i, newline) : Buffer.concat([carry, chunk.subarray(i, newline)]).toString("utf8"));
      carry = null;
      lineStart = position + newline + 1;
      i = newline + 1;
      if (lineStart >= end) break outer;
    }
    position += read;
  }
  if (carry !== null && carry.length > 0) line(carry.toString("utf8"));
  closeSync(fd);
  return count;
}

if (isMainThread) {
  const [path, threads] = [process.argv[2], Number(process.argv[3] ?? 1)];
  const size = fstatSync(openSync(path, "r")).size;
  if (threads === 1) {
    console.log(parseLines(path, 0, size) + " lines");
  } else {
    const middle = Math.floor(size / 2);
    const other = new Worker(new URL(import.meta.url), { workerData: { path, start: middle, end: size } });
    const theirs = new Promise((resolve, reject) => { other.once("message", resolve); other.once("error", reject); });
    const mine = parseLines(path, 0, middle);
    console.log(mine + (await theirs) + " lines");
  }
} else {
  parentPort.postMessage(parseLines(workerData.path, workerData.start, workerData.end));
}
`,
  );
  return floor;
}

/** The folder floor: list the folder, then open, read, close and JSON.parse each file in turn; nothing else. */
function writeFolderFloor(dir: string): string {
  const floor = join(dir, "folder-floor.mjs");
  writeFileSync(
    floor,
    `import { closeSync, openSync, readdirSync, readSync } from "node:fs";
import { join } from "node:path";

const folder = process.argv[2];
const buffer = Buffer.allocUnsafe(1 << 20);
let count = 0;
for (const name of readdirSync(folder).sort()) {
  const fd = openSync(join(folder, name), "r");
  const read = readSync(fd, buffer, 0, buffer.length, null);
  closeSync(fd);
  if (JSON.parse(buffer.toString("utf8", 0, read)) !== null) count++;
}
console.log(count + " files");
`,
  );
  return floor;
}

interface Run {
  seconds: number;
  peakRss: number;
  stdout: string;
}

function runChild(args: string[], hook?: string, cwd = root): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...(hook ? ["--import", hook] : []), ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 26 });
  const elapsed = (performance.now() - started) / 1000;
  const peak = /PEAK_RSS (\d+)/.exec(result.stderr);
  if (result.status !== 0 || (hook && !peak)) throw new Error(`${args.join(" ")} failed (${result.status}): ${result.stderr.slice(0, 2000)}`);
  return { seconds: elapsed, peakRss: peak ? Number(peak[1]) : 0, stdout: result.stdout.trim() };
}

async function ndjson(dir: string, hook: string): Promise<void> {
  const lines = sampleLines();
  const log = join(dir, "events.ndjson");
  await writeLog(log, LINES, lines);
  const size = statSync(log).size;
  console.log(`NDJSON: ${LINES.toLocaleString("en-US")} lines, ${mb(size)}, ${lines.length} distinct samples, Cyrillic in every line; ${LOG_ROUNDS} rounds`);
  const floor = writeFloor(dir);
  const runs = { floor1: [] as Run[], floor2: [] as Run[], validate: [] as Run[] };
  for (let round = 0; round < LOG_ROUNDS; round++) {
    runs.floor1.push(runChild([floor, log, "1"], hook));
    runs.validate.push(runChild([cli, "validate", log], hook));
    runs.floor2.push(runChild([floor, log, "2"], hook));
  }
  const last = runs.validate.at(-1)!.stdout.split("\n").at(-1);
  if (last !== `${LINES} events in 1 file: all valid`) throw new Error(`validate did not report all valid: ${last}`);
  for (const run of [...runs.floor1, ...runs.floor2]) if (run.stdout !== `${LINES} lines`) throw new Error(`the floor counted ${run.stdout}`);
  const [floor1, floor2, validate] = [runs.floor1, runs.floor2, runs.validate].map((list) => median(list.map((run) => run.seconds))) as [number, number, number];
  console.log(`  floor, one thread (split + JSON.parse):  median ${floor1.toFixed(2)} s of ${seconds(runs.floor1.map((r) => r.seconds))}`);
  console.log(`  floor, two threads:                      median ${floor2.toFixed(2)} s of ${seconds(runs.floor2.map((r) => r.seconds))}`);
  console.log(`  validate (every core):                   median ${validate.toFixed(2)} s of ${seconds(runs.validate.map((r) => r.seconds))}`);
  const ratio1 = floor1 / validate;
  console.log(`  ratio one-thread floor / validate: ${ratio1.toFixed(2)} (target ≥ 1.2): ${verdict(ratio1 >= 1.2)}`);
  console.log(`  ratio two-thread floor / validate: ${(floor2 / validate).toFixed(2)} (1.0 would be validation for free)`);
  // What a second thread could give on this machine during this run (other jobs share the cores).
  console.log(`  headroom: the two-thread floor ran ${(floor1 / floor2).toFixed(2)}× as fast as the one-thread floor (2.0 = an idle second core)`);
  console.log(`  validate: ${Math.round(LINES / validate).toLocaleString("en-US")} events/s, ${(size / 1024 / 1024 / validate).toFixed(0)} MB/s`);
  const peak1 = Math.max(...runs.validate.map((run) => run.peakRss));
  rmSync(log);
  const log2 = join(dir, "events-2x.ndjson");
  await writeLog(log2, 2 * LINES, lines);
  const peak2 = runChild([cli, "validate", log2], hook).peakRss;
  rmSync(log2);
  const log4 = join(dir, "events-4x.ndjson");
  await writeLog(log4, 4 * LINES, lines);
  const peak4 = runChild([cli, "validate", log4], hook).peakRss;
  rmSync(log4);
  const flat = peak4 < 250 * 1024 * 1024 && peak4 < peak1 * 1.25;
  console.log(
    `  peak RSS of validate: ${mb(peak1)} at ${(LINES / 1e6).toFixed(1)}M lines, ${mb(peak2)} at ${((2 * LINES) / 1e6).toFixed(0)}M, ` +
      `${mb(peak4)} at ${((4 * LINES) / 1e6).toFixed(0)}M (target < 250 MB at 2M, flat): ${verdict(flat)}`,
  );
}

/** Load a schema document of schemas/ by its $id. */
function schemaById(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, id.slice(SCHEMA_BASE.length)), "utf8")) as Record<string, unknown>;
}

/**
 * One self-contained schema for ajv-cli: the event type's schema as written, with every document it
 * refers to (transitively) embedded under `$defs` by its `$id`, so the relative `$ref`s resolve as they do
 * for our validators (JSON Schema 2020-12 compound documents).
 */
function bundledSchema(eventType: string): Record<string, unknown> {
  const top = schemaById(`${SCHEMA_BASE}schemas/events/${eventType}.schema.json`);
  const embedded = new Map<string, Record<string, unknown>>();
  const visit = (node: unknown, base: string): void => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, base));
    if (typeof node !== "object" || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) {
        const id = new URL(value, base).href.split("#")[0]!;
        if (id !== top.$id && !embedded.has(id)) {
          const { $schema: _, ...document } = schemaById(id);
          embedded.set(id, document);
          visit(document, id);
        }
      } else {
        visit(value, base);
      }
    }
  };
  visit(top, top.$id as string);
  return { ...top, $defs: { ...((top.$defs as object | undefined) ?? {}), ...Object.fromEntries([...embedded].sort(([a], [b]) => (a < b ? -1 : 1))) } };
}

function writeFolder(dir: string, count: number): string {
  const folder = join(dir, `files-${count}`);
  mkdirSync(folder);
  const sample = JSON.parse(readFileSync(join(root, "schemas", "samples", "click", "full.json"), "utf8")) as { event_data: Record<string, unknown> };
  for (let i = 0; i < count; i++) {
    sample.event_data.message_id = i;
    writeFileSync(join(folder, `event-${String(i).padStart(5, "0")}.json`), JSON.stringify(sample, null, 2));
  }
  return folder;
}

function timeQuietly(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" });
  const elapsed = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}`);
  return elapsed;
}

function folders(dir: string): void {
  const floor = writeFolderFloor(dir);
  const schema = join(dir, "click.bundled.schema.json");
  writeFileSync(schema, JSON.stringify(bundledSchema("click"), null, 2));
  console.log(`folders of one-event files (click, pretty-printed, ~${(statSync(join(root, "schemas/samples/click/full.json")).size / 1024).toFixed(0)} KB each): validate vs ajv-cli 5 with the same schema bundled, ${FOLDER_ROUNDS} rounds`);
  for (const count of [1_000, 10_000]) {
    const folder = writeFolder(dir, count);
    // ajv-cli as its users run it on a folder: its own glob, ajv-formats for `format`, strict off for our x- keywords.
    const ajvArgs = [ajvCli, "validate", "--spec=draft2020", "--strict=false", "-c", "ajv-formats", "-s", schema, "-d", `${folder}/*.json`];
    const ours: number[] = [];
    const theirs: number[] = [];
    const floors: number[] = [];
    for (let round = 0; round < FOLDER_ROUNDS; round++) {
      theirs.push(timeQuietly(ajvArgs));
      ours.push(timeQuietly([cli, "validate", folder]));
      floors.push(timeQuietly([floor, folder]));
    }
    const ratio = median(ours) / median(theirs);
    console.log(
      `  ${count.toLocaleString("en-US").padStart(6)} files: ajv-cli median ${median(theirs).toFixed(3)} s of ${seconds(theirs)}; ` +
        `validate median ${median(ours).toFixed(3)} s of ${seconds(ours)}; ratio ${ratio.toFixed(2)} (target ≤ 0.35): ${verdict(ratio <= 0.35)}; ` +
        `${Math.round(count / median(ours)).toLocaleString("en-US")} files/s`,
    );
    const floorRatio = median(floors) / median(theirs);
    console.log(
      `          read + JSON.parse floor, one thread: median ${median(floors).toFixed(3)} s of ${seconds(floors)}; floor / ajv-cli ${floorRatio.toFixed(2)} ` +
        `(${floorRatio > 0.35 ? "above 0.35: the target is below what reading and parsing alone take on one thread here" : "within the target"}); ` +
        `validate / floor ${(median(ours) / median(floors)).toFixed(2)}`,
    );
    rmSync(folder, { recursive: true, force: true });
  }
}

function startup(): void {
  const sample = join(root, "schemas", "samples", "click", "full.json");
  const bare: number[] = [];
  const frame: number[] = [];
  const validate: number[] = [];
  // Start-up times swing by tens of per cent on a shared machine: many short rounds, medians.
  for (let i = 0; i < STARTUP_ROUNDS; i++) {
    bare.push(timeQuietly(["-e", "0"]));
    frame.push(timeQuietly([cli, "--version"]));
    validate.push(timeQuietly([cli, "validate", sample]));
  }
  const ratio = median(validate) / median(bare);
  const ms = (values: number[]): string => `${(median(values) * 1000).toFixed(0)} ms`;
  console.log(
    `start-up: node -e 0 ${ms(bare)}, validate <one sample> ${ms(validate)}, ratio ${ratio.toFixed(2)} (target ≤ 1.5): ${verdict(ratio <= 1.5)}; ` +
      `the CLI frame alone (--version) ${ms(frame)}, ratio ${(median(frame) / median(bare)).toFixed(2)}`,
  );
}

async function main(): Promise<void> {
  console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}`);
  const dir = mkdtempSync(join(tmpdir(), "bench-validate-"));
  try {
    // `node dist/bench/validate.js folders` runs one part; no argument, all of them.
    const parts = process.argv.slice(2);
    const wanted = (part: string): boolean => parts.length === 0 || parts.includes(part);
    if (wanted("ndjson")) await ndjson(dir, writeRssHook(dir));
    if (wanted("folders")) folders(dir);
    if (wanted("startup")) startup();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
