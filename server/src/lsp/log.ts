/**
 * The server's log, written to the client's output channel (window/logMessage). Failures of the analysis repeat on
 * every keystroke; they are logged once per place, file and message so the channel stays readable.
 */
import type { AnalysisError } from '../analysis/model';

export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  log(message: string): void;
}

const MAX_REMEMBERED = 1000;

export class Log {
  private readonly seen = new Set<string>();

  constructor(private readonly sink: LogSink) {}

  info(message: string): void {
    this.safely(() => this.sink.info(message));
  }

  warn(message: string): void {
    this.safely(() => this.sink.warn(message));
  }

  error(message: string): void {
    this.safely(() => this.sink.error(message));
  }

  /** Log `message` at most once for `key` (until the memory of keys is full, then it starts over). */
  once(level: 'info' | 'warn' | 'error', key: string, message: string): void {
    if (this.seen.has(key)) return;
    if (this.seen.size >= MAX_REMEMBERED) this.seen.clear();
    this.seen.add(key);
    this[level](message);
  }

  /** Core failures: "rule post-full-replacement failed on /x/api.http: message", once each. */
  analysisErrors(errors: readonly AnalysisError[]): void {
    for (const e of errors) {
      const firstLine = e.message.split('\n', 1)[0];
      this.once('error', `${e.where}\u0000${e.filePath}\u0000${firstLine}`, `${e.where} failed on ${e.filePath}: ${e.message}`);
    }
  }

  /** An unexpected failure in a handler: logged, never thrown to the client. */
  caught(where: string, e: unknown): void {
    const text = e instanceof Error ? `${e.message}${e.stack ? `\n${e.stack}` : ''}` : String(e);
    this.once('error', `${where}\u0000${text.split('\n', 1)[0]}`, `${where}: ${text}`);
  }

  private safely(write: () => void): void {
    try {
      write();
    } catch {
      // The connection is gone (client exited): there is nobody left to tell.
    }
  }
}
