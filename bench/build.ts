/**
 * `build` speed, each figure against `node -e 0` measured side by side, alternating runs:
 *   1. a cold build of the bundled connector (build record cleared) — target ≤ 12× `node -e 0`;
 *   2. a rebuild with nothing changed (the cache answers) — target ≤ 2×;
 *   3. scaling: synthetic connectors of 50 and 500 event types, marginal cost per event type =
 *      (t500 − t50) / 450 — target ≤ 20 ms.
 * Prints medians and ratios. `BENCH_RUNS` (default 5) and `BENCH_SIZES` (default "50,500") override.
 *
 * A synthetic connector is a real project on disk: the bundled event types cloned under new names, each
 * with its schema (plus one field of its own), samples, a trigger in connector/triggers.yaml and labels
 * in every locale file, so every stage of the build (YAML, checks, lock, guides, package) grows with it.
 * The registry is fixed in scripts/event-types.ts, so each build runs in a child process
 * (`build.js --synthetic <root>`) that hands the pipeline the synthetic registry.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { runBuild } from "../scripts/pipeline/build.js";
import { readInputs } from "../scripts/pipeline/inputs.js";
import type { EventTypeInfo } from "../scripts/event-types.js";
import { formatProblem } from "../scripts/errors.js";
import { EVENT_TYPES } from "../scripts/event-types.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
// What `npm run build` runs: the bundled bin.
const cli = join(repo, "dist", "bin", "altcraft-albato.cjs");
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

/** A project as a clone has it: its definition (schemas/ and connector/). */
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

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
const writeJson = (path: string, value: unknown): void => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

interface TriggerYaml {
  code: string;
  event_type: string;
  [key: string]: unknown;
}

interface LocaleYaml {
  triggers: Record<string, { name: string; description: string; altcraft: string }>;
  fields: Record<string, string>;
  [key: string]: unknown;
}

/**
 * Clone the bundled event types under new names until there are `size`: schema (with one extra field
 * of its own, placed in the field policy's last block and labelled in every locale), samples (carrying
 * that field), trigger and trigger labels.
 */
function syntheticProject(size: number): string {
  const root = copyProject();
  const registry: EventTypeInfo[] = [...EVENT_TYPES];
  const triggersFile = join(root, "connector/triggers.yaml");
  const triggersYaml = parse(readFileSync(triggersFile, "utf8")) as { triggers: TriggerYaml[] };
  const byType = new Map(triggersYaml.triggers.map((trigger) => [trigger.event_type, trigger]));
  const policyFile = join(root, "connector/fields.yaml");
  const policy = parse(readFileSync(policyFile, "utf8")) as { blocks: Array<{ id: string; fields: string[] }> };
  const localeFiles = readdirSync(join(root, "connector/locales")).map((name) => join(root, "connector/locales", name));
  const locales = localeFiles.map((file) => parse(readFileSync(file, "utf8")) as LocaleYaml);
  for (let index = 0; registry.length < size; index++) {
    const base = EVENT_TYPES[index % EVENT_TYPES.length]!;
    const copy = Math.floor(index / EVENT_TYPES.length) + 1;
    const type = `${base.type}_x${copy}`;
    const field = `ref_${type}`;
    registry.push({ ...base, type });
    policy.blocks.at(-1)!.fields.push(field);

    const schemaFile = `schemas/events/${type}.schema.json`;
    const schema = readJson(join(root, `schemas/events/${base.type}.schema.json`)) as {
      $id: string;
      properties: Record<string, Record<string, unknown>> & { event_type: { const: string } };
    };
    schema.$id = `https://altcraft-albato.dev/${schemaFile}`;
    schema.properties.event_type.const = type;
    schema.properties[field] = { type: "string", title: `Reference ${type}`, description: `A field only ${type} events carry.` };
    writeJson(join(root, schemaFile), schema);

    const sampleDir = `schemas/samples/${type}`;
    mkdirSync(join(root, sampleDir), { recursive: true });
    for (const name of readdirSync(join(root, "schemas/samples", base.type)).sort()) {
      const sample = readJson(join(root, "schemas/samples", base.type, name));
      sample.event_type = type;
      sample[field] = `${type}-${name}`;
      writeJson(join(root, sampleDir, name), sample);
    }

    const trigger = byType.get(base.type)!;
    const code = `${trigger.code}X${copy}`;
    triggersYaml.triggers.push({ ...trigger, code, event_type: type });
    for (const labels of locales) {
      const text = labels.triggers[trigger.code]!;
      labels.triggers[code] = { name: `${text.name} (${copy})`, description: text.description, altcraft: text.altcraft };
      labels.fields[field] = `Reference ${type}`;
    }
  }
  writeFileSync(triggersFile, stringify(triggersYaml));
  writeFileSync(policyFile, stringify(policy));
  localeFiles.forEach((file, index) => writeFileSync(file, stringify(locales[index])));
  writeFileSync(join(root, REGISTRY_FILE), JSON.stringify(registry));
  return root;
}

/** The child: the whole pipeline on a synthetic project, with its registry. */
async function buildSynthetic(root: string): Promise<void> {
  const registry = JSON.parse(readFileSync(join(root, REGISTRY_FILE), "utf8")) as EventTypeInfo[];
  const outcome = await runBuild({ root, out: join(root, "dist"), check: false, registry, inputs: readInputs(root) });
  if (outcome.exitCode !== 0) process.stderr.write(`${outcome.problems.map(formatProblem).join("\n")}\n`);
  process.exitCode = outcome.exitCode;
}

function main(): void {
  process.stdout.write(`runs: ${RUNS} each, medians; machine load (1 min): ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]}\n`);
  const project = copyProject();
  try {
    sideBySide("cold build (record cleared)", () => clearCache(project), [cli, "build", "--root", project], 12);
    time([cli, "build", "--root", project]);
    sideBySide("no-change rebuild (record)", () => undefined, [cli, "build", "--root", project], 2);
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
        runs.push(time([script, "--synthetic", root]));
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

if (process.argv[2] === "--synthetic") await buildSynthetic(process.argv[3]!);
else main();
