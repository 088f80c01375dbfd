// A minimal LSP client over stdio (Content-Length framing, JSON-RPC 2.0): enough to time a language server the way
// an editor sees it. It answers the server's own requests (configuration, progress, registrations) with defaults.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export class LspClient {
  constructor(command, args, { cwd, settings = {} } = {}) {
    this.spawnedAt = performance.now();
    this.child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.settings = settings;
    this.stderr = '';
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    this.child.stderr.on('data', (d) => (this.stderr = (this.stderr + d).slice(-20_000)));
    let buffer = Buffer.alloc(0);
    this.child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) break;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
        if (buffer.length < headerEnd + 4 + length) break;
        const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
        buffer = buffer.subarray(headerEnd + 4 + length);
        this.dispatch(JSON.parse(body), performance.now());
      }
    });
  }

  get pid() {
    return this.child.pid;
  }

  send(message) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request(method, params, timeoutMs = 600_000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: (v) => (clearTimeout(timer), resolve(v)), reject: (e) => (clearTimeout(timer), reject(e)) });
      this.send({ id, method, params });
    });
  }

  notify(method, params) {
    this.send({ method, params });
  }

  /** Resolves with { params, at } for the first notification of `method` that `match` accepts. */
  waitFor(method, match = () => true, timeoutMs = 10_000) {
    return new Promise((resolve, reject) => {
      const listener = (msg, at) => {
        if (msg.method !== method || !match(msg.params)) return;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve({ params: msg.params, at });
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  dispatch(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (p) msg.error ? p.reject(Object.assign(new Error(msg.error.message), { data: msg.error })) : p.resolve({ result: msg.result, at });
      return;
    }
    if (msg.id !== undefined) {
      this.send({ id: msg.id, result: this.answer(msg.method, msg.params) });
      return;
    }
    for (const l of [...this.listeners]) l(msg, at);
  }

  answer(method, params) {
    if (method === 'workspace/configuration') return params.items.map((i) => (i.section ? this.settings[i.section] ?? null : this.settings));
    if (method === 'workspace/workspaceFolders') return this.folders ?? null;
    return null; // registerCapability, workDoneProgress/create, showDocument...
  }

  async stop() {
    try {
      await this.request('shutdown', null, 5000);
      this.notify('exit');
    } catch {
      /* a server that does not answer is killed below */
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(timer);
  }
}
