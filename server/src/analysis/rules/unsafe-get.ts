/**
 * unsafe-get: a GET or HEAD handler that changes server state. GET and HEAD are safe (RFC 9110 §9.2.1): crawlers,
 * link prefetchers, caches and browsers send them at will, so a state change behind one happens when nobody asked.
 * There is no automatic fix: which method is right depends on what the change means.
 */
import type { EffectKind } from '../model';
import { segmentWords } from '../knowledge/resource-shape';
import { CODE_FRAMEWORKS, type Rule } from './rule';

const STATE_CHANGES: ReadonlySet<EffectKind> = new Set<EffectKind>(['insert', 'delete', 'state-change', 'full-replace', 'partial-update', 'upsert', 'mints-id']);
/** Redirect targets of OAuth and webhook flows are GET by contract with another party; the change is expected there. */
const REDIRECT_TARGETS = new Set(['callback', 'oauth', 'oauth2', 'webhook', 'webhooks', 'sso']);

export const unsafeGet: Rule = {
  meta: {
    id: 'unsafe-get',
    description: 'GET or HEAD handler that changes server state: these methods are safe (RFC 9110 §9.2.1).',
    type: 'problem',
    defaultSeverity: 'warning',
    appliesTo: CODE_FRAMEWORKS,
    rfc: ['RFC 9110 §9.2.1', 'RFC 9110 §9.3.1'],
    explainTitle: 'Explain safe methods',
  },
  check(route, context) {
    if (route.method !== 'GET' && route.method !== 'HEAD') return;
    const changes = route.effects.filter((e) => STATE_CHANGES.has(e.kind));
    if (changes.length === 0) return;
    const words = route.path.segments.flatMap((s) => (s.kind === 'literal' ? segmentWords(s.text) : []));
    if (words.some((w) => REDIRECT_TARGETS.has(w))) return;
    context.report(route, {
      message: `${route.method} ${route.path.display} changes server state (${changes[0].description}); ${route.method} is safe, so crawlers, prefetchers and caches may trigger it. Use POST, PUT, PATCH or DELETE for the change.`,
      span: route.methodSpan,
      evidence: changes.map((e) => ({ span: e.span, filePath: e.filePath, message: e.description })),
    });
  },
};
