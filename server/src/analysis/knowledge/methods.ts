/**
 * What each HTTP method promises (RFC 9110 §9, RFC 5789). Every message, hover and fix title that talks about a
 * method's meaning takes its facts from here, so the product never states two versions of the same fact.
 */

export interface MethodFacts {
  readonly method: string;
  readonly safe: boolean;
  readonly idempotent: boolean;
  /** "yes", "no", or the condition under which responses may be cached. */
  readonly cacheable: string;
  /** Where the method is defined, e.g. "RFC 9110 §9.3.4". */
  readonly definedIn: string;
  readonly summary: string;
  /** Status codes a correct handler typically answers with, and when. */
  readonly expectedStatuses: readonly string[];
  readonly notes: readonly string[];
}

export const RFC9110 = 'https://www.rfc-editor.org/rfc/rfc9110';
export const RFC5789 = 'https://www.rfc-editor.org/rfc/rfc5789';

const table: readonly MethodFacts[] = [
  {
    method: 'GET', safe: true, idempotent: true, cacheable: 'yes', definedIn: 'RFC 9110 §9.3.1',
    summary: 'Transfer a current representation of the target resource.',
    expectedStatuses: ['200 OK with the representation', '304 Not Modified for a conditional request', '404 Not Found'],
    notes: ['Content in a GET request has no generally defined semantics; clients should not send it.',
      'Safe (§9.2.1): crawlers, prefetchers and caches may send it at will, so it must not change server state.'],
  },
  {
    method: 'HEAD', safe: true, idempotent: true, cacheable: 'yes', definedIn: 'RFC 9110 §9.3.2',
    summary: 'Same as GET, but the server sends only the header section.',
    expectedStatuses: ['200 OK without content', '404 Not Found'],
    notes: ['Safe (§9.2.1): it must not change server state.'],
  },
  {
    method: 'POST', safe: false, idempotent: false,
    cacheable: 'only with explicit freshness information and a Content-Location equal to the target URI',
    definedIn: 'RFC 9110 §9.3.3',
    summary: 'The target resource processes the enclosed representation according to its own semantics: create a subordinate resource, append, submit a form, run an action.',
    expectedStatuses: ['201 Created with a Location header when it creates a resource (§15.3.2, §10.2.2)',
      '200 OK or 204 No Content for an action', '303 See Other to point at an existing result'],
    notes: ['Not idempotent: repeating the request may create another resource.'],
  },
  {
    method: 'PUT', safe: false, idempotent: true, cacheable: 'no', definedIn: 'RFC 9110 §9.3.4',
    summary: 'Create or replace the state of the target resource with the state defined by the enclosed representation.',
    expectedStatuses: ['201 Created when it creates the resource', '200 OK or 204 No Content when it replaces it'],
    notes: ['The client names the resource: the request URI is its identity.',
      'Idempotent (§9.2.2): sending the same PUT twice leaves the server in the same state.',
      'A PUT that applies only the fields sent is a partial update: that is PATCH (RFC 5789).'],
  },
  {
    method: 'PATCH', safe: false, idempotent: false, cacheable: 'only with explicit freshness information and a Content-Location equal to the target URI',
    definedIn: 'RFC 5789 §2',
    summary: 'Apply a set of changes to the target resource, atomically: a partial modification.',
    expectedStatuses: ['200 OK with the result', '204 No Content (the example in RFC 5789 §2.1)'],
    notes: ['Not idempotent unless designed so; Accept-Patch advertises the patch formats (RFC 5789 §3.1).'],
  },
  {
    method: 'DELETE', safe: false, idempotent: true, cacheable: 'no', definedIn: 'RFC 9110 §9.3.5',
    summary: 'Remove the association between the target resource and its current functionality.',
    expectedStatuses: ['204 No Content', '200 OK with a status representation', '202 Accepted when deletion is deferred'],
    notes: ['Content in a DELETE request has no generally defined semantics.'],
  },
  {
    method: 'OPTIONS', safe: true, idempotent: true, cacheable: 'no', definedIn: 'RFC 9110 §9.3.7',
    summary: 'Describe the communication options available for the target resource.',
    expectedStatuses: ['200 OK or 204 No Content with an Allow header'],
    notes: [],
  },
  {
    method: 'TRACE', safe: true, idempotent: true, cacheable: 'no', definedIn: 'RFC 9110 §9.3.8',
    summary: 'Perform a message loop-back test along the path to the target resource.',
    expectedStatuses: ['200 OK with the received request as message/http'],
    notes: ['A client must not send content in a TRACE request.'],
  },
  {
    method: 'CONNECT', safe: false, idempotent: false, cacheable: 'no', definedIn: 'RFC 9110 §9.3.6',
    summary: 'Establish a tunnel to the server identified by the target resource.',
    expectedStatuses: ['2xx once the tunnel is established'],
    notes: [],
  },
];

const byMethod = new Map(table.map((m) => [m.method, m]));

export const KNOWN_METHODS: readonly string[] = table.map((m) => m.method);

/** Facts for a method name; method names are case-sensitive (§9.1), so `get` is not GET. */
export function methodFacts(method: string): MethodFacts | undefined {
  return byMethod.get(method);
}

export function allMethodFacts(): readonly MethodFacts[] {
  return table;
}

/** Short property line used in hovers and the CLI: "safe: no · idempotent: yes · cacheable: no". */
export function describeProperties(facts: MethodFacts): string {
  const yn = (b: boolean) => (b ? 'yes' : 'no');
  return `safe: ${yn(facts.safe)} · idempotent: ${yn(facts.idempotent)} · cacheable: ${facts.cacheable}`;
}
