/**
 * What the handler answers: explicit status codes and Location headers, in the spellings of Express, Fastify, Koa,
 * Hono, Next.js, the Fetch API and NestJS decorators. Defaults a framework implies are not recorded here.
 */
import ts = require('typescript');
import { shortText, type Detector, type Found, type Scope } from './context';
import { propertyNameText, unwrap } from './scope';
import { lastName } from './values';

/** Named constants people write instead of numbers (NestJS HttpStatus, http-status-codes, http-status). */
const STATUS_NAMES: Readonly<Record<string, number>> = {
  OK: 200, CREATED: 201, ACCEPTED: 202, NON_AUTHORITATIVE_INFORMATION: 203, NO_CONTENT: 204, RESET_CONTENT: 205, PARTIAL_CONTENT: 206,
  MOVED_PERMANENTLY: 301, FOUND: 302, SEE_OTHER: 303, NOT_MODIFIED: 304, TEMPORARY_REDIRECT: 307, PERMANENT_REDIRECT: 308,
  BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, METHOD_NOT_ALLOWED: 405, CONFLICT: 409, GONE: 410,
  PRECONDITION_FAILED: 412, UNPROCESSABLE_ENTITY: 422, TOO_MANY_REQUESTS: 429, INTERNAL_SERVER_ERROR: 500,
};
const STATUS_OWNERS = /^(HttpStatus|StatusCodes|httpStatus|HttpStatusCode|status|Status|constants)$/;

/** Every status a value can take: `201`, `HttpStatus.CREATED`, `created ? 201 : 200`. */
export function statusValues(expr: ts.Expression): number[] {
  const e = unwrap(expr);
  if (ts.isNumericLiteral(e)) {
    const n = Number(e.text);
    return Number.isInteger(n) && n >= 100 && n <= 599 ? [n] : [];
  }
  if (ts.isPropertyAccessExpression(e) && STATUS_OWNERS.test(lastName(e.expression) ?? '')) {
    const n = STATUS_NAMES[e.name.text.replace(/^HTTP_STATUS_/, '')];
    return n ? [n] : [];
  }
  if (ts.isConditionalExpression(e)) return [...statusValues(e.whenTrue), ...statusValues(e.whenFalse)];
  return [];
}

function statuses(node: ts.Node, values: number[], how: string): Found[] {
  return [...new Set(values)].map((status) => ({ kind: 'status' as const, node, status, description: `${how} answers ${status}` }));
}

const STATUS_METHODS = new Set(['status', 'sendStatus', 'code', 'writeHead']);
/** Hono's `c.json(x, 201)` family and `NextResponse.json(x, { status })`: the status is in the second argument. */
const HONO_BODY_METHODS = new Set(['json', 'text', 'body', 'html', 'newResponse']);
const HEADER_METHODS = new Set(['set', 'setHeader', 'header', 'append', 'appendHeader']);
const RESPONSE_ROOT = /^(res|response|reply|rep|ctx|context|c|h|set|headers|responseHeaders|NextResponse|Response)$/;

export const detectResponse: Detector = (node, scope) => {
  if (ts.isCallExpression(node)) return responseCall(node, scope);
  if (ts.isNewExpression(node) && ['Response', 'NextResponse'].includes(lastName(node.expression) ?? '')) {
    const init = node.arguments?.[1];
    return init ? initEffects(init, node, `new ${lastName(node.expression)}()`) : [];
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = unwrap(node.left);
    // ctx.status = 201 (Koa), res.statusCode = 201 (Node), set.status = 201 (Elysia)
    if (ts.isPropertyAccessExpression(left) && (left.name.text === 'status' || left.name.text === 'statusCode')
      && RESPONSE_ROOT.test(rootName(left.expression))) {
      return statuses(node, statusValues(node.right), shortText(left, scope.unit.sourceFile));
    }
  }
  return [];
};

function rootName(expr: ts.Expression): string {
  let e = unwrap(expr);
  while (ts.isPropertyAccessExpression(e) || ts.isCallExpression(e)) e = unwrap(e.expression);
  return ts.isIdentifier(e) ? e.text : '';
}

function responseCall(call: ts.CallExpression, scope: Scope): Found[] {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return [];
  const method = callee.name.text;
  const root = rootName(callee.expression);
  // every case below answers only on a response object; checked first so other calls skip reading their text
  if (!RESPONSE_ROOT.test(root)) return [];
  const label = `${shortText(callee, scope.unit.sourceFile, 40)}()`;
  const [first, second] = call.arguments;
  const out: Found[] = [];
  if (STATUS_METHODS.has(method) && first && RESPONSE_ROOT.test(root)) {
    out.push(...statuses(call, statusValues(first), label));
    if (method === 'writeHead' && second) out.push(...headerObject(second, call, label));
  }
  if (HONO_BODY_METHODS.has(method) && second && RESPONSE_ROOT.test(root)) {
    out.push(...(ts.isObjectLiteralExpression(unwrap(second)) ? initEffects(second, call, label) : statuses(call, statusValues(second), label)));
  }
  if (method === 'location' && first && RESPONSE_ROOT.test(root)) {
    out.push({ kind: 'location-header', node: call, description: `${label} sets the Location header` });
  }
  if (HEADER_METHODS.has(method) && first && RESPONSE_ROOT.test(root)) {
    const name = unwrap(first);
    if (ts.isStringLiteralLike(name) && name.text.toLowerCase() === 'location') {
      out.push({ kind: 'location-header', node: call, description: `${label} sets the Location header` });
    } else if (ts.isObjectLiteralExpression(name)) {
      out.push(...headerObject(name, call, label));
    }
  }
  return out;
}

/** `{ status: 201, headers: { Location: url } }` as the init of a Response or a Hono/Next helper. */
function initEffects(init: ts.Expression, at: ts.Node, how: string): Found[] {
  const obj = unwrap(init);
  if (!ts.isObjectLiteralExpression(obj)) return [];
  const out: Found[] = [];
  for (const p of obj.properties) {
    const key = propertyNameText(p.name);
    if (key === 'status' && ts.isPropertyAssignment(p)) out.push(...statuses(at, statusValues(p.initializer), how));
    if (key === 'headers' && ts.isPropertyAssignment(p)) out.push(...headerObject(p.initializer, at, how));
  }
  return out;
}

function headerObject(expr: ts.Expression, at: ts.Node, how: string): Found[] {
  const obj = unwrap(expr);
  if (!ts.isObjectLiteralExpression(obj)) return [];
  const hasLocation = obj.properties.some((p) => (propertyNameText(p.name) ?? '').toLowerCase() === 'location');
  return hasLocation ? [{ kind: 'location-header', node: at, description: `${how} sets the Location header` }] : [];
}

/** NestJS `@HttpCode(201)` and `@Header('Location', ...)` on the handler method. */
export function decoratorEffects(method: ts.MethodDeclaration): Found[] {
  const out: Found[] = [];
  for (const d of ts.getDecorators(method) ?? []) {
    const call = d.expression;
    if (!ts.isCallExpression(call)) continue;
    const name = lastName(call.expression);
    const [first] = call.arguments;
    if (name === 'HttpCode' && first) out.push(...statuses(d, statusValues(first), '@HttpCode()'));
    if (name === 'Header' && first && ts.isStringLiteralLike(first) && first.text.toLowerCase() === 'location') {
      out.push({ kind: 'location-header', node: d, description: '@Header() sets the Location header' });
    }
  }
  return out;
}
