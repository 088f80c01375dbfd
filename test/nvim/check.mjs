#!/usr/bin/env node
// Checks what headless Neovim received from the language server (see init.lua) against the request file it opened.
// Usage: node test/nvim/check.mjs <out.json> <requests.http> <nvim exit code>
// Prints one line per check; with TEST_COUNTS_FILE set, writes {passed, failed} there for scripts/test-all.mjs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const [outFile, requestFile, nvimExit] = process.argv.slice(2);
const lines = readFileSync(requestFile, 'utf8').split('\n');
const results = [];

function check(name, fn) {
  try {
    fn();
    results.push({ name, ok: true });
  } catch (error) {
    results.push({ name, ok: false, why: error.message });
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** The LSP range of the first `needle` on the first line starting with `prefix`. */
function rangeOf(prefix, needle) {
  const line = lines.findIndex((l) => l.startsWith(prefix));
  const character = lines[line]?.indexOf(needle) ?? -1;
  if (line < 0 || character < 0) throw new Error(`fixture has no ${needle} on a ${prefix} line`);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

// Neovim's JSON encoder sorts keys, so compare positions field by field.
const samePos = (a, b) => a?.line === b.line && a?.character === b.character;
const same = (a, b) => samePos(a?.start, b.start) && samePos(a?.end, b.end);

check('Neovim exited cleanly', () => expect(nvimExit === '0', `nvim exit code ${nvimExit}`));
const got = existsSync(outFile) ? JSON.parse(readFileSync(outFile, 'utf8')) : undefined;
check('Neovim wrote what it received', () => expect(got, `${outFile} is missing`));
const diagnostics = got?.diagnostics ?? [];

check('put-nondeterministic-uri on {{$guid}}', () => {
  const d = diagnostics.find((x) => x.code === 'put-nondeterministic-uri');
  expect(d, `not published; got ${JSON.stringify(diagnostics.map((x) => x.code))}`);
  expect(same(d.range, rangeOf('PUT ', '{{$guid}}')), `range ${JSON.stringify(d.range)}`);
  expect(d.severity === 2 && d.source === 'http-method-lint', `severity ${d.severity}, source ${d.source}`);
  // No codeDescription expected: Neovim 0.7 does not announce codeDescriptionSupport, and the server respects that.
});
check('post-full-replacement on POST', () => {
  const d = diagnostics.find((x) => x.code === 'post-full-replacement');
  expect(d, 'not published');
  expect(same(d.range, rangeOf('POST ', 'POST')), `range ${JSON.stringify(d.range)}`);
});
check('nothing else (the GET is fine)', () => expect(diagnostics.length === 2, `${diagnostics.length} diagnostics`));
check('hover on POST explains the method and the finding', () => {
  const value = got?.hover?.contents?.value ?? '';
  expect(/\*\*POST\*\*/.test(value) && /RFC 9110/.test(value), `hover: ${value.slice(0, 200)}`);
  expect(value.includes('post-full-replacement'), 'hover does not name the finding');
  expect(same(got.hover.range, rangeOf('POST ', 'POST')), `hover range ${JSON.stringify(got.hover.range)}`);
});

for (const r of results) console.log(`${r.ok ? '  ✔' : '  ✗'} ${r.name}${r.ok ? '' : `: ${r.why}`}`);
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`nvim: ${passed} passed, ${failed} failed`);
if (process.env.TEST_COUNTS_FILE) writeFileSync(process.env.TEST_COUNTS_FILE, JSON.stringify({ passed, failed }));
process.exit(failed > 0 ? 1 : 0);
