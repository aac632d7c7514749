/**
 * `validate` speed and memory on a large NDJSON log (issue 2).
 *
 * Builds a 1,000,000-line NDJSON file from the valid samples (Cyrillic text in every line), then, in
 * child processes, alternating, 3 runs each:
 *   (a) the floor: split raw bytes on \n, decode each line, JSON.parse (nothing else);
 *   (b) `node dist/bin/altcraft-albato.cjs validate <file>`: the real code path, as installed (the bundled bin).
 * Reports medians, the ratio floor/validate (target ≥ 0.5), events/s, and the child's peak RSS on 1M and
 * 2M lines (target < 200 MB and flat). Then start-up: `validate <one sample>` vs `node -e 0` (target ≤ 1.5).
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
// The bin users run: the bundle of the compiled toolchain (rolldown.config.ts).
const cli = join(root, "dist", "bin", "altcraft-albato.cjs");
const splitterModule = join(root, "dist", "scripts", "validate", "line-splitter.js");
const RUNS = 3;
const LINES = 1_000_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

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

/** Prints the child's peak RSS (bytes) on stderr as it exits. */
function writeRssHook(dir: string): string {
  const hook = join(dir, "peak-rss.mjs");
  writeFileSync(hook, `process.on("exit", () => process.stderr.write("PEAK_RSS " + process.resourceUsage().maxRSS * 1024 + "\\n"));\n`);
  return hook;
}

/** The floor: the same byte splitter the validator uses, then JSON.parse; counts lines so nothing is optimised away. */
function writeFloor(dir: string): string {
  const floor = join(dir, "floor.mjs");
  writeFileSync(
    floor,
    [
      `import { createReadStream } from "node:fs";`,
      `import { LineSplitter } from ${JSON.stringify(splitterModule)};`,
      `let count = 0;`,
      `const splitter = new LineSplitter((text) => { if (JSON.parse(text) !== null) count++; });`,
      `for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 1 << 20 })) splitter.push(chunk);`,
      `splitter.end();`,
      `console.log(count + " lines");`,
    ].join("\n"),
  );
  return floor;
}

interface Run {
  seconds: number;
  peakRss: number;
  stdout: string;
}

function runChild(args: string[], hook: string): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--import", hook, ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  const seconds = (performance.now() - started) / 1000;
  const peak = /PEAK_RSS (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !peak) throw new Error(`${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  return { seconds, peakRss: Number(peak[1]), stdout: result.stdout.trim() };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function startup(): void {
  const sample = join(root, "schemas", "samples", "click", "full.json");
  const time = (args: string[]): number => {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { stdio: "ignore" });
    if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}`);
    return performance.now() - started;
  };
  const bare: number[] = [];
  const frame: number[] = [];
  const validate: number[] = [];
  // Start-up times swing by tens of per cent on a shared machine: many short rounds, medians.
  for (let i = 0; i < 40; i++) {
    bare.push(time(["-e", "0"]));
    frame.push(time([cli, "--version"]));
    validate.push(time([cli, "validate", sample]));
  }
  const ratio = median(validate) / median(bare);
  console.log(
    `start-up: node -e 0 ${median(bare).toFixed(0)} ms, validate <one sample> ${median(validate).toFixed(0)} ms, ` +
      `ratio ${ratio.toFixed(2)} (target ≤ 1.5) ${ratio <= 1.5 ? "ok" : "MISSED"}; ` +
      `the CLI frame alone (--version) ${median(frame).toFixed(0)} ms, ratio ${(median(frame) / median(bare)).toFixed(2)}`,
  );
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-validate-"));
  try {
    const lines = sampleLines();
    const log = join(dir, "events-1m.ndjson");
    await writeLog(log, LINES, lines);
    const size = statSync(log).size;
    console.log(`input: ${LINES.toLocaleString("en-US")} lines, ${mb(size)}, ${lines.length} distinct samples, Cyrillic in every line`);
    const hook = writeRssHook(dir);
    const floor = writeFloor(dir);
    const floorRuns: Run[] = [];
    const validateRuns: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      floorRuns.push(runChild([floor, log], hook));
      validateRuns.push(runChild([cli, "validate", log], hook));
    }
    const last = validateRuns.at(-1)!.stdout.split("\n").at(-1);
    if (!last?.includes("all valid")) throw new Error(`validate did not report all valid: ${last}`);
    const floorSeconds = median(floorRuns.map((run) => run.seconds));
    const validateSeconds = median(validateRuns.map((run) => run.seconds));
    const ratio = floorSeconds / validateSeconds;
    console.log(`floor (split + JSON.parse): median ${floorSeconds.toFixed(2)} s of ${floorRuns.map((r) => r.seconds.toFixed(2)).join(", ")}`);
    console.log(`validate:                   median ${validateSeconds.toFixed(2)} s of ${validateRuns.map((r) => r.seconds.toFixed(2)).join(", ")}`);
    console.log(`ratio floor/validate: ${ratio.toFixed(2)} (target ≥ 0.5) ${ratio >= 0.5 ? "ok" : "MISSED"}`);
    console.log(`validate: ${Math.round(LINES / validateSeconds).toLocaleString("en-US")} events/s, ${(size / 1024 / 1024 / validateSeconds).toFixed(0)} MB/s`);
    const peak1 = Math.max(...validateRuns.map((run) => run.peakRss));
    rmSync(log);
    const log2 = join(dir, "events-2m.ndjson");
    await writeLog(log2, 2 * LINES, lines);
    const peak2 = runChild([cli, "validate", log2], hook).peakRss;
    rmSync(log2);
    const flat = peak2 < 200 * 1024 * 1024 && peak2 < peak1 * 1.25;
    console.log(`peak RSS of validate: ${mb(peak1)} on 1M lines, ${mb(peak2)} on 2M lines (target < 200 MB, flat) ${flat ? "ok" : "MISSED"}`);
    startup();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
