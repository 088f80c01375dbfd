/**
 * post-full-replacement: a POST to an item URI that replaces or updates that item (RFC 9110 §9.3.3, §9.3.4).
 * Replacing the state of the resource at the target URI is what PUT means; PUT also makes a retry safe, POST does not.
 * POSTs to collections, to actions or sub-collections under an item, and to login/token/search/graphql endpoints are
 * normal and never reported.
 */
import type { BodyField, Evidence, PathSegment, Route } from '../model';
import { classifyTarget, isEndpointWord, resourceSegments } from '../knowledge/resource-shape';
import type { Rule, RuleContext } from './rule';
import { changeMethodFix, singular } from './fixes';
import { collectionName, lastSegment } from './shape';

const PUT_WHY = 'replacing the item at its own URI is idempotent';
/** Keys that make a body a command ("do this to the item"), not a representation of it. */
const COMMAND_KEYS = /^(?:action|actions|op|ops|operation|operations|command|cmd|verb|event|intent|transition|patch|changes)$/i;
/** A complete representation carries several fields; one or two fields read more like a command or a partial change. */
const MIN_REPRESENTATION_FIELDS = 3;

function unquote(text: string): string {
  return text.trim().replace(/^"(.*)"$/s, '$1').trim();
}

/** The ways the item's id is written: resolved (`42`) and as written in the URL (`{{userId}}`). */
function idTexts(segment: PathSegment, text: string): string[] {
  const written = segment.span ? [text.slice(segment.span.start, segment.span.end)] : [];
  if (segment.kind === 'literal') return [segment.text, ...written];
  if (segment.kind === 'param' || segment.kind === 'dynamic') return [segment.raw, ...written];
  return [];
}

const compact = (s: string) => s.replace(/\s+/g, '');

function repeatedIdField(route: Route, fields: readonly BodyField[], text: string): BodyField | undefined {
  const last = lastSegment(route.path.segments);
  const ids = last ? idTexts(last, text).map(compact) : [];
  if (ids.length === 0) return undefined;
  const name = collectionName(route.path.segments);
  const own = name ? singular(name).toLowerCase().replace(/[-_]/g, '') : undefined;
  return fields.find((f) => {
    const key = f.key.toLowerCase().replace(/[-_]/g, '');
    const idKey = key === 'id' || key === 'uuid' || (own !== undefined && key === `${own}id`);
    return idKey && ids.includes(compact(unquote(f.valueText)));
  });
}

function checkRequestBody(route: Route, context: RuleContext): void {
  const body = route.body;
  if (!body || body.kind !== 'json-object' || !body.span) return;
  const evidence: Evidence[] = [];
  let why: string;
  const repeated = repeatedIdField(route, body.fields, context.file.text);
  if (repeated) {
    why = `the body repeats its id (${context.file.text.slice(repeated.span.start, repeated.span.end).trim()})`;
    evidence.push({ span: repeated.span, message: 'the body repeats the id that the URI already names' });
  } else if (body.fields.length >= MIN_REPRESENTATION_FIELDS && !body.fields.some((f) => COMMAND_KEYS.test(f.key))) {
    const keys = body.fields.slice(0, 4).map((f) => f.key).join(', ');
    why = `the body is a complete object (${keys}${body.fields.length > 4 ? ', ...' : ''}), not a command`;
    evidence.push({ span: body.span, message: `a representation with ${body.fields.length} fields` });
  } else {
    return;
  }
  report(route, context, `sends a full representation of it: ${why}`, evidence);
}

function checkHandler(route: Route, context: RuleContext): void {
  const replacing = route.effects.filter((e) => e.kind === 'full-replace' || e.kind === 'partial-update');
  if (replacing.length === 0) return;
  // A handler that also inserts a new record is creating something under the item (a sub-resource), not replacing it.
  if (route.effects.some((e) => e.kind === 'insert' || e.kind === 'mints-id')) return;
  const evidence = replacing.map((e) => ({ span: e.span, filePath: e.filePath, message: e.description }));
  const full = replacing.find((e) => e.kind === 'full-replace');
  if (full) {
    report(route, context, `replaces the item (${full.description})`, evidence);
    return;
  }
  // Only the sent fields change: the honest method is PATCH, and PUT would itself be a partial update.
  const fix = changeMethodFix(route, 'PATCH', 'a partial update of the item at its own URI (RFC 5789)', context.file.text);
  context.report(route, {
    message: `POST to the item ${route.path.display} updates it in place (${replacing[0].description}); an update of the item at its own URI is PATCH (partial) or PUT (full replacement), not POST.`,
    span: route.methodSpan,
    evidence,
    fixes: fix ? [fix] : [],
  });
}

function report(route: Route, context: RuleContext, what: string, evidence: Evidence[]): void {
  const fix = changeMethodFix(route, 'PUT', PUT_WHY, context.file.text);
  context.report(route, {
    message: `POST to the item ${route.path.display} ${what}; replacing the item at its own URI is what PUT means, and PUT makes retries safe.`,
    span: route.methodSpan,
    evidence,
    fixes: fix ? [fix] : [],
  });
}

export const postFullReplacement: Rule = {
  meta: {
    id: 'post-full-replacement',
    description: 'POST to an item URI that replaces the item: that is PUT, which is idempotent.',
    type: 'suggestion',
    defaultSeverity: 'warning',
    appliesTo: 'all',
    rfc: ['RFC 9110 §9.3.3', 'RFC 9110 §9.3.4'],
    explainTitle: 'Explain POST vs PUT',
  },
  check(route, context) {
    if (route.method !== 'POST' || classifyTarget(route.path.segments) !== 'item') return;
    const literals = resourceSegments(route.path.segments).filter((s) => s.kind === 'literal');
    if (literals.some((s) => s.kind === 'literal' && isEndpointWord(s.text))) return;
    if (route.framework === 'http-file') checkRequestBody(route, context);
    else checkHandler(route, context);
  },
};
