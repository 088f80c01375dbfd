/**
 * The request line (`METHOD URL [HTTP/version]`, or a bare URL meaning GET) and header lines.
 * REST Client matches method names case-insensitively; httpYac and JetBrains expect upper case. We accept any case
 * for the RFC 9110 methods and keep the text as written; WebDAV methods are recognised in upper case only so a URL
 * such as `lock.example.com` is never read as a method.
 */
import type { Span } from '../model';
import type { Header } from './types';
import { contentEnd, contentStart, firstCode, isTrimmedSpace, startsWithAfterIndent, type Line } from './lines';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);
const UPPER_CASE_ONLY = new Set(['PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'SEARCH', 'QUERY']);

export interface RequestLine {
  readonly method: string;
  readonly methodText: string;
  readonly methodSpan: Span;
  /** The URL as written on this line, without the HTTP version. */
  readonly urlText: string;
  readonly urlSpan: Span;
  readonly httpVersion?: { readonly text: string; readonly span: Span };
}

function methodOf(token: string): string | undefined {
  const upper = token.toUpperCase();
  if (METHODS.has(upper)) return upper;
  return UPPER_CASE_ONLY.has(token) ? token : undefined;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

export function parseRequestLine(line: Line): RequestLine {
  const text = line.text;
  const start = contentStart(line) - line.start;
  const end = contentEnd(line) - line.start;
  let tokenEnd = start;
  while (tokenEnd < end && !isSpace(text.charCodeAt(tokenEnd))) tokenEnd++;
  const token = text.slice(start, tokenEnd);
  const method = /^[A-Za-z]+$/.test(token) ? methodOf(token) : undefined;

  let urlStart = start;
  if (method !== undefined) {
    urlStart = tokenEnd;
    while (urlStart < end && isSpace(text.charCodeAt(urlStart))) urlStart++;
  }

  // The version is the last whitespace-separated token when it starts with HTTP/ (`HTTP/1.1`, `HTTP/2`).
  let urlEnd = end;
  let httpVersion: RequestLine['httpVersion'];
  let lastSpace = end - 1;
  while (lastSpace >= urlStart && !isSpace(text.charCodeAt(lastSpace))) lastSpace--;
  if (lastSpace >= urlStart) {
    const last = text.slice(lastSpace + 1, end);
    if (/^HTTP\/\S*$/i.test(last)) {
      httpVersion = { text: last, span: { start: line.start + lastSpace + 1, end: line.start + end } };
      urlEnd = lastSpace;
      while (urlEnd > urlStart && isSpace(text.charCodeAt(urlEnd - 1))) urlEnd--;
    }
  }

  const urlSpan = { start: line.start + urlStart, end: line.start + urlEnd };
  if (method === undefined) {
    return { method: 'GET', methodText: '', methodSpan: { start: urlSpan.start, end: urlSpan.start }, urlText: text.slice(urlStart, urlEnd), urlSpan, httpVersion };
  }
  return {
    method,
    methodText: token,
    methodSpan: { start: line.start + start, end: line.start + tokenEnd },
    urlText: text.slice(urlStart, urlEnd),
    urlSpan,
    httpVersion,
  };
}

/** A query or path continuation of the request line: `?page=2` / `&sort=name` (REST Client, httpYac), or an
 * indented `/segment`, `?q` or `&q` (JetBrains). */
export function isUrlContinuation(line: Line): boolean {
  const c = firstCode(line);
  if (c === 63 /* ? */ || c === 38 /* & */) return !startsWithAfterIndent(line, '??');
  return c === 47 /* / */ && line.text.charCodeAt(line.indent + 1) !== 47 && line.indent > 0;
}

// Header names are RFC 9110 tokens; httpYac and REST Client allow whitespace around the colon.
// Sticky, matched at the line's indentation, so the line is not copied before matching.
const HEADER = /([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*:/y;

export function parseHeader(line: Line): Header | undefined {
  const start = contentStart(line);
  const end = contentEnd(line);
  HEADER.lastIndex = line.indent;
  const m = HEADER.exec(line.text);
  if (!m) return undefined;
  const name = m[1];
  // The value is the rest of the line, trimmed; on a line that ends at the colon it is empty, placed after it.
  const afterColon = start + m[0].length;
  let valueStart = afterColon;
  while (valueStart < end && isTrimmedSpace(line.text.charCodeAt(valueStart - line.start))) valueStart++;
  if (valueStart >= end) valueStart = line.end;
  const value = line.text.slice(valueStart - line.start, Math.max(valueStart, end) - line.start);
  return {
    name,
    value,
    span: { start, end },
    nameSpan: { start, end: start + name.length },
    valueSpan: { start: valueStart, end: valueStart + value.length },
  };
}
