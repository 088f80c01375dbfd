// Finds (installing on first use) and runs code-server: VS Code's own server, which hosts the real extension host.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export const CODE_SERVER_VERSION = '4.100.3';

/** Runs the idempotent install script and returns code-server's package directory. */
export function ensureCodeServer(repoRoot) {
  const script = join(repoRoot, 'scripts', 'install-code-server.sh');
  const run = spawnSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = (run.stdout || '').trim().split('\n');
  if (run.status !== 0) {
    process.stdout.write(run.stdout || '');
    throw new Error(`installing code-server failed (exit ${run.status}); see the message above`);
  }
  // Everything but the last line is progress worth showing only when something was actually installed.
  if (lines.length > 2) console.log(lines.slice(0, -1).join('\n'));
  const dir = join(lines[lines.length - 1], 'node_modules', 'code-server');
  if (!existsSync(join(dir, 'out', 'node', 'entry.js'))) throw new Error(`code-server not found in ${dir}`);
  return dir;
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server in its own process group (so stopping it also ends the extension host it spawns) and waits
 * until it answers. All of its state lives under `dirs`; nothing is written to the user's home.
 */
export async function startCodeServer({ codeServerDir, dirs, env, logFile }) {
  const port = await freePort();
  const config = join(dirs.root, 'code-server.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [
    join(codeServerDir, 'out', 'node', 'entry.js'),
    '--config', config,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ], { env, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);

  let exitCode;
  child.on('exit', (code, signal) => { exitCode = code ?? signal; });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`code-server exited during start-up (${exitCode})\n${tail(logFile)}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stopProcessGroup(child);
      throw new Error(`code-server did not answer on ${origin} within 30 s\n${tail(logFile)}`);
    }
    await delay(100);
  }
  return {
    origin,
    port,
    /** Whether the server process is still running (a crash of the server itself ends the run early). */
    get exited() { return exitCode !== undefined; },
    stop: () => stopProcessGroup(child),
  };
}

async function stopProcessGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  const kill = (signal) => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } };
  kill('SIGTERM');
  const stillThere = await Promise.race([gone.then(() => false), delay(1500).then(() => true)]);
  if (stillThere) kill('SIGKILL');
}

/** The last lines of a log file, for error messages. */
export function tail(file, lines = 40) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}
