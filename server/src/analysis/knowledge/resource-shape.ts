/**
 * How a path names a resource: an item, a collection, a singleton, a sub-resource or an action. The classification
 * follows http-semantics (URI shapes): a match on whole segments or on camel-case words, never on substrings, so
 * `posters` is not `post` and `options` is not an action.
 */
import type { PathSegment } from '../model';

export type TargetShape =
  /** The last segment identifies one item: a parameter or an identifier literal. */
  | 'item'
  /** The last segment is a plural noun with no identifier after it. */
  | 'collection'
  /** A singular noun that names one resource for the caller (`/me`, `/settings`) or a fixed sub-resource of an item. */
  | 'singleton'
  /** A verb segment (`/orders/{id}/cancel`, `/login`, `/search`): RPC style. */
  | 'action'
  /** A literal we cannot place (a singular noun at the top level, say). */
  | 'unknown'
  | 'root';

const INTEGER = /^\d+$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const OBJECT_ID = /^[0-9a-f]{24}$/i;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
/** Prefixed ids such as Stripe's `cus_9s6XKzkNRiz8i3` or `ord-1042`. */
const PREFIXED_ID = /^[a-z]{2,8}[_-](?=[A-Za-z0-9]*\d)[A-Za-z0-9]{4,}$/;

export function isIdentifierLiteral(text: string): boolean {
  return INTEGER.test(text) || UUID.test(text) || OBJECT_ID.test(text) || ULID.test(text) || PREFIXED_ID.test(text);
}

/** Version and API prefixes that carry no resource meaning. */
const PREFIX_SEGMENT = /^(?:v\d+(?:\.\d+)*|api|rest|public|internal|private)$/i;

export function isPrefixSegment(text: string): boolean {
  return PREFIX_SEGMENT.test(text);
}

const SINGLETONS = new Set([
  'me', 'self', 'user', 'profile', 'account', 'settings', 'preferences', 'config', 'configuration', 'session',
  'status', 'state', 'health', 'avatar', 'cart', 'basket', 'current', 'info', 'metadata', 'password', 'email',
  'theme', 'locale', 'language', 'subscription', 'billing', 'plan', 'address', 'owner', 'schedule', 'details',
  'stats', 'statistics', 'summary', 'permissions', 'roles', 'content', 'body', 'data', 'image', 'photo', 'picture',
  'logo', 'icon', 'visibility', 'assignee', 'position', 'order', 'priority', 'location', 'version', 'readme',
]);

/** Words that read as commands when they are a whole segment or the first word of one (`debit-stock`, `createUser`). */
const ACTION_VERBS = new Set([
  'accept', 'activate', 'add', 'approve', 'archive', 'assign', 'auth', 'authenticate', 'authorize', 'batch', 'bulk', 'calculate',
  'cancel', 'charge', 'check', 'checkout', 'clear', 'clone', 'close', 'complete', 'compute', 'confirm', 'connect', 'copy',
  'create', 'deactivate', 'debit', 'credit', 'decline', 'delete', 'deliver', 'disable', 'disconnect', 'dismiss', 'download',
  'duplicate', 'enable', 'execute', 'expire', 'export', 'fetch', 'finalize', 'flush', 'follow', 'fork', 'generate', 'get',
  'graphql', 'hide', 'import', 'invite', 'invoke', 'join', 'leave', 'like', 'link', 'lock', 'login', 'logout', 'mark',
  'merge', 'move', 'mute', 'notify', 'oauth', 'open', 'pause', 'pay', 'ping', 'process', 'publish', 'purge', 'query',
  'rebuild', 'recalculate', 'refresh', 'refund', 'register', 'reject', 'reload', 'remove', 'rename', 'render', 'reopen',
  'reorder', 'replay', 'reply', 'report', 'request', 'resend', 'reset', 'resolve', 'restart', 'restore', 'resume',
  'retry', 'revoke', 'rollback', 'rotate', 'run', 'save', 'search', 'send', 'set', 'share', 'show', 'sign', 'signin',
  'signout', 'signup', 'start', 'stop', 'submit', 'subscribe', 'suspend', 'sync', 'test', 'toggle', 'token', 'track',
  'transfer', 'trigger', 'unarchive', 'unassign', 'unfollow', 'unlink', 'unlock', 'unmute', 'unpublish', 'unsubscribe',
  'update', 'upload', 'upsert', 'validate', 'verify', 'void', 'vote', 'webhook', 'webhooks', 'callback', 'introspect',
  'token', 'tokens', 'authorize', 'revoke', 'logon', 'logoff', 'batch', 'rpc',
]);

/** Segments that are endpoints of their own kind, never resources to replace: login, token, search, graphql. */
const ENDPOINT_WORDS = new Set(['login', 'logout', 'signin', 'signup', 'signout', 'register', 'token', 'tokens', 'oauth',
  'auth', 'authenticate', 'authorize', 'search', 'query', 'graphql', 'rpc', 'batch', 'bulk', 'webhook', 'webhooks',
  'callback', 'introspect', 'refresh', 'verify', 'session', 'sessions']);

/** Plural nouns that are names of one thing here, or look plural but are not. */
const NOT_PLURAL = new Set(['status', 'news', 'address', 'alias', 'canvas', 'bus', 'analysis', 'basis', 'series', 'species',
  'access', 'process', 'progress', 'success', 'business', 'class', 'glass', 'gas', 'atlas', 'bonus', 'campus', 'census',
  'corpus', 'focus', 'radius', 'virus', 'thesis', 'axis', 'diagnosis', 'kudos', 'redis', 'https', 'http', 'dns', 'sms',
  'aws', 'gps', 'ios', 'os', 'css', 'js', 'this', 'yes', 'plus', 'minus', 'always', 'settings', 'preferences', 'stats',
  'statistics', 'permissions', 'roles', 'details', 'metrics', 'analytics', 'credentials']);

const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'mice', 'geese', 'feet', 'teeth', 'criteria',
  'indices', 'matrices', 'vertices', 'media', 'data', 'items', 'entries']);

/** Split `debit-stock`, `debit_stock`, `createUser`, `UpdateItemDetails` into lower-case words. */
export function segmentWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s\-_.]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

export function isPluralNoun(text: string): boolean {
  const words = segmentWords(text);
  const last = words[words.length - 1];
  if (!last || words.length > 3) return false;
  if (IRREGULAR_PLURALS.has(last)) return true;
  if (NOT_PLURAL.has(last) || NOT_PLURAL.has(text.toLowerCase())) return false;
  if (last.length < 3 || !/^[a-z]+$/.test(last)) return false;
  if (/(?:ss|us|is)$/.test(last)) return false;
  return last.endsWith('s');
}

export function isSingletonWord(text: string): boolean {
  return SINGLETONS.has(text.toLowerCase()) || SINGLETONS.has(segmentWords(text).join(''));
}

/** A segment that names an operation rather than a resource: `cancel`, `debit-stock`, `createUser`. */
export function isActionSegment(text: string): boolean {
  const words = segmentWords(text);
  if (words.length === 0) return false;
  if (words.length === 1) return ACTION_VERBS.has(words[0]) && !isPluralNoun(words[0]) || ENDPOINT_WORDS.has(words[0]);
  return ACTION_VERBS.has(words[0]);
}

export function isEndpointWord(text: string): boolean {
  return segmentWords(text).some((w) => ENDPOINT_WORDS.has(w));
}

/** The segments that carry resource meaning: without empty, version and API prefixes. */
export function resourceSegments(segments: readonly PathSegment[]): readonly PathSegment[] {
  return segments.filter((s) => !(s.kind === 'literal' && (s.text === '' || isPrefixSegment(s.text))));
}

export function isIdentifierSegment(segment: PathSegment): boolean {
  if (segment.kind === 'param') return true;
  return segment.kind === 'literal' && isIdentifierLiteral(segment.text);
}

/** Classify what the path targets. `dynamic` segments count as identifiers: the client still sends one value. */
export function classifyTarget(segments: readonly PathSegment[]): TargetShape {
  const meaningful = resourceSegments(segments);
  const last = meaningful[meaningful.length - 1];
  if (!last) return 'root';
  if (last.kind === 'param' || last.kind === 'dynamic') return 'item';
  if (last.kind === 'mixed') return 'unknown';
  if (isIdentifierLiteral(last.text)) return 'item';
  if (isActionSegment(last.text) || isEndpointWord(last.text)) return 'action';
  if (isSingletonWord(last.text)) return 'singleton';
  if (isPluralNoun(last.text)) return 'collection';
  const underItem = meaningful.slice(0, -1).some(isIdentifierSegment);
  return underItem ? 'singleton' : 'unknown';
}

/** True when some segment before the last identifies an item (`/customers/{id}/status`). */
export function isUnderItem(segments: readonly PathSegment[]): boolean {
  const meaningful = resourceSegments(segments);
  return meaningful.slice(0, -1).some((s) => isIdentifierSegment(s) || s.kind === 'dynamic');
}
