/**
 * A worker thread of `validate` (scripts/validate/schedule.ts starts it): it runs the units it is sent,
 * reading their files itself, and answers each with its outcome. It loads the validators once, as it
 * starts (while the main thread walks folders or checks the first units), and keeps one read buffer.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadValidators } from "../runtime/load-validators.js";
import type { WorkerReply, WorkerRequest, WorkerSetup } from "./schedule.js";
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

port.on("message", (request: WorkerRequest) => {
  const reply: WorkerReply = { index: request.index, outcome: runUnit(request.unit, options, buffer) };
  port.postMessage(reply);
});
