/**
 * A small LSP client for protocol tests: spawns the bundled server (`node dist/server.js --stdio`) and speaks real
 * JSON-RPC to it. It answers the server's requests (workspace/configuration from `settings`, showDocument,
 * progress creation) and records notifications, so a test can await exactly the message it expects instead of
 * sleeping.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ClientCapabilities, type ConfigurationParams,
  type InitializeResult, type LogMessageParams, type ProtocolConnection, type PublishDiagnosticsParams, type RegistrationParams,
  type ShowDocumentParams, type TextDocumentContentChangeEvent, type WorkDoneProgressCreateParams,
} from 'vscode-languageserver/node';

/** The server under test: $HTTP_METHOD_LINT_SERVER, else dist/server.js of the checkout mocha runs in. */
export const SERVER_PATH = path.resolve(process.env.HTTP_METHOD_LINT_SERVER ?? path.join(process.cwd(), 'dist', 'server.js'));
/** Where that server finds docs/rules (the extension root is the folder above dist/). */
export const EXTENSION_ROOT = path.resolve(path.dirname(SERVER_PATH), '..');

export function docsUri(ruleId: string): string {
  return pathToFileURL(path.join(EXTENSION_ROOT, 'docs', 'rules', `${ruleId}.md`)).href;
}

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: false },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true, versionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
      dataSupport: true,
    },
  },
  window: { showDocument: { support: true }, workDoneProgress: true },
};

export interface StartOptions {
  readonly capabilities?: ClientCapabilities;
  /** Absolute folder paths given as workspace folders. */
  readonly workspaceFolders?: readonly string[];
  /** The `httpMethodLint` section answered to workspace/configuration, per scope URI or for all. */
  readonly settings?: unknown | ((scopeUri: string | undefined) => unknown);
}

type Waiter<T> = { readonly match: (value: T) => boolean; readonly resolve: (value: T) => void };

export class TestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly showDocuments: ShowDocumentParams[] = [];
  readonly progressCreated: WorkDoneProgressCreateParams[] = [];
  readonly progress: { token: string | number; value: { kind: string; message?: string; percentage?: number } }[] = [];
  readonly stderr: string[] = [];
  /** client/registerCapability requests, in order. */
  readonly registrations: RegistrationParams[] = [];
  /** Replace to change what workspace/configuration answers (then send didChangeConfiguration). */
  settings: unknown | ((scopeUri: string | undefined) => unknown);
  /** When set, workspace/configuration answers wait for this promise (to test stale results). */
  holdConfiguration: Promise<void> | undefined;

  private readonly diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly progressWaiters: Waiter<TestClient['progress'][number]>[] = [];

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcessWithoutNullStreams,
    readonly initializeResult: InitializeResult,
    settings: StartOptions['settings'],
  ) {
    this.settings = settings;
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const pending: { client?: TestClient } = {};
    const early: Array<(c: TestClient) => void> = [];
    const withClient = (f: (c: TestClient) => void) => (pending.client ? f(pending.client) : early.push(f));

    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => withClient((c) => c.onDiagnostics(p)));
    connection.onNotification('window/logMessage', (p: LogMessageParams) => withClient((c) => c.logs.push(p)));
    connection.onNotification('$/progress', (p: TestClient['progress'][number]) => withClient((c) => c.onProgress(p)));
    connection.onRequest('workspace/configuration', async (p: ConfigurationParams) => {
      const client = pending.client;
      if (!client) return p.items.map(() => options.settings ?? null);
      client.configurationRequests.push(p);
      if (client.holdConfiguration) await client.holdConfiguration;
      return p.items.map((item) => client.settingsFor(item.scopeUri));
    });
    connection.onRequest('window/showDocument', (p: ShowDocumentParams) => {
      pending.client?.showDocuments.push(p);
      return { success: true };
    });
    connection.onRequest('window/workDoneProgress/create', (p: WorkDoneProgressCreateParams) => {
      pending.client?.progressCreated.push(p);
      return null;
    });
    connection.onRequest('client/registerCapability', (p: RegistrationParams) => {
      pending.client?.registrations.push(p);
      return null;
    });
    connection.listen();

    const folders = (options.workspaceFolders ?? []).map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) }));
    const initializeResult: InitializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length > 0 ? folders : null,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
    });
    const client = new TestClient(connection, child, initializeResult, options.settings);
    child.stderr.on('data', (d: Buffer) => client.stderr.push(d.toString()));
    pending.client = client;
    for (const f of early) f(client);
    await connection.sendNotification('initialized', {});
    return client;
  }

  settingsFor(scopeUri: string | undefined): unknown {
    return typeof this.settings === 'function' ? (this.settings as (s: string | undefined) => unknown)(scopeUri) : this.settings ?? null;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  async open(uri: string, text: string, languageId = 'http', version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async replaceText(uri: string, version: number, text: string): Promise<void> {
    await this.change(uri, version, [{ text }]);
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async configurationChanged(): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** The next publish for `uri` (received after this call) that satisfies `match`. */
  nextDiagnostics(uri: string, match: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 8000): Promise<PublishDiagnosticsParams> {
    return this.wait(this.diagnosticWaiters, (p) => p.uri === uri && match(p), timeoutMs,
      () => `diagnostics for ${uri}; got ${JSON.stringify(this.diagnostics.filter((d) => d.uri === uri).map((d) => ({ v: d.version, n: d.diagnostics.length })))}`);
  }

  nextProgress(match: (p: TestClient['progress'][number]) => boolean, timeoutMs = 8000): Promise<TestClient['progress'][number]> {
    return this.wait(this.progressWaiters, match, timeoutMs, () => `progress; got ${JSON.stringify(this.progress)}`);
  }

  publishesFor(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.filter((d) => d.uri === uri);
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await withTimeout(this.connection.sendRequest('shutdown'), 2000);
        await this.connection.sendNotification('exit');
      } catch {
        // fall through to kill
      }
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const timer = setTimeout(() => {
        this.child.kill();
        resolve();
      }, 2000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }

  private onDiagnostics(p: PublishDiagnosticsParams): void {
    this.diagnostics.push(p);
    this.fire(this.diagnosticWaiters, p);
  }

  private onProgress(p: TestClient['progress'][number]): void {
    this.progress.push(p);
    this.fire(this.progressWaiters, p);
  }

  private fire<T>(waiters: Waiter<T>[], value: T): void {
    for (const w of [...waiters]) {
      if (!w.match(value)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(value);
    }
  }

  private wait<T>(waiters: Waiter<T>[], match: (v: T) => boolean, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}${this.stderr.length ? `\nserver stderr: ${this.stderr.join('')}` : ''}`));
      }, timeoutMs);
      const waiter: Waiter<T> = { match, resolve: (v) => { clearTimeout(timer); resolve(v); } };
      waiters.push(waiter);
    });
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    p.then((v) => { clearTimeout(timer); resolve(v); }, (e: unknown) => { clearTimeout(timer); reject(e); });
  });
}
