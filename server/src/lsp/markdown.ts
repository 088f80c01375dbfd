/**
 * Markdown about methods and dynamic variables, for hovers and the "Explain HTTP Method" request. Every fact comes
 * from knowledge/: this file only lays it out.
 */
import { allMethodFacts, methodFacts, type MethodFacts } from '../analysis/knowledge/methods';
import type { DynamicValue } from '../analysis/knowledge/system-variables';

/** "RFC 9110 §9.3.4" -> a link to that section on rfc-editor.org; other text stays as is. */
export function rfcLink(reference: string): string {
  const m = /^RFC (\d{3,5}) §(\d+(?:\.\d+)*)$/.exec(reference.trim());
  if (!m) return reference;
  return `[${reference}](https://www.rfc-editor.org/rfc/rfc${m[1]}#section-${m[2]})`;
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  const fence = clean.includes('`') ? '``' : '`';
  return `${fence}${clean.includes('`') ? ` ${clean} ` : clean}${fence}`;
}

/** Text from the user's file shown as markdown: no markup, no links, no HTML. */
export function plain(text: string): string {
  return text.replace(/[\\`*_[\]#<>|~]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

function yesNo(b: boolean): string {
  return b ? 'yes' : 'no';
}

/** What the method is and its properties (RFC 9110 §9.2). */
export function methodHeader(facts: MethodFacts): string[] {
  return [
    `**${facts.method}** (${rfcLink(facts.definedIn)}): ${facts.summary}`,
    '',
    '| safe | idempotent | cacheable |',
    '|---|---|---|',
    `| ${yesNo(facts.safe)} | ${yesNo(facts.idempotent)} | ${facts.cacheable} |`,
  ];
}

/** The status codes a correct handler answers with, and the method's notes. */
export function methodDetails(facts: MethodFacts): string[] {
  const lines: string[] = [];
  if (facts.expectedStatuses.length > 0) {
    lines.push('**Expected status codes**', '', ...facts.expectedStatuses.map((s) => `- ${s}`));
  }
  if (facts.notes.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push('**Notes**', '', ...facts.notes.map((n) => `- ${n}`));
  }
  return lines;
}

export function explainMethodMarkdown(method: string): { known: boolean; markdown: string } {
  const facts = methodFacts(method);
  if (!facts) {
    const upper = methodFacts(method.toUpperCase());
    const hint = upper ? ` Method names are case-sensitive (${rfcLink('RFC 9110 §9.1')}): did you mean ${code(upper.method)}?` : '';
    const known = allMethodFacts().map((m) => code(m.method)).join(', ');
    return { known: false, markdown: `# ${plain(method)}\n\nNot a method this linter knows.${hint}\n\nKnown methods: ${known}.\n` };
  }
  return { known: true, markdown: [`# ${facts.method}`, '', ...methodHeader(facts), '', ...methodDetails(facts), ''].join('\n') };
}

export function dynamicVariableMarkdown(raw: string, value: DynamicValue, method: string): string {
  const kind = value.kind === 'random' ? 'a random value' : 'a clock-based value';
  const lines = [
    `${code(raw)} is ${kind}: ${plain(value.reason)}.`,
    '',
    'In a URL it makes the target URI non-deterministic: each send addresses a different resource, so the client ' +
      'does not determine which resource the request acts on, and repeating the request does not repeat its effect.',
  ];
  if (method === 'PUT') {
    lines.push('', `PUT (${rfcLink('RFC 9110 §9.3.4')}) replaces the resource the URI names and is idempotent ` +
      `(${rfcLink('RFC 9110 §9.2.2')}); with this variable in the URL every send creates another resource instead.`);
  }
  lines.push('', 'The same variable in the request body leaves the target unchanged.');
  return lines.join('\n');
}
