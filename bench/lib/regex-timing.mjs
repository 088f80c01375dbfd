#!/usr/bin/env node
// Times every regex of the core against attack strings, in its own process so a catastrophic one can be killed:
//   node bench/lib/regex-timing.mjs <regexes.json> [first index]
// Prints one JSON line per regex as it finishes ({ i, ms5k, ms50k, worst }), after a "start" line, so the parent
// knows which regex hung if it has to kill the process. Growth from 5k to 50k characters: ~10x linear, ~100x quadratic.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const UNITS = ['a', ' ', '\t', '0', '{', '}', '{{', '/', '#', '"', '\\', '-', '.', ':', '=', '@', '$', 'a ', 'a/', '{{a', '"\\', ' \t', '%', '?&', 'x=', '\r\n', '\n'];

function attacks(length) {
  return UNITS.map((unit) => ({ unit, text: unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + '\u0000!\n!' }));
}

/** Fastest of three runs: one slow run is a GC pause or another process, three are the regex. */
function time(re, text) {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    re.lastIndex = 0;
    re.exec(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const regexes = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const small = attacks(5_000);
const large = attacks(50_000);
for (let i = Number(process.argv[3] ?? 0); i < regexes.length; i++) {
  const { source, flags } = regexes[i];
  let re;
  try {
    // Flags as written: a sticky regex is anchored at lastIndex, and dropping `y` would time a different search.
    re = new RegExp(source, flags);
  } catch (e) {
    process.stdout.write(JSON.stringify({ i, error: String(e) }) + '\n');
    continue;
  }
  process.stdout.write(JSON.stringify({ i, start: true }) + '\n');
  let worst = { ms50k: 0, ms5k: 0, unit: '' };
  for (let k = 0; k < large.length; k++) {
    time(re, small[k].text); // warm the regex up before measuring
    const ms5k = time(re, small[k].text);
    const ms50k = time(re, large[k].text);
    if (ms50k > worst.ms50k) worst = { ms50k, ms5k, unit: large[k].unit };
  }
  process.stdout.write(JSON.stringify({ i, ...worst }) + '\n');
}
