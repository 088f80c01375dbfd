/** Entry of `dist/cli.js` (the `http-method-lint` bin): wires the process to `runCli` and nothing else. */
import { isScanWorker } from '../workspace/scan-worker';
import { runCli } from './run';

function main(): void {
  // `http-method-lint routes | head` closes the pipe early; that is the reader's choice, not a crash.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw e;
  });

  runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    // This bundle doubles as the scan workers' script: loaded on a worker thread, it serves scan tasks (below).
    workerScript: __filename,
  }).then(
    (code) => {
      // exitCode, not exit(): exit() can cut off a large report still being written to a pipe.
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`http-method-lint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

// On a scan worker thread the scan-worker module (imported above) has taken the thread: the CLI must not run there.
if (!isScanWorker()) main();
