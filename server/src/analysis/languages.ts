/** Which files the analysis reads, by extension, and the language id it reads them as. */
import type { LanguageId } from './model';

const BY_EXTENSION: ReadonlyMap<string, LanguageId> = new Map([
  ['.http', 'http'], ['.rest', 'http'],
  ['.ts', 'typescript'], ['.mts', 'typescript'], ['.cts', 'typescript'], ['.tsx', 'typescriptreact'],
  ['.js', 'javascript'], ['.mjs', 'javascript'], ['.cjs', 'javascript'], ['.jsx', 'javascriptreact'],
]);

export function languageOfPath(path: string): LanguageId | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return undefined;
  if (path.endsWith('.d.ts') || path.endsWith('.d.mts') || path.endsWith('.d.cts')) return undefined;
  return BY_EXTENSION.get(path.slice(dot).toLowerCase());
}

export function isRequestFileLanguage(languageId: LanguageId): boolean {
  return languageId === 'http';
}

export function isCodeLanguage(languageId: LanguageId): boolean {
  return languageId === 'typescript' || languageId === 'javascript' || languageId === 'typescriptreact' || languageId === 'javascriptreact';
}
