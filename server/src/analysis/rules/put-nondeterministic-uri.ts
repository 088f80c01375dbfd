/**
 * put-nondeterministic-uri: a PUT whose target URI the client does not determine (RFC 9110 §9.3.4, §9.2.2).
 * PUT means "make the resource at this URI have this state"; that only works, and is only idempotent, when the
 * client names the resource. Three kinds of evidence, each precise on its own:
 *  - a random or clock-based variable in a request file's URL (every send targets a new URI);
 *  - a collection URI with a single-object body (the server must pick the new item's identity);
 *  - a code handler that mints the new resource's id on the server.
 */
import type { Evidence, Fix, Route, UrlVariable } from '../model';
import { classifyDynamicExpression } from '../knowledge/system-variables';
import { classifyTarget, isUnderItem } from '../knowledge/resource-shape';
import type { Rule, RuleContext } from './rule';
import { changeMethodFix, idNameFor } from './fixes';
import { collectionName, itemRouteUnder, lastSegment } from './shape';

const POST_WHY = "the server assigns the new item's URI";

function checkDynamicVariables(route: Route, context: RuleContext): boolean {
  let reported = false;
  for (const variable of route.urlVariables ?? []) {
    if (variable.part === 'origin') continue;
    const dynamic = classifyDynamicExpression(variable.expression);
    if (!dynamic) continue;
    const raw = context.file.text.slice(variable.span.start, variable.span.end);
    context.report(route, {
      message: `PUT URL contains ${raw}: ${dynamic.reason}, so each send targets a different URI and repeating the request is not idempotent.`,
      span: variable.span,
      evidence: [{ span: variable.span, message: `${raw} is ${dynamic.kind === 'random' ? 'random' : 'clock-based'}` }],
      fixes: dynamicFixes(route, variable, raw, context),
    });
    reported = true;
  }
  return reported;
}

function dynamicFixes(route: Route, variable: UrlVariable, raw: string, context: RuleContext): Fix[] {
  const name = idNameFor(collectionName(route.path.segments));
  const fixes: Fix[] = [];
  const eol = context.eol;
  const defined = route.fileVariables?.includes(name) ?? false;
  fixes.push({
    id: 'replace-dynamic-variable',
    title: `Replace ${raw} with a client-chosen id variable {{${name}}}`,
    edits: [
      // File variables are global to the file; at its top the definition cannot split a request from its `# @name`.
      ...(defined ? [] : [{ span: { start: 0, end: 0 }, newText: `@${name} = choose-a-stable-id${eol}${eol}` }]),
      { span: variable.span, newText: `{{${name}}}` },
    ],
    isPreferred: false,
  });
  const last = lastSegment(route.path.segments);
  if (variable.part === 'path' && last?.kind === 'dynamic' && last.span && last.span.start === variable.span.start
      && last.span.end === variable.span.end) {
    const slash = context.file.text.lastIndexOf('/', variable.span.start);
    const post = changeMethodFix(route, 'POST', POST_WHY, context.file.text);
    if (post && slash >= 0 && slash >= (route.pathSpan?.start ?? 0)) {
      fixes.push({ ...post, id: 'change-method:POST-collection', title: `${post.title} (POST to the collection, without ${raw})`,
        edits: [...post.edits, { span: { start: slash, end: variable.span.end }, newText: '' }] });
    }
  }
  return fixes;
}

function checkCollectionTarget(route: Route, context: RuleContext): void {
  if (route.framework === 'http-file' && route.body?.kind !== 'json-object') return;
  const shape = classifyTarget(route.path.segments);
  const corroboration = itemRouteUnder(route, context.routes);
  const plainCollection = shape === 'collection' && !isUnderItem(route.path.segments);
  if (!plainCollection && !((shape === 'collection' || shape === 'unknown') && corroboration)) return;

  const evidence: Evidence[] = [];
  const minted = route.effects.filter((e) => e.kind === 'mints-id' || e.kind === 'insert');
  if (route.framework === 'http-file') {
    if (route.body?.span) evidence.push({ span: route.body.span, message: 'the body is a single object, not an array replacing the whole collection' });
  } else if (minted.length === 0) {
    // Code without evidence of an insert may well replace the whole collection: stay silent.
    return;
  }
  for (const e of minted) evidence.push({ span: e.span, filePath: e.filePath, message: e.description });
  if (corroboration?.pathSpan) {
    evidence.push({ span: corroboration.pathSpan, filePath: corroboration.filePath,
      message: `${corroboration.method || 'GET'} ${corroboration.path.display} addresses single items under ${route.path.display}` });
  }
  const name = idNameFor(collectionName(route.path.segments));
  const fixes: Fix[] = [];
  const post = changeMethodFix(route, 'POST', POST_WHY, context.file.text);
  if (post) fixes.push(post);
  const end = lastSegment(route.path.segments)?.span?.end;
  if (route.framework === 'http-file' && end !== undefined) {
    const idField = route.body?.fields.find((f) => /^(?:id|_id|uuid)$/i.test(f.key) || f.key === name);
    const fromBody = idField && /^"?\{\{[^}]+\}\}"?$/.test(idField.valueText.trim()) ? idField.valueText.trim().replace(/^"|"$/g, '') : undefined;
    const idRef = fromBody ?? `{{${name}}}`;
    fixes.push({ id: 'add-id-to-uri', title: `Put the item's id in the URI: PUT ${route.path.display}/${idRef}`,
      edits: [{ span: { start: end, end }, newText: `/${idRef}` }], isPreferred: false });
  }
  context.report(route, {
    message: `PUT targets the collection ${route.path.display}${route.framework === 'http-file' ? ' with a single object' : ''}; the server, not the client, chooses the new item's URI. Put the item's id in the URI or use POST.`,
    span: route.methodSpan,
    evidence,
    fixes,
  });
}

function checkMintedId(route: Route, context: RuleContext): boolean {
  const shape = classifyTarget(route.path.segments);
  if (shape === 'singleton' || shape === 'action') return false;
  const minted = route.effects.filter((e) => e.kind === 'mints-id');
  if (minted.length === 0) return false;
  const post = changeMethodFix(route, 'POST', POST_WHY, context.file.text);
  context.report(route, {
    message: `PUT ${route.path.display} creates the resource with an id minted on the server (${minted[0].description}); with PUT the client names the resource, so this is POST semantics.`,
    span: route.methodSpan,
    evidence: minted.map((e) => ({ span: e.span, filePath: e.filePath, message: e.description })),
    fixes: post ? [post] : [],
  });
  return true;
}

export const putNondeterministicUri: Rule = {
  meta: {
    id: 'put-nondeterministic-uri',
    description: 'PUT whose target URI the client does not determine (random URL values, collection URIs, server-minted ids).',
    type: 'problem',
    defaultSeverity: 'warning',
    appliesTo: 'all',
    rfc: ['RFC 9110 §9.3.4', 'RFC 9110 §9.2.2'],
    explainTitle: 'Explain PUT vs POST',
  },
  check(route, context) {
    if (route.method !== 'PUT') return;
    if (checkDynamicVariables(route, context)) return;
    if (route.framework !== 'http-file' && classifyTarget(route.path.segments) === 'item' && checkMintedId(route, context)) return;
    checkCollectionTarget(route, context);
  },
};
