/**
 * post-create-status: a POST handler that creates a resource and answers 200 without a Location header.
 * RFC 9110 §9.3.3 and §15.3.2: when POST creates a resource the origin server SHOULD answer 201 (Created) with a
 * Location header naming it, so clients learn the new URI without parsing the body. A SHOULD, so information level.
 */
import { classifyTarget, isEndpointWord } from '../knowledge/resource-shape';
import { CODE_FRAMEWORKS, type Rule } from './rule';
import { setsLocation, successStatuses } from './statuses';

export const postCreateStatus: Rule = {
  meta: {
    id: 'post-create-status',
    description: 'POST handler that creates a resource but answers 200 without a Location header.',
    type: 'suggestion',
    defaultSeverity: 'information',
    appliesTo: CODE_FRAMEWORKS,
    rfc: ['RFC 9110 §9.3.3', 'RFC 9110 §15.3.2', 'RFC 9110 §10.2.2'],
    explainTitle: 'Explain 201 Created',
  },
  check(route, context) {
    // Creation is a POST to a collection; actions, logins and searches that record something along the way are not.
    if (route.method !== 'POST' || classifyTarget(route.path.segments) !== 'collection') return;
    if (route.path.segments.some((s) => s.kind === 'literal' && isEndpointWord(s.text))) return;
    const creates = route.effects.filter((e) => e.kind === 'insert' || e.kind === 'mints-id');
    if (creates.length === 0 || setsLocation(route)) return;
    const statuses = successStatuses(route);
    if (!statuses.every((s) => s === 200)) return;
    context.report(route, {
      message: `POST ${route.path.display} creates an item (${creates[0].description}) but answers 200 without a Location header; 201 Created with Location tells the client the new item's URI (RFC 9110 §15.3.2).`,
      span: route.methodSpan,
      evidence: creates.map((e) => ({ span: e.span, filePath: e.filePath, message: e.description })),
    });
  },
};
