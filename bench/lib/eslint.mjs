// ESLint 9 over the same workspace, with no plugins and one no-restricted-syntax selector that approximates a
// route-method rule (a method call on something, first argument a path string). TypeScript needs a parser ESLint does
// not ship: without @typescript-eslint/parser, espree reports TS files as fatal parse errors, and we say how many.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { measure } from './proc.mjs';

const SELECTOR = "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(get|post|put|patch|delete)$/][arguments.0.type=/^(Literal|TemplateLiteral)$/]";

const FORMATTER = `module.exports = (results) => {
  let fatal = 0, messages = 0, parsed = 0;
  const fatalByExt = {};
  for (const r of results) {
    const f = r.messages.filter((m) => m.fatal).length;
    if (f) { fatal++; const ext = r.filePath.slice(r.filePath.lastIndexOf('.')); fatalByExt[ext] = (fatalByExt[ext] || 0) + 1; }
    else parsed++;
    messages += r.messages.length - f;
  }
  return JSON.stringify({ files: results.length, parsed, fatal, fatalByExt, messages });
};
`;

export function typescriptParserInstalled(repo) {
  try {
    createRequire(join(repo, 'package.json')).resolve('@typescript-eslint/parser');
    return true;
  } catch {
    return false;
  }
}

/** subset: 'all' (JS and TS, as our scan) or 'js' (only files espree can parse, for a like-for-like ratio). */
export async function runEslint(repo, root, tmp, subset) {
  const dir = join(tmp, `eslint-${subset}`);
  mkdirSync(dir, { recursive: true });
  const withTs = typescriptParserInstalled(repo);
  const exts = subset === 'js' ? 'js,mjs,cjs,jsx' : 'js,mjs,cjs,jsx,ts,mts,cts,tsx';
  const config = [
    ...(withTs ? [`import tsParser from ${JSON.stringify(createRequire(join(repo, 'package.json')).resolve('@typescript-eslint/parser'))};`] : []),
    'export default [',
    `  { ignores: ['**/dist/**', '**/build/**', '**/out/**', '**/coverage/**', '**/.next/**', 'generated/**', '**/*.min.js', '**/*.d.ts', 'public/**'] },`,
    `  { files: ['**/*.{${exts}}'],`,
    `    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },`,
    `    rules: { 'no-restricted-syntax': ['error', { selector: ${JSON.stringify(SELECTOR)}, message: 'route method call' }] } },`,
    ...(withTs && subset !== 'js' ? ["  { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tsParser } },"] : []),
    '];',
  ].join('\n');
  writeFileSync(join(dir, 'eslint.config.mjs'), config);
  writeFileSync(join(dir, 'summary-formatter.cjs'), FORMATTER);
  const bin = join(repo, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const outFile = join(dir, 'out.json');
  const run = await measure(process.execPath, [bin, '--no-warn-ignored', '-c', join(dir, 'eslint.config.mjs'), '-f', join(dir, 'summary-formatter.cjs'), '.'],
    { cwd: root, stdoutFile: outFile });
  let summary;
  try {
    summary = JSON.parse(readFileSync(outFile, 'utf8'));
  } catch {
    summary = { error: run.stderr.split('\n').slice(0, 5).join(' ') };
  }
  return { subset, typescriptParser: withTs, selector: SELECTOR, wallMs: run.wallMs, cpuMs: run.cpuMs, peakRssMb: run.peakRssMb, exit: run.code, ...summary };
}
