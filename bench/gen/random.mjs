// A small seeded PRNG and the vocabulary the workspace generator draws from. Everything the generator writes comes
// from here, so one seed always gives byte-identical files.

/** mulberry32: tiny, fast, and good enough to vary generated code; not for anything cryptographic. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const sample = (list, n) => {
    const copy = [...list];
    const out = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
    return out;
  };
  /** A child stream, so adding a file kind later does not reshuffle every file after it. */
  const fork = (salt) => createRandom((Math.imul(state ^ hash(salt), 2654435761) >>> 0) || 1);
  return { next, int, pick, chance, sample, fork };
}

export function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Plural resource names with their singular, as real APIs spell them. */
export const RESOURCES = [
  ['users', 'user'], ['orders', 'order'], ['products', 'product'], ['invoices', 'invoice'], ['customers', 'customer'],
  ['payments', 'payment'], ['shipments', 'shipment'], ['articles', 'article'], ['comments', 'comment'], ['tags', 'tag'],
  ['projects', 'project'], ['tasks', 'task'], ['teams', 'team'], ['members', 'member'], ['accounts', 'account'],
  ['subscriptions', 'subscription'], ['plans', 'plan'], ['coupons', 'coupon'], ['carts', 'cart'], ['reviews', 'review'],
  ['warehouses', 'warehouse'], ['suppliers', 'supplier'], ['tickets', 'ticket'], ['events', 'event'], ['venues', 'venue'],
  ['bookings', 'booking'], ['rooms', 'room'], ['devices', 'device'], ['sensors', 'sensor'], ['reports', 'report'],
  ['documents', 'document'], ['folders', 'folder'], ['webhooks', 'webhook'], ['api-keys', 'apiKey'], ['sessions', 'session'],
  ['notifications', 'notification'], ['channels', 'channel'], ['messages', 'message'], ['playlists', 'playlist'], ['tracks', 'track'],
];

export const SUB_RESOURCES = ['avatar', 'status', 'settings', 'address', 'preferences', 'owner', 'metadata', 'billing'];
export const ACTIONS = ['cancel', 'archive', 'restore', 'publish', 'approve', 'refund', 'resend', 'duplicate', 'lock'];
export const FIELDS = [
  'name', 'email', 'title', 'description', 'price', 'quantity', 'status', 'total', 'currency', 'notes', 'priority',
  'dueDate', 'phone', 'city', 'country', 'zip', 'sku', 'color', 'size', 'weight', 'rating', 'summary', 'slug', 'ownerId',
];
export const VERBS = ['load', 'fetch', 'compute', 'resolve', 'normalize', 'validate', 'format', 'merge', 'build', 'parse', 'apply', 'collect'];
export const NOUNS = ['Config', 'Totals', 'Payload', 'Filters', 'Query', 'Summary', 'Schedule', 'Window', 'Range', 'Snapshot', 'Batch', 'Cursor'];
export const UI_WORDS = ['Card', 'List', 'Table', 'Form', 'Dialog', 'Panel', 'Header', 'Badge', 'Toolbar', 'Chart', 'Sidebar', 'Row'];

export function pascal(word) {
  return word.replace(/(^|[-_])(\w)/g, (_, __, c) => c.toUpperCase());
}

export function camel(word) {
  const p = pascal(word);
  return p.charAt(0).toLowerCase() + p.slice(1);
}
