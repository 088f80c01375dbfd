/**
 * What the client needs to know about settings and documents. The server reads and validates `httpMethodLint.*`
 * itself (per document, through workspace/configuration); the client only names the section, the documents to
 * sync and the one setting that is its own (`trace.server`, read by vscode-languageclient).
 */
import type { DocumentSelector } from 'vscode-languageclient/node';
import { DOCUMENT_SCHEMES, LANGUAGE_IDS, SETTINGS_SECTION } from '../../server/src/protocol';

/** Also the prefix of the trace setting: `httpMethodLint.trace.server`. */
export const CLIENT_ID = SETTINGS_SECTION;
export const DISPLAY_NAME = 'HTTP Method Lint';

/** Every linted language in every linted scheme (file and untitled). */
export function documentSelector(): DocumentSelector {
  return LANGUAGE_IDS.flatMap((language) => DOCUMENT_SCHEMES.map((scheme) => ({ scheme, language })));
}

/** Request files only: where the language status item shows. */
export const REQUEST_FILE_SELECTOR = DOCUMENT_SCHEMES.map((scheme) => ({ scheme, language: 'http' }));

export const COMMANDS = {
  checkWorkspace: 'httpMethodLint.checkWorkspace',
  explainMethod: 'httpMethodLint.explainMethod',
  showOutput: 'httpMethodLint.showOutput',
  restartServer: 'httpMethodLint.restartServer',
} as const;
