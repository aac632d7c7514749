/**
 * `npm run bench`: runs every benchmark in this folder one after another (never in parallel: the machines
 * are shared and noisy, so each benchmark measures its baseline side by side in its own run).
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((name) => name.endsWith(".js") && name !== "run.js")
  .map((name) => name.replace(/\.js$/, ""))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n== bench/${name} ==\n`);
  const result = spawnSync(process.execPath, [join(here, `${name}.js`)], { stdio: "inherit" });
  if (result.status !== 0) {
    failed++;
    process.stdout.write(`bench/${name} exited with ${result.status ?? result.signal}\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
