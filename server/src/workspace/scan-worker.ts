/**
 * The worker side of a batch scan. A worker is started on a script that loads this module (the CLI bundle itself,
 * or this file as compiled): loaded on a worker thread with the scan role in its data, the module answers scan tasks
 * and does nothing else. Messages are plain data both ways.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runScanTask, type ScanJobResult, type ScanSettings, type ScanTask } from './scan-job';

export const SCAN_WORKER_ROLE = 'http-method-lint/scan-worker';

export interface ScanWorkerData {
  readonly role: typeof SCAN_WORKER_ROLE;
  readonly settings: ScanSettings;
}

export interface TaskMessage {
  readonly id: number;
  readonly task: ScanTask;
}

export type ResultMessage =
  | { readonly id: number; readonly result: ScanJobResult }
  /** Sent once the worker listens: a death before it is the script's failure, after it the current file's. */
  | { readonly ready: true };

/** True on a thread started as a scan worker: an entry script must then leave the thread to this module. */
export function isScanWorker(): boolean {
  return !isMainThread && (workerData as Partial<ScanWorkerData> | null)?.role === SCAN_WORKER_ROLE;
}

function serve(): void {
  const port = parentPort;
  if (!port) return;
  const { settings } = workerData as ScanWorkerData;
  port.on('message', (message: TaskMessage) => {
    let result: ScanJobResult;
    try {
      result = runScanTask(message.task, settings);
    } catch (e) {
      // runScanTask does not throw by design; a bug must cost one file, not the scan.
      result = { kind: 'unreadable', message: `analysis failed: ${e instanceof Error ? e.message : String(e)}` };
    }
    port.postMessage({ id: message.id, result } satisfies ResultMessage);
  });
  port.postMessage({ ready: true } satisfies ResultMessage);
}

if (isScanWorker()) serve();
