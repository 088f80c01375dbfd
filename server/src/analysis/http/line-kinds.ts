/**
 * What a single request-file line is, independent of where it sits: separator, comment, metadata, file variable,
 * the start or end of a script block, an assertion. The block reader decides what each kind means in context.
 * Every pattern here is anchored and has no nested quantifiers, so matching stays linear in the line length.
 */
import type { Span } from '../model';
import type { FileVariable, Metadata } from './types';
import { contentEnd, contentStart, firstCode, startsWithAfterIndent, type Line } from './lines';

/** `###` (or more `#`) starts a new request; the rest of the line may name it (httpYac, JetBrains). */
export function separatorName(line: Line): string | undefined {
  if (!startsWithAfterIndent(line, '###')) return undefined;
  let i = line.indent + 3;
  while (line.text.charCodeAt(i) === 35 /* # */) i++;
  return line.text.slice(i).trim();
}

export function isComment(line: Line): boolean {
  return firstCode(line) === 35 /* # */ || startsWithAfterIndent(line, '//');
}

const METADATA = /^(?:#|\/\/)[ \t]*@([A-Za-z_][\w-]*)(?:[ \t]*=[ \t]*|[ \t]+|$)(.*)$/;

/** `# @name login`, `// @no-redirect`, `# @prompt otp` (REST Client, httpYac); `# @name = login` (JetBrains). */
export function parseMetadata(line: Line): Metadata | undefined {
  const start = contentStart(line);
  const end = contentEnd(line);
  if (end <= start) return undefined;
  const m = METADATA.exec(line.text.slice(start - line.start, end - line.start));
  if (!m) return undefined;
  return { key: m[1], value: (m[2] ?? '').trim(), span: { start, end } };
}

const VARIABLE = /^@([^\s=:]+)[ \t]*:?=/;

/** `@host = https://x` and httpYac's `@token := value`. The value is kept as written (trimmed). */
export function parseFileVariable(line: Line): FileVariable | undefined {
  // Cheap refusal first: most lines are not definitions, and the pattern needs `@` first.
  if (firstCode(line) !== 64 /* @ */) return undefined;
  const start = contentStart(line);
  const rest = line.text.slice(start - line.start);
  const m = VARIABLE.exec(rest);
  if (!m) return undefined;
  const name = m[1];
  const afterEquals = rest.slice(m[0].length);
  const value = afterEquals.trim();
  const valueStart = start + m[0].length + (afterEquals.length - afterEquals.trimStart().length);
  const end = contentEnd(line);
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
  const c = firstCode(line);
  if (c !== 62 /* > */ && c !== 60 /* < */) return undefined;
  const afterMarker = line.text.slice(line.indent + 1).trimStart();
  if (!afterMarker.startsWith('{%')) return undefined;
  return line.text.length - afterMarker.length + 2;
}

/** httpYac script block opener: a line that is only `{{`, optionally with a modifier and event (`{{@response`). */
const YAC_SCRIPT_START = /^[ \t]*\{\{[+@]?[\w-]*[ \t]*$/;
const YAC_SCRIPT_END = /^[ \t]*\}\}[ \t]*$/;

// Both patterns need `{` / `}` as the first character after the indentation; checking it first skips the regex
// on nearly every line.
export function isYacScriptStart(line: Line): boolean {
  return firstCode(line) === 123 /* { */ && YAC_SCRIPT_START.test(line.text);
}

export function isYacScriptEnd(line: Line): boolean {
  return firstCode(line) === 125 /* } */ && YAC_SCRIPT_END.test(line.text);
}

/**
 * Single lines that are neither request text nor body: httpYac assertions (`?? status == 200`), JetBrains
 * response handlers from a file (`> ./check.js`), response output (`>> out.json`, `>>! out.json`) and response
 * references (`<> ./previous.json`).
 */
const HANDLER_FILE = />[ \t]+\S/y;

export function isDirectiveLine(line: Line): boolean {
  const c = firstCode(line);
  if (c !== 63 /* ? */ && c !== 60 /* < */ && c !== 62 /* > */) return false;
  if (startsWithAfterIndent(line, '??') || startsWithAfterIndent(line, '<>') || startsWithAfterIndent(line, '>>')) return true;
  HANDLER_FILE.lastIndex = line.indent;
  return HANDLER_FILE.test(line.text);
}

/** JetBrains `import ./auth.http` and `run #Login` / `run ./setup.http` lines, which sit where a request line could. */
const IMPORT_OR_RUN = /(?:import|run)[ \t]+\S/y;

export function isImportOrRun(line: Line): boolean {
  const c = firstCode(line);
  if (c !== 105 /* i */ && c !== 114 /* r */) return false;
  IMPORT_OR_RUN.lastIndex = line.indent;
  return IMPORT_OR_RUN.test(line.text);
}

/** A line that opens something the block reader must skip: a script block or a one-line directive. */
export function startsScriptOrDirective(line: Line): boolean {
  return jetBrainsScriptStart(line) !== undefined || isYacScriptStart(line) || isDirectiveLine(line);
}

export function lineSpan(line: Line): Span {
  return { start: line.start, end: line.end };
}
