/**
 * put-partial-update: a PUT handler that merges only the fields sent into the stored item. PUT replaces the whole
 * state of the target (RFC 9110 §9.3.4); applying a subset of fields is a partial modification, which is PATCH
 * (RFC 5789 §2). Clients that rely on PUT's replace semantics (omitted field = cleared) get surprising results.
 */
import { CODE_FRAMEWORKS, type Rule } from './rule';
import { changeMethodFix } from './fixes';

export const putPartialUpdate: Rule = {
  meta: {
    id: 'put-partial-update',
    description: 'PUT handler that merges only the fields sent: that is PATCH (RFC 5789).',
    type: 'problem',
    defaultSeverity: 'warning',
    appliesTo: CODE_FRAMEWORKS,
    rfc: ['RFC 9110 §9.3.4', 'RFC 5789 §2'],
    explainTitle: 'Explain PUT vs PATCH',
  },
  check(route, context) {
    if (route.method !== 'PUT') return;
    const partial = route.effects.filter((e) => e.kind === 'partial-update');
    // A handler that also writes the whole body somewhere is replacing; stay silent rather than guess which wins.
    if (partial.length === 0 || route.effects.some((e) => e.kind === 'full-replace')) return;
    const fix = changeMethodFix(route, 'PATCH', 'the handler applies only the fields sent (RFC 5789)', context.file.text);
    context.report(route, {
      message: `PUT ${route.path.display} merges only the fields sent into the stored item (${partial[0].description}); PUT replaces the whole resource, a partial update is PATCH.`,
      span: route.methodSpan,
      evidence: partial.map((e) => ({ span: e.span, filePath: e.filePath, message: e.description })),
      fixes: fix ? [fix] : [],
    });
  },
};
