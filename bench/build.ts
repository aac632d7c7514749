/**
 * `build` speed (issue 3), each figure against `node -e 0` measured side by side, alternating runs:
 *   1. a cold build of the bundled connector (cache cleared) — target ≤ 8× `node -e 0`;
 *   2. a rebuild with nothing changed (the cache answers) — target ≤ 2×;
 *   3. scaling: synthetic connectors of 50 and 500 event types (the bundled ones cloned under new
 *      names), marginal cost per event type = (t500 − t50) / 450 — target ≤ 20 ms.
 * Prints medians and ratios. `BENCH_RUNS` (default 5) and `BENCH_SIZES` (default "50,500") override.
 *
 * Scaling runs build in a child process (`build.js --worker <root>`) with a synthetic event-type
 * registry: the real registry is fixed, so the worker passes the extended one to the pipeline.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runBuild } from "../scripts/build/pipeline.js";
import type { EventTypeInfo } from "../scripts/event-types.js";
import { EVENT_TYPES } from "../scripts/event-types.js";
import { loadConnector } from "../scripts/load/connector.js";
import type { ConnectorDefinition } from "../scripts/model/connector.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const cli = join(repo, "dist", "scripts", "cli.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? "50,500").split(",").map(Number);
const REGISTRY_FILE = "synthetic-registry.json";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Wall time of one child process, in ms; a failure stops the benchmark with the child's output. */
function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { encoding: "utf8" });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}:\n${result.stderr}`);
  return elapsed;
}

function copyProject(): string {
  const root = mkdtempSync(join(tmpdir(), "bench-build-"));
  for (const dir of ["schemas", "connector"]) cpSync(join(repo, dir), join(root, dir), { recursive: true });
  return root;
}

function clearCache(root: string): void {
  rmSync(join(root, "node_modules", ".cache"), { recursive: true, force: true });
}

/** Alternate `node -e 0` and the measured command; medians of each and their ratio. */
function sideBySide(label: string, before: () => void, args: string[], target: number): void {
  const baseline: number[] = [];
  const measured: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    baseline.push(time(["-e", "0"]));
    before();
    measured.push(time(args));
  }
  const ratio = median(measured) / median(baseline);
  process.stdout.write(
    `${label}: ${median(measured).toFixed(0)} ms vs node -e 0 ${median(baseline).toFixed(0)} ms → ${ratio.toFixed(2)}× (target ≤ ${target}×) ${ratio <= target ? "ok" : "OVER"}\n`,
  );
}

/** Clone the bundled event types (schemas, samples) under new names until there are `size`. */
function syntheticProject(size: number): string {
  const root = copyProject();
  const registry: EventTypeInfo[] = [...EVENT_TYPES];
  for (let index = 0; registry.length < size; index++) {
    const base = EVENT_TYPES[index % EVENT_TYPES.length]!;
    const type = `${base.type}_x${Math.floor(index / EVENT_TYPES.length) + 1}`;
    registry.push({ ...base, type });
    const schemaFile = `schemas/events/${type}.schema.json`;
    const schema = JSON.parse(readFileSync(join(root, `schemas/events/${base.type}.schema.json`), "utf8")) as {
      $id: string;
      properties: { event_type: { const: string; description?: string } };
    };
    schema.$id = `https://altcraft-albato.dev/${schemaFile}`;
    schema.properties.event_type.const = type;
    writeFileSync(join(root, schemaFile), `${JSON.stringify(schema, null, 2)}\n`);
    const sampleDir = join(root, "schemas/samples", type);
    mkdirSync(sampleDir, { recursive: true });
    for (const name of readdirSync(join(root, "schemas/samples", base.type)).sort()) {
      const sample = JSON.parse(readFileSync(join(root, "schemas/samples", base.type, name), "utf8")) as { event_type: string };
      sample.event_type = type;
      writeFileSync(join(sampleDir, name), `${JSON.stringify(sample, null, 2)}\n`);
    }
  }
  writeFileSync(join(root, REGISTRY_FILE), JSON.stringify(registry));
  return root;
}

/**
 * The worker: the bundled connector as loaded, plus one trigger (and labels) per synthetic event type,
 * cloned from its base; then the whole pipeline with the synthetic registry.
 */
async function worker(root: string): Promise<void> {
  const registry = JSON.parse(readFileSync(join(root, REGISTRY_FILE), "utf8")) as EventTypeInfo[];
  const load = async (projectRoot: string): Promise<ConnectorDefinition> => {
    const connector = await loadConnector(projectRoot);
    const byType = new Map(connector.triggers.map((trigger) => [trigger.eventType, trigger]));
    for (const info of registry) {
      if (byType.has(info.type)) continue;
      const [baseType, copy] = info.type.split(/_x(?=\d+$)/) as [string, string];
      const base = byType.get(baseType)!;
      const code = `${base.code}X${copy}`;
      connector.triggers.push({
        ...base,
        code,
        eventType: info.type,
        schema: `schemas/events/${info.type}.schema.json`,
        samples: base.samples.map((sample) => sample.replace(`/samples/${baseType}/`, `/samples/${info.type}/`)),
      });
      for (const labels of Object.values(connector.locales)) {
        const text = labels.triggers[base.code]!;
        labels.triggers[code] = { name: `${text.name} (${copy})`, description: text.description };
      }
    }
    return connector;
  };
  const outcome = await runBuild({ root, out: join(root, "dist"), check: false, registry, loadConnector: load, useCache: false });
  if (outcome.exitCode !== 0) {
    process.stderr.write(`${outcome.problems.map((problem) => `${problem.place.file}: ${problem.message}`).join("\n")}\n`);
  }
  process.exitCode = outcome.exitCode;
}

function main(): void {
  process.stdout.write(`runs: ${RUNS} each, medians; machine load (1 min): ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]}\n`);
  const project = copyProject();
  try {
    sideBySide("cold build (cache cleared)", () => clearCache(project), [cli, "build", "--root", project], 8);
    time([cli, "build", "--root", project]);
    sideBySide("no-change rebuild (cache)", () => undefined, [cli, "build", "--root", project], 2);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }

  const script = fileURLToPath(import.meta.url);
  const medians = new Map<number, number>();
  for (const size of SIZES) {
    const root = syntheticProject(size);
    try {
      const runs: number[] = [];
      for (let run = 0; run < Math.min(RUNS, 3); run++) {
        rmSync(join(root, "dist"), { recursive: true, force: true });
        runs.push(time([script, "--worker", root]));
      }
      medians.set(size, median(runs));
      process.stdout.write(`synthetic connector, ${size} event types: ${median(runs).toFixed(0)} ms\n`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  if (SIZES.length >= 2) {
    const small = Math.min(...SIZES);
    const large = Math.max(...SIZES);
    const marginal = (medians.get(large)! - medians.get(small)!) / (large - small);
    process.stdout.write(
      `marginal cost per event type: (t${large} − t${small}) / ${large - small} = ${marginal.toFixed(1)} ms (target ≤ 20 ms) ${marginal <= 20 ? "ok" : "OVER"}\n`,
    );
  }
}

if (process.argv[2] === "--worker") await worker(process.argv[3]!);
else main();
