/**
 * Command-line parsing, kept free of I/O so every accepted and rejected form is unit-tested. Flags follow ESLint's
 * names where ESLint has one (`--format`, `--max-warnings`, `--rule`, `--ignore-pattern`, `--quiet`); values may
 * follow as the next argument or after `=`.
 */
import type { SeveritySetting } from '../analysis/model';

export type Command = 'lint' | 'routes';
export type LintFormat = 'stylish' | 'json';
export type RoutesFormat = 'table' | 'json';

export interface CliOptions {
  readonly command: Command;
  /** As given; empty means the current directory. */
  readonly paths: readonly string[];
  /** `lint`: stylish or json; `routes`: table or json. */
  readonly format: LintFormat | RoutesFormat;
  /** -1 (the default) means no limit, as in ESLint. */
  readonly maxWarnings: number;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly ignorePatterns: readonly string[];
  readonly maxFileSize?: number;
  readonly quiet: boolean;
  /** undefined: decide from the terminal and NO_COLOR. */
  readonly color?: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export type ParseResult = { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly error: string };

const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];
const FORMATS: Record<Command, readonly string[]> = { lint: ['stylish', 'json'], routes: ['table', 'json'] };
const VALUE_FLAGS = new Set(['--format', '--max-warnings', '--rule', '--ignore-pattern', '--max-file-size']);

/**
 * `routes` is a command only as the first argument; a folder of that name is linted as `./routes`.
 * `knownRules` lets `--rule` reject a misspelt id instead of silently configuring nothing.
 */
export function parseArgs(argv: readonly string[], knownRules: readonly string[]): ParseResult {
  let command: Command = 'lint';
  let rest = argv;
  if (rest[0] === 'routes') {
    command = 'routes';
    rest = rest.slice(1);
  }
  const paths: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  const ignorePatterns: string[] = [];
  let format: string | undefined;
  let maxWarnings = -1;
  let maxFileSize: number | undefined;
  let quiet = false;
  let color: boolean | undefined;
  let help = false;
  let version = false;

  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined;
    if (VALUE_FLAGS.has(flag)) {
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < rest.length) value = rest[++i];
      if (value === undefined || value === '') return fail(`${flag} needs a value`);
    } else if (eq > 0) {
      return fail(`${flag} takes no value`);
    }
    switch (flag) {
      case '--format':
        if (!FORMATS[command].includes(value!)) {
          return fail(`--format must be one of ${FORMATS[command].join(', ')}${command === 'routes' ? ' for routes' : ''}, not "${value}"`);
        }
        format = value;
        break;
      case '--max-warnings': {
        const n = parseInteger(value!);
        if (n === undefined || n < -1) return fail(`--max-warnings needs a whole number of 0 or more (or -1 for no limit), not "${value}"`);
        maxWarnings = n;
        break;
      }
      case '--max-file-size': {
        const n = parseInteger(value!);
        if (n === undefined || n < 1) return fail(`--max-file-size needs a positive number of bytes, not "${value}"`);
        maxFileSize = n;
        break;
      }
      case '--rule': {
        const parsed = parseRule(value!, knownRules);
        if (typeof parsed === 'string') return fail(parsed);
        rules[parsed.id] = parsed.severity;
        break;
      }
      case '--ignore-pattern':
        ignorePatterns.push(value!);
        break;
      case '--quiet':
        quiet = true;
        break;
      case '--color':
        color = true;
        break;
      case '--no-color':
        color = false;
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      case '-v':
      case '--version':
        version = true;
        break;
      default:
        return fail(`unknown option "${flag}"`);
    }
  }
  const options: CliOptions = {
    command, paths, format: (format ?? (command === 'routes' ? 'table' : 'stylish')) as LintFormat | RoutesFormat,
    maxWarnings, rules, ignorePatterns, maxFileSize, quiet, color, help, version,
  };
  return { ok: true, options };
}

function fail(error: string): ParseResult {
  return { ok: false, error };
}

function parseInteger(text: string): number | undefined {
  if (!/^-?\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}

/** `<id>:<severity>`; the id is split at the last colon so the message can name whichever half is wrong. */
function parseRule(text: string, knownRules: readonly string[]): { id: string; severity: SeveritySetting } | string {
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return `--rule needs <rule-id>:<${SEVERITIES.join('|')}>, not "${text}"`;
  const id = text.slice(0, colon).trim();
  const severity = text.slice(colon + 1).trim();
  if (!knownRules.includes(id)) {
    return `unknown rule "${id}" in --rule; known rules: ${knownRules.join(', ') || '(none)'}`;
  }
  if (!(SEVERITIES as readonly string[]).includes(severity)) {
    return `--rule ${id}: severity must be one of ${SEVERITIES.join(', ')}, not "${severity}"`;
  }
  return { id, severity: severity as SeveritySetting };
}

export const USAGE = `Usage: http-method-lint [options] [paths...]
       http-method-lint routes [--format table|json] [paths...]

Lints .http/.rest request files (and route code) for HTTP methods that contradict
their meaning in RFC 9110. Paths are folders or files; default: the current folder.
Folders are walked honouring .gitignore; node_modules, dist, build, out and the
like are always skipped.

Commands:
  (none)                      lint and print findings
  routes                      print the routes the analysis understood

Options:
  --format <name>             lint: stylish (default) or json (ESLint's json shape)
                              routes: table (default) or json
  --rule <id>:<severity>      set a rule's severity: off, hint, information,
                              warning or error (repeatable)
  --ignore-pattern <glob>     leave out matching paths, relative to each folder
                              given; no "/" matches at any depth (repeatable)
  --max-warnings <n>          exit 1 when there are more than n warnings
  --max-file-size <bytes>     skip larger files (default 2000000)
  --quiet                     report errors only
  --color, --no-color         force colours on or off (default: when a terminal
                              and NO_COLOR is unset)
  -h, --help                  show this help
  -v, --version               show the version

Exit codes: 0 clean (or only warnings within --max-warnings), 1 errors found or
too many warnings, 2 unusable arguments or paths.
`;
