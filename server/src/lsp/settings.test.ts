import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, SettingsStore, validateSettings } from './settings';

describe('lsp/settings', () => {
  it('defaults a missing section', () => {
    assert.deepEqual(validateSettings(undefined), { settings: DEFAULT_SETTINGS, problems: [] });
    assert.deepEqual(validateSettings(null).settings, DEFAULT_SETTINGS);
  });

  it('keeps valid values and drops invalid ones with a problem each', () => {
    const { settings, problems } = validateSettings({
      enable: false,
      rules: { 'post-full-replacement': 'error', 'put-nondeterministic-uri': 'warn' },
      exclude: ['generated/**', '', 7],
      maxFileSize: 1000.7,
    });
    assert.deepEqual(settings, { enable: false, rules: { 'post-full-replacement': 'error' }, exclude: ['generated/**'], maxFileSize: 1000 });
    assert.equal(problems.length, 2);
    assert.match(problems[0], /httpMethodLint\.rules\.put-nondeterministic-uri must be one of off, hint, information, warning, error/);
    assert.match(problems[1], /httpMethodLint\.exclude/);
  });

  it('rejects a section of the wrong type as a whole', () => {
    const { settings, problems } = validateSettings('on');
    assert.equal(settings, DEFAULT_SETTINGS);
    assert.equal(problems.length, 1);
  });

  it('pulls once per scope until the configuration changes, and reports a problem once', async () => {
    const pulls: string[] = [];
    const reported: string[] = [];
    const store = new SettingsStore({
      pull: (scope) => { pulls.push(scope); return Promise.resolve({ maxFileSize: 'big' }); },
      onProblem: (m) => reported.push(m),
    });
    await Promise.all([store.get('file:///a.http'), store.get('file:///a.http'), store.get('file:///b.http')]);
    assert.deepEqual(pulls, ['file:///a.http', 'file:///b.http']);
    assert.equal(reported.length, 1);
    store.changed(null);
    assert.equal((await store.get('file:///a.http')).maxFileSize, DEFAULT_SETTINGS.maxFileSize);
    assert.deepEqual(pulls, ['file:///a.http', 'file:///b.http', 'file:///a.http']);
  });

  it('uses pushed settings when the client cannot be asked, and defaults when the pull fails', async () => {
    const pushOnly = new SettingsStore({ pull: () => undefined, onProblem: () => undefined });
    pushOnly.changed({ enable: false });
    assert.equal((await pushOnly.get('file:///a.http')).enable, false);

    const reported: string[] = [];
    const failing = new SettingsStore({ pull: () => Promise.reject(new Error('gone')), onProblem: (m) => reported.push(m) });
    assert.equal(await failing.get('file:///a.http'), DEFAULT_SETTINGS);
    assert.match(reported[0], /could not read settings for file:\/\/\/a\.http: gone/);
  });
});
