import * as assert from 'node:assert/strict';
import { waitForDiagnostics } from '../support/diagnostics';
import { ourExtension } from '../support/extension';
import { closeAll, fixture, open } from '../support/workspace';

describe('activation', () => {
  after(closeAll);

  it('activates when the first .http file opens, and lints it', async () => {
    const extension = ourExtension();
    assert.equal(extension.isActive, false, 'active before any request or route file was opened');
    const uri = fixture('requests/users.http');
    await open(uri);
    await waitForDiagnostics(uri, (ds) => ds.length > 0, 'the first findings');
    assert.equal(extension.isActive, true);
    await extension.exports.ready;
  });
});
