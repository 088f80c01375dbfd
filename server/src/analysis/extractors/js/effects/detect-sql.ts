/**
 * SQL written in the handler: `pool.query('INSERT ...')`, `` sql`UPDATE ...` ``, `db.prepare('DELETE ...')`, or a
 * local constant holding the statement. Only the statement's leading verb and a few clauses are read; SELECT and
 * anything not starting with a write verb is ignored.
 */
import ts = require('typescript');
import type { EffectKind } from '../../../model';
import { type Detector, type Found, type Scope } from './context';
import { unwrap } from './scope';
import { chainNames, resolveName } from './values';

const NOT_A_DATABASE = /^(console|logger|log|debug|winston|pino)$/;

export const detectSql: Detector = (node, scope) => {
  if (ts.isTaggedTemplateExpression(node)) {
    const text = templateText(node.template);
    return text ? sqlEffects(text, node) : [];
  }
  if (!ts.isCallExpression(node) || node.arguments.length === 0) return [];
  const first = unwrap(node.arguments[0]);
  if (ts.isTaggedTemplateExpression(first)) return []; // reported on the template itself
  const { names } = chainNames(node.expression);
  if (names.some((n) => NOT_A_DATABASE.test(n))) return [];
  const text = sqlText(first, scope, 0);
  return text ? sqlEffects(text, node) : [];
};

function templateText(t: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(t)) return t.text;
  return t.head.text + t.templateSpans.map((s) => ` ? ${s.literal.text}`).join('');
}

function sqlText(expr: ts.Expression, scope: Scope, hops: number): string | undefined {
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isTemplateExpression(e)) return templateText(e);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = sqlText(e.left, scope, hops + 1);
    return left === undefined ? undefined : `${left}${sqlText(e.right, scope, hops + 1) ?? ' ? '}`;
  }
  if (ts.isIdentifier(e) && hops < 3) {
    const b = resolveName(e, scope);
    return b?.value ? sqlText(b.value.expr, b.value.scope, hops + 1) : undefined;
  }
  return undefined;
}

/** Drops leading whitespace and `--` / block comments so the verb comes first. */
function statementStart(text: string): string {
  let s = text.trimStart();
  for (let guard = 0; guard < 20; guard++) {
    if (s.startsWith('--')) {
      const nl = s.indexOf('\n');
      s = nl < 0 ? '' : s.slice(nl + 1).trimStart();
    } else if (s.startsWith('/*')) {
      const end = s.indexOf('*/');
      s = end < 0 ? '' : s.slice(end + 2).trimStart();
    } else {
      break;
    }
  }
  return s;
}

const INSERT = /^insert\s+(?:or\s+(replace|ignore)\s+)?into\s+([\w."`[\]]+)\s*(?:\(([^)]*)\))?/i;
const UPDATE = /^update\s+([\w."`[\]]+)\s+set\s/i;
const DELETE = /^delete\s+from\s+([\w."`[\]]+)/i;
const REPLACE = /^(replace|merge)\s+into\s+([\w."`[\]]+)/i;
const TRUNCATE = /^truncate\s+(?:table\s+)?([\w."`[\]]+)/i;

function found(kind: EffectKind, node: ts.Node, description: string): Found {
  return { kind, node, description };
}

export function sqlEffects(text: string, node: ts.Node): Found[] {
  const s = statementStart(text);
  const lower = s.toLowerCase();
  let m: RegExpExecArray | null;
  if ((m = INSERT.exec(s))) {
    const table = tableName(m[2]);
    const conflict = lower.indexOf('on conflict');
    if (m[1]?.toLowerCase() === 'replace' || (conflict >= 0 && lower.indexOf('do update', conflict) > 0) || lower.includes('on duplicate key update')) {
      return [found('upsert', node, `INSERT INTO ${table} updates the row when it already exists (upsert)`)];
    }
    const out = [found('insert', node, `INSERT INTO ${table} adds a row`)];
    if (m[3] !== undefined && !namesId(m[3], table)) out.push(found('mints-id', node, `INSERT INTO ${table} leaves out the id column: the database assigns it`));
    return out;
  }
  if ((m = UPDATE.exec(s))) {
    const table = tableName(m[1]);
    if (/coalesce\s*\(/i.test(s)) return [found('partial-update', node, `UPDATE ${table} keeps stored values for fields that were not sent (COALESCE)`)];
    return [found('state-change', node, `UPDATE ${table} changes stored rows`)];
  }
  if ((m = DELETE.exec(s))) return [found('delete', node, `DELETE FROM ${tableName(m[1])} deletes rows`)];
  if ((m = REPLACE.exec(s))) return [found('upsert', node, `${m[1].toUpperCase()} INTO ${tableName(m[2])} creates or replaces the row`)];
  if ((m = TRUNCATE.exec(s))) return [found('delete', node, `TRUNCATE ${tableName(m[1])} deletes every row`)];
  return [];
}

function tableName(raw: string): string {
  const last = raw.split('.').pop() ?? raw;
  return last.replace(/["`[\]]/g, '');
}

/** Whether an insert's column list carries the row's identity: `id`, `uuid`, `user_id` for table users, a slug. */
function namesId(columnList: string, table: string): boolean {
  const singular = table.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  const own = new Set(['id', '_id', 'uuid', 'slug', 'key', `${singular}_id`, `${singular}id`]);
  return columnList.split(',').some((c) => own.has(c.trim().replace(/["`[\]]/g, '').toLowerCase()));
}
