/**
 * Runs scan tasks on worker threads and on the calling thread at once, and hands the results back in input order
 * (so what is built from them never depends on timing). Workers cost a start (each loads the analysis code) and
 * memory, so small scans, and scans on two cores or fewer, run on the calling thread only (see below). A worker that dies costs the file it was reading (reported
 * unreadable) and nothing else: its queued files go to the others, and the calling thread takes over when none
 * are left. Nothing waits on a worker that can no longer answer.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runScanTask, type ScanJobResult, type ScanSettings, type ScanTask } from './scan-job';
import { SCAN_WORKER_ROLE, type ResultMessage, type ScanWorkerData, type TaskMessage } from './scan-worker';

export interface ScanPoolOptions {
  /** Worker threads; 0 runs everything on the calling thread. Default: `scanWorkerCount(tasks.length)`. */
  readonly workers?: number;
  /** A script that loads scan-worker (the CLI bundle); default scan-worker.js beside this module when it exists. */
  readonly workerScript?: string;
  /** The calling thread takes tasks too (false for a language server, which must stay responsive). Default true. */
  readonly callerWorks?: boolean;
  readonly isCancelled?: () => boolean;
}

/** Below this many files the workers' start (each loads the analysis code, ~0.5 s of CPU) costs more than they save. */
export const MIN_FILES_FOR_WORKERS = 300;
/**
 * Workers pay only with more than two cores. On two, the one analysing thread already keeps the second core partly
 * busy with V8's parallel and concurrent GC, and two parse-heavy threads slow each other down: measured on the
 * 500k-line bench workspace, one worker beside the main thread made the scan 10% slower, cost 40% more CPU and
 * 120 MB more memory.
 */
const MIN_CORES_FOR_WORKERS = 3;
/** Each worker holds its own copy of the analysis code and heap: more than this buys little and costs memory. */
const MAX_WORKERS = 3;
/** Tasks sent ahead to one worker, so it never idles while its answers travel. */
const DEPTH = 4;
/** Results held ahead of the one the consumer waits for, at most: bounds memory when one file is slow. */
const WINDOW = 256;
/** `HTTP_METHOD_LINT_SCAN_WORKERS=n` fixes the count (0: none), whatever the size; for tests and measurements. */
const ENV_WORKERS = 'HTTP_METHOD_LINT_SCAN_WORKERS';

export function scanWorkerCount(files: number, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const fixed = env[ENV_WORKERS];
  if (fixed !== undefined && /^\d+$/.test(fixed.trim())) return Math.min(Number(fixed), MAX_WORKERS);
  if (files < MIN_FILES_FOR_WORKERS || cores < MIN_CORES_FOR_WORKERS) return 0;
  return Math.min(MAX_WORKERS, cores - 1);
}

export interface OrderedResult {
  readonly index: number;
  readonly result: ScanJobResult;
}

interface Slot {
  readonly worker: Worker;
  /** Task indices sent and not answered, oldest first: the oldest is the one being worked on. */
  inFlight: number[];
  /** The worker said it listens. */
  online: boolean;
  dead: boolean;
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function* scanInOrder(tasks: readonly ScanTask[], settings: ScanSettings, options: ScanPoolOptions = {}): AsyncGenerator<OrderedResult> {
  const results = new Map<number, ScanJobResult>();
  const retry: number[] = [];
  let next = 0;
  let emitted = 0;
  let closing = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const take = (): number | undefined => {
    if (retry.length > 0) return retry.shift();
    return next < tasks.length && next < emitted + WINDOW ? next++ : undefined;
  };

  const fill = (slot: Slot) => {
    while (!slot.dead && slot.inFlight.length < DEPTH) {
      const i = take();
      if (i === undefined) return;
      slot.inFlight.push(i);
      slot.worker.postMessage({ id: i, task: tasks[i] } satisfies TaskMessage);
    }
  };
  const fail = (slot: Slot, reason: string) => {
    if (slot.dead || closing) return;
    slot.dead = true;
    // Before `ready` the script itself failed: no file is to blame. After, the oldest task is the one it was on.
    const [current, ...queued] = slot.inFlight;
    if (slot.online && current !== undefined) results.set(current, { kind: 'unreadable', message: `the scan worker stopped on this file (${reason})` });
    else if (current !== undefined) queued.unshift(current);
    retry.push(...queued);
    retry.sort((a, b) => a - b);
    slot.inFlight = [];
    void slot.worker.terminate();
    for (const s of slots) fill(s);
    notify();
  };

  const script = options.workerScript ?? defaultScript();
  const count = script ? (options.workers ?? scanWorkerCount(tasks.length)) : 0;
  const slots: Slot[] = [];
  for (let n = 0; n < count; n++) {
    const slot = startWorker(script!, settings);
    if (!slot) break;
    slot.worker.on('message', (m: ResultMessage) => {
      if ('ready' in m) {
        slot.online = true;
        return;
      }
      slot.inFlight = slot.inFlight.filter((i) => i !== m.id);
      results.set(m.id, m.result);
      fill(slot);
      notify();
    });
    slot.worker.on('error', (e: Error) => fail(slot, e.message));
    slot.worker.on('exit', (code) => fail(slot, `exit code ${code}`));
    slots.push(slot);
  }
  const callerWorks = options.callerWorks ?? true;

  try {
    for (const s of slots) fill(s);
    while (emitted < tasks.length) {
      if (options.isCancelled?.()) return;
      const ready = results.get(emitted);
      if (ready !== undefined) {
        results.delete(emitted);
        yield { index: emitted, result: ready };
        emitted++;
        for (const s of slots) fill(s);
        continue;
      }
      const alive = slots.some((s) => !s.dead);
      const own = callerWorks || !alive ? take() : undefined;
      if (own !== undefined) {
        results.set(own, runSafely(tasks[own], settings));
        if (alive) await breathe(); // lets the workers' answers in, and refills them
        continue;
      }
      await new Promise<void>((resolve) => { wake = resolve; });
    }
  } finally {
    closing = true;
    for (const s of slots) void s.worker.terminate();
  }
}

function runSafely(task: ScanTask, settings: ScanSettings): ScanJobResult {
  try {
    return runScanTask(task, settings);
  } catch (e) {
    return { kind: 'unreadable', message: `analysis failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function startWorker(script: string, settings: ScanSettings): Slot | undefined {
  try {
    const workerData: ScanWorkerData = { role: SCAN_WORKER_ROLE, settings };
    return { worker: new Worker(script, { workerData }), inFlight: [], online: false, dead: false };
  } catch {
    return undefined;
  }
}

/** scan-worker.js beside this module: there when running from the compiled tree, not inside a bundle. */
function defaultScript(): string | undefined {
  const beside = path.join(__dirname, 'scan-worker.js');
  return existsSync(beside) ? beside : undefined;
}
