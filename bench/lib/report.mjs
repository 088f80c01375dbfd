// The printed table: each measurement beside its target and whether it is met. Targets come from the project brief.
export const TARGETS = {
  eslintRatio: { text: '>= 10x faster than ESLint', met: (v) => v >= 10 },
  floorRatio: { text: '<= 1.5x the parse floor', met: (v) => v <= 1.5 },
  editP95: { text: 'edit p95 <= 50 ms', met: (v) => v <= 50 },
  rss: { text: 'RSS <= 250 MB after the scan', met: (v) => v <= 250 },
  coldStart: { text: 'cold start <= 500 ms', met: (v) => v <= 500 },
};

const fmt = (v, unit = '', digits = 0) => (v === undefined || v === null || Number.isNaN(v) ? '—' : `${Number(v).toFixed(digits)}${unit}`);
export const ms = (v) => (v >= 10_000 ? fmt(v / 1000, ' s', 1) : fmt(v, ' ms', v < 10 ? 1 : 0));
export const mb = (v) => fmt(v, ' MB', 1);
export const ratio = (v) => fmt(v, 'x', 2);
export const count = (v) => (v === undefined ? '—' : Number(v).toLocaleString('en-US'));

export class Table {
  constructor() {
    this.rows = [];
  }

  section(title) {
    this.rows.push({ title });
  }

  row(label, value, targetKey, raw) {
    const target = targetKey ? TARGETS[targetKey] : undefined;
    const status = target && raw !== undefined && !Number.isNaN(raw) ? (target.met(raw) ? 'MET' : 'MISSED') : '';
    this.rows.push({ label, value, target: target?.text ?? '', status });
  }

  note(text) {
    this.rows.push({ note: text });
  }

  print(write = (s) => process.stdout.write(s)) {
    // Values vary from "12 ms" to a line of detail: pad to a sensible width, never to the longest.
    const labelWidth = Math.min(44, Math.max(...this.rows.filter((r) => r.label).map((r) => r.label.length)));
    for (const r of this.rows) {
      if (r.title) write(`\n== ${r.title}\n`);
      else if (r.note) write(`   ${r.note}\n`);
      else {
        const value = String(r.value);
        const target = r.target ? `${value.length < 24 ? ' '.repeat(24 - value.length) : '  '}[${r.status}] ${r.target}` : '';
        write(`   ${r.label.padEnd(labelWidth)}  ${value}${target}\n`.replace(/\s+\n$/, '\n'));
      }
    }
  }

  /** Targets and whether each was met, for latest.json. */
  verdicts() {
    return this.rows.filter((r) => r.status).map((r) => ({ metric: r.label, value: r.value, target: r.target, status: r.status }));
  }
}
