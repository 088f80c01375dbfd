/** Edits shared by rules' quick-fixes. They keep the author's spelling (`put` stays lower case) and line endings. */
import type { Fix, Route } from '../model';

/** `POST` in the author's case style: `post` → `put`, `Post` → `Put`, `POST` → `PUT`. */
export function inCaseOf(written: string, method: string): string {
  if (written === written.toLowerCase() && written !== written.toUpperCase()) return method.toLowerCase();
  if (written.length > 1 && written[0] === written[0].toUpperCase() && written.slice(1) === written.slice(1).toLowerCase()) {
    return method[0] + method.slice(1).toLowerCase();
  }
  return method;
}

/**
 * Rewrite the route's method token to `to`, with the extra edits the extractor says the change needs (an import for
 * NestJS). `text` is the analysed file: a token that does not spell the method (`method: M`, a constant) is not
 * rewritten, since the edit would land on the wrong thing.
 */
export function changeMethodFix(route: Route, to: string, why: string, text: string, isPreferred = false): Fix | undefined {
  // An implicit GET (a URL-only line) has no token to rewrite; inserting one would be a different kind of edit.
  if (route.methodSpan.end === route.methodSpan.start || to === route.method) return undefined;
  const change = route.methodChange;
  if (change?.unavailable?.includes(to)) return undefined;
  const token = change?.tokenText?.[to];
  if (token === undefined && !spellsMethod(text.slice(route.methodSpan.start, route.methodSpan.end), route)) return undefined;
  return {
    id: `change-method:${to}`,
    title: `Change ${route.method} to ${to}: ${why}`,
    edits: [{ span: route.methodSpan, newText: token ?? inCaseOf(route.methodText, to) }, ...(change?.extraEdits?.[to] ?? [])],
    isPreferred,
  };
}

function spellsMethod(written: string, route: Route): boolean {
  return written === route.methodText && (written.toUpperCase() === route.method || (route.method === 'DELETE' && written.toLowerCase() === 'del'));
}

/** `projects` → `project`, `categories` → `category`, `addresses` → `address`; used to name id variables. */
export function singular(noun: string): string {
  const lower = noun.toLowerCase();
  if (/ies$/.test(lower) && lower.length > 4) return noun.slice(0, -3) + 'y';
  if (/(?:ses|xes|zes|ches|shes)$/.test(lower)) return noun.slice(0, -2);
  if (/s$/.test(lower) && !/ss$/.test(lower)) return noun.slice(0, -1);
  return noun;
}

/** A camel-case id name for items of a collection segment: `line-items` → `lineItemId`. */
export function idNameFor(collection: string | undefined): string {
  if (!collection) return 'id';
  const words = singular(collection).split(/[-_\s]+/).filter(Boolean);
  if (words.length === 0 || !/^[A-Za-z]/.test(words[0])) return 'id';
  const camel = words.map((w, i) => (i === 0 ? w[0].toLowerCase() + w.slice(1) : w[0].toUpperCase() + w.slice(1))).join('');
  return /^[A-Za-z][A-Za-z0-9]*$/.test(camel) ? `${camel}Id` : 'id';
}
