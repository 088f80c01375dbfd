/**
 * Hovers, on two places only: a route's method token (what the method promises and what this request or route does
 * according to the analysis; for code, the full path and the mounts behind it) and a random or clock-based variable
 * in a request URL (why it makes the URI non-deterministic).
 * Everywhere else: no hover, so we never compete with the request-file extensions' own hovers.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { methodFacts } from '../analysis/knowledge/methods';
import { classifyTarget, type TargetShape } from '../analysis/knowledge/resource-shape';
import { classifyDynamicExpression } from '../analysis/knowledge/system-variables';
import type { AnalysisResult, Finding, Route, Span } from '../analysis/model';
import { rangeOf } from './diagnostics';
import { codeRouteLines, isCodeRoute, type HoverContext } from './hover-code';
import { code, dynamicVariableMarkdown, methodDetails, methodHeader, plain, rfcLink } from './markdown';

const SHAPE_TEXT: Readonly<Record<TargetShape, string>> = {
  item: 'one item (the last path segment identifies it)',
  collection: 'a collection (the last path segment is a plural noun)',
  singleton: 'a singleton or sub-resource (one resource for the caller)',
  action: 'an action endpoint (the path names an operation, RPC style)',
  unknown: 'a resource whose shape the path does not tell',
  root: 'the root of the API',
};

function within(span: Span, offset: number, inclusiveEnd: boolean): boolean {
  return offset >= span.start && (inclusiveEnd ? offset <= span.end : offset < span.end);
}

export type { HoverContext } from './hover-code';

export function hoverAt(result: AnalysisResult, document: TextDocument, offset: number, kind: MarkupKind, context?: HoverContext): Hover | null {
  for (let i = 0; i < result.routes.length; i++) {
    const route = result.routes[i];
    if (!within(route.span, offset, true) && !within(route.methodSpan, offset, true)) continue;
    if (within(route.methodSpan, offset, true)) {
      const findings = result.findings.filter((f) => f.routeIndex === i);
      return markup(methodHover(route, findings, document, context), rangeOf(document, route.methodSpan), kind);
    }
    for (const variable of route.urlVariables ?? []) {
      if (!within(variable.span, offset, false)) continue;
      const value = classifyDynamicExpression(variable.expression);
      if (!value) return null;
      const raw = document.getText(rangeOf(document, variable.span));
      return markup(dynamicVariableMarkdown(raw, value, route.method), rangeOf(document, variable.span), kind);
    }
  }
  return null;
}

function markup(markdown: string, range: Hover['range'], kind: MarkupKind): Hover {
  // Clients without markdown get the same text; it reads acceptably as plain text.
  return { contents: { kind, value: markdown }, range };
}

function methodHover(route: Route, findings: readonly Finding[], document: TextDocument, context: HoverContext | undefined): string {
  const facts = methodFacts(route.method);
  const header: string[] = facts
    ? methodHeader(facts)
    : [`**${plain(route.method)}** is not a method defined in RFC 9110; method names are case-sensitive (${rfcLink('RFC 9110 §9.1')}).`];

  const ownLine = (offset: number) => document.positionAt(offset).line + 1;
  const analysis = isCodeRoute(route)
    ? codeRouteLines(route, SHAPE_TEXT[classifyTarget(route.path.segments)], ownLine, context)
    : thisRequest(route);

  if (findings.length > 0) {
    analysis.push('', '**Findings**', '');
    for (const f of findings) {
      analysis.push(`- ${code(f.ruleId)} (${f.severity}): ${plain(f.message)}`);
      for (const e of f.evidence) {
        const other = e.filePath !== undefined && e.filePath !== route.filePath ? e.filePath : undefined;
        const otherLine = other === undefined ? undefined : context?.lineIn(other, e.span.start);
        const where = other === undefined
          ? `line ${ownLine(e.span.start)}`
          : `${plain(context?.displayPath(other) ?? other)}${otherLine === undefined ? '' : `:${otherLine}`}`;
        analysis.push(`  - ${plain(e.message)} (${where})`);
      }
    }
  }

  const details = facts ? methodDetails(facts) : [];
  // A code route's own story (mount chain, evidence, findings) is long: it comes first so a default-height hover
  // shows it without scrolling; a request's is short and reads best after the method's definition.
  const sections = isCodeRoute(route) ? [analysis, header, details] : [header, analysis, details];
  return sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n---\n\n');
}

/** What the analysis saw: the target, its shape, the body, what the handler does. */
function thisRequest(route: Route): string[] {
  const name = route.name ? ` ${code(route.name)}` : '';
  const lines = [
    `**This request**${name}: ${code(`${route.method} ${route.path.display}`)} targets ${SHAPE_TEXT[classifyTarget(route.path.segments)]}.`,
  ];
  const dynamic = route.path.segments.filter((s) => s.kind === 'dynamic');
  if (dynamic.length > 0) {
    lines.push('', `The path holds a value the client generates at send time: ${dynamic.map((s) => code(s.raw)).join(', ')}.`);
  }
  const body = route.body;
  if (body && body.kind !== 'none') {
    const fields = body.kind === 'json-object' && body.fields.length > 0
      ? ` with ${body.fields.length} top-level field${body.fields.length === 1 ? '' : 's'} (${body.fields.slice(0, 8).map((f) => code(f.key)).join(', ')}${body.fields.length > 8 ? ', ...' : ''})`
      : '';
    lines.push('', `Body: ${BODY_TEXT[body.kind]}${fields}.`);
  }
  if (route.effects.length > 0) {
    lines.push('', 'What the handler does:', '', ...route.effects.map((e) => `- ${plain(e.description)}`));
  }
  return lines;
}

const BODY_TEXT: Readonly<Record<NonNullable<Route['body']>['kind'], string>> = {
  none: 'none',
  'json-object': 'a JSON object',
  'json-array': 'a JSON array',
  form: 'form fields',
  file: 'the content of a file',
  graphql: 'a GraphQL query',
  text: 'text',
};
