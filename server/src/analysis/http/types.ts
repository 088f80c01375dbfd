/**
 * What the request-file parser reads out of a .http/.rest file, before any judgement: requests with their request
 * line, headers, body and skipped script blocks, plus the file variables. Hovers and the extractor share it.
 * All positions are UTF-16 offsets into the parsed text.
 */
import type { Span } from '../model';

/** `# @name login`, `// @no-redirect`, `# @prompt otp Your code`: key without `@`, value trimmed (may be empty). */
export interface Metadata {
  readonly key: string;
  readonly value: string;
  /** The comment line's content. */
  readonly span: Span;
}

/** `@host = https://api.example.com` (REST Client, httpYac, JetBrains in-file variables). */
export interface FileVariable {
  readonly name: string;
  readonly value: string;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly valueSpan: Span;
}

export interface Header {
  readonly name: string;
  readonly value: string;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly valueSpan: Span;
}

/** One run of URL text as written: the request-line URL, then each continuation line (trimmed). */
export interface UrlPiece {
  readonly text: string;
  readonly start: number;
}

export interface RequestUrl {
  /** The pieces joined, as the client sends them before variable substitution. */
  readonly text: string;
  /** The URL on the request line (without the HTTP version); continuation lines are not included. */
  readonly span: Span;
  readonly pieces: readonly UrlPiece[];
}

export interface ParsedBody {
  readonly text: string;
  readonly span: Span;
}

export interface ParsedRequest {
  /** Request line to the end of the body (or of the last header), without trailing blank or comment lines. */
  readonly span: Span;
  /** The whole block: from its `###` line (or the file start) to the line before the next `###`. */
  readonly blockSpan: Span;
  /** Text after `###`, trimmed (httpYac and JetBrains name the request with it). */
  readonly separatorName?: string;
  /** `# @name` when present, else the separator text. */
  readonly name?: string;
  readonly metadata: readonly Metadata[];
  /** Upper-cased method; GET for a URL-only line. */
  readonly method: string;
  /** The method as written; '' for a URL-only line. */
  readonly methodText: string;
  /** The method token; zero-length at the URL start for a URL-only line. */
  readonly methodSpan: Span;
  readonly url: RequestUrl;
  readonly httpVersion?: { readonly text: string; readonly span: Span };
  readonly headers: readonly Header[];
  readonly body?: ParsedBody;
  /** Script blocks, handlers, assertions and response references that belong to the block and were skipped. */
  readonly scripts: readonly Span[];
}

export interface ParsedRequestFile {
  readonly requests: readonly ParsedRequest[];
  /** Every file variable definition, in document order. */
  readonly variables: readonly FileVariable[];
}
