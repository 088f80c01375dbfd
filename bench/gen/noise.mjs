// The code around the routes: services, React components, utilities, types, tests and API clients. Tests and clients
// deliberately call `.get(`/`.put(` on supertest and axios, the look-alikes a route extractor must not take for routes.
import { FIELDS, NOUNS, RESOURCES, UI_WORDS, VERBS, camel, pascal } from './random.mjs';

function fn(rng, ts, name) {
  const noun = rng.pick(NOUNS);
  const t = (x) => (ts ? `: ${x}` : '');
  const lines = [`export ${rng.chance(0.4) ? 'async ' : ''}function ${name}(input${t(`${noun}Input`)}, options${t('Options')} = {})${t(`${rng.chance(0.4) ? 'Promise<' + noun + '>' : noun}`)} {`];
  const body = rng.int(4, 18);
  lines.push(`  const started = options.clock?.now() ?? 0;`);
  for (let i = 0; i < body; i++) {
    const f = rng.pick(FIELDS);
    switch (rng.int(0, 6)) {
      case 0: lines.push(`  const ${f}${i} = input.${f} ?? options.defaults?.${f};`); break;
      case 1: lines.push(`  if (input.${f} == null) {`, `    options.logger?.warn('missing ${f}', { at: ${i} });`, '  }'); break;
      case 2: lines.push(`  const items${i} = (input.items ?? []).filter((item) => item.${f} !== undefined).map((item) => ({ ...item, rank: ${i} }));`); break;
      case 3: lines.push(`  for (const entry of Object.entries(input.extra ?? {})) {`, `    if (entry[0].startsWith('${f}')) options.onEntry?.(entry);`, '  }'); break;
      case 4: lines.push(`  const total${i} = (input.lines ?? []).reduce((sum, line) => sum + line.${f === 'price' ? 'price' : 'amount'} * (line.quantity ?? 1), 0);`); break;
      case 5: lines.push('  try {', `    options.cache?.set('${f}:' + String(input.id), input.${f});`, '  } catch (error) {', `    options.logger?.error('cache write failed', error);`, '  }'); break;
      default: lines.push(`  // ${rng.pick(['Keep', 'Avoid', 'Prefer'])} ${f} ${rng.pick(['normalised before comparing', 'out of the hot path', 'stable across retries'])}.`);
    }
  }
  lines.push(`  return { ...input, elapsed: (options.clock?.now() ?? 0) - started }${ts ? ` as unknown as ${noun}` : ''};`, '}', '');
  return lines;
}

export function serviceFile(rng, ts) {
  const [plural, singular] = rng.pick(RESOURCES);
  const Name = `${pascal(singular)}${rng.pick(['Service', 'Repository', 'Manager', 'Store'])}`;
  const lines = ["import { EventEmitter } from 'node:events';", `import { ${camel(singular)}Schema } from '../schemas/${plural}';`, ''];
  lines.push(`export class ${Name} extends EventEmitter {`);
  lines.push(`  ${ts ? 'private readonly ' : ''}cache = new Map${ts ? '<string, unknown>' : ''}();`, '');
  lines.push(`  constructor(${ts ? 'private readonly http: HttpClient, private readonly clock: Clock' : 'http, clock'}) {`, '    super();');
  if (!ts) lines.push('    this.http = http;', '    this.clock = clock;');
  lines.push('  }', '');
  for (let m = rng.int(4, 14); m > 0; m--) {
    const verb = rng.pick(VERBS);
    const noun = rng.pick(NOUNS);
    lines.push(`  async ${verb}${noun}(id${ts ? ': string' : ''}, filters${ts ? ': Partial<Record<string, string>>' : ''} = {}) {`);
    lines.push(`    const key = \`${verb}:\${id}:\${JSON.stringify(filters)}\`;`);
    lines.push('    if (this.cache.has(key)) return this.cache.get(key);');
    if (rng.chance(0.5)) {
      lines.push(`    const response = await this.http.get(\`/${plural}/\${encodeURIComponent(id)}\`, { params: filters });`);
      lines.push(`    const parsed = ${camel(singular)}Schema.parse(response.data);`);
    } else {
      lines.push(`    const rows = await this.http.post('/${plural}/search', { id, ...filters });`);
      lines.push(`    const parsed = rows.data.map((row${ts ? ': unknown' : ''}) => ${camel(singular)}Schema.parse(row));`);
    }
    lines.push(`    this.cache.set(key, parsed);`, `    this.emit('${verb}', { id, at: this.clock.now() });`, '    return parsed;', '  }', '');
  }
  lines.push('}', '');
  return { dir: 'src/services', name: `${camel(Name)}.${ts ? 'ts' : 'js'}`, text: lines.join('\n') };
}

export function utilFile(rng, ts) {
  const lines = ["import { strict as assert } from 'node:assert';", ''];
  lines.push(`export const DEFAULT_${rng.pick(NOUNS).toUpperCase()}_LIMIT = ${rng.int(10, 500)};`, '');
  for (let n = rng.int(3, 10); n > 0; n--) lines.push(...fn(rng, ts, `${rng.pick(VERBS)}${rng.pick(NOUNS)}${n}`));
  if (rng.chance(0.4)) lines.push(`export const pattern = /^[a-z0-9-]{1,${rng.int(8, 64)}}$/;`, `assert.ok(pattern.test('abc'));`, '');
  return { dir: rng.pick(['src/util', 'src/lib', 'src/helpers']), name: `${camel(rng.pick(VERBS) + '-' + rng.pick(NOUNS))}${rng.int(1, 999)}.${ts ? 'ts' : 'js'}`, text: lines.join('\n') };
}

export function componentFile(rng) {
  const [plural, singular] = rng.pick(RESOURCES);
  const Name = `${pascal(singular)}${rng.pick(UI_WORDS)}`;
  const fields = rng.sample(FIELDS, rng.int(3, 7));
  const lines = ["import { useEffect, useMemo, useState } from 'react';", "import { api } from '../api/client';", ''];
  lines.push(`interface ${Name}Props {`, '  id: string;', '  onSaved?: (value: unknown) => void;', '  readOnly?: boolean;', '}', '');
  lines.push(`export function ${Name}({ id, onSaved, readOnly = false }: ${Name}Props) {`);
  lines.push(`  const [${camel(singular)}, set${pascal(singular)}] = useState<Record<string, unknown> | null>(null);`);
  lines.push('  const [error, setError] = useState<string | null>(null);', '  const [saving, setSaving] = useState(false);', '');
  lines.push('  useEffect(() => {', '    let cancelled = false;');
  lines.push(`    api.get(\`/${plural}/\${id}\`).then((r) => { if (!cancelled) set${pascal(singular)}(r.data); }).catch((e) => setError(String(e)));`);
  lines.push('    return () => { cancelled = true; };', '  }, [id]);', '');
  lines.push(`  const title = useMemo(() => String(${camel(singular)}?.${fields[0]} ?? 'Untitled'), [${camel(singular)}]);`, '');
  lines.push('  async function save(changes: Record<string, unknown>) {', '    setSaving(true);', '    try {');
  lines.push(`      const response = await api.${rng.pick(['put', 'patch'])}(\`/${plural}/\${id}\`, changes);`, '      onSaved?.(response.data);');
  lines.push('    } catch (e) {', '      setError(String(e));', '    } finally {', '      setSaving(false);', '    }', '  }', '');
  lines.push(`  if (error) return <p className="error">{error}</p>;`, `  if (!${camel(singular)}) return <p>Loading…</p>;`, '');
  lines.push('  return (', `    <section className="${camel(Name)}">`, '      <h2>{title}</h2>', '      <dl>');
  for (const f of fields) lines.push(`        <dt>${pascal(f)}</dt>`, `        <dd>{String(${camel(singular)}.${f} ?? '—')}</dd>`);
  lines.push('      </dl>', '      {!readOnly && (');
  lines.push(`        <button disabled={saving} onClick={() => save({ ${fields[1]}: ${camel(singular)}.${fields[1]} })}>Save</button>`);
  lines.push('      )}', '    </section>', '  );', '}', '');
  return { dir: 'src/components', name: `${Name}${rng.int(1, 99)}.tsx`, text: lines.join('\n') };
}

export function testFile(rng, ts) {
  const [plural] = rng.pick(RESOURCES);
  const lines = ["import request from 'supertest';", "import { createApp } from '../src/app';", ''];
  lines.push(`describe('${plural} API', () => {`, '  const app = createApp();', '');
  for (let n = rng.int(3, 9); n > 0; n--) {
    const method = rng.pick(['get', 'post', 'put', 'patch', 'delete']);
    lines.push(`  it('${method}s ${plural} (${n})', async () => {`);
    lines.push(`    const response = await request(app).${method}('/api/v1/${plural}/${rng.int(1, 9999)}')${method === 'get' || method === 'delete' ? '' : `.send({ ${rng.pick(FIELDS)}: 'x' })`};`);
    lines.push(`    expect(response.status).toBe(${rng.pick([200, 201, 204, 404])});`, '  });', '');
  }
  lines.push('});', '');
  return { dir: 'test', name: `${plural}-${rng.int(1, 999)}.test.${ts ? 'ts' : 'js'}`, text: lines.join('\n') };
}

export function typesFile(rng) {
  const lines = [];
  for (let n = rng.int(3, 12); n > 0; n--) {
    const Name = `${rng.pick(NOUNS)}${pascal(rng.pick(RESOURCES)[1])}${n}`;
    lines.push(`export interface ${Name} {`);
    for (const f of rng.sample(FIELDS, rng.int(2, 9))) lines.push(`  ${f}${rng.chance(0.3) ? '?' : ''}: ${rng.pick(['string', 'number', 'Date', 'string[]', 'Record<string, number>'])};`);
    lines.push('}', '', `export type ${Name}Key = keyof ${Name};`, '');
  }
  return { dir: 'src/types', name: `${camel(rng.pick(NOUNS))}-${rng.int(1, 999)}.ts`, text: lines.join('\n') };
}

/** A request file in one of the three dialects, with a few of the smells (PUT to {{$guid}}, POST replacing an item). */
export function httpFile(rng) {
  const [plural, singular] = rng.pick(RESOURCES);
  const dialect = rng.pick(['rest-client', 'httpyac', 'jetbrains']);
  const lines = ['@host = http://localhost:3000', '@token = {{$dotenv API_TOKEN}}', `@${singular}Id = ${rng.int(1, 99999)}`, ''];
  for (let n = rng.int(3, 12); n > 0; n--) {
    const kind = rng.int(0, 5);
    const named = dialect === 'rest-client' ? `# @name ${camel(singular)}${n}` : null;
    lines.push(dialect === 'rest-client' ? '###' : `### ${pascal(singular)} request ${n}`);
    if (named) lines.push(named);
    const body = `{\n  "${rng.pick(FIELDS)}": "${rng.pick(['alpha', 'beta', 'gamma'])}",\n  "${rng.pick(FIELDS)}": ${rng.int(1, 500)}\n}`;
    if (kind === 0) lines.push(`GET {{host}}/api/${plural}?page=${rng.int(1, 5)}`, 'Authorization: Bearer {{token}}', '');
    else if (kind === 1) lines.push(`POST {{host}}/api/${plural} HTTP/1.1`, 'Content-Type: application/json', '', body, '');
    else if (kind === 2) lines.push(`PUT {{host}}/api/${plural}/${rng.chance(0.1) ? '{{$guid}}' : `{{${singular}Id}}`}`, 'Content-Type: application/json', '', body, '');
    else if (kind === 3) lines.push(`PATCH {{host}}/api/${plural}/{{${singular}Id}}`, 'Content-Type: application/json', '', body, '');
    else if (kind === 4) lines.push(`DELETE {{host}}/api/${plural}/{{${singular}Id}}`, '');
    else lines.push(`POST {{host}}/api/${plural}/{{${singular}Id}}/${rng.pick(['cancel', 'archive', 'publish'])}`, '');
    if (dialect === 'jetbrains' && rng.chance(0.4)) lines.push('> {%', '  client.test("ok", () => client.assert(response.status < 300));', '%}', '');
    if (dialect === 'httpyac' && rng.chance(0.4)) lines.push('?? status == 200', '');
  }
  return { dir: 'requests', name: `${plural}-${rng.int(1, 999)}.${rng.chance(0.8) ? 'http' : 'rest'}`, text: lines.join('\n') };
}
