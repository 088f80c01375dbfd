/**
 * What a request sends as its body, reduced to what rules need: its kind and, for JSON objects and urlencoded
 * forms, the top-level fields. Kinds follow the tools: a `< ./file` line sends a file (REST Client, httpYac,
 * JetBrains); `X-Request-Type: GraphQL` (REST Client) or a body that opens with a GraphQL operation (httpYac) is
 * GraphQL.
 */
import type { BodyField, RequestBody } from '../model';
import type { Header, ParsedBody } from './types';
import { scanJsonObjectFields } from './json-fields';

const FILE_BODY = /^<(?:@[\w-]*)?[ \t]+\S/;
const GRAPHQL_OPERATION = /^(?:query|mutation|subscription|fragment)(?=[\s{(]|$)/;
/** `{ users { id } }`: a selection set, i.e. a name followed by a sub-selection, arguments, another field or `}`. */
const GRAPHQL_SELECTION = /^\{\s*[A-Za-z_]\w*(?:[ \t]*[{(}\r\n]|[ \t]+[A-Za-z_])/;
const FORM_START = /^[\w.~%[\]-]+=/;

function headerValue(headers: readonly Header[], name: string): string | undefined {
  let value: string | undefined;
  // The length test skips lower-casing most header names.
  for (const h of headers) if (h.name.length === name.length && h.name.toLowerCase() === name) value = h.value;
  return value?.toLowerCase();
}

export function analyzeBody(body: ParsedBody | undefined, headers: readonly Header[]): RequestBody {
  if (!body || body.text.trim() === '') return { kind: 'none', fields: [] };
  const { text, span } = body;
  const trimmed = text.trimStart();
  const contentType = headerValue(headers, 'content-type') ?? '';
  const isJsonType = contentType.includes('json');

  if (FILE_BODY.test(trimmed)) return { kind: 'file', span, fields: [] };
  if (headerValue(headers, 'x-request-type') === 'graphql' || contentType.includes('graphql')
    || GRAPHQL_OPERATION.test(trimmed) || (!isJsonType && GRAPHQL_SELECTION.test(trimmed))) {
    return { kind: 'graphql', span, fields: [] };
  }
  if (trimmed.startsWith('{{')) return { kind: 'text', span, fields: [] };
  if (trimmed.startsWith('{')) return { kind: 'json-object', span, fields: scanJsonObjectFields(text, span.start) };
  if (trimmed.startsWith('[')) return { kind: 'json-array', span, fields: [] };
  if (contentType.includes('x-www-form-urlencoded') || (!isJsonType && FORM_START.test(trimmed))) {
    return { kind: 'form', span, fields: formFields(text, span.start) };
  }
  return { kind: 'text', span, fields: [] };
}

/** `a=1&b=2`, also split over lines (REST Client lets each `&field=` start a line). */
function formFields(text: string, base: number): BodyField[] {
  const fields: BodyField[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (i < text.length && c !== 38 /* & */ && c !== 10 && c !== 13) continue;
    const part = text.slice(start, i);
    const lead = part.length - part.trimStart().length;
    const content = part.trim();
    if (content !== '') {
      const eq = content.indexOf('=');
      const key = (eq < 0 ? content : content.slice(0, eq)).trim();
      const from = base + start + lead;
      if (key !== '') fields.push({ key, valueText: eq < 0 ? '' : content.slice(eq + 1).trim(), span: { start: from, end: from + content.length } });
    }
    start = i + 1;
  }
  return fields;
}
