import * as assert from 'node:assert/strict';
import { waitForDiagnostics } from '../support/diagnostics';
import { ourExtension } from '../support/extension';
import { closeAll, fixture, open } from '../support/workspace';

/**
 * Only the first relevant file of a run can show activation, and a full run opens the route file first. The request
 * file case runs in a host of its own (suite e2e-activation in scripts/test-all.mjs).
 */
describe('activation', () => {
  after(closeAll);

  it('activates when the first route file (.ts) opens, lints it, and completes its paths once the index is built', async function () {
    // The first route file of a run also wakes the TypeScript extension; on a busy machine that takes a while.
    this.timeout(90_000);
    const extension = ourExtension();
    assert.equal(extension.isActive, false, 'active before any request or route file was opened');
    const uri = fixture('api/src/routes/users.ts');
    await open(uri);
    await waitForDiagnostics(uri, (ds) => ds.length > 0, 'the first findings in route code', 30_000);
    assert.equal(extension.isActive, true);
    await extension.exports.ready;
    // Findings may first show the router-relative path (/users/{id}); the mount in app.ts, a file nobody opened,
    // must reach them without any further edit.
    await waitForDiagnostics(uri, (ds) => ds.some((d) => d.message.includes('POST to the item /api/users/{id} ')),
      'the full path /api/users/{id} from the mount in app.ts', 45_000);
  });

  it('activates when the first .http file opens, and lints it', async function () {
    const extension = ourExtension();
    if (extension.isActive) this.skip();
    const uri = fixture('requests/users.http');
    await open(uri);
    await waitForDiagnostics(uri, (ds) => ds.length > 0, 'the first findings');
    assert.equal(extension.isActive, true);
    await extension.exports.ready;
  });
});
