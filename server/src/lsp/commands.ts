/**
 * Commands the server executes (workspace/executeCommand). "Explain rule" opens the bundled docs page through
 * window/showDocument, so it works offline and in any editor that speaks LSP 3.16+, with no client code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExecuteCommandParams, ShowDocumentParams, ShowDocumentResult } from 'vscode-languageserver';
import { ruleById } from '../analysis/rules';
import { docsPath } from '../analysis/rules/rule';
import { ExplainRuleCommand } from '../protocol';
import { docsUri } from './diagnostics';
import type { Log } from './log';

export const SERVER_COMMANDS: readonly string[] = [ExplainRuleCommand];

export interface CommandDeps {
  readonly extensionRoot: string;
  readonly log: Log;
  /** Undefined when the client cannot show documents. */
  readonly showDocument?: (params: ShowDocumentParams) => Promise<ShowDocumentResult>;
}

/** Runs a command; answers whether it did what was asked. Never throws to the client. */
export async function executeCommand(params: ExecuteCommandParams, deps: CommandDeps): Promise<boolean> {
  if (params.command !== ExplainRuleCommand) {
    deps.log.warn(`Unknown command ${params.command}`);
    return false;
  }
  const ruleId = params.arguments?.[0];
  if (typeof ruleId !== 'string' || !ruleById(ruleId)) {
    deps.log.warn(`${ExplainRuleCommand}: unknown rule ${JSON.stringify(ruleId)}`);
    return false;
  }
  const file = path.join(deps.extensionRoot, docsPath(ruleId));
  if (!fs.existsSync(file)) deps.log.warn(`${ExplainRuleCommand}: the docs page ${file} is missing from this install`);
  const uri = docsUri(deps.extensionRoot, ruleId);
  if (!deps.showDocument) {
    deps.log.info(`${ruleId} is documented at ${uri} (this editor cannot open documents on request).`);
    return false;
  }
  try {
    const result = await deps.showDocument({ uri, external: false, takeFocus: true });
    return result.success;
  } catch (e) {
    deps.log.caught(`${ExplainRuleCommand} ${ruleId}`, e);
    return false;
  }
}
