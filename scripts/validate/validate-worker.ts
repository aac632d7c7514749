/**
 * A worker thread of `validate` (scripts/validate/schedule.ts starts it): given a job, it takes units from
 * it until none are left, reading their files itself, and answers each with its outcome. It loads the
 * validators once, as it starts (while the main thread walks folders or checks the first units), and
 * keeps one read buffer.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadValidators } from "../runtime/load-validators.js";
import { takeUnit, type WorkerJob, type WorkerReply, type WorkerSetup } from "./schedule.js";
import { READ_BYTES, runUnit } from "./units.js";

const port = parentPort;
if (port === null) throw new Error("validate-worker runs as a worker thread of validate");
const { options } = workerData as WorkerSetup;
const buffer = Buffer.allocUnsafe(READ_BYTES);
try {
  loadValidators();
} catch {
  // Not built: the first unit says so, in its turn.
}

port.on("message", ({ job, units, control }: WorkerJob) => {
  const counters = new Int32Array(control);
  for (let index = takeUnit(counters, units.length); index !== -1; index = takeUnit(counters, units.length)) {
    const reply: WorkerReply = { job, index, outcome: runUnit(units[index]!, options, buffer) };
    port.postMessage(reply);
  }
});
