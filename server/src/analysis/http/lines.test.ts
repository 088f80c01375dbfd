import * as assert from 'node:assert/strict';
import { contentEnd, contentStart, isBlank, isTrimmedSpace, splitLines } from './lines';

describe('http/lines: line splitting and indentation', () => {
  it('counts as whitespace exactly what String.prototype.trim removes, for every UTF-16 code unit', () => {
    const disagreements: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const trimmed = String.fromCharCode(c).trim() === '';
      if (trimmed !== isTrimmedSpace(c)) disagreements.push(c.toString(16));
    }
    assert.deepEqual(disagreements, []);
  });

  it('splits on LF, CRLF and lone CR, skips a leading BOM, and keeps every offset exact', () => {
    const text = '\ufeffGET /a\r\n  Accept: */*  \r\r\n\u00a0\t\n{ "a": 1 }\u3000';
    const lines = splitLines(text);
    assert.deepEqual(lines.map((l) => l.text), ['GET /a', '  Accept: */*  ', '', '\u00a0\t', '{ "a": 1 }\u3000']);
    for (const l of lines) assert.equal(text.slice(l.start, l.end), l.text);
    assert.deepEqual(lines.map((l) => text.slice(contentStart(l), contentEnd(l))), ['GET /a', 'Accept: */*', '', '', '{ "a": 1 }']);
    assert.deepEqual(lines.map(isBlank), [false, false, true, true, false]);
  });

  it('places a blank line\'s content at its end for contentStart and at its start for contentEnd, as trimming does', () => {
    const [, blank] = splitLines('x\n   \ny');
    assert.equal(contentStart(blank), blank.end);
    assert.equal(contentEnd(blank), blank.start);
  });
});
