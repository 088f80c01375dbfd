/**
 * Settings, pulled from the client per document URI (`workspace/configuration`, section `httpMethodLint`), checked
 * and defaulted, and cached until the client says they changed. Nothing else in the server reads configuration, and
 * no handler keeps settings in a global: each asks the store for the document it serves.
 */
import type { SeveritySetting } from '../analysis/model';
import { SETTINGS_SECTION } from '../protocol';

export interface Settings {
  readonly enable: boolean;
  /** Per-rule severity overrides; rules not listed keep their default. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Globs matched against the workspace-relative path (`/`-separated). */
  readonly exclude: readonly string[];
  /** Documents larger than this (UTF-8 bytes) are not linted. */
  readonly maxFileSize: number;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enable: true,
  rules: Object.freeze({}),
  exclude: Object.freeze([]) as readonly string[],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
});

const SEVERITIES: ReadonlySet<string> = new Set(['off', 'hint', 'information', 'warning', 'error']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turn whatever the client sent into valid settings. Invalid entries fall back to their default and are described
 * in `problems`, so the caller can log them once instead of failing.
 */
export function validateSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, problems };
  if (!isRecord(raw)) {
    problems.push(`${SETTINGS_SECTION} must be an object; using the defaults`);
    return { settings: DEFAULT_SETTINGS, problems };
  }

  let enable = DEFAULT_SETTINGS.enable;
  if (raw.enable !== undefined) {
    if (typeof raw.enable === 'boolean') enable = raw.enable;
    else problems.push(`${SETTINGS_SECTION}.enable must be true or false`);
  }

  const rules: Record<string, SeveritySetting> = {};
  if (raw.rules !== undefined && raw.rules !== null) {
    if (!isRecord(raw.rules)) problems.push(`${SETTINGS_SECTION}.rules must be an object of rule id -> severity`);
    else {
      for (const [id, value] of Object.entries(raw.rules)) {
        if (typeof value === 'string' && SEVERITIES.has(value)) rules[id] = value as SeveritySetting;
        else problems.push(`${SETTINGS_SECTION}.rules.${id} must be one of ${[...SEVERITIES].join(', ')}`);
      }
    }
  }

  let exclude: string[] = [];
  if (raw.exclude !== undefined && raw.exclude !== null) {
    if (Array.isArray(raw.exclude)) {
      exclude = raw.exclude.filter((g): g is string => typeof g === 'string' && g.trim() !== '').map((g) => g.trim());
      if (exclude.length !== raw.exclude.length) problems.push(`${SETTINGS_SECTION}.exclude must hold non-empty strings`);
    } else problems.push(`${SETTINGS_SECTION}.exclude must be an array of globs`);
  }

  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (raw.maxFileSize !== undefined && raw.maxFileSize !== null) {
    if (typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize > 0) {
      maxFileSize = Math.floor(raw.maxFileSize);
    } else problems.push(`${SETTINGS_SECTION}.maxFileSize must be a positive number of bytes`);
  }

  return { settings: { enable, rules, exclude, maxFileSize }, problems };
}

/** How settings reach the server: pulled per scope when the client supports it, pushed otherwise. */
export interface SettingsSource {
  /** Asks the client; undefined when the client cannot answer workspace/configuration (settings are pushed then). */
  pull(scopeUri: string): Promise<unknown> | undefined;
  readonly onProblem: (message: string) => void;
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Settings from the last didChangeConfiguration push, for clients without workspace/configuration. */
  private pushed: Settings = DEFAULT_SETTINGS;
  private readonly reported = new Set<string>();

  constructor(private readonly source: SettingsSource) {}

  /** Settings for a document or folder URI. Concurrent callers share one request. */
  get(scopeUri: string): Promise<Settings> {
    let pending = this.cache.get(scopeUri);
    if (!pending) {
      const pulled = this.source.pull(scopeUri);
      if (!pulled) return Promise.resolve(this.pushed);
      pending = pulled.then(
        (raw) => this.check(raw),
        (e: unknown) => {
          this.report(`could not read settings for ${scopeUri}: ${e instanceof Error ? e.message : String(e)}`);
          return DEFAULT_SETTINGS;
        },
      );
      this.cache.set(scopeUri, pending);
    }
    return pending;
  }

  /** didChangeConfiguration: drop the cache; `pushedSection` is the section's value when the client pushed it. */
  changed(pushedSection: unknown): void {
    this.cache.clear();
    this.reported.clear();
    // Clients that pull ignore the pushed value (VS Code pushes null); the others push the section itself.
    if (pushedSection !== undefined && pushedSection !== null) this.pushed = this.check(pushedSection);
  }

  forget(scopeUri: string): void {
    this.cache.delete(scopeUri);
  }

  private check(raw: unknown): Settings {
    const { settings, problems } = validateSettings(raw);
    for (const p of problems) this.report(p);
    return settings;
  }

  private report(problem: string): void {
    if (this.reported.has(problem)) return;
    this.reported.add(problem);
    this.source.onProblem(problem);
  }
}
