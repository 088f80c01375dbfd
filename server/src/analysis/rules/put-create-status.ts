/**
 * put-create-status: a PUT handler that can create the resource (an upsert) but never answers 201 Created.
 * RFC 9110 §9.3.4: "If the target resource does not have a current representation and the PUT successfully creates
 * one, then the origin server MUST inform the user agent by sending a 201 (Created) response."
 */
import { CODE_FRAMEWORKS, type Rule } from './rule';
import { successStatuses } from './statuses';

export const putCreateStatus: Rule = {
  meta: {
    id: 'put-create-status',
    description: 'PUT handler that can create the resource but never answers 201 Created.',
    type: 'problem',
    defaultSeverity: 'warning',
    appliesTo: CODE_FRAMEWORKS,
    rfc: ['RFC 9110 §9.3.4', 'RFC 9110 §15.3.2'],
    explainTitle: 'Explain status codes for PUT',
  },
  check(route, context) {
    if (route.method !== 'PUT') return;
    // mints-id is put-nondeterministic-uri's finding; an upsert keyed by the client's id is this rule's.
    if (route.effects.some((e) => e.kind === 'mints-id')) return;
    const creates = route.effects.filter((e) => e.kind === 'upsert');
    if (creates.length === 0) return;
    const statuses = successStatuses(route);
    if (statuses.includes(201)) return;
    context.report(route, {
      message: `PUT ${route.path.display} can create the item (${creates[0].description}) but only answers ${statuses.join(' or ')}; a PUT that creates must answer 201 Created (RFC 9110 §9.3.4).`,
      span: route.methodSpan,
      evidence: [
        ...creates.map((e) => ({ span: e.span, filePath: e.filePath, message: e.description })),
        ...route.effects.filter((e) => e.kind === 'status').map((e) => ({ span: e.span, filePath: e.filePath, message: e.description })),
      ],
    });
  },
};
