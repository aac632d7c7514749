/**
 * Run a plan's units on this thread and on worker threads, and hand their outcomes on in plan order,
 * each exactly once. This thread works too: it takes the next unit itself whenever it is not waiting,
 * so the workers' start-up (each loads the validators) costs no time, and on one thread the same code
 * runs every unit in turn. Each worker is kept a few units ahead; this thread never runs more than a
 * bounded number of units past the first one not yet handed on, so what waits in memory stays bounded
 * whatever the input's size.
 */
import { Worker } from "node:worker_threads";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ValidateOptions } from "../runtime/problems.js";
import type { PlannedUnit } from "./plan.js";
import { READ_BYTES, runUnit, type Unit, type UnitOutcome } from "./units.js";

/** Units sent to a worker before it has answered (so it never waits for this thread). */
const PREFETCH = 3;
/** How far this thread runs ahead of the units handed on. */
const MAX_AHEAD = 16;

/** What a worker is started with. */
export interface WorkerSetup {
  options: ValidateOptions;
}

export interface WorkerRequest {
  index: number;
  unit: Unit;
}

export interface WorkerReply {
  index: number;
  outcome: UnitOutcome;
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
  private readonly workers: { worker: Worker; outstanding: number }[] = [];
  private onReply: (reply: WorkerReply) => void = () => {};
  private onFailure: (error: Error) => void = () => {};
  private failure: Error | undefined;

  constructor(count: number, options: ValidateOptions) {
    const setup: WorkerSetup = { options };
    const entry = workerEntry();
    for (let i = 0; i < count; i++) {
      const worker = new Worker(entry, { workerData: setup });
      const slot = { worker, outstanding: 0 };
      worker.on("message", (reply: WorkerReply) => {
        slot.outstanding--;
        this.onReply(reply);
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (slot.outstanding > 0) this.fail(new Error(`a validate worker thread stopped (exit code ${code}) with units unfinished`));
      });
      this.workers.push(slot);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Where replies and a worker's failure go (one run at a time). */
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

  /** Send a unit to the least busy worker with room; false when all are full. */
  offer(index: number, unit: Unit): boolean {
    let best: (typeof this.workers)[number] | undefined;
    for (const slot of this.workers) if (slot.outstanding < PREFETCH && (best === undefined || slot.outstanding < best.outstanding)) best = slot;
    if (best === undefined) return false;
    best.outstanding++;
    const request: WorkerRequest = { index, unit };
    best.worker.postMessage(request);
    return true;
  }

  async close(): Promise<void> {
    for (const slot of this.workers) slot.outstanding = 0;
    await Promise.all(this.workers.map((slot) => slot.worker.terminate()));
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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
  const outcomes: (UnitOutcome | undefined)[] = new Array(plan.length);
  let nextToRun = 0;
  let nextToDeliver = 0;
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const arrived = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  pool?.listen(
    (reply) => {
      outcomes[reply.index] = reply.outcome;
      arrived();
    },
    (error) => {
      failure = error;
      arrived();
    },
  );
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  while (nextToDeliver < plan.length) {
    if (failure !== undefined) throw failure;
    const mine = nextToRun < plan.length && nextToRun - nextToDeliver < MAX_AHEAD ? nextToRun++ : -1;
    while (pool !== undefined && nextToRun < plan.length && pool.offer(nextToRun, plan[nextToRun]!.unit)) nextToRun++;
    if (mine !== -1) {
      outcomes[mine] = runUnit(plan[mine]!.unit, options, buffer);
    } else if (outcomes[nextToDeliver] === undefined) {
      await new Promise<void>((resolve) => (wake = resolve));
    }
    while (nextToDeliver < plan.length && outcomes[nextToDeliver] !== undefined) {
      const outcome = outcomes[nextToDeliver]!;
      outcomes[nextToDeliver] = undefined;
      deliver(plan[nextToDeliver]!, outcome);
      nextToDeliver++;
    }
    // Let the workers' replies in, and a closed stdout's 'error' (validate … | head).
    await nextTurn();
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
