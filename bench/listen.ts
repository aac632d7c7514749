/**
 * `listen` throughput against a bare `node:http` server (issue 5; target: listen ≥ 0.7× bare).
 *
 * Both servers run in child processes (the load generator must not compete with them in one process) and
 * get the same load from autocannon: POSTs of one realistic batch (10 events from the repo's samples),
 * CONNECTIONS connections for SECONDS seconds, alternating, ROUNDS rounds.
 *   (a) bare: reads the body, answers 200 "OK";
 *   (c) parse: as bare, plus one JSON.parse of the body: the least any receiver that reads the events does;
 *   (b) `node dist/scripts/cli.js listen`: capture to a temp file, parse, validate every event, console line.
 * Reports req/s per run, the medians and the ratios b/a (the target) and b/c.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(import.meta.url);
const root = join(dirname(here), "..", "..");
const cli = join(root, "dist", "scripts", "cli.js");
const ROUNDS = 3;
const CONNECTIONS = 10;
const SECONDS = 6;
const TARGET = 0.7;

interface AutocannonResult {
  requests: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;

/** The reference servers, run as children: `node dist/bench/listen.js --serve-bare` or `--serve-parse`. */
function serveReference(parse: boolean): void {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const ok = parse ? Array.isArray(JSON.parse(body.toString("utf8"))) : body.length > 0;
      res.writeHead(ok ? 200 : 400, { "content-type": "text/plain; charset=utf-8", "content-length": "2" });
      res.end("OK");
    });
  });
  server.listen(0, "127.0.0.1", () => {
    process.stdout.write(`Listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/\n`);
  });
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

/** Ten realistic events: the `full` samples of the first ten event types. */
function batchBody(): string {
  const samples = join(root, "schemas", "samples");
  const events = readdirSync(samples)
    .filter((type) => type !== "invalid")
    .sort()
    .slice(0, 10)
    .map((type) => JSON.parse(readFileSync(join(samples, type, "full.json"), "utf8")) as unknown);
  if (events.length < 10) throw new Error(`need 10 event types with a full.json sample in ${samples}`);
  return JSON.stringify(events);
}

/**
 * Start a server child with its stdout going to a file (as a terminal would take it, without making the
 * load generator read a line per request) and wait for its "Listening on <url>" line.
 */
async function start(args: string[], log: string): Promise<{ child: ChildProcess; url: string }> {
  const out = openSync(log, "w");
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", out, "inherit"] });
  closeSync(out);
  let exited: number | null | undefined;
  child.on("exit", (code) => (exited = code));
  for (let waited = 0; waited < 10_000; waited += 20) {
    const match = /Listening on (\S+)/.exec(readFileSync(log, "utf8"));
    if (match) return { child, url: match[1]! };
    if (exited !== undefined) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not start (exit ${String(exited)}): ${readFileSync(log, "utf8")}`);
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  await exited;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main(): Promise<void> {
  const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;
  const body = batchBody();
  const dir = mkdtempSync(join(tmpdir(), "bench-listen-"));
  const kinds = ["bare", "parse", "listen"] as const;
  const runs: Record<(typeof kinds)[number], number[]> = { bare: [], parse: [], listen: [] };
  process.stdout.write(
    `listen vs bare node:http: ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds, body ${Buffer.byteLength(body)} bytes (10 events)\n`,
  );
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const kind of kinds) {
        const capture = join(dir, `capture-${round}.ndjson`);
        const args = kind === "listen" ? [cli, "listen", "--port", "0", "--out", capture] : [here, `--serve-${kind}`];
        const { child, url } = await start(args, join(dir, `${kind}-${round}.log`));
        const result = await autocannon({
          url,
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
          connections: CONNECTIONS,
          duration: SECONDS,
        });
        await stop(child);
        const captured = kind === "listen" ? statSync(capture).size : 0;
        if (kind === "listen") rmSync(capture); // keep the disk from filling over the rounds
        const failures = result.non2xx + result.errors + result.timeouts;
        const extra = kind === "listen" ? `, captured ${(captured / 1e6).toFixed(0)} MB` : "";
        process.stdout.write(`  round ${round} ${kind.padEnd(6)} ${result.requests.average.toFixed(0).padStart(6)} req/s (failures: ${failures}${extra})\n`);
        if (failures > 0) throw new Error(`${kind}: ${failures} failed requests`);
        runs[kind].push(result.requests.average);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const bare = median(runs.bare);
  const parse = median(runs.parse);
  const listen = median(runs.listen);
  const ratio = listen / bare;
  process.stdout.write(`median bare   ${bare.toFixed(0)} req/s\n`);
  process.stdout.write(`median parse  ${parse.toFixed(0)} req/s\n`);
  process.stdout.write(`median listen ${listen.toFixed(0)} req/s (${(listen * 10).toFixed(0)} events/s)\n`);
  process.stdout.write(`ratio listen/bare  ${ratio.toFixed(2)} (target ≥ ${TARGET}): ${ratio >= TARGET ? "met" : "NOT met"}\n`);
  process.stdout.write(`ratio listen/parse ${(listen / parse).toFixed(2)} (capture + validation on top of the one JSON.parse every reader needs)\n`);
}

if (process.argv.includes("--serve-bare")) serveReference(false);
else if (process.argv.includes("--serve-parse")) serveReference(true);
else await main();
