/**
 * The CLI behind `main.ts`: arguments in, text on stdout/stderr and an exit code out. All I/O except file reading goes
 * through `CliIO` so tests can run it in-process. stdout carries only the report (valid JSON for --format json);
 * everything else (skipped files, analysis errors, the too-many-warnings note) goes to stderr.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { rules } from '../analysis/rules';
import { discoverFiles, type SkippedFile } from '../workspace/discover';
import { scanFiles, type ScannedFile } from '../workspace/batch-scan';
import { parseArgs, USAGE, type CliOptions } from './args';
import { useColor } from './formatters/colors';
import { formatJson } from './formatters/json';
import { displayPath, formatStylish } from './formatters/stylish';
import { fileReport, lintExitCode, totals, type FileReport } from './report';
import { formatRoutesJson, formatRoutesTable, routeRows, type RouteRow } from './routes';
import { packageVersion } from './version';

export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly isTTY: boolean;
  /** A script that can serve as a scan worker (the CLI bundle itself); without it the scan stays on this thread unless the compiled tree has one. */
  readonly workerScript?: string;
}

const NAME = 'http-method-lint';

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, rules.map((r) => r.meta.id));
  if (!parsed.ok) {
    io.stderr(`${NAME}: ${parsed.error}\nRun "${NAME} --help" for usage.\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (options.version) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }

  const roots = (options.paths.length > 0 ? options.paths : ['.']).map((p) => path.resolve(io.cwd, p));
  for (const root of roots) {
    if (!(await exists(root))) {
      io.stderr(`${NAME}: no such file or folder: ${displayPath(root, io.cwd)}\n`);
      return 2;
    }
  }
  // The scan reads every file anyway: the minified content test is applied to the text it reads, not by a second open.
  const discovered = await discoverFiles(roots, { exclude: options.ignorePatterns, maxFileSize: options.maxFileSize, minifiedContentCheck: false });
  reportSkipped(discovered.skipped, new Set(roots), io);
  if (discovered.files.length === 0) io.stderr(`${NAME}: no .http, .rest or JavaScript/TypeScript files to check\n`);

  // Routes get their full paths from every file given (mount prefixes are often in another file than the routes).
  const scan = await scanFiles(discovered.files, {
    rules: options.rules, maxFileSize: options.maxFileSize, minifiedCheck: true,
    ...(io.workerScript ? { workerScript: io.workerScript } : {}),
  });
  reportSkipped(scan.skipped, new Set(roots), io);
  const analyzed: ScannedFile[] = [];
  for (const outcome of scan.files) {
    if (outcome.kind === 'unreadable') {
      io.stderr(`${NAME}: warning: could not read ${displayPath(outcome.path, io.cwd)}: ${outcome.message}\n`);
      continue;
    }
    for (const e of outcome.result.errors) {
      io.stderr(`${NAME}: warning: ${e.where} failed on ${displayPath(e.filePath, io.cwd)}: ${firstLine(e.message)}\n`);
    }
    analyzed.push(outcome);
  }
  return options.command === 'routes' ? printRoutes(analyzed, options, io) : printLint(analyzed, options, io);
}

function printLint(analyzed: readonly ScannedFile[], options: CliOptions, io: CliIO): number {
  const reports: FileReport[] = analyzed.map((f) => fileReport(f.path, f.text ?? '', f.result.findings, options.quiet));
  if (options.format === 'json') {
    io.stdout(formatJson(reports));
  } else {
    io.stdout(formatStylish(reports, { color: useColor(options.color, io.isTTY, io.env), cwd: io.cwd }));
  }
  const t = totals(reports);
  const code = lintExitCode(t, options.maxWarnings);
  if (code === 1 && t.errorCount === 0) {
    io.stderr(`${NAME} found too many warnings (maximum: ${options.maxWarnings}).\n`);
  }
  return code;
}

function printRoutes(analyzed: readonly ScannedFile[], options: CliOptions, io: CliIO): number {
  const rows: RouteRow[] = analyzed.flatMap((f) => routeRows(f.path, f.text ?? '', f.result.routes));
  io.stdout(options.format === 'json' ? formatRoutesJson(rows) : formatRoutesTable(rows, io.cwd));
  return 0;
}

/**
 * Too-large and unreadable files are always worth a line (a silent gap in a CI check is worse than noise); minified
 * bundles only when named on the command line, since any project with vendored bundles has many.
 */
function reportSkipped(skipped: readonly SkippedFile[], explicit: ReadonlySet<string>, io: CliIO): void {
  for (const s of skipped) {
    const where = displayPath(s.path, io.cwd);
    if (s.reason === 'too-large') io.stderr(`${NAME}: skipped ${where}: larger than the size limit (--max-file-size)\n`);
    else if (s.reason === 'unreadable') io.stderr(`${NAME}: warning: could not read ${where}\n`);
    else if (explicit.has(s.path)) io.stderr(`${NAME}: skipped ${where}: looks minified\n`);
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.stat(p);
    return true;
  } catch {
    return false;
  }
}

function firstLine(text: string): string {
  const nl = text.search(/\r?\n/);
  return nl < 0 ? text : text.slice(0, nl);
}
