/**
 * Finds every regular expression the analysis core and the workspace walk can run on user text, by parsing their
 * sources with TypeScript: regex literals, and `RegExp(...)` / `new RegExp(...)` calls. A template argument is
 * analysed with each `${...}` replaced by a plain letter (the interpolated part is escaped or an identifier in
 * practice); an argument that is not a literal is listed as dynamic so a reviewer sees it. Used by the unit tests
 * (shape check) and the benchmark (timing against attack strings).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

export interface CollectedRegex {
  /** Repository-relative path of the source file. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  readonly source: string;
  readonly flags: string;
  readonly origin: 'literal' | 'constructor' | 'template' | 'dynamic';
}

/** The folders whose regexes see user text: the pure core and the file walk (not the CLI's argument parsing). */
export const USER_TEXT_FOLDERS: readonly string[] = ['server/src/analysis', 'server/src/workspace'];

/** The repository root: the nearest folder above `from` (or the working directory) holding server/src/analysis. */
export function findRepoRoot(from: string = __dirname): string | undefined {
  for (const start of [from, process.cwd()]) {
    let dir = path.resolve(start);
    for (let depth = 0; depth < 12; depth++) {
      if (fs.existsSync(path.join(dir, 'server', 'src', 'analysis', 'index.ts'))) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing') sourceFiles(full, out);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

export function collectRegexes(root: string, folders: readonly string[] = USER_TEXT_FOLDERS): CollectedRegex[] {
  const found: CollectedRegex[] = [];
  for (const folder of folders) {
    const dir = path.join(root, folder);
    if (!fs.existsSync(dir)) continue;
    for (const file of sourceFiles(dir).sort()) found.push(...regexesInSource(path.relative(root, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8')));
  }
  return found;
}

export function regexesInSource(file: string, text: string): CollectedRegex[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: CollectedRegex[] = [];
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const raw = node.getText(sf);
      const close = raw.lastIndexOf('/');
      out.push({ file, line: lineOf(node), source: raw.slice(1, close), flags: raw.slice(close + 1), origin: 'literal' });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [pattern, flags] = node.arguments ?? [];
      const flagText = flags && ts.isStringLiteralLike(flags) ? flags.text : '';
      if (pattern && ts.isStringLiteralLike(pattern)) {
        out.push({ file, line: lineOf(node), source: pattern.text, flags: flagText, origin: 'constructor' });
      } else if (pattern && ts.isTemplateExpression(pattern)) {
        const source = pattern.head.text + pattern.templateSpans.map((s) => `x${s.literal.text}`).join('');
        out.push({ file, line: lineOf(node), source, flags: flagText, origin: 'template' });
      } else if (pattern) {
        out.push({ file, line: lineOf(node), source: pattern.getText(sf), flags: flagText, origin: 'dynamic' });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}
