/**
 * Reads a request file into requests, one pass over its lines. Each `###` line starts a block; inside a block the
 * reader moves through phases the way the three tools do: preamble (comments, metadata, file variables, pre-request
 * scripts) -> request line -> URL continuation lines -> headers up to the first blank line -> body -> handlers,
 * scripts and assertions. Script blocks are skipped wholesale; one that is never closed ends at the next `###`
 * line, so a half-typed `{%` or `{{` hides at most its own block.
 */
import type { Span } from '../model';
import type { FileVariable, Header, Metadata, ParsedRequest, ParsedRequestFile, UrlPiece } from './types';
import { contentEnd, contentStart, firstCode, isBlank, splitLines, type Line } from './lines';
import {
  isComment, isDirectiveLine, isImportOrRun, isYacScriptEnd, isYacScriptStart, jetBrainsScriptStart, parseFileVariable,
  parseMetadata, separatorName,
} from './line-kinds';
import { isUrlContinuation, parseHeader, parseRequestLine, type RequestLine } from './request-line';

type Phase = 'preamble' | 'continuation' | 'headers' | 'body' | 'after';

interface OpenScript {
  readonly kind: 'jetbrains' | 'yac';
  readonly start: number;
}

class BlockReader {
  phase: Phase = 'preamble';
  readonly metadata: Metadata[] = [];
  readonly headers: Header[] = [];
  readonly scripts: Span[] = [];
  readonly pieces: UrlPiece[] = [];
  requestLine: RequestLine | undefined;
  requestStart = 0;
  contentEnd = 0;
  bodyStart: number | undefined;
  bodyEnd = 0;
  script: OpenScript | undefined;
  lastLineEnd: number;

  constructor(readonly blockStart: number, readonly separatorName: string | undefined) {
    this.lastLineEnd = blockStart;
  }

  finish(text: string): ParsedRequest | undefined {
    if (this.script) this.scripts.push({ start: this.script.start, end: this.lastLineEnd });
    const line = this.requestLine;
    if (!line) return undefined;
    const body = this.bodyStart === undefined ? undefined : { start: this.bodyStart, end: this.bodyEnd };
    const end = Math.max(this.contentEnd, body?.end ?? 0);
    const named = this.metadata.find((m) => m.key === 'name' && m.value !== '');
    const sepName = this.separatorName === '' ? undefined : this.separatorName;
    return {
      span: { start: this.requestStart, end },
      blockSpan: { start: this.blockStart, end: this.lastLineEnd },
      separatorName: sepName,
      name: named?.value ?? sepName,
      metadata: this.metadata,
      method: line.method,
      methodText: line.methodText,
      methodSpan: line.methodSpan,
      url: { text: this.pieces.map((p) => p.text).join(''), span: line.urlSpan, pieces: this.pieces },
      httpVersion: line.httpVersion,
      headers: this.headers,
      body: body && { text: text.slice(body.start, body.end), span: body },
      scripts: this.scripts,
    };
  }
}

export function parseRequestFile(text: string): ParsedRequestFile {
  const requests: ParsedRequest[] = [];
  const variables: FileVariable[] = [];
  const lines = splitLines(text);
  let block = new BlockReader(lines[0].start, undefined);
  for (const line of lines) {
    const name = separatorName(line);
    if (name !== undefined) {
      const done = block.finish(text);
      if (done) requests.push(done);
      block = new BlockReader(line.start, name);
      block.lastLineEnd = line.end;
      continue;
    }
    readLine(block, line, variables);
    block.lastLineEnd = line.end;
  }
  const done = block.finish(text);
  if (done) requests.push(done);
  return { requests, variables };
}

/** Continues an open script block; true when the line belonged to it. */
function continueScript(block: BlockReader, line: Line): boolean {
  const script = block.script;
  if (!script) return false;
  const closed = script.kind === 'jetbrains' ? line.text.includes('%}') : isYacScriptEnd(line);
  if (closed) {
    block.scripts.push({ start: script.start, end: line.end });
    block.script = undefined;
  }
  return true;
}

/** Opens a script block or skips a one-line directive; true when the line was one. */
function startScript(block: BlockReader, line: Line): boolean {
  const afterOpen = jetBrainsScriptStart(line);
  if (afterOpen !== undefined) {
    if (line.text.indexOf('%}', afterOpen) >= 0) block.scripts.push({ start: contentStart(line), end: line.end });
    else block.script = { kind: 'jetbrains', start: contentStart(line) };
    return true;
  }
  if (isYacScriptStart(line)) {
    block.script = { kind: 'yac', start: contentStart(line) };
    return true;
  }
  if (isDirectiveLine(line)) {
    block.scripts.push({ start: contentStart(line), end: contentEnd(line) });
    return true;
  }
  return false;
}

function readLine(block: BlockReader, line: Line, variables: FileVariable[]): void {
  if (continueScript(block, line)) return;
  switch (block.phase) {
    case 'preamble':
      readPreamble(block, line, variables);
      return;
    case 'continuation':
      if (isUrlContinuation(line)) {
        const start = contentStart(line);
        block.pieces.push({ text: line.text.slice(start - line.start, contentEnd(line) - line.start), start });
        block.contentEnd = contentEnd(line);
        return;
      }
      block.phase = 'headers';
      readHeaderLine(block, line, variables);
      return;
    case 'headers':
      readHeaderLine(block, line, variables);
      return;
    case 'body':
      readBodyLine(block, line, variables);
      return;
    case 'after': {
      if (startScript(block, line)) return;
      const variable = parseFileVariable(line);
      if (variable) variables.push(variable);
      return;
    }
  }
}

function readPreamble(block: BlockReader, line: Line, variables: FileVariable[]): void {
  if (isBlank(line)) return;
  if (isComment(line)) {
    const meta = parseMetadata(line);
    if (meta) block.metadata.push(meta);
    return;
  }
  const variable = parseFileVariable(line);
  if (variable) {
    variables.push(variable);
    return;
  }
  if (firstCode(line) === 64 /* @ */) return;
  if (startScript(block, line) || isImportOrRun(line)) return;
  const requestLine = parseRequestLine(line);
  block.requestLine = requestLine;
  block.requestStart = contentStart(line);
  block.contentEnd = contentEnd(line);
  block.pieces.push({ text: requestLine.urlText, start: requestLine.urlSpan.start });
  block.phase = 'continuation';
}

function readHeaderLine(block: BlockReader, line: Line, variables: FileVariable[]): void {
  if (isBlank(line)) {
    block.phase = 'body';
    return;
  }
  if (isComment(line)) return;
  if (startScript(block, line)) {
    block.phase = 'after';
    return;
  }
  const header = parseHeader(line);
  if (header) {
    block.headers.push(header);
    block.contentEnd = header.span.end;
    return;
  }
  // Not a header and no blank line yet: the body starts here (a `{` or `< ./file` right under the request line).
  block.phase = 'body';
  readBodyLine(block, line, variables);
}

function readBodyLine(block: BlockReader, line: Line, variables: FileVariable[]): void {
  if (startScript(block, line)) {
    block.phase = 'after';
    return;
  }
  if (block.bodyStart === undefined) {
    // REST Client reads `@name = value` between requests as a file variable even without a `###` before it.
    const variable = parseFileVariable(line);
    if (variable) {
      variables.push(variable);
      return;
    }
  }
  // Blank and comment lines count only between body lines: leading ones are skipped, trailing ones are trimmed.
  if (isBlank(line) || isComment(line)) return;
  if (block.bodyStart === undefined) block.bodyStart = contentStart(line);
  block.bodyEnd = contentEnd(line);
}
