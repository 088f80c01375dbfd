// Mocha's spec reporter, plus a small JSON file with the counts so scripts/test-all.mjs can print one summary line
// over every suite (mocha's own summary is per suite).
'use strict';
const fs = require('fs');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const out = process.env.TEST_COUNTS_FILE;
      if (!out) return;
      const { passes = 0, failures = 0, pending = 0 } = runner.stats || {};
      fs.writeFileSync(out, JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
    });
  }
}

module.exports = CountingReporter;
