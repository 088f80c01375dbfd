/**
 * Request-file variables that a client evaluates at send time (REST Client, httpYac, JetBrains HTTP Client, Kulala).
 * A random or clock-based value in a URL means each send targets a different resource.
 */

export type Nondeterminism = 'random' | 'clock';

export interface DynamicValue {
  readonly kind: Nondeterminism;
  /** Why the value changes, for messages and hovers. */
  readonly reason: string;
}

const RANDOM_SYSTEM = new Map<string, string>([
  ['$guid', 'REST Client generates a new GUID on every send'],
  ['$uuid', 'a new UUID is generated on every send'],
  ['$randomint', 'a new random integer is generated on every send'],
]);

const CLOCK_SYSTEM = new Map<string, string>([
  ['$timestamp', 'it is the current time, which changes on every send'],
  ['$isotimestamp', 'it is the current time, which changes on every send'],
  ['$datetime', 'it is the current date and time, which changes on every send'],
  ['$localdatetime', 'it is the current local date and time, which changes on every send'],
  ['$date', 'it is the current date, which changes from day to day'],
]);

/** JavaScript (httpYac evaluates `{{ ... }}` as JS) that yields a fresh value: Date.now(), new Date(), Math.random(), crypto.randomUUID()... */
const JS_RANDOM = /\b(?:Math\.random|crypto\.randomUUID|randomUUID|uuid(?:v4)?|v4|nanoid|faker\.[\w.]+)\s*\(/;
const JS_CLOCK = /\b(?:Date\.now\s*\(|new\s+Date\s*\(|performance\.now\s*\()/;

/**
 * Classify the text inside `{{ }}`. Returns undefined for values that stay the same between sends
 * (`$processEnv`, `$dotenv`, file variables, request variables).
 */
export function classifyDynamicExpression(expression: string): DynamicValue | undefined {
  const expr = expression.trim();
  if (expr.startsWith('$')) {
    const name = /^\$[\w.]+/.exec(expr)?.[0].toLowerCase() ?? '';
    if (name.startsWith('$random.')) return { kind: 'random', reason: `${name} generates a new random value on every send` };
    const random = RANDOM_SYSTEM.get(name);
    if (random) return { kind: 'random', reason: random };
    const clock = CLOCK_SYSTEM.get(name);
    if (clock) return { kind: 'clock', reason: clock };
    return undefined;
  }
  if (expr.length > 500) return undefined;
  if (JS_RANDOM.test(expr)) return { kind: 'random', reason: 'the JavaScript expression produces a new random value on every send' };
  if (JS_CLOCK.test(expr)) return { kind: 'clock', reason: 'the JavaScript expression reads the clock, so it changes on every send' };
  return undefined;
}

/** Whether the text inside `{{ }}` is something other than a plain variable name: a system variable or a JS expression. */
export function isExpression(expression: string): boolean {
  const expr = expression.trim();
  return expr.startsWith('$') || !/^[A-Za-z_][\w.-]*$/.test(expr);
}
