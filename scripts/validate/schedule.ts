/**
 * Run a plan's units on this thread and on worker threads, and hand their outcomes on in plan order,
 * each exactly once. Every thread takes the next unit nobody has taken yet from one shared counter (an
 * atomic add on shared memory), so a thread that is slow, or slow to start, holds up no one: this thread
 * works too, whenever it is not handing outcomes on, and on one thread the same code runs every unit in
 * turn. No thread takes a unit more than MAX_AHEAD past the first one not yet handed on, so what waits in
 * memory stays bounded whatever the input's size.
 */
import { Worker } from "node:worker_threads";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ValidateOptions } from "../runtime/problems.js";
import type { PlannedUnit } from "./plan.js";
import { READ_BYTES, runUnit, type Unit, type UnitOutcome } from "./units.js";

/** How far past the first outcome not yet handed on a unit may be taken. */
const MAX_AHEAD = 16;
/** The shared counters of a job: the next unit to take, the outcomes handed on, and a stop flag. */
const NEXT = 0;
const DELIVERED = 1;
const STOP = 2;

/** What a worker is started with. */
export interface WorkerSetup {
  options: ValidateOptions;
}

/** A plan for the workers to take units from (`control` holds the shared counters). */
export interface WorkerJob {
  job: number;
  units: Unit[];
  control: SharedArrayBuffer;
}

export interface WorkerReply {
  job: number;
  index: number;
  outcome: UnitOutcome;
}

/**
 * Take the next unit of a job, waiting while it is too far ahead of what was handed on; -1 when there
 * is none left or the job was stopped. For worker threads (it may block); this thread takes without waiting.
 */
export function takeUnit(control: Int32Array, count: number): number {
  if (Atomics.load(control, STOP) !== 0) return -1;
  const index = Atomics.add(control, NEXT, 1);
  if (index >= count) return -1;
  for (;;) {
    const delivered = Atomics.load(control, DELIVERED);
    if (index < delivered + MAX_AHEAD || Atomics.load(control, STOP) !== 0) break;
    Atomics.wait(control, DELIVERED, delivered, 100);
  }
  return Atomics.load(control, STOP) !== 0 ? -1 : index;
}

/**
 * The worker's entry, next to this module whichever build runs: `dist/bin/validate-worker.cjs` beside the
 * bundle's chunks (rolldown.config.ts), `dist/scripts/validate/validate-worker.js` beside tsc's output.
 */
export function workerEntry(): string {
  const self = fileURLToPath(import.meta.url);
  return join(dirname(self), `validate-worker${extname(self)}`);
}

/**
 * Worker threads for a run. Started as soon as a run looks large (while the folder walk goes on, so a
 * worker is up by the time there is work), and closed when the run ends.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private onReply: (reply: WorkerReply) => void = () => {};
  private onFailure: (error: Error) => void = () => {};
  private failure: Error | undefined;
  private closing = false;

  constructor(count: number, options: ValidateOptions) {
    const setup: WorkerSetup = { options };
    const entry = workerEntry();
    for (let i = 0; i < count; i++) {
      const worker = new Worker(entry, { workerData: setup });
      worker.on("message", (reply: WorkerReply) => this.onReply(reply));
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (!this.closing) this.fail(new Error(`a validate worker thread stopped (exit code ${code})`));
      });
      this.workers.push(worker);
    }
  }

  /** Where replies and a worker's failure go (one job at a time). */
  listen(onReply: (reply: WorkerReply) => void, onFailure: (error: Error) => void): void {
    this.onReply = onReply;
    this.onFailure = onFailure;
    if (this.failure !== undefined) onFailure(this.failure);
  }

  private fail(error: Error): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    this.onFailure(error);
  }

  start(job: WorkerJob): void {
    for (const worker of this.workers) worker.postMessage(job);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
let jobs = 0;

/**
 * Run every unit of `plan`, on this thread and on `pool`'s workers if given; `deliver` gets each outcome
 * in plan order (and may throw, which stops the run). The pool is left open for the caller to close.
 */
export async function runPlan(
  plan: readonly PlannedUnit[],
  pool: WorkerPool | undefined,
  options: ValidateOptions,
  deliver: (planned: PlannedUnit, outcome: UnitOutcome) => void,
): Promise<void> {
  const count = plan.length;
  const control = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const outcomes: (UnitOutcome | undefined)[] = new Array(count);
  const job = ++jobs;
  let delivered = 0;
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const arrived = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  if (pool !== undefined) {
    pool.listen(
      (reply) => {
        if (reply.job !== job) return;
        outcomes[reply.index] = reply.outcome;
        arrived();
      },
      (error) => {
        failure = error;
        arrived();
      },
    );
    pool.start({ job, units: plan.map((planned) => planned.unit), control: control.buffer as SharedArrayBuffer });
  }
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  try {
    while (delivered < count) {
      if (failure !== undefined) throw failure;
      const next = Atomics.load(control, NEXT);
      const mine = next < count && next < delivered + MAX_AHEAD ? Atomics.add(control, NEXT, 1) : count;
      if (mine < count) {
        outcomes[mine] = runUnit(plan[mine]!.unit, options, buffer);
      } else if (outcomes[delivered] === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const before = delivered;
      while (delivered < count && outcomes[delivered] !== undefined) {
        const outcome = outcomes[delivered]!;
        outcomes[delivered] = undefined;
        deliver(plan[delivered]!, outcome);
        delivered++;
      }
      if (delivered !== before) {
        Atomics.store(control, DELIVERED, delivered);
        Atomics.notify(control, DELIVERED);
      }
      // Let the workers' outcomes in, and a closed stdout's 'error' (validate … | head).
      if (pool !== undefined || delivered < count) await nextTurn();
    }
  } finally {
    // An outcome that stopped the run (or a failure) leaves nothing for the workers to do.
    Atomics.store(control, STOP, 1);
    Atomics.notify(control, DELIVERED);
  }
}

/** The worker threads of one run: started at most once, when the run looks large enough to repay them. */
export class Threads {
  private pool: WorkerPool | undefined;

  constructor(
    /** Threads to use, this one included. */
    private readonly count: number,
    private readonly options: ValidateOptions,
  ) {}

  /** Start the workers now, if there are any to start (they load while this thread goes on). */
  warm(): void {
    if (this.pool === undefined && this.count > 1) this.pool = new WorkerPool(this.count - 1, this.options);
  }

  /** The pool for a plan that wants more than this thread. */
  forPlan(threads: number): WorkerPool | undefined {
    if (threads <= 1) return undefined;
    this.warm();
    return this.pool;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }
}
