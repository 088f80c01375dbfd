import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { label, ruleOf, waitForDiagnostics } from '../support/diagnostics';
import { resetSettings, setSetting } from '../support/settings';
import { closeAll, fixture, open, scratchFile } from '../support/workspace';

const PUT_URI = 'put-nondeterministic-uri';
const POST_REPLACE = 'post-full-replacement';

/** Waits for exactly these rule → severity pairs (sorted by rule). */
function waitForRules(uri: vscode.Uri, expected: Record<string, vscode.DiagnosticSeverity>, what: string) {
  const want = Object.entries(expected).sort().map(([rule, severity]) => `${rule}:${severity}`).join(' ');
  return waitForDiagnostics(uri, (ds) => ds.map((d) => `${ruleOf(d)}:${d.severity}`).sort().join(' ') === want, what);
}

describe('settings apply without a reload', () => {
  let uri: vscode.Uri;
  const { Warning, Error, Information, Hint } = vscode.DiagnosticSeverity;

  before(async () => {
    const text = Buffer.from(await vscode.workspace.fs.readFile(fixture('requests/users.http'))).toString('utf8');
    uri = await scratchFile('settings.http', text);
    await open(uri);
  });
  beforeEach(async () => {
    await resetSettings();
    await waitForRules(uri, { [PUT_URI]: Warning, [POST_REPLACE]: Warning }, 'default severities');
  });
  after(async () => {
    await resetSettings();
    await closeAll();
  });

  it('a rule set to "off" disappears; the other stays', async () => {
    await setSetting('rules', { [PUT_URI]: 'off' });
    await waitForRules(uri, { [POST_REPLACE]: Warning }, 'only the POST finding');
  });

  it('severity changes follow the setting', async () => {
    await setSetting('rules', { [POST_REPLACE]: 'error', [PUT_URI]: 'information' });
    await waitForRules(uri, { [PUT_URI]: Information, [POST_REPLACE]: Error }, 'error and information');
    await setSetting('rules', { [PUT_URI]: 'hint' });
    const ds = await waitForRules(uri, { [PUT_URI]: Hint, [POST_REPLACE]: Warning }, 'hint and the default warning');
    assert.equal(ds.length, 2, ds.map(label).join());
  });

  it('an exclude glob matching the open file clears its findings', async () => {
    await setSetting('exclude', ['scratch/**']);
    await waitForRules(uri, {}, 'no findings for an excluded file');
    await setSetting('exclude', ['legacy/**']);
    await waitForRules(uri, { [PUT_URI]: Warning, [POST_REPLACE]: Warning }, 'findings back for a file no longer excluded');
  });

  it('"enable": false turns linting off, true brings it back', async () => {
    await setSetting('enable', false);
    await waitForRules(uri, {}, 'no findings when disabled');
  });

  it('files over maxFileSize are not linted', async () => {
    await setSetting('maxFileSize', 100);
    await waitForRules(uri, {}, 'no findings for a file over the limit');
  });
});
