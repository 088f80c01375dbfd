/**
 * What a single request-file line is, independent of where it sits: separator, comment, metadata, file variable,
 * the start or end of a script block, an assertion. The block reader decides what each kind means in context.
 * Every pattern here is anchored and has no nested quantifiers, so matching stays linear in the line length.
 */
import type { Span } from '../model';
import type { FileVariable, Metadata } from './types';
import { contentStart, type Line } from './lines';

/** `###` (or more `#`) starts a new request; the rest of the line may name it (httpYac, JetBrains). */
export function separatorName(line: Line): string | undefined {
  const trimmed = line.text.trimStart();
  if (!trimmed.startsWith('###')) return undefined;
  let i = 3;
  while (trimmed.charCodeAt(i) === 35 /* # */) i++;
  return trimmed.slice(i).trim();
}

export function isComment(line: Line): boolean {
  const trimmed = line.text.trimStart();
  return trimmed.startsWith('#') || trimmed.startsWith('//');
}

const METADATA = /^(?:#|\/\/)[ \t]*@([A-Za-z_][\w-]*)(?:[ \t]*=[ \t]*|[ \t]+|$)(.*)$/;

/** `# @name login`, `// @no-redirect`, `# @prompt otp` (REST Client, httpYac); `# @name = login` (JetBrains). */
export function parseMetadata(line: Line): Metadata | undefined {
  const trimmed = line.text.trim();
  const m = METADATA.exec(trimmed);
  if (!m) return undefined;
  const start = contentStart(line);
  return { key: m[1], value: (m[2] ?? '').trim(), span: { start, end: start + trimmed.length } };
}

const VARIABLE = /^@([^\s=:]+)[ \t]*:?=/;

/** `@host = https://x` and httpYac's `@token := value`. The value is kept as written (trimmed). */
export function parseFileVariable(line: Line): FileVariable | undefined {
  const start = contentStart(line);
  const rest = line.text.slice(start - line.start);
  const m = VARIABLE.exec(rest);
  if (!m) return undefined;
  const name = m[1];
  const afterEquals = rest.slice(m[0].length);
  const value = afterEquals.trim();
  const valueStart = start + m[0].length + (afterEquals.length - afterEquals.trimStart().length);
  const end = start + rest.trimEnd().length;
  return {
    name,
    value,
    span: { start, end },
    nameSpan: { start: start + 1, end: start + 1 + name.length },
    valueSpan: { start: valueStart, end: valueStart + value.length },
  };
}

/** JetBrains handlers and pre-request scripts: `> {% ... %}`, `< {% ... %}`. Returns the offset after `{%` in the line text. */
export function jetBrainsScriptStart(line: Line): number | undefined {
  const trimmed = line.text.trimStart();
  const c = trimmed.charCodeAt(0);
  if (c !== 62 /* > */ && c !== 60 /* < */) return undefined;
  const afterMarker = trimmed.slice(1).trimStart();
  if (!afterMarker.startsWith('{%')) return undefined;
  return line.text.length - afterMarker.length + 2;
}

/** httpYac script block opener: a line that is only `{{`, optionally with a modifier and event (`{{@response`). */
const YAC_SCRIPT_START = /^[ \t]*\{\{[+@]?[\w-]*[ \t]*$/;
const YAC_SCRIPT_END = /^[ \t]*\}\}[ \t]*$/;

export function isYacScriptStart(line: Line): boolean {
  return YAC_SCRIPT_START.test(line.text);
}

export function isYacScriptEnd(line: Line): boolean {
  return YAC_SCRIPT_END.test(line.text);
}

/**
 * Single lines that are neither request text nor body: httpYac assertions (`?? status == 200`), JetBrains
 * response handlers from a file (`> ./check.js`), response output (`>> out.json`, `>>! out.json`) and response
 * references (`<> ./previous.json`).
 */
export function isDirectiveLine(line: Line): boolean {
  const trimmed = line.text.trimStart();
  if (trimmed.startsWith('??') || trimmed.startsWith('<>') || trimmed.startsWith('>>')) return true;
  return /^>[ \t]+\S/.test(trimmed);
}

/** JetBrains `import ./auth.http` and `run #Login` / `run ./setup.http` lines, which sit where a request line could. */
export function isImportOrRun(line: Line): boolean {
  return /^(?:import|run)[ \t]+\S/.test(line.text.trimStart());
}

/** A line that opens something the block reader must skip: a script block or a one-line directive. */
export function startsScriptOrDirective(line: Line): boolean {
  return jetBrainsScriptStart(line) !== undefined || isYacScriptStart(line) || isDirectiveLine(line);
}

export function lineSpan(line: Line): Span {
  return { start: line.start, end: line.end };
}
